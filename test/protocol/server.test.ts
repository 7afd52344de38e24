// Protocol tests: the bundled server over stdio, as an editor sees it — capabilities, diagnostics, hover, code actions.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, Diagnostic, Hover } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { ROOT, editsFor, startServer, type ServerSession } from './harness';

const EXAMPLE = join(ROOT, 'examples', 'flask-app', 'Dockerfile');
const exampleText = readFileSync(EXAMPLE, 'utf8');

describe('language server over stdio', () => {
  let server: ServerSession;
  before(async () => {
    server = await startServer();
  });
  after(async () => server.stop());

  test('advertises diagnostics-related capabilities: incremental sync, code actions with fix-all, hover', () => {
    const caps = server.initialize.capabilities;
    assert.deepEqual(caps.textDocumentSync, { openClose: true, change: 2 });
    assert.equal(caps.hoverProvider, true);
    const kinds = (caps.codeActionProvider as { codeActionKinds: string[] }).codeActionKinds;
    assert.ok(kinds.includes('quickfix'));
    assert.ok(kinds.includes('source.fixAll.layerwise'));
    assert.equal(server.initialize.serverInfo?.name, 'layerwise');
  });

  test('publishes the example\'s findings with codes, sources, doc links and exact ranges', async () => {
    const uri = server.open(EXAMPLE, 'dockerfile', exampleText);
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    const codes = new Set(diags.map((d) => String(d.code)));
    for (const code of ['DL3042', 'DL3009', 'DL3015', 'LW001']) assert.ok(codes.has(code), `missing ${code}: ${[...codes].join(', ')}`);
    for (const d of diags) {
      assert.equal(d.source, 'layerwise');
      assert.ok(d.codeDescription?.href.endsWith(`${String(d.code)}.md`));
    }
    const lines = exampleText.split('\n');
    const pip = diags.find((d) => d.code === 'DL3042')!;
    assert.equal(lines[pip.range.start.line]!.slice(pip.range.start.character, pip.range.end.character), 'pip install');
    const copy = diags.find((d) => d.code === 'LW001')!;
    assert.equal(lines[copy.range.start.line], 'COPY . .');
    assert.equal(copy.range.end.character - copy.range.start.character, 1);
  });

  test('hover on FROM explains the image reference', async () => {
    const uri = server.open(EXAMPLE, 'dockerfile', exampleText);
    const line = exampleText.split('\n').findIndex((l) => l.startsWith('FROM'));
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 8 } })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /python:3\.12/);
    assert.match(md, /Debian 13/);
    assert.match(md, /glibc/);
  });

  test('a quick fix\'s edit, applied to the text, makes its finding go away', async () => {
    const uri = server.open(EXAMPLE, 'dockerfile', exampleText);
    const diags = await server.diagnostics(uri, (d) => d.some((x) => x.code === 'DL3042'));
    const pip = diags.find((d) => d.code === 'DL3042')!;
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: pip.range,
      context: { diagnostics: [pip], only: ['quickfix'] },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === "Add '--no-cache-dir'");
    assert.ok(fix, `actions: ${actions.map((a) => a.title).join(' | ')}`);
    assert.equal(fix.isPreferred, true);
    assert.ok(actions.some((a) => a.title === 'Ignore DL3042 for this instruction'));
    const { edits, version } = editsFor(fix.edit, uri);
    assert.equal(version, 1, 'the fix is tied to the version it was computed for');
    const fixed = applyEdits(exampleText, edits);
    server.change(uri, fixed, 2);
    const after = await server.diagnostics(uri, (d) => d.length > 0 && !d.some((x) => x.code === 'DL3042'));
    assert.ok(after.every((d: Diagnostic) => d.code !== 'DL3042'));
  });

  test('fix-all applies every safe fix in one edit', async () => {
    const uri = server.open(EXAMPLE, 'dockerfile', exampleText);
    await server.diagnostics(uri, (d) => d.length > 0);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.layerwise'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    const edit = editsFor(actions[0]!.edit, uri).edits[0]!;
    assert.match(edit.newText, /pip install --no-cache-dir -r requirements\.txt\nCOPY \. \./);
    server.change(uri, edit.newText, 3);
    const after = await server.diagnostics(uri, (d) => !d.some((x) => ['DL3042', 'LW001', 'DL3009'].includes(String(x.code))));
    assert.deepEqual(after.filter((d) => ['DL3042', 'LW001', 'DL3009'].includes(String(d.code))), []);
  });

  test('garbage and binary input give a clear result, never a crash', async () => {
    const uri = server.open(join(ROOT, 'test', 'Dockerfile.garbage'), 'dockerfile', 'FROM\nRUN $((( "\n\u0001\u0002 \\\nCOPY\n');
    const d = await server.diagnostics(uri);
    assert.ok(Array.isArray(d));
    const bin = server.open(join(ROOT, 'test', 'Dockerfile.bin'), 'dockerfile', 'FROM x\u0000\u0000');
    const b = await server.diagnostics(bin);
    assert.match(b[0]!.message, /binary/);
  });
});
