// The Dockerfile parse with its argument scan kept per instruction: every getter still answers as dockerfile-ast does.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { From, Run } from 'dockerfile-ast';
import { parseDockerfile } from '../../../server/src/core/parse/dockerfile';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const text = 'FROM --platform=linux/amd64 localhost:5000/team/python:${PY:-3.12}-slim AS base\nRUN --mount=type=cache,target=/root/.cache pip install flask\n';

test('FROM getters give the same ranges on every call (getImageNameRange assigns to the range it is handed)', () => {
  const from = parseDockerfile(text).getInstructions()[0] as From;
  const once = { name: from.getImageNameRange(), tag: from.getImageTagRange(), digest: from.getImageDigestRange(), registry: from.getRegistryRange() };
  const again = { name: from.getImageNameRange(), tag: from.getImageTagRange(), digest: from.getImageDigestRange(), registry: from.getRegistryRange() };
  assert.deepEqual(again, once);
  assert.deepEqual(once, {
    registry: { start: { line: 0, character: 28 }, end: { line: 0, character: 42 } },
    name: { start: { line: 0, character: 43 }, end: { line: 0, character: 54 } },
    tag: { start: { line: 0, character: 55 }, end: { line: 0, character: 71 } },
    digest: null,
  });
  assert.deepEqual(from.getImageRange(), { start: { line: 0, character: 28 }, end: { line: 0, character: 71 } });
  assert.equal(from.getBuildStage(), 'base');
});

test('arguments leave out the flags on every call (ModifiableInstruction shifts them off the array it gets)', () => {
  const run = parseDockerfile(text).getInstructions()[1] as Run;
  const values = () => run.getArguments().map((a) => a.getValue());
  assert.deepEqual(values(), ['pip', 'install', 'flask']);
  assert.deepEqual(values(), ['pip', 'install', 'flask']);
  assert.deepEqual(run.getFlags().map((f) => f.getName()), ['mount']);
  assert.equal((run as unknown as { getRawArguments(): unknown[] }).getRawArguments().length, 4);
});

test('the model reads a FROM with a `:` inside `${…}` as one tag', () => {
  const m = buildDockerfileModel(text);
  const from = m.stages[0]!.from;
  assert.equal(m.lines.slice(from.tagRange!), '${PY:-3.12}-slim');
  assert.equal(m.lines.slice(from.nameRange!), 'team/python');
  assert.equal(from.platform, 'linux/amd64');
});
