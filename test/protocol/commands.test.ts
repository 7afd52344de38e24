// The server's commands over stdio (estimate, split, status), its start-up log line, plain-text messages, and a missing ShellCheck said once, never per file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { WorkspaceEdit } from 'vscode-languageserver-protocol';
import { ROOT, editsFor, startServer, type ServerSession } from './harness';

const EXAMPLE = join(ROOT, 'examples', 'flask-app', 'Dockerfile');
const EXAMPLE_TEXT = readFileSync(EXAMPLE, 'utf8');

const run = (server: ServerSession, command: string, ...args: unknown[]): Promise<unknown> =>
  server.connection.sendRequest('workspace/executeCommand', { command, arguments: args });

test('lists its commands and logs its version and the size-data date at start', async () => {
  const logs: string[] = [];
  const server = await startServer({ onLog: (p) => logs.push(p.message) });
  try {
    assert.deepEqual(server.initialize.capabilities.executeCommandProvider?.commands, ['layerwise.server.estimate', 'layerwise.server.splitBuilderStage', 'layerwise.server.status', 'layerwise.server.ruleDoc']);
    assert.ok(logs.includes('Layerwise language server 0.1.0; size data collected 2026-11-29'), JSON.stringify(logs));
    const status = await run(server, 'layerwise.server.status');
    // Untrusted (the harness default): ShellCheck may not run, so it is "off", not "missing".
    assert.deepEqual(status, { version: '0.1.0', dataDate: '2026-11-29', shellcheck: 'off' });
  } finally {
    await server.stop();
  }
});

test("ruleDoc answers a rule's page rendered from its metadata, the same text as docs/rules, and null for an unknown code", async () => {
  const server = await startServer();
  try {
    const page = (await run(server, 'layerwise.server.ruleDoc', 'DL3042')) as string;
    assert.equal(page, readFileSync(join(ROOT, 'docs', 'rules', 'DL3042.md'), 'utf8'));
    assert.match((await run(server, 'layerwise.server.ruleDoc', 'README')) as string, /^\| \[DL3042\]\(DL3042\.md\) \| pip-install-without-no-cache-dir \|/m);
    assert.equal(await run(server, 'layerwise.server.ruleDoc', 'XX9999'), null);
  } finally {
    await server.stop();
  }
});

test('estimate answers the `layerwise estimate` text and a short label for the open Dockerfile', async () => {
  const server = await startServer();
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', EXAMPLE_TEXT);
    await server.diagnostics(uri, (d) => d.length > 0);
    const answer = (await run(server, 'layerwise.server.estimate', { uri })) as { uri: string; label: string; text: string };
    assert.equal(answer.uri, uri);
    assert.match(answer.label, /^\d+(\.\d{1,2})? (MB|GB)$/);
    assert.ok(answer.text.startsWith(`${EXAMPLE}: size estimate (on disk; typical and range)`), answer.text.slice(0, 200));
    assert.match(answer.text, /\nImage \(stage 0\): ≈ /);
    // A document the server does not hold has no estimate.
    assert.equal(await run(server, 'layerwise.server.estimate', { uri: 'file:///nowhere/Dockerfile' }), null);
  } finally {
    await server.stop();
  }
});

