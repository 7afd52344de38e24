// The Dockerfile model: stages and reachability, RUN commands mapped onto document ranges, variables.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { LineIndex } from '../../../server/src/core/text';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

test('knows which stages reach the final image and which ship their layers', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS base\nFROM base AS build\nRUN make\nFROM python:3.12 AS unused\nFROM base\nCOPY --from=build /out /out\n');
  assert.deepEqual(
    m.stages.map((s) => [s.name ?? String(s.index), s.reachesFinal, s.layersInFinal, s.isFinal]),
    [
      ['base', true, true, false],
      ['build', true, false, false],
      ['unused', false, false, false],
      ['3', true, true, true],
    ],
  );
});

test('a build target picks the final stage', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS dev\nFROM python:3.12-slim AS prod\n', { target: 'dev' });
  assert.equal(m.finalStage?.name, 'dev');
});

test('RUN words map onto exact document ranges across continuations and comment lines', () => {
  const text = 'FROM debian\nRUN apt-get update \\\n  # a comment inside\n  && apt-get install -y \\\n     libpq5 "curl"\n';
  const m = buildDockerfileModel(text);
  const run = m.instructions[1]!.run!;
  const idx = new LineIndex(text);
  const install = run.commands.find((c) => c.apt?.sub === 'install')!;
  assert.deepEqual(install.apt!.packages.map((p) => [p.value, idx.slice(p.range)]), [
    ['libpq5', 'libpq5'],
    ['curl', '"curl"'],
  ]);
  assert.equal(run.commands.length, 2);
});

test('a custom escape character maps like a backslash', () => {
  const text = '# escape=`\nFROM debian\nRUN apt-get update `\n  && apt-get install -y x\n';
  const m = buildDockerfileModel(text);
  assert.deepEqual(m.instructions[1]!.run!.commands.map((c) => c.apt?.sub), ['update', 'install']);
});

test('ARG defaults substitute into FROM; pip options are recognised', () => {
  const m = buildDockerfileModel('ARG PY=3.11\nFROM python:${PY}-slim\nRUN python -m pip install --user -r req.txt -c c.txt ./pkg flask==3.1\n');
  assert.equal(m.stages[0]!.from.image, 'python:3.11-slim');
  const pip = m.instructions[2]!.run!.commands[0]!.pip!;
  assert.deepEqual(
    { user: pip.user, req: pip.requirements.map((t) => t.value), con: pip.constraints.map((t) => t.value), local: pip.localPaths.map((t) => t.value), pkgs: pip.packages.map((t) => t.value), launcher: pip.launcher },
    { user: true, req: ['req.txt'], con: ['c.txt'], local: ['./pkg'], pkgs: ['flask==3.1'], launcher: 'python -m pip' },
  );
});

test('half-typed and garbage input builds a model without throwing', () => {
  for (const text of ['FROM', 'RUN "unterminated', 'FROM python:3.12\nRUN $(( \\\n', '\u0000\u0001', 'COPY --from= .', 'ONBUILD', 'FROM a AS\n']) {
    assert.doesNotThrow(() => buildDockerfileModel(text), text);
  }
});

test('a line continuation at the end of the file continues nothing: the RUN body still parses', () => {
  for (const text of ['FROM debian\nRUN apt-get purge -y curl \\\n    ', 'FROM debian\nRUN apt-get purge -y curl \\', '# escape=`\nFROM debian\nRUN apt-get purge -y curl `\n']) {
    const run = buildDockerfileModel(text).instructions.find((i) => i.keyword === 'RUN')!.run!;
    assert.equal(run.script?.hasErrors, false, JSON.stringify(text));
    assert.deepEqual(run.commands.map((c) => c.args.map((a) => a.value)), [['purge', '-y', 'curl']]);
  }
});
