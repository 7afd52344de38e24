// Findings on the example Dockerfile as the editor receives them: code, severity, source and the text they cover.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateLayerwise, codeOf, expected, openInEditor, severityName, waitForDiagnostics } from './helpers';

describe('diagnostics on the example Dockerfile', () => {
  let doc: vscode.TextDocument;
  let diags: vscode.Diagnostic[];
  const wantedCodes = expected.dockerfile.diagnostics.map((d) => d.code);

  before(async () => {
    await activateLayerwise();
    doc = await openInEditor(expected.dockerfile.file);
    // The server may publish in steps (e.g. syntax first, then rules needing data): wait until every expected code is there.
    diags = await waitForDiagnostics(
      doc,
      (ds) => wantedCodes.every((c) => ds.some((d) => codeOf(d) === c)),
      `codes ${wantedCodes.join(', ')}`,
    );
  });

  it('reports each expected finding with its severity on the text it is about', () => {
    const actual = expected.dockerfile.diagnostics.map((want) => {
      const candidates = diags.filter((d) => codeOf(d) === want.code);
      const d = candidates.find((c) => doc.getText(c.range).includes(want.covers)) ?? candidates[0];
      if (!d) return { code: want.code, severity: '(missing)', covers: '(missing)' };
      const text = doc.getText(d.range);
      // A range may be wider than the words named in expected.json; it must contain them.
      return { code: want.code, severity: severityName(d.severity), covers: text.includes(want.covers) ? want.covers : text };
    });
    assert.deepStrictEqual(actual, expected.dockerfile.diagnostics);
  });

  it(`marks every finding with source "${expected.source}", a code and a message`, () => {
    const bad = diags.filter((d) => d.source === expected.source && (!codeOf(d) || !d.message.trim()));
    assert.deepStrictEqual(bad.map((d) => d.message), []);
    assert.ok(diags.every((d) => d.source === expected.source), `sources: ${[...new Set(diags.map((d) => d.source))].join(', ')}`);
  });

  it('links each finding to its rule documentation', () => {
    const unlinked = diags.filter((d) => typeof d.code !== 'object' || !d.code.target).map(codeOf);
    assert.deepStrictEqual(unlinked, []);
  });
});
