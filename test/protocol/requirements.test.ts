// Protocol tests for requirements files: diagnostics, hover, links and completion over stdio, and a Dockerfile that refreshes when its requirements file is edited.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, DocumentLink, Hover } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type ServerSession } from './harness';

const DOCKERFILE = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n';

describe('requirements files over stdio', () => {
  let server: ServerSession;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-req-'));
    writeFileSync(join(dir, 'Dockerfile'), DOCKERFILE);
    writeFileSync(join(dir, 'requirements.txt'), 'flask==3.0.3\n');
    writeFileSync(join(dir, 'base.txt'), 'requests==2.32.3\n');
    server = await startServer({ rootPath: dir });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('advertises document links and completion', () => {
    const caps = server.initialize.capabilities;
    assert.deepEqual(caps.documentLinkProvider, { resolveProvider: false });
    assert.ok(caps.completionProvider?.triggerCharacters?.includes('-'));
  });

  test('editing requirements.txt (didChange) updates the open Dockerfile\'s diagnostics within one debounce', async () => {
    const dockerUri = server.open(join(dir, 'Dockerfile'), 'dockerfile', DOCKERFILE);
    const reqPath = join(dir, 'requirements.txt');
    const reqUri = server.open(reqPath, 'pip-requirements', 'flask==3.0.3\n');
    const first = await server.diagnostics(dockerUri, () => true);
    assert.ok(!first.some((d) => d.code === 'LW113'), JSON.stringify(first.map((d) => d.code)));
    const started = Date.now();
    server.change(reqUri, 'flask==3.0.3\npsycopg2==2.9.10\n', 2);
    const after = await server.diagnostics(dockerUri, (d) => d.some((x) => x.code === 'LW113'), 5_000);
    // One debounce is 150 ms; allow for a loaded machine but not for a second edit or a save.
    assert.ok(Date.now() - started < 2_000, `took ${Date.now() - started} ms`);
    const lw113 = after.find((d) => d.code === 'LW113')!;
    assert.equal(DOCKERFILE.split('\n')[lw113.range.start.line]!.slice(lw113.range.start.character, lw113.range.end.character), 'pip install');
    assert.deepEqual(lw113.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[fileUri(reqPath), 1]]);
    // And back: removing the requirement clears it.
    server.change(reqUri, 'flask==3.0.3\n', 3);
    await server.diagnostics(dockerUri, (d) => !d.some((x) => x.code === 'LW113'), 5_000);
  });

  test('a requirements file gets its own diagnostics, and an edited Dockerfile refreshes them', async () => {
    const reqUri = server.open(join(dir, 'requirements.txt'), 'pip-requirements', 'flask\n', 10);
    const dockerUri = server.open(join(dir, 'Dockerfile'), 'dockerfile', DOCKERFILE, 10);
    // The Dockerfile installs it, so the unpinned flask is reported.
    await server.diagnostics(reqUri, (d) => d.some((x) => x.code === 'LW107'));
    server.change(dockerUri, DOCKERFILE.replace(/requirements\.txt/g, 'other.txt'), 11);
    await server.diagnostics(reqUri, (d) => !d.some((x) => x.code === 'LW107'), 5_000);
  });

  test('hover, links and completion on a requirements file', async () => {
    const text = '-r base.txt\npsycopg2==2.9.10\n--ind';
    const uri = server.open(join(dir, 'requirements-dev.txt'), 'pip-requirements', text);
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 3 } })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.match(md, /pypi\.org\/project\/psycopg2/);
    assert.match(md, /no wheel/);
    const links = (await server.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
    assert.deepEqual(links.map((l) => l.target), [fileUri(join(dir, 'base.txt'))]);
    const items = (await server.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line: 2, character: 5 } })) as CompletionItem[];
    assert.deepEqual(items.map((i) => i.label), ['--index-url']);
  });
});
