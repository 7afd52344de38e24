// The npm package as a user gets it: `npm pack`, installed offline into an empty folder, runs `layerwise lint` and the language server.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';

function npm(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(NPM, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', npm_config_update_notifier: 'false' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** One LSP message over stdio: Content-Length framing, as an editor sends it. */
function frame(message: object): string {
  const body = JSON.stringify(message);
  return `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`;
}

test('npm pack gives a tarball that installs offline and runs `layerwise lint` and `layerwise-language-server --stdio`', { timeout: 240_000 }, async () => {
  const packDir = mkdtempSync(join(tmpdir(), 'layerwise-pack-'));
  const packed = npm(['pack', '--pack-destination', packDir, '--json'], ROOT);
  assert.equal(packed.code, 0, packed.stderr);
  const info = JSON.parse(packed.stdout) as { filename: string; files: { path: string }[] }[];
  const shipped = info[0]!.files.map((f) => f.path).sort();
  // Only what runs: the bundles and their wasm, the rule pages, the manifest and notices; no sources, maps or tests.
  assert.ok(shipped.includes('dist/cli.js') && shipped.includes('dist/server.js') && shipped.includes('dist/tree-sitter-bash.wasm'), shipped.join(' '));
  assert.deepEqual(shipped.filter((p) => !/^(dist\/(cli|server)\.js|dist\/tree-sitter(-bash)?\.wasm|docs\/rules\/[\w-]+\.md|README\.md|LICENSE|CHANGELOG\.md|package\.json)$/.test(p)), []);
  const tarball = join(packDir, readdirSync(packDir).find((f) => f.endsWith('.tgz'))!);
  assert.ok(statSync(tarball).size < 2_500_000, `tarball is ${statSync(tarball).size} bytes`);

  // No runtime dependencies: the bundles carry them, so an offline install succeeds.
  const app = mkdtempSync(join(tmpdir(), 'layerwise-install-'));
  writeFileSync(join(app, 'package.json'), '{"name":"app","version":"1.0.0","private":true}\n');
  const installed = npm(['install', '--offline', '--no-audit', '--no-fund', tarball], app);
  assert.equal(installed.code, 0, installed.stderr);

  writeFileSync(join(app, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask==3.0.3\nCPOY . /app\n');
  const lint = spawnSync(NPM, ['exec', '--offline', '--', 'layerwise', 'lint', 'Dockerfile', '--format', 'json'], { cwd: app, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  assert.equal(lint.status, 1, lint.stderr);
  const findings = JSON.parse(lint.stdout) as { rule: string; line: number }[];
  assert.ok(findings.some((f) => f.rule === 'DL3042' && f.line === 2), lint.stdout);
  assert.ok(findings.some((f) => f.rule === 'LW020' && f.line === 3), lint.stdout);

  const server = spawn(join(app, 'node_modules', '.bin', 'layerwise-language-server'), ['--stdio'], { cwd: app });
  try {
    const reply = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`no initialize reply; got ${out}`)), 30_000);
      server.stdout.on('data', (d: Buffer) => {
        out += d.toString();
        if (/"id":1/.test(out) && /"capabilities"/.test(out)) {
          clearTimeout(timer);
          resolve(out);
        }
      });
      server.on('error', reject);
      server.stdin.write(frame({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } }));
    });
    assert.match(reply, /"textDocumentSync"/);
  } finally {
    server.kill();
  }
});
