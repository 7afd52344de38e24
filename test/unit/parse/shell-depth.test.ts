// Deeply nested RUN bodies: the shell walk never overflows the stack, and what it leaves out makes the RUN's effects unknown.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseShell } from '../../../server/src/core/parse/shell';
import { lintText } from '../../../server/src/core/index';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { semanticsOf } from '../../../server/src/core/model/semantic';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

/** `echo "$(echo "$( … echo x … )")"`, `levels` substitutions deep. */
function nested(levels: number): string {
  let body = 'echo x';
  for (let i = 0; i < levels; i++) body = `echo "$(${body})"`;
  return body;
}

test('5,000 levels of quoted $( … ) parse without throwing; the first 65 commands are listed and the script is marked', () => {
  const script = parseShell(nested(5_000));
  assert.equal(script.truncated, true);
  // The outermost command plus one per level up to the limit of 64.
  assert.equal(script.commands.length, 65);
  assert.equal(script.commands[0]!.substituted, false);
  assert.equal(script.commands[1]!.substituted, true);
});

test('ten levels are listed in full and not marked', () => {
  const script = parseShell(nested(10));
  assert.equal(script.truncated, undefined);
  assert.equal(script.commands.length, 11);
  assert.deepEqual(script.commands.map((c) => c.name.value), Array(11).fill('echo'));
});

test('a long flat && chain is not nesting: every command is listed', () => {
  const script = parseShell(`${'true && '.repeat(3_000)}pip install flask`);
  assert.equal(script.truncated, undefined);
  assert.equal(script.commands.length, 3_001);
  assert.equal(script.commands[3_000]!.name.value, 'pip');
});

test('5,000 levels of subshells and groups do not throw either', () => {
  const script = parseShell(`${'( { '.repeat(2_500)}true${'; } )'.repeat(2_500)}`);
  assert.equal(script.truncated, true);
  assert.equal(script.commands.length, 0);
});

test('lintText on a RUN nested 5,000 levels deep finishes without an internal error, and the RUN\'s effects are unknown', () => {
  const text = `FROM python:3.12-slim\nRUN ${nested(5_000)}\n`;
  const { findings } = lintText(text, { kind: 'dockerfile' });
  assert.deepEqual(findings.filter((f) => f.code === 'LW000'), []);
  const model = buildDockerfileModel(text);
  const effects = semanticsOf(model).effects(model.instructions[1]!);
  assert.equal(effects.unknown, true);
  assert.ok(effects.unknownWhy.includes('the RUN body nests deeper than the shell walk follows'));
});