test('split applies the builder-stage split through workspace/applyEdit, and says why when it cannot', async () => {
  const server = await startServer();
  const edits: { label?: string; edit: WorkspaceEdit }[] = [];
  server.connection.onRequest('workspace/applyEdit', (p: (typeof edits)[number]) => {
    edits.push(p);
    return { applied: true };
  });
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', EXAMPLE_TEXT);
    await server.diagnostics(uri, (d) => d.length > 0);
    const answer = (await run(server, 'layerwise.server.splitBuilderStage', { uri })) as { applied: boolean; title: string };
    assert.equal(answer.applied, true);
    assert.match(answer.title, /^Split into builder stage/);
    assert.doesNotMatch(answer.title, /`/);
    assert.equal(edits.length, 1);
    assert.deepEqual(edits[0]!.edit.documentChanges?.map((c) => ('textDocument' in c ? c.textDocument : c)), [{ uri, version: 1 }]);
    assert.ok(editsFor(edits[0]!.edit, uri).edits.some((e) => e.newText.includes('AS builder')), JSON.stringify(edits[0]));

    const plain = server.open(join(ROOT, 'test', 'Dockerfile.nosplit'), 'dockerfile', 'FROM alpine:3.20\nRUN echo hi\n');
    await server.diagnostics(plain);
    const refused = (await run(server, 'layerwise.server.splitBuilderStage', plain)) as { applied: boolean; reason: string };
    assert.deepEqual(refused, { applied: false, reason: "'alpine:3.20' is not an official Python image, so the builder and the final stage cannot be paired on the same Python" });
    assert.equal(edits.length, 1, 'nothing applied when the split declines');
  } finally {
    await server.stop();
  }
});

test('diagnostic messages and quick-fix titles are plain text: code spans become quotes', async () => {
  const server = await startServer();
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', EXAMPLE_TEXT);
    const diags = await server.diagnostics(uri, (d) => d.some((x) => x.code === 'DL3042'));
    const dl3042 = diags.find((d) => d.code === 'DL3042')!;
    assert.equal(dl3042.message, "'pip install' keeps its download cache in the layer: add '--no-cache-dir'");
    assert.deepEqual(diags.filter((d) => d.message.includes('`')).map((d) => `${String(d.code)}: ${d.message}`), []);
    const actions = (await server.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: dl3042.range,
      context: { diagnostics: [dl3042], only: ['quickfix'] },
    })) as { title: string }[];
    assert.ok(actions.some((a) => a.title === "Add '--no-cache-dir'"), JSON.stringify(actions.map((a) => a.title)));
    assert.deepEqual(actions.filter((a) => a.title.includes('`')).map((a) => a.title), []);
  } finally {
    await server.stop();
  }
});

test('without ShellCheck on the PATH: no finding on any Dockerfile, one log line and one status notification', async () => {
  // The server is started by its absolute path; a PATH of one empty folder finds no `shellcheck`.
  const saved = process.env['PATH'];
  process.env['PATH'] = mkdtempSync(join(tmpdir(), 'lw-no-shellcheck-'));
  const logs: { type: number; message: string }[] = [];
  let server: ServerSession;
  try {
    server = await startServer({ settings: { trusted: true }, onLog: (p) => logs.push(p) });
  } finally {
    process.env['PATH'] = saved;
  }
  const notices: unknown[] = [];
  let told!: () => void;
  const toldOnce = new Promise<void>((r) => (told = r));
  server.connection.onNotification('layerwise/status', (p: unknown) => {
    notices.push(p);
    told();
  });
  try {
    const a = server.open(join(ROOT, 'test', 'Dockerfile.a'), 'dockerfile', 'FROM debian:bookworm-slim\nRUN echo $A | grep x\n');
    const b = server.open(join(ROOT, 'test', 'Dockerfile.b'), 'dockerfile', 'FROM debian:bookworm-slim\nRUN echo $B\n');
    await toldOnce;
    assert.deepEqual(notices, [{ version: '0.1.0', dataDate: '2026-11-29', shellcheck: 'missing' }]);
    // The re-lint after the failed runs is published; none of it speaks of ShellCheck.
    for (const uri of [a, b]) {
      const diags = await server.diagnostics(uri);
      assert.deepEqual(diags.filter((d) => d.code === 'ShellCheck' || /not installed/.test(d.message)).map((d) => d.message), []);
    }
    server.change(a, 'FROM debian:bookworm-slim\nRUN echo $C\n', 2);
    await server.diagnostics(a, (d) => d.length > 0);
    assert.deepEqual(await run(server, 'layerwise.server.status'), { version: '0.1.0', dataDate: '2026-11-29', shellcheck: 'missing' });
    assert.deepEqual(logs.filter((l) => /ShellCheck is not installed/.test(l.message)), [
      { type: 2, message: 'ShellCheck is not installed (no `shellcheck` on the PATH): RUN bodies are not checked. Install it and restart the server.' },
    ]);
    assert.equal(notices.length, 1);
  } finally {
    await server.stop();
  }
});
