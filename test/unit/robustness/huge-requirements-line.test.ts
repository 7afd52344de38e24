// A requirements file whose continued line is a megabyte, or that continues over hundreds of thousands of lines, lints without overflowing the stack (fuzz seed 1203 #2582).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../../server/src/core/index';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

test('a 1 MB continued requirement line and a 400,000-line continuation lint without throwing', () => {
  for (const text of [`flask==1.0 \\\n${'a'.repeat(1_000_000)}\n`, `flask==1.0 ${'\\\nx'.repeat(400_000)}\n`]) {
    const result = lintText(text, { kind: 'requirements', shellcheck: false });
    assert.ok(Array.isArray(result.findings));
    assert.ok(!result.findings.some((f) => f.code === 'LW000'), result.findings.map((f) => f.message).join('; '));
  }
});

test('a line of 100,000 ${VAR} references parses, with the references known (fuzz seed 777 #17495 was quadratic: minutes for 1 MB)', () => {
  const text = `flask==3.0.3\nx${'${A}'.repeat(100_000)}\n`;
  const result = lintText(text, { kind: 'requirements', shellcheck: false });
  assert.ok(Array.isArray(result.findings));
  assert.equal(result.requirements?.file.envVars.length, 100_000);
});
