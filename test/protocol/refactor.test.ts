// The split refactor over the protocol: offered as refactor.rewrite with its predicted saving; its edit yields a two-stage file.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeAction, TextEdit } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { ROOT, startServer, type ServerSession } from './harness';

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
  const out = applyEdits(text, split.edit!.changes![uri] as TextEdit[]);
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
