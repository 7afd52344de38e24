// hadolint pragma forms: stage scope, a trailing comment, and pragmas that list something other than rule codes.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../server/src/core/model/dockerfile';
import { readSuppressions } from '../../server/src/core/suppressions';
import { initRuntime } from '../../server/src/node/runtime';

before(async () => initRuntime());

const suppressed = (text: string, code: string, line: number, name = 'last-user-root'): boolean => readSuppressions(buildDockerfileModel(text)).isSuppressed(code, name, line);

test('stage ignore covers the stage the next FROM opens, not the one before or after', () => {
  const text = 'FROM a\nEXPOSE 80000\n# hadolint stage ignore=DL3011\nFROM b\nEXPOSE 80000\nFROM c\nEXPOSE 80000\n';
  assert.deepEqual([1, 4, 6].map((l) => suppressed(text, 'DL3011', l)), [false, true, false]);
});

test('a comment after the codes is allowed', () => {
  assert.equal(suppressed('FROM a\n# hadolint ignore=DL3002 # root is needed here\nUSER root\n', 'DL3002', 2), true);
});

test('a hadolint pragma naming something that is not a rule code is ignored entirely', () => {
  assert.equal(suppressed('FROM a\n# hadolint ignore=crazy,DL3002\nUSER root\n', 'DL3002', 2), false);
});

test('Layerwise pragmas still accept rule names', () => {
  assert.equal(suppressed('FROM a\n# layerwise ignore=last-user-root\nUSER root\n', 'DL3002', 2), true);
});
