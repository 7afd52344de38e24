// The CLI's trust rules: ShellCheck runs by default and --no-shellcheck starts nothing; only --online or LAYERWISE_ONLINE=1 goes online, never a repository's file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');

const base = realpathSync(mkdtempSync(join(tmpdir(), 'lw-cli-trust-')));
const spawnLog = join(base, 'spawns.log');
const bin = join(base, 'bin');
mkdirSync(bin);
// A `shellcheck` double that logs each start and reports nothing.
writeFileSync(join(bin, 'shellcheck'), `#!/bin/sh\necho run >> "${spawnLog}"\ncat > /dev/null\necho '{"comments":[]}'\n`);
chmodSync(join(bin, 'shellcheck'), 0o755);

let server: Server;
let host = '';
let connections = 0;

before(async () => {
  server = createServer((_q, res) => void res.writeHead(404).end());
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
});

after(() => server.close());

const spawns = (): number => (existsSync(spawnLog) ? readFileSync(spawnLog, 'utf8').split('\n').filter(Boolean).length : 0);

/** A repository (it has `.git`) whose `.layerwise.toml` asks for online and a context outside it. */
function repo(): string {
  const dir = join(mkdtempSync(join(base, 'r-')), 'repo');
  mkdirSync(join(dir, '.git'), { recursive: true });
  mkdirSync(join(dir, '..', 'outside'));
  writeFileSync(join(dir, '.layerwise.toml'), 'online = true\ncontext = "../outside"\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install --no-cache-dir zz-layerwise-unknown-pkg==1.0.0\nRUN echo $HOME | grep x\n');
  return dir;
}

/** Runs the CLI without blocking this process, so the registry double in it can accept the CLI's connections. */
function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [CLI, ...args], {
    cwd,
    env: { ...process.env, NO_COLOR: '1', PATH: `${bin}${delimiter}${process.env['PATH'] ?? ''}`, LAYERWISE_PYPI_URL: `http://${host}`, LAYERWISE_REGISTRY_URL: `http://${host}`, LAYERWISE_CACHE_DIR: mkdtempSync(join(base, 'cache-')), ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}

test('lint runs ShellCheck by default (when it is on the PATH)', async () => {
  const dir = repo();
  const n = spawns();
  const r = await run(['lint', 'Dockerfile'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  // One ShellCheck run for the file's two RUN bodies (batched per file and dialect).
  assert.equal(spawns() - n, 1);
});

test('lint --no-shellcheck starts no process', async () => {
  const dir = repo();
  const n = spawns();
  const r = await run(['lint', '--no-shellcheck', 'Dockerfile'], dir);
  assert.ok(r.code === 0 || r.code === 1, r.stderr);
  assert.equal(spawns() - n, 0);
});

test("a repository's online = true does not make estimate connect, and says so in one line", async () => {
  const dir = repo();
  const c = connections;
  const r = await run(['estimate', 'Dockerfile'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(connections - c, 0);
  assert.equal(
    r.stderr,
    `layerwise: ${join(dir, '.layerwise.toml')}:1: ignored: online can only be turned on with --online or LAYERWISE_ONLINE=1, not in a configuration file\n` +
      `layerwise: ${join(dir, '.layerwise.toml')}:2: ignored: context ${join(dir, '..', 'outside')} is outside the repository; the Dockerfile's folder is used\n`,
  );
});

test('estimate --online and LAYERWISE_ONLINE=1 look up what the embedded data lacks', async () => {
  const dir = repo();
  const c = connections;
  assert.equal((await run(['estimate', '--online', 'Dockerfile'], dir)).code, 0);
  const afterFlag = connections;
  assert.ok(afterFlag - c > 0, 'no look-up with --online');
  assert.equal((await run(['estimate', 'Dockerfile'], dir, { LAYERWISE_ONLINE: '1' })).code, 0);
  assert.ok(connections - afterFlag > 0, 'no look-up with LAYERWISE_ONLINE=1');
});

test("estimate --online never contacts the FROM line's registry unless --allow-registry names it", async () => {
  const dir = repo();
  writeFileSync(join(dir, 'Dockerfile'), `FROM ${host}/python:3.12-slim\nRUN echo hi\n`);
  const c = connections;
  assert.equal((await run(['estimate', '--online', 'Dockerfile'], dir)).code, 0);
  assert.equal(connections - c, 0);
  // Listed: the registry is asked (over https, so the plain-HTTP double only sees the connection).
  assert.equal((await run(['estimate', '--online', '--allow-registry', host, 'Dockerfile'], dir)).code, 0);
  assert.ok(connections - c > 0);
});
