// CLI file handling: --fix and split --write never write through symlinks, keep CRLF and Latin-1; folder walks end; bad config exits 2.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const EXAMPLE = join(ROOT, 'examples', 'flask-app');

function run(args: string[], cwd = ROOT, timeout = 30_000): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const tmp = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'layerwise-cli-files-')));

function exampleCopy(): string {
  const dir = tmp();
  cpSync(EXAMPLE, dir, { recursive: true });
  return dir;
}

test('--fix refuses a .dockerignore linked outside the repository: exit 2, the outside file and the Dockerfile unchanged', () => {
  const dir = exampleCopy();
  const outside = join(tmp(), 'notes.txt');
  writeFileSync(outside, 'private\n');
  symlinkSync(outside, join(dir, '.dockerignore'));
  const before = readFileSync(join(dir, 'Dockerfile'));
  const r = run(['lint', '--fix', join(dir, 'Dockerfile')]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /layerwise: not writing .*\/\.dockerignore: it is a symbolic link \(to .*notes\.txt\)/);
  assert.equal(readFileSync(outside, 'utf8'), 'private\n');
  assert.deepEqual(readFileSync(join(dir, 'Dockerfile')), before);
});

test('--fix does not create the target of a dangling .dockerignore link', () => {
  const dir = exampleCopy();
  const target = join(tmp(), 'would-be-created');
  symlinkSync(target, join(dir, '.dockerignore'));
  const r = run(['lint', '--fix', join(dir, 'Dockerfile')]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /not writing .*\.dockerignore: it is a symbolic link/);
  assert.equal(existsSync(target), false);
  assert.ok(lstatSync(join(dir, '.dockerignore')).isSymbolicLink());
});

test('--fix on a linked Dockerfile leaves the file it points to untouched', () => {
  const dir = exampleCopy();
  const real = join(tmp(), 'Dockerfile');
  cpSync(join(dir, 'Dockerfile'), real);
  const before = readFileSync(real);
  const link = join(dir, 'linked.Dockerfile');
  symlinkSync(real, link);
  writeFileSync(join(dir, '.dockerignore'), '.git\n.venv\nvenv\n**/__pycache__\n**/*.pyc\n.env\n.pytest_cache\n.mypy_cache\nnode_modules\n');
  const r = run(['lint', '--fix', link]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /not writing .*linked\.Dockerfile: it is a symbolic link/);
  assert.deepEqual(readFileSync(real), before);
  assert.ok(lstatSync(link).isSymbolicLink());
});

test('split --write refuses a linked Dockerfile and leaves its target untouched', () => {
  const dir = exampleCopy();
  const real = join(tmp(), 'Dockerfile');
  cpSync(join(dir, 'Dockerfile'), real);
  const before = readFileSync(real);
  const link = join(dir, 'linked.Dockerfile');
  symlinkSync(real, link);
  const r = run(['split', '--write', link]);
  assert.equal(r.code, 2, r.stderr);
  assert.match(r.stderr, /not writing .*linked\.Dockerfile: it is a symbolic link/);
  assert.deepEqual(readFileSync(real), before);
});

test('--fix keeps CRLF line endings, on the lines it changed and the lines it added', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\r\nRUN pip install flask\r\nCMD ["flask", "run"]\r\n');
  const r = run(['lint', '--fix', join(dir, 'Dockerfile')]);
  assert.notEqual(r.code, 2, r.stderr);
  assert.equal(readFileSync(join(dir, 'Dockerfile'), 'latin1'), 'FROM python:3.12-slim\r\nENV PYTHONUNBUFFERED=1\r\nRUN pip install --no-cache-dir flask\r\nCMD ["flask", "run"]\r\n');
});

test('--fix keeps a Latin-1 file Latin-1: the untouched `Café` line comes back byte for byte', () => {
  const dir = tmp();
  const cafe = Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]); // "# Café\n" in Latin-1
  writeFileSync(join(dir, 'Dockerfile'), Buffer.concat([cafe, Buffer.from('FROM python:3.12-slim\nRUN pip install flask\n')]));
  const r = run(['lint', '--fix', join(dir, 'Dockerfile')]);
  assert.notEqual(r.code, 2, r.stderr);
  assert.deepEqual(readFileSync(join(dir, 'Dockerfile')), Buffer.concat([cafe, Buffer.from('FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nRUN pip install --no-cache-dir flask\n')]));
});

test('--fix writes atomically: no temporary file is left beside the Dockerfile', () => {
  const dir = exampleCopy();
  run(['lint', '--fix', dir]);
  assert.deepEqual(readdirSync(dir).sort(), ['.dockerignore', 'Dockerfile', 'app.py', 'requirements.txt']);
});

