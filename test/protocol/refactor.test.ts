// The split refactor over the protocol: offered as refactor.rewrite with its predicted saving; its edit yields a two-stage file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { ROOT, editsFor, startServer, type ServerSession } from './harness';

const EXAMPLE = join(ROOT, 'examples', 'flask-app', 'Dockerfile');
const text = readFileSync(EXAMPLE, 'utf8');
let server: ServerSession;

before(async () => {
  server = await startServer();
});
after(async () => server.stop());

test('"Split into builder stage" is offered with a predicted saving and rewrites the example into builder + slim stages', async () => {
  const uri = server.open(EXAMPLE, 'dockerfile', text);
  await server.diagnostics(uri, (d) => d.length > 0);
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } },
    context: { diagnostics: [], only: ['refactor'] },
  })) as CodeAction[];
  const split = actions.find((a) => a.title.startsWith('Split into builder stage'));
  assert.ok(split, actions.map((a) => a.title).join(' | '));
  assert.equal(split.kind, 'refactor.rewrite');
  assert.match(split.title, /≈ −\d+(\.\d+)? (MB|GB)/);
  const { edits, version } = editsFor(split.edit, uri);
  assert.equal(version, 1);
  const out = applyEdits(text, edits);
  assert.match(out, /^FROM python:3\.12 AS builder$/m);
  assert.match(out, /^FROM python:3\.12-slim$/m);
  assert.match(out, /COPY --from=builder \/opt\/venv \/opt\/venv/);
  assert.match(out, /libpq5/);
  // Every comment of the original survives.
  for (const line of text.split('\n').filter((l) => l.startsWith('#'))) assert.ok(out.includes(line), line);
  server.change(uri, out, 2);
  const after = await server.diagnostics(uri, (d) => d.length > 0);
  assert.deepEqual(after.filter((d) => d.code === 'LW003'), []);
});

test('the lightbulb on the build packages lists the split once: the LW003 fix on gcc and on libpq-dev gives way to the refactor, which names its saving and the findings it fixes', async () => {
  const uri = server.open(EXAMPLE, 'dockerfile', text);
  const diagnostics = await server.diagnostics(uri, (d) => d.filter((x) => x.code === 'LW003').length === 2);
  const lw003 = diagnostics.filter((d) => d.code === 'LW003');
  const line = lw003[0]!.range.start.line;
  const actions = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: text.split('\n')[line]!.length } },
    context: { diagnostics: lw003 },
  })) as CodeAction[];
  const splits = actions.filter((a) => a.title.startsWith('Split into builder stage') && !a.title.includes('keeping'));
  assert.equal(splits.length, 1, actions.map((a) => `${a.kind}: ${a.title}`).join(' | '));
  assert.equal(splits[0]!.kind, 'refactor.rewrite');
  assert.match(splits[0]!.title, /≈ −\d+(\.\d+)? (MB|GB)/);
  assert.deepEqual(splits[0]!.diagnostics?.map((d) => d.code), ['LW003', 'LW003']);
  // Asked for quick fixes only (no refactors in the answer), the split stays offered once, for both findings.
  const quick = (await server.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics: lw003, only: ['quickfix'] },
  })) as CodeAction[];
  const quickSplits = quick.filter((a) => a.title.startsWith('Split into builder stage'));
  assert.equal(quickSplits.length, 1, quick.map((a) => a.title).join(' | '));
  assert.equal(quickSplits[0]!.diagnostics?.length, 2);
});

test('with a client that resolves edits, fix-all is offered without its edit and computed when chosen (codeAction/resolve)', async () => {
  const lazy = await startServer({ resolveCodeActionEdits: true });
  try {
    const uri = lazy.open(EXAMPLE, 'dockerfile', text);
    await lazy.diagnostics(uri, (d) => d.some((x) => x.code === 'DL3042'));
    const actions = (await lazy.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll.layerwise'] },
    })) as CodeAction[];
    assert.equal(actions.length, 1);
    assert.equal(actions[0]!.title, 'Fix all safe Layerwise problems');
    assert.equal(actions[0]!.edit, undefined);
    const resolved = (await lazy.connection.sendRequest('codeAction/resolve', actions[0])) as CodeAction;
    const edit = editsFor(resolved.edit, uri).edits[0]!;
    assert.match(edit.newText, /pip install --no-cache-dir -r requirements\.txt\nCOPY \. \./);
    lazy.change(uri, edit.newText, 2);
    const after = await lazy.diagnostics(uri, (d) => !d.some((x) => x.code === 'DL3042'));
    assert.deepEqual(after.filter((d) => ['DL3042', 'LW001', 'DL3009'].includes(String(d.code))), []);
    // Resolved again on the fixed text: nothing is left to do, and the edit says so.
    const again = (await lazy.connection.sendRequest('codeAction/resolve', actions[0])) as CodeAction;
    assert.deepEqual(again.edit, { changes: {} });
  } finally {
    await lazy.stop();
  }
});
