// Coexistence: when the client reports that the hadolint extension is installed, DL findings are left to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer } from './harness';

const EXAMPLE = join(ROOT, 'examples', 'flask-app', 'Dockerfile');

test('detected hadolint extension: DL codes are dropped, Layerwise codes stay; a later notification restores them', async () => {
  const server = await startServer({ settings: { detectedTools: ['hadolint'] } });
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', readFileSync(EXAMPLE, 'utf8'));
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diags.filter((d) => /^DL/.test(String(d.code))).map((d) => d.code), []);
    assert.ok(diags.some((d) => d.code === 'LW001'));
    await server.connection.sendNotification('layerwise/didChangeTools', { defer: [] });
    const after = await server.diagnostics(uri, (d) => d.some((x) => /^DL/.test(String(x.code))));
    assert.ok(after.some((d) => d.code === 'DL3042'));
  } finally {
    await server.stop();
  }
});

test('deferAuto off keeps every finding even when the hadolint extension is installed', async () => {
  const server = await startServer({ settings: { detectedTools: ['hadolint'], deferAuto: false } });
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', readFileSync(EXAMPLE, 'utf8'));
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.ok(diags.some((d) => d.code === 'DL3042'));
  } finally {
    await server.stop();
  }
});

test('Docker\'s Dockerfile server detected (`editing`): no instruction or flag completion, no reference docs in hovers, no formatting; sizes and sized tags stay; a later notification restores them', async () => {
  const server = await startServer({ settings: { detectedTools: ['buildkit', 'editing'] } });
  try {
    const text = 'FROM python:3.12-sl\nCOPY --\nrun   echo hi\n\n';
    const path = join(ROOT, 'test', 'protocol', 'Dockerfile.deferred-editing');
    const uri = server.open(path, 'dockerfile', text);
    const complete = async (line: number, character: number): Promise<string[]> =>
      ((await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character } })) as { label: string }[]).map((i) => i.label).sort();
    const format = async (): Promise<unknown> => server.connection.sendRequest('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
    const hover = async (): Promise<string> => ((await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 8 } })) as { contents: { value: string } }).contents.value;

    assert.deepEqual(await complete(1, 7), []);
    assert.deepEqual(await complete(3, 0), []);
    assert.deepEqual(await complete(0, 19), ['3.12-slim', '3.12-slim-bookworm', '3.12-slim-trixie']);
    assert.equal(await format(), null);
    const deferredHover = await hover();
    assert.match(deferredHover, /python/);
    assert.doesNotMatch(deferredHover, /Online documentation/);
    const keywordHover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } })) as { contents: { value: string } } | null;
    assert.doesNotMatch(keywordHover?.contents.value ?? '', /Execute any commands/);

    await server.connection.sendNotification('layerwise/didChangeTools', { defer: [] });
    assert.deepEqual(await complete(1, 7), ['--chmod=', '--chown=', '--exclude=', '--from=', '--link', '--parents']);
    assert.ok((await complete(3, 0)).includes('WORKDIR'));
    assert.deepEqual(await format(), [
      { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 3 } }, newText: 'RUN' },
      { range: { start: { line: 2, character: 3 }, end: { line: 2, character: 6 } }, newText: ' ' },
    ]);
    const keywordDocs = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } })) as { contents: { value: string } };
    assert.match(keywordDocs.contents.value, /Execute any commands/);
  } finally {
    await server.stop();
  }
});

test('deferAuto off keeps completion and formatting even when Docker\'s Dockerfile server is installed', async () => {
  const server = await startServer({ settings: { detectedTools: ['editing'], deferAuto: false } });
  try {
    const uri = server.open(join(ROOT, 'test', 'protocol', 'Dockerfile.deferred-off'), 'dockerfile', 'FROM python:3.12-slim\nCOPY --\n');
    const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 7 } })) as { label: string }[];
    assert.deepEqual(items.map((i) => i.label).sort(), ['--chmod=', '--chown=', '--exclude=', '--from=', '--link', '--parents']);
  } finally {
    await server.stop();
  }
});
