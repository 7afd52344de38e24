// The "Split into builder stage" refactor in the editor: offered with its predicted saving, applied, LW003 gone.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateLayerwise, applyCodeAction, codeActions, codeOf, describeDiagnostics, expected, openInEditor, rangeOf,
  restoreText, waitForDiagnostics,
} from './helpers';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
// "Split into builder stage (≈ −994 MB)": the title carries the estimator's saving (a minus sign, U+2212).
const withSaving = (title: string) => new RegExp(`^${escape(title)} \\(≈ \\u2212\\d+(?:\\.\\d+)? ?(?:kB|MB|GB)\\)$`);

describe('split into builder stage', () => {
  let doc: vscode.TextDocument;
  let original: string;
  const split = expected.dockerfile.split;
  const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
  const refactors = async () => codeActions(doc, rangeOf(doc, split.at), split.kind);
  const titles = (as: vscode.CodeAction[]) => as.map((a) => a.title).join(' | ') || '(nothing)';

  before(async () => {
    await activateLayerwise();
    doc = await openInEditor(expected.dockerfile.file);
    original = doc.getText();
  });

  afterEach(async () => {
    await restoreText(doc, original);
    await waitForDiagnostics(doc, (ds) => split.clears.every((c) => has(c)(ds)), `${split.clears.join(', ')} back after restoring the text`);
  });

  it(`offers "${split.title}" with its saving, once, as ${split.kind} on FROM`, async () => {
    await waitForDiagnostics(doc, (ds) => split.clears.every((c) => has(c)(ds)), split.clears.join(', '));
    const actions = await refactors();
    const splits = actions.filter((a) => a.title.startsWith(split.title));
    assert.strictEqual(splits.length, 1, `offered: ${titles(actions)}`);
    assert.ok(withSaving(split.title).test(splits[0]!.title), `offered: ${titles(actions)}`);
    assert.strictEqual(splits[0]!.kind?.value, split.kind);
  });

  it(`applying it gives a builder stage and a final ${split.finalFrom}, and ${split.clears.join(', ')} disappears`, async () => {
    const before = await waitForDiagnostics(doc, (ds) => split.clears.every((c) => has(c)(ds)), split.clears.join(', '));
    const action = (await refactors()).find((a) => withSaving(split.title).test(a.title));
    assert.ok(action, `"${split.title}" offered`);
    await applyCodeAction(action);
    const froms = doc.getText().split('\n').filter((l) => /^FROM\s/i.test(l));
    assert.deepStrictEqual(froms, [split.builderFrom, split.finalFrom]); // no message: mocha prints the two lists' diff
    assert.ok(/^COPY --from=builder /m.test(doc.getText()), `the final stage copies from the builder:\n${doc.getText()}`);
    // Still a finding elsewhere (LW007: no USER) once republished, so an empty list in between does not count as done.
    const after = await waitForDiagnostics(doc, (ds) => ds.length > 0 && !split.clears.some((c) => has(c)(ds)),
      `${split.clears.join(', ')} to clear (was: ${describeDiagnostics(doc, before)})`);
    assert.ok(after.every((d) => !split.clears.includes(codeOf(d))), describeDiagnostics(doc, after));
  });

  it('the split is idempotent: on the two-stage result it is no longer offered', async () => {
    const action = (await refactors()).find((a) => withSaving(split.title).test(a.title));
    assert.ok(action, `"${split.title}" offered`);
    await applyCodeAction(action);
    await waitForDiagnostics(doc, (ds) => ds.length > 0 && !split.clears.some((c) => has(c)(ds)), `${split.clears.join(', ')} to clear`);
    const again = (await codeActions(doc, rangeOf(doc, split.finalFrom), split.kind)).filter((a) => a.title.startsWith(split.title));
    assert.deepStrictEqual(again.map((a) => a.title), []);
  });
});
