// Protocol tests for pyproject.toml and lock files: not linted, but a hover on a dependency shows the version the lock pins and its size.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Hover } from 'vscode-languageserver-protocol';
import { ROOT, startServer, type ServerSession } from './harness';

const FIXTURE = join(ROOT, 'test', 'fixtures', 'projects-locks', 'uv-flask');

describe('pyproject.toml and uv.lock over stdio', () => {
  let server: ServerSession;
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-locks-'));
    for (const f of ['pyproject.toml', 'uv.lock', 'Dockerfile']) copyFileSync(join(FIXTURE, f), join(dir, f));
    server = await startServer({ rootPath: dir });
  });
  after(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('hover on a pyproject.toml dependency reads the uv.lock on disk; hover on the lock names the wheel for the image', async () => {
    const text = readFileSync(join(dir, 'pyproject.toml'), 'utf8');
    const uri = server.open(join(dir, 'pyproject.toml'), 'toml', text);
    const line = text.split('\n').findIndex((l) => l.includes('"flask>=3.1"'));
    const hover = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 6 } })) as Hover;
    const md = (hover.contents as { value: string }).value;
    assert.equal(md.split('\n')[0], '**flask 3.1.3** pinned in uv.lock');
    assert.deepEqual(hover.range, { start: { line, character: 5 }, end: { line, character: 10 } });
    const lock = readFileSync(join(dir, 'uv.lock'), 'utf8');
    const lockUri = server.open(join(dir, 'uv.lock'), 'toml', lock);
    const numpyLine = lock.split('\n').indexOf('name = "numpy"');
    const h2 = (await server.connection.sendRequest('textDocument/hover', { textDocument: { uri: lockUri }, position: { line: numpyLine, character: 9 } })) as Hover;
    assert.match((h2.contents as { value: string }).value, /numpy-2\.2\.4-cp312-cp312-manylinux_2_17_x86_64\.manylinux2014_x86_64\.whl/);
  });
});
