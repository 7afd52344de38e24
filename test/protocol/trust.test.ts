// Workspace trust over stdio: an untrusted workspace spawns nothing and connects nowhere on any request path, and a workspace's files or settings never turn `online` on.
import { test, before as beforeAll, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { ROOT, fileUri, startServer, type ServerSession } from './harness';

/** Test doubles the server finds through its environment: a `shellcheck` on the PATH that logs each start, and a registry/PyPI that counts connections. */
const base = realpathSync(mkdtempSync(join(tmpdir(), 'lw-trust-proto-')));
const spawnLog = join(base, 'spawns.log');
const bin = join(base, 'bin');
mkdirSync(bin);
writeFileSync(join(bin, 'shellcheck'), `#!/bin/sh\necho run >> "${spawnLog}"\ncat > /dev/null\necho '{"comments":[]}'\n`);
chmodSync(join(bin, 'shellcheck'), 0o755);

interface Counter {
  server: Server;
  host: string;
  connections: number;
}

async function counter(): Promise<Counter> {
  const server = createServer((_req, res) => void res.writeHead(404).end());
  const c: Counter = { server, host: '', connections: 0 };
  server.on('connection', () => c.connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  c.host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return c;
}

const spawns = (): number => (existsSync(spawnLog) ? readFileSync(spawnLog, 'utf8').split('\n').filter(Boolean).length : 0);

/** A workspace: the example app, a `.layerwise.toml` that asks for online, and a Dockerfile with an unknown package and an image on a registry it names. */
function workspace(attackerHost: string): string {
  const ws = join(mkdtempSync(join(base, 'ws-')), 'app');
  cpSync(join(ROOT, 'examples', 'flask-app'), ws, { recursive: true });
  writeFileSync(join(ws, '.layerwise.toml'), '# the repository asks for network look-ups\nonline = true\n');
  writeFileSync(
    join(ws, 'Dockerfile.online'),
    `FROM ${attackerHost}/python:3.12-slim AS base\nRUN pip install --no-cache-dir zz-layerwise-unknown-pkg==1.0.0\nFROM python:3.99-slim\nCOPY --from=base /usr/local /usr/local\nRUN echo $HOME | grep x\n`,
  );
  return ws;
}

let registry: Counter;
let attacker: Counter;
const savedEnv = { ...process.env };

async function session(settings: Record<string, unknown>, ws: string): Promise<ServerSession> {
  // The spawned server inherits this environment: its PATH finds the logging shellcheck, look-ups go to the counter.
  process.env['PATH'] = `${bin}${delimiter}${savedEnv['PATH'] ?? ''}`;
  process.env['LAYERWISE_PYPI_URL'] = `http://${registry.host}`;
  process.env['LAYERWISE_REGISTRY_URL'] = `http://${registry.host}`;
  process.env['LAYERWISE_CACHE_DIR'] = mkdtempSync(join(base, 'cache-'));
  try {
    return await startServer({ settings, rootPath: ws });
  } finally {
    process.env['PATH'] = savedEnv['PATH'];
    for (const k of ['LAYERWISE_PYPI_URL', 'LAYERWISE_REGISTRY_URL', 'LAYERWISE_CACHE_DIR']) delete process.env[k];
  }
}

/** Every request an editor makes on a Dockerfile: diagnostics after open and edit, code actions (lightbulb, fix-all, refactors) at every line, hover, CodeLens, completion, links, a command. */
async function exercise(s: ServerSession, ws: string): Promise<void> {
  for (const name of ['Dockerfile', 'Dockerfile.online']) {
    const path = join(ws, name);
    const text = readFileSync(path, 'utf8');
    const uri = s.open(path, 'dockerfile', text);
    await s.diagnostics(uri, (d) => d.length > 0);
    const edited = `${text}RUN pip install flask && echo $PATH | grep bin\n`;
    s.change(uri, edited, 2);
    const diags: Diagnostic[] = await s.diagnostics(uri, (d) => d.length > 0);
    const lines = edited.split('\n').length;
    for (let line = 0; line < lines; line++) {
      const range = { start: { line, character: 0 }, end: { line, character: 4 } };
      const here = diags.filter((d) => d.range.start.line <= line && d.range.end.line >= line);
      for (const only of [undefined, ['quickfix'], ['source.fixAll'], ['refactor']]) {
        await s.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range, context: { diagnostics: here, ...(only ? { only } : {}) } });
      }
      await s.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line, character: 2 } });
      await s.connection.sendRequest('textDocument/completion', { textDocument: { uri }, position: { line, character: 4 } });
    }
    await s.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } });
    await s.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } });
    // The server registers no commands: the request fails, and still nothing may be started for it.
    await s.connection.sendRequest('workspace/executeCommand', { command: 'layerwise.fixAll', arguments: [uri] }).catch(() => undefined);
  }
  // Background work (ShellCheck runs, look-ups) starts within milliseconds of a request; give it time to show.
  await new Promise((r) => setTimeout(r, 1500));
}

beforeAll(async () => {
  registry = await counter();
  attacker = await counter();
});

after(() => {
  registry.server.close();
  attacker.server.close();
});

test('untrusted workspace: no process is started and no connection made on any request path, even with the user online', async () => {
  const ws = workspace(attacker.host);
  const before = spawns();
  const [reg0, att0] = [registry.connections, attacker.connections];
  const s = await session({ trusted: false, online: true, user: { online: true, allowedRegistries: ['docker.io', 'pypi.org', attacker.host] } }, ws);
  try {
    await exercise(s, ws);
    assert.equal(spawns() - before, 0);
    assert.equal(registry.connections - reg0, 0);
    assert.equal(attacker.connections - att0, 0);
  } finally {
    await s.stop();
  }
});

test("trusted workspace: ShellCheck runs, while the repository's online = true and a workspace-level online setting connect nowhere", async () => {
  const ws = workspace(attacker.host);
  const before = spawns();
  const [reg0, att0] = [registry.connections, attacker.connections];
  const s = await session({ trusted: true, online: true }, ws);
  try {
    const configUri = fileUri(join(ws, '.layerwise.toml'));
    await exercise(s, ws);
    assert.ok(spawns() - before > 0, 'ShellCheck was never started');
    assert.equal(registry.connections - reg0, 0);
    assert.equal(attacker.connections - att0, 0);
    const warning = await s.diagnostics(configUri, (d) => d.length > 0);
    assert.deepEqual(
      warning.map((d) => ({ line: d.range.start.line, severity: d.severity, message: d.message })),
      [{ line: 1, severity: 2, message: "ignored: 'online' can only be turned on in user settings ('layerwise.online'), not in a workspace file" }],
    );
  } finally {
    await s.stop();
  }
});

test('trusted workspace with ShellCheck turned off in user settings: nothing is started', async () => {
  const ws = workspace(attacker.host);
  const before = spawns();
  const s = await session({ trusted: true, user: { shellcheck: false } }, ws);
  try {
    await exercise(s, ws);
    assert.equal(spawns() - before, 0);
  } finally {
    await s.stop();
  }
});

test("trusted workspace, online in the user's settings: look-ups go to the allowed registries only, never to the FROM line's host", async () => {
  const ws = workspace(attacker.host);
  const [reg0, att0] = [registry.connections, attacker.connections];
  const s = await session({ trusted: true, user: { online: true } }, ws);
  try {
    await exercise(s, ws);
    assert.ok(registry.connections - reg0 > 0, 'no look-up was made');
    assert.equal(attacker.connections - att0, 0);
  } finally {
    await s.stop();
  }
});
