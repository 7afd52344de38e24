// Size estimates in the editor: the FROM and RUN hovers with their numbers and basis, the CodeLens above the FROM.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateLayerwise, expected, hoverMarkdown, openInEditor, rangeOf, waitForLayerwiseDiagnostics } from './helpers';

// A size as the estimator prints it ("1.11 GB", "≈ 422 MB"); a hover never shows a number without one.
const SIZE = /\d+(?:\.\d+)? ?(?:kB|MB|GB)\b/;
const DATE = /\b20\d\d-\d\d(?:-\d\d)?\b/;
const missingIn = (text: string, wanted: string[]) => wanted.filter((s) => !text.includes(s));

describe('size estimates on the example Dockerfile', () => {
  let doc: vscode.TextDocument;
  const sizes = expected.dockerfile.sizeHover;

  before(async () => {
    await activateLayerwise();
    doc = await openInEditor(expected.dockerfile.file);
    await waitForLayerwiseDiagnostics(doc); // the server has analysed this version
  });

  it('hover on FROM gives the base image size on disk and download, with its source and date', async () => {
    const md = await hoverMarkdown(doc, rangeOf(doc, sizes.from.at).start.translate(0, 1));
    assert.deepStrictEqual(missingIn(md, sizes.from.contains), [], `hover markdown:\n${md}`);
    const sizeLine = md.split('\n').find((l) => l.includes(sizes.from.contains[0])) ?? '';
    assert.match(sizeLine, SIZE, `the size line has a number with a unit: ${sizeLine}`);
    const source = md.split('\n').find((l) => l.includes('Source')) ?? '';
    assert.match(md, DATE, `the basis is dated; source line: ${source}`);
  });

  it('hover on a RUN line says what the layer adds and which packages make it up', async () => {
    const run = rangeOf(doc, sizes.run.line);
    const md = await hoverMarkdown(doc, run.start.translate(0, 1)); // on the RUN keyword, clear of findings
    assert.deepStrictEqual(missingIn(md, sizes.run.contains), [], `hover markdown:\n${md}`);
    const adds = md.split('\n').find((l) => l.includes(sizes.run.contains[0])) ?? '';
    assert.match(adds, SIZE, `the layer's size has a number with a unit: ${adds}`);
  });

  it('CodeLens above the FROM names the stage by its base, gives the image size and download, fits in 60 characters and opens the size view', async () => {
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
    const from = rangeOf(doc, 'FROM ').start.line;
    const here = (lenses ?? []).filter((l) => l.range.start.line === from);
    const lens = expected.dockerfile.codeLens;
    assert.strictEqual(here.length, 1, `lenses on line ${from + 1}: ${here.map((l) => l.command?.title).join(' | ') || '(none)'}`);
    const title = here[0]!.command?.title ?? '';
    assert.ok(title.startsWith(lens.stage), title);
    assert.match(title, SIZE);
    assert.ok(title.includes(lens.final) && title.includes(lens.download), `the only stage is the final image, with its download: ${title}`);
    assert.ok(title.length <= lens.maxLength, `${title.length} characters: ${title}`);
    assert.strictEqual(here[0]!.command?.command, lens.command);
  });
});
