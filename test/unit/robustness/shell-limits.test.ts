// RUN bodies past the shell limits are not parsed: one LW000 finding says so, no rule reads their commands, and their effects are unknown.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../server/src/core/index';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { semanticsOf } from '../../../server/src/core/model/semantic';
import { memoryFiles } from '../../../server/src/core/project';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const lint = (text: string) => lintText(text, { kind: 'dockerfile', files: memoryFiles({}), path: '/ctx/Dockerfile', shellcheck: false }).findings;

/**
 * A RUN whose body is `apt-get install -y curl` (DL3008 would report `curl`) padded with `&& true` to about `chars`
 * characters, over lines of about 1,000 (a single line that long would decline the whole file: MAX_LINE_LENGTH).
 */
function run(chars: number, pkg = 'curl'): string {
  const line = ' && true'.repeat(125);
  return `RUN apt-get install -y ${pkg}${` \\\n   ${line}`.repeat(Math.ceil(chars / 1_005))}\n`;
}

test('a RUN body over 65,536 characters is reported once at its keyword and not read', () => {
  const text = `FROM python:3.12-slim\n${run(70_000)}RUN mkdir /app\n`;
  const findings = lint(text);
  const lw000 = findings.filter((f) => f.code === 'LW000');
  assert.equal(lw000.length, 1);
  assert.deepEqual(lw000[0]!.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 3 } });
  assert.match(lw000[0]!.message, /^`RUN` body is 70,\d{3} characters, more than the 65,536 Layerwise reads/);
  assert.equal(lw000[0]!.severity, 'info');
  // The apt install inside it is not read: DL3008 (unpinned) would report `curl` otherwise.
  assert.equal(findings.filter((f) => f.code === 'DL3008' && f.range.start.line === 1).length, 0);
  const model = buildDockerfileModel(text);
  const big = model.instructions[1]!;
  assert.equal(big.run?.commands.length, 0);
  assert.equal(big.run?.script?.skipped, 'run');
  const sem = semanticsOf(model);
  assert.equal(sem.effects(big).unknown, true);
  assert.deepEqual(sem.effects(big).unknownWhy, ['the RUN body is longer than Layerwise analyses']);
  // What the unread RUN may have made is "unknown", never "no".
  assert.equal(sem.created(model.stages[0]!, '/opt/anything'), 'unknown');
  // The RUN after it is read as usual.
  assert.equal(model.instructions[2]!.run?.commands[0]?.name.value, 'mkdir');
});

test('a body just under the limit is read', () => {
  const text = `FROM python:3.12-slim\n${run(65_000)}`;
  assert.equal(lint(text).filter((f) => f.code === 'LW000').length, 0);
  assert.ok(buildDockerfileModel(text).instructions[1]!.run!.commands.length > 8_000);
});

test('past 262,144 characters of RUN bodies in one file the rest are not read, with one finding at the first unread RUN', () => {
  // Five bodies of about 60,000 characters: the first four (about 240,000) are read, the fifth and sixth are not.
  const text = `FROM python:3.12-slim\n${run(60_000, 'a')}${run(60_000, 'b')}${run(60_000, 'c')}${run(60_000, 'd')}${run(60_000, 'e')}${run(60_000, 'f')}`;
  const model = buildDockerfileModel(text);
  assert.deepEqual(
    model.instructions.slice(1).map((i) => i.run?.script?.skipped ?? 'read'),
    ['read', 'read', 'read', 'read', 'file', 'file'],
  );
  const findings = lint(text);
  const lw000 = findings.filter((f) => f.code === 'LW000');
  assert.equal(lw000.length, 1);
  const lineOf = (needle: string): number => text.slice(0, text.indexOf(needle)).split('\n').length - 1;
  assert.equal(lw000[0]!.range.start.line, lineOf('RUN apt-get install -y e'));
  assert.equal(lw000[0]!.message, 'The RUN bodies above pass 262,144 characters together: this `RUN` and the 1 after it are not checked');
  // Packages of the read RUNs are still reported; those of the unread ones are not.
  const dl3008 = findings.filter((f) => f.code === 'DL3008').map((f) => f.range.start.line);
  assert.deepEqual(dl3008, ['a', 'b', 'c', 'd'].map((p) => lineOf(`RUN apt-get install -y ${p}`)));
});

test('an ordinary file gets no LW000', () => {
  const text = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nCOPY . /app\nCMD ["python", "/app/main.py"]\n';
  assert.equal(lint(text).filter((f) => f.code === 'LW000').length, 0);
});

test('a Dockerfile with a line over 65,536 characters is declined with one LW000 at that line', () => {
  const text = `FROM python:3.12-slim\nRUN apt-get install -y curl\nENV X=x${' && x'.repeat(20_000)}\nCMD ["python"]\n`;
  const result = lintText(text, { kind: 'dockerfile', files: memoryFiles({}), path: '/ctx/Dockerfile', shellcheck: false });
  assert.equal(result.model, undefined);
  assert.deepEqual(
    result.findings.map((f) => [f.code, f.range.start.line, f.message]),
    [['LW000', 2, 'Line 3 is 100,007 characters long, more than the 65,536 Layerwise reads on one line: it did not analyse the file']],
  );
});

test('a requirements file with a long line is still read (its parser is linear)', () => {
  const text = `flask==3.0.3\n${'a'.repeat(70_000)}==1.0\n`;
  const result = lintText(text, { kind: 'requirements', shellcheck: false });
  assert.ok(!result.findings.some((f) => f.code === 'LW000'));
});
