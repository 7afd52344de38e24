// Edits are tied to the text they were computed for: quick fixes of a diagnostic from an earlier text, rewrites after
// a document was closed and reopened (version 1 again), and versioned `documentChanges` for clients that check them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { applyEdits } from '../../server/src/core/text';
import { ROOT, editsFor, startServer, type ServerSession } from './harness';

const PATH = join(ROOT, 'test', 'fixtures', 'versions', 'Dockerfile');
let server: ServerSession;

before(async () => {
  server = await startServer();
});
after(async () => server.stop());

async function codeActions(s: ServerSession, uri: string, line: number, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return (await s.connection.sendRequest('textDocument/codeAction', {
    textDocument: { uri },
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    context: { diagnostics, ...(only ? { only } : {}) },
  })) as CodeAction[];
}

const moved = (d: Diagnostic, lines: number): Diagnostic => ({
  ...d,
  range: { start: { ...d.range.start, line: d.range.start.line + lines }, end: { ...d.range.end, line: d.range.end.line + lines } },
});

test('a diagnostic from the previous text gets the fix computed for the current one, at the current offsets', async () => {
  const v1 = 'FROM python:3.12-slim\nRUN pip install flask\n';
  const uri = server.open(PATH, 'dockerfile', v1);
  const [pip] = (await server.diagnostics(uri, (d) => d.some((x) => x.code === 'DL3042'))).filter((d) => d.code === 'DL3042');
  // A line typed above it; the editor moved the marker down a line, the lint of version 2 has not been published yet.
  const v2 = `# base image\n${v1}`;
  server.change(uri, v2, 2);
  const actions = await codeActions(server, uri, 2, [moved(pip!, 1)], ['quickfix']);
  const fix = actions.find((a) => a.title === "Add '--no-cache-dir'");
  assert.ok(fix, actions.map((a) => a.title).join(' | '));
  const { edits, version } = editsFor(fix.edit, uri);
  assert.equal(version, 2);
  assert.equal(applyEdits(v2, edits), '# base image\nFROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n');
});

test('a diagnostic whose finding is gone from the current text offers no fix', async () => {
  const v1 = 'FROM python:3.12-slim\nRUN pip install flask\n';
  const uri = server.open(join(ROOT, 'test', 'fixtures', 'versions', 'gone', 'Dockerfile'), 'dockerfile', v1);
  const [pip] = (await server.diagnostics(uri, (d) => d.some((x) => x.code === 'DL3042'))).filter((d) => d.code === 'DL3042');
  server.change(uri, 'FROM python:3.12-slim\nRUN echo pip install flask\n', 2);
  const actions = await codeActions(server, uri, 1, [pip!], ['quickfix']);
  assert.deepEqual(actions.filter((a) => a.title === "Add '--no-cache-dir'"), []);
});

test('a document closed and reopened at version 1 with another text gets rewrites of the new text', async () => {
  const first = 'FROM python:3.12-bookworm\nRUN pip install --no-cache-dir flask\n';
  const uri = server.open(PATH, 'dockerfile', first);
  await server.diagnostics(uri);
  const slim = async (): Promise<CodeAction | undefined> => (await codeActions(server, uri, 0, [], ['refactor'])).find((a) => /slim/i.test(a.title));
  const before = await slim();
  assert.ok(before);
  assert.equal(applyEdits(first, editsFor(before.edit, uri).edits), 'FROM python:3.12-slim-bookworm\nRUN pip install --no-cache-dir flask\n');
  void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  const second = 'FROM python:3.11-bookworm\nRUN pip install --no-cache-dir requests\n';
  server.open(PATH, 'dockerfile', second, 1);
  await server.diagnostics(uri);
  const reopened = await slim();
  assert.ok(reopened);
  const { edits, version } = editsFor(reopened.edit, uri);
  assert.equal(version, 1);
  assert.equal(applyEdits(second, edits), 'FROM python:3.11-slim-bookworm\nRUN pip install --no-cache-dir requests\n');
});

test('a client without documentChanges support gets plain changes', async () => {
  const plain = await startServer({ documentChanges: false });
  try {
    const text = 'FROM python:3.12-slim\nRUN pip install flask\n';
    const uri = plain.open(PATH, 'dockerfile', text);
    const [pip] = (await plain.diagnostics(uri, (d) => d.some((x) => x.code === 'DL3042'))).filter((d) => d.code === 'DL3042');
    const fix = (await codeActions(plain, uri, 1, [pip!], ['quickfix'])).find((a) => a.title === "Add '--no-cache-dir'");
    assert.ok(fix?.edit?.changes);
    assert.equal(fix.edit.documentChanges, undefined);
    assert.equal(applyEdits(text, editsFor(fix.edit, uri).edits), 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n');
  } finally {
    await plain.stop();
  }
});
