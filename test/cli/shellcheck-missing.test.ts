// `layerwise lint` without ShellCheck on the PATH: one line on stderr for the whole run, no finding in any file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const NOTICE = 'layerwise: ShellCheck is not installed (no `shellcheck` on the PATH): RUN bodies were not checked (--no-shellcheck silences this)';

function lint(args: string[], cwd: string): { code: number | null; stdout: string; stderr: string } {
  // A PATH of one empty folder: node is started by its absolute path, `shellcheck` is found nowhere.
  const path = mkdtempSync(join(tmpdir(), 'lw-cli-no-shellcheck-'));
  const r = spawnSync(process.execPath, [CLI, 'lint', ...args], { cwd, encoding: 'utf8', env: { PATH: path, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function twoDockerfiles(): string {
  const dir = mkdtempSync(join(tmpdir(), 'lw-cli-sc-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM debian:bookworm-slim\nRUN echo $A | grep x\n');
  writeFileSync(join(dir, 'Dockerfile.dev'), 'FROM debian:bookworm-slim\nRUN echo $B\n');
  return dir;
}

test('says once on stderr that ShellCheck is missing, and reports no finding about it', () => {
  const r = lint(['--format', 'json', 'Dockerfile', 'Dockerfile.dev'], twoDockerfiles());
  assert.deepEqual(r.stderr.split('\n').filter(Boolean), [NOTICE]);
  const findings = JSON.parse(r.stdout) as { rule: string; message: string }[];
  assert.deepEqual(findings.filter((f) => f.rule === 'ShellCheck' || /not installed/.test(f.message)), []);
});

test('--no-shellcheck starts nothing and says nothing', () => {
  const r = lint(['--no-shellcheck', 'Dockerfile', 'Dockerfile.dev'], twoDockerfiles());
  assert.equal(r.stderr, '');
});