test('a Dockerfile over 5 MB and a binary one are skipped with one message each; the others are linted', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask\n');
  writeFileSync(join(dir, 'huge.Dockerfile'), `FROM python:3.12-slim\n${'# padding\n'.repeat(600_000)}`);
  writeFileSync(join(dir, 'binary.Dockerfile'), Buffer.from('FROM python:3.12-slim\n\0\0\0\n'));
  const r = run(['lint', '--format', 'json', dir]);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(r.stderr.trim().split('\n'), [
    `layerwise: skipped ${join(dir, 'binary.Dockerfile')}: binary file (contains NUL bytes)`,
    `layerwise: skipped ${join(dir, 'huge.Dockerfile')}: larger than 5 MB (5.7 MB)`,
  ]);
  const files = new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file));
  assert.deepEqual([...files], [join(dir, 'Dockerfile')]);
});

test('two links to "." end quickly and each Dockerfile is linted once', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask\n');
  mkdirSync(join(dir, 'svc'));
  writeFileSync(join(dir, 'svc', 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install django\n');
  symlinkSync('.', join(dir, 'a'));
  symlinkSync('.', join(dir, 'b'));
  const started = Date.now();
  const r = run(['lint', '--format', 'json', dir], ROOT, 20_000);
  assert.ok(Date.now() - started < 20_000);
  assert.equal(r.code, 1, r.stderr);
  const pip = (JSON.parse(r.stdout) as { file: string; rule: string }[]).filter((f) => f.rule === 'DL3042').map((f) => f.file);
  assert.deepEqual(pip, [join(dir, 'Dockerfile'), join(dir, 'svc', 'Dockerfile')]);
});

test('a FIFO and a dangling folder link do not stop the walk: a note for the link, the rest linted', () => {
  const dir = tmp();
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask\n');
  mkdirSync(join(dir, 'pipe'));
  execFileSync('mkfifo', [join(dir, 'pipe', 'Dockerfile')]);
  symlinkSync(join(dir, 'removed-folder'), join(dir, 'services'));
  const r = run(['lint', '--format', 'json', dir], ROOT, 20_000);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stderr, `layerwise: skipped link ${join(dir, 'services')}: its target does not exist\n`);
  assert.deepEqual([...new Set((JSON.parse(r.stdout) as { file: string }[]).map((f) => f.file))], [join(dir, 'Dockerfile')]);
});

test('a link out of the folder is not followed', () => {
  const dir = tmp();
  const outside = tmp();
  writeFileSync(join(outside, 'Dockerfile'), 'FROM python:3.12-slim\nRUN pip install flask\n');
  symlinkSync(outside, join(dir, 'vendor'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
  const r = run(['lint', '--format', 'json', dir]);
  assert.equal(r.stderr, `layerwise: skipped link ${join(dir, 'vendor')}: it points outside ${dir}\n`);
  assert.ok(!(JSON.parse(r.stdout) as { file: string }[]).some((f) => f.file.includes('vendor')));
});

test('a .layerwise.toml that is a folder: exit 2 naming the file and the problem', () => {
  const dir = tmp();
  mkdirSync(join(dir, '.layerwise.toml'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
  const r = run(['lint', join(dir, 'Dockerfile')]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `layerwise: ${join(dir, '.layerwise.toml')}: cannot read the configuration: is a folder\n`);
});

test('garbage TOML: exit 2 with the parse error and its line', () => {
  const dir = tmp();
  writeFileSync(join(dir, '.layerwise.toml'), 'failure-threshold = "error"\nthis is not toml\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
  const r = run(['lint', join(dir, 'Dockerfile')]);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `layerwise: ${join(dir, '.layerwise.toml')}: Invalid TOML document: illegal character in key (line 2)\n`);
});

test('mistyped values: exit 2 with every problem, each naming the file', () => {
  const dir = tmp();
  writeFileSync(join(dir, '.layerwise.toml'), 'ignored = "DL3008"\n[rules]\nDL3042 = "loud"\n');
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
  const r = run(['lint', join(dir, 'Dockerfile')]);
  assert.equal(r.code, 2);
  const file = join(dir, '.layerwise.toml');
  assert.equal(r.stderr, `layerwise: ${file}: rule \`DL3042\`: unknown severity "loud" (use off, error, warning, info or hint)\nlayerwise: ${file}: \`ignored\` must be a list of strings\n`);
});

test('a .hadolint.yaml FIFO is reported, not waited on', () => {
  const dir = tmp();
  execFileSync('mkfifo', [join(dir, '.hadolint.yaml')]);
  writeFileSync(join(dir, 'Dockerfile'), 'FROM python:3.12-slim\n');
  const r = run(['lint', join(dir, 'Dockerfile')], ROOT, 20_000);
  assert.equal(r.code, 2);
  assert.equal(r.stderr, `layerwise: ${join(dir, '.hadolint.yaml')}: cannot read the configuration: not a regular file\n`);
});
