// Code actions on the example Dockerfile: what is offered on a finding, a quick fix applied, fix-all.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  activateLayerwise, applyCodeAction, codeActions, codeOf, describeDiagnostics, expected, lineWith, openInEditor,
  restoreText, waitForDiagnostics,
} from './helpers';

describe('code actions on the example Dockerfile', () => {
  let doc: vscode.TextDocument;
  let original: string;
  const qf = expected.dockerfile.quickFix;

  const has = (code: string) => (ds: vscode.Diagnostic[]) => ds.some((d) => codeOf(d) === code);
  const findingOf = async (code: string) => (await waitForDiagnostics(doc, has(code), code)).find((d) => codeOf(d) === code)!;

  before(async () => {
    await activateLayerwise();
    doc = await openInEditor(expected.dockerfile.file);
    original = doc.getText();
  });

  // Every test starts from the example's text with its findings published again.
  afterEach(async () => {
    await restoreText(doc, original);
    await waitForDiagnostics(doc, has(qf.code), `${qf.code} back after restoring the text`);
  });

  it(`offers "${qf.title}" as the preferred quick fix on ${qf.code}`, async () => {
    const finding = await findingOf(qf.code);
    const actions = await codeActions(doc, finding.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.title === qf.title);
    assert.ok(fix, `offered: ${actions.map((a) => a.title).join(' | ') || '(nothing)'}`);
    // executeCodeActionProvider drops `diagnostics` from its results, so the link to the finding is not comparable here.
    assert.deepStrictEqual(
      { kind: fix.kind?.value, preferred: fix.isPreferred ?? false },
      { kind: vscode.CodeActionKind.QuickFix.value, preferred: true },
    );
  });

  it(`offers "${qf.title}" at a bare caret inside the ${qf.code} finding, as Ctrl+. asks`, async () => {
    const finding = await findingOf(qf.code);
    const caret = new vscode.Range(finding.range.start.translate(0, 1), finding.range.start.translate(0, 1));
    const actions = await codeActions(doc, caret);
    assert.ok(actions.some((a) => a.title === qf.title), `offered: ${actions.map((a) => a.title).join(' | ') || '(nothing)'}`);
  });

  it(`applying "${qf.title}" edits the line and clears ${qf.code}, and only it`, async () => {
    const before = await findingOf(qf.code);
    const otherCodes = vscode.languages.getDiagnostics(doc.uri).map(codeOf).filter((c) => c !== qf.code).sort();
    const fix = (await codeActions(doc, before.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === qf.title);
    assert.ok(fix, `"${qf.title}" offered`);
    await applyCodeAction(fix);
    assert.strictEqual(doc.lineAt(before.range.start.line).text, qf.lineAfter);
    const after = await waitForDiagnostics(doc, (ds) => !has(qf.code)(ds), `${qf.code} to clear`);
    assert.deepStrictEqual(after.map(codeOf).sort(), otherCodes, `after the fix: ${describeDiagnostics(doc, after)}`);
  });

  it(`fix-all (${expected.dockerfile.fixAll.kind}) clears ${expected.dockerfile.fixAll.clears.join(', ')} in one edit`, async () => {
    const clears = expected.dockerfile.fixAll.clears;
    await waitForDiagnostics(doc, (ds) => clears.every((c) => has(c)(ds)), `codes ${clears.join(', ')}`);
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const actions = await codeActions(doc, whole, expected.dockerfile.fixAll.kind);
    const fixAll = actions.find((a) => a.kind?.value === expected.dockerfile.fixAll.kind);
    assert.ok(fixAll, `offered for ${expected.dockerfile.fixAll.kind}: ${actions.map((a) => `${a.title} (${a.kind?.value})`).join(' | ') || '(nothing)'}`);
    await applyCodeAction(fixAll);
    const after = await waitForDiagnostics(doc, (ds) => !clears.some((c) => has(c)(ds)), `${clears.join(', ')} to clear`);
    assert.ok(lineWith(doc, 'pip install').includes('--no-cache-dir'), 'pip install got --no-cache-dir');
    assert.ok(after.every((d) => !clears.includes(codeOf(d))), describeDiagnostics(doc, after));
  });

  it(`fix-all leaves only ${expected.dockerfile.fixAll.remains.join(', ')}: findings without a safe fix in the file`, async () => {
    const { clears, remains, kind } = expected.dockerfile.fixAll;
    const before = await waitForDiagnostics(doc, (ds) => [...clears, ...remains].every((c) => has(c)(ds)), `codes ${[...clears, ...remains].join(', ')}`);
    const codes = (ds: vscode.Diagnostic[]) => [...new Set(ds.map(codeOf))].sort();
    const whole = new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length));
    const fixAll = (await codeActions(doc, whole, kind)).find((a) => a.kind?.value === kind);
    assert.ok(fixAll, `${kind} offered`);
    await applyCodeAction(fixAll);
    const after = await waitForDiagnostics(doc, (ds) => ds.length > 0 && !clears.some((c) => has(c)(ds)), `${clears.join(', ')} to clear`);
    assert.deepStrictEqual(
      { before: codes(before).filter((c) => remains.includes(c)), after: codes(after) },
      { before: [...remains].sort(), after: [...remains].sort() },
      `after fix-all: ${describeDiagnostics(doc, after)}`,
    );
  });

  // The builder-stage refactor, which fix-all leaves to the user (it changes the base image): split.test.ts.
});
