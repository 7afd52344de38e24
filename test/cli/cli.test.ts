// CLI tests: each output format, --fix, and the exit codes (0 clean, 1 findings at/above threshold, 2 usage or I/O error).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(ROOT, 'examples', 'flask-app');

function run(args: string[], cwd = ROOT): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempCopy(): string {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

test('text format lists findings as path:line:col and exits 1 when warnings are found', () => {
  const r = run(['lint', 'examples/flask-app']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^examples\/flask-app\/Dockerfile:9:5: warning DL3042 `pip install` keeps its download cache/m);
  assert.match(r.stdout, /\d+ findings \(.*\) in 2 files/);
});

test('json format has the documented shape with 1-based positions', () => {
  const r = run(['lint', '--format', 'json', 'examples/flask-app']);
  assert.equal(r.code, 1);
  const out = JSON.parse(r.stdout) as Record<string, unknown>[];
  const pip = out.find((f) => f['rule'] === 'DL3042')!;
  assert.deepEqual(Object.keys(pip).sort(), ['column', 'endColumn', 'endLine', 'file', 'fixes', 'line', 'message', 'name', 'rule', 'severity'].sort());
  assert.deepEqual(
    { file: pip['file'], line: pip['line'], column: pip['column'], endLine: pip['endLine'], endColumn: pip['endColumn'], name: pip['name'], severity: pip['severity'] },
    { file: 'examples/flask-app/Dockerfile', line: 9, column: 5, endLine: 9, endColumn: 16, name: 'pip-install-without-no-cache-dir', severity: 'warning' },
  );
  assert.deepEqual(pip['fixes'], [
    { title: 'Add `--no-cache-dir`', applicability: 'safe', edits: [{ line: 9, column: 16, endLine: 9, endColumn: 16, newText: ' --no-cache-dir' }] },
  ]);
});

test('sarif format is SARIF 2.1.0 with rules, levels and regions', () => {
  const r = run(['lint', '--format=sarif', 'examples/flask-app']);
  const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  const run0 = sarif.runs[0]!;
  assert.equal(run0.tool.driver.name, 'Layerwise');
  const res = run0.results.find((x) => x.ruleId === 'DL3042')!;
  assert.equal(res.level, 'warning');
  assert.deepEqual(res.locations[0]!.physicalLocation.region, { startLine: 9, startColumn: 5, endLine: 9, endColumn: 16 });
  assert.equal(res.locations[0]!.physicalLocation.artifactLocation.uri, 'examples/flask-app/Dockerfile');
  assert.ok(run0.tool.driver.rules.some((x) => x.id === 'DL3042' && x.helpUri.endsWith('DL3042.md')));
});

test('exit 0 when nothing reaches the failure threshold', () => {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-cli-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n');
  const r = run(['lint', '--failure-threshold', 'error', join(dir, 'Dockerfile')]);
  assert.equal(r.code, 0, r.stdout + r.stderr);
});

test('exit 2 with a one-line message on usage and I/O errors', () => {
  const bad = run(['lint', '--format', 'xml', 'examples/flask-app']);
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, 'layerwise: unknown format "xml" (use text, json or sarif)\n');
  const missing = run(['lint', 'no/such/Dockerfile']);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr.trim().split('\n').length, 1);
  assert.match(missing.stderr, /no\/such\/Dockerfile/);
  assert.equal(run(['frobnicate']).code, 2);
});

test('--fix rewrites the file with every safe fix and reports what is left', () => {
  const dir = tempCopy();
  const r = run(['lint', '--fix', '--format', 'json', dir]);
  const fixed = readFileSync(join(dir, 'Dockerfile'), 'utf8');
  assert.match(fixed, /COPY requirements\.txt \.\nRUN pip install --no-cache-dir -r requirements\.txt\nCOPY \. \./);
  assert.match(fixed, /&& rm -rf \/var\/lib\/apt\/lists\/\*/);
  const left = JSON.parse(r.stdout) as { rule: string }[];
  assert.ok(!left.some((f) => ['DL3042', 'DL3009', 'LW001'].includes(f.rule)), JSON.stringify(left));
});

test('a project config file turns a rule off', () => {
  const dir = tempCopy();
  writeFileSync(join(dir, '.layerwise.toml'), '[rules]\nDL3042 = "off"\npip-install-without-no-cache-dir = "off"\n');
  const r = run(['lint', '--format', 'json', dir]);
  const out = JSON.parse(r.stdout) as { rule: string }[];
  assert.ok(!out.some((f) => f.rule === 'DL3042'));
  assert.ok(out.some((f) => f.rule === 'LW001'));
});
