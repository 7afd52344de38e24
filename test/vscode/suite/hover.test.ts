// Hovers a person gets on the example: what the base image is, what a requirement is and weighs.
import * as assert from 'assert';
import { activateLayerwise, expected, hoverMarkdown, openInEditor, rangeOf, waitForLayerwiseDiagnostics } from './helpers';

describe('hover', () => {
  before(activateLayerwise);

  it('describes the base image on FROM, naming image and tag', async () => {
    const doc = await openInEditor(expected.dockerfile.file);
    await waitForLayerwiseDiagnostics(doc); // the server has parsed this version
    const from = rangeOf(doc, 'FROM ');
    const at = rangeOf(doc, expected.dockerfile.fromHover.at).start.translate(0, 1);
    assert.strictEqual(at.line, from.start.line, 'the hover position is on the FROM line');
    const md = await hoverMarkdown(doc, at);
    const missing = expected.dockerfile.fromHover.contains.filter((s) => !md.includes(s));
    assert.deepStrictEqual(missing, [], `hover markdown:\n${md}`);
  });

  it('describes a requirement on its line in requirements.txt: its installed size with dependencies', async () => {
    const doc = await openInEditor(expected.requirements.file);
    const at = rangeOf(doc, expected.requirements.hover.at).start.translate(0, 1);
    const md = await hoverMarkdown(doc, at);
    const missing = expected.requirements.hover.contains.filter((s) => !md.toLowerCase().includes(s.toLowerCase()));
    assert.deepStrictEqual(missing, [], `hover markdown:\n${md}`);
  });

  // Size hovers on FROM and RUN, and the CodeLens: size.test.ts.
});
