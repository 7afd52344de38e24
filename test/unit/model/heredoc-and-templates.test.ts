// The model's reading of heredoc RUN bodies (who runs them, their commands), of redirections, and of files that are not Dockerfiles.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel, type DockerfileModel } from '../../../server/src/core/model/dockerfile';
import { semanticsOf } from '../../../server/src/core/model/semantic';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

function lastRun(m: DockerfileModel) {
  const run = [...m.instructions].reverse().find((i) => i.run)!.run!;
  return { run, names: run.commands.map((c) => c.name.value), texts: run.commands.map((c) => m.lines.slice(c.range)) };
}

test('a lone heredoc RUN is read as the shell script it is, its commands on the heredoc lines', () => {
  const m = buildDockerfileModel('FROM debian\nRUN <<EOF\nset -e\napt-get install -y curl\ncurl -fsSL u | sh\nEOF\n');
  const { run, names } = lastRun(m);
  assert.equal(run.form, 'heredoc');
  assert.equal(run.interpreter, undefined);
  assert.deepEqual(names, ['set', 'apt-get', 'curl', 'sh']);
  assert.equal(m.lines.positionAt(run.scriptStart!).line, 2);
  assert.deepEqual(run.commands.map((c) => c.range.start.line), [2, 3, 4, 4]);
  assert.deepEqual(run.script!.operators.map((o) => o.op), ['|']);
});

test('a heredoc with a shell `#!` line is shell run by that shell; another interpreter leaves no commands and an unknown effect', () => {
  const bash = buildDockerfileModel('FROM debian\nRUN <<EOF\n#!/bin/bash -e\napt-get update\nEOF\n');
  assert.deepEqual([lastRun(bash).run.interpreter, lastRun(bash).names], ['/bin/bash -e', ['apt-get']]);
  const py = buildDockerfileModel('FROM python:3.12\nRUN <<EOF\n#!/usr/bin/env python3\nimport os\nos.system("rm -rf /x | y")\nEOF\n');
  const { run } = lastRun(py);
  assert.deepEqual([run.interpreter, run.commands.length, run.script], ['/usr/bin/env python3', 0, undefined]);
  const e = semanticsOf(py).effects(py.instructions[1]!);
  assert.deepEqual([e.unknown, e.unknownWhy], [true, ['the RUN runs a `/usr/bin/env python3` script']]);
});

test('`RUN <<EOF python3` feeds the heredoc to python: the command is python3, the heredoc lines are no commands', () => {
  const m = buildDockerfileModel('FROM python:3.12\nRUN <<EOF python3\nimport subprocess\nprint("a | b")\nEOF\n');
  const { run, texts } = lastRun(m);
  assert.equal(run.form, 'heredoc');
  assert.deepEqual(texts, ['python3']);
  assert.deepEqual(run.script!.operators, []);
});

test('a shell fed the heredoc on stdin (`bash -euo pipefail <<EOF`, `RUN <<EOF sh`) runs its lines as commands', () => {
  const a = buildDockerfileModel('FROM debian\nRUN bash -euo pipefail <<EOF\napt-get update\ncd /opt\nEOF\n');
  assert.deepEqual([lastRun(a).run.form, lastRun(a).run.interpreter, lastRun(a).names], ['heredoc', 'bash -euo pipefail', ['apt-get', 'cd']]);
  const b = buildDockerfileModel('FROM debian\nRUN <<EOF sh\napt-get update\nEOF\n');
  assert.deepEqual([lastRun(b).run.interpreter, lastRun(b).names], ['sh', ['apt-get']]);
  // A script file or `-c` is what such a shell runs; the heredoc is then only its input.
  const c = buildDockerfileModel('FROM debian\nRUN bash ./setup.sh <<EOF\nyes\nEOF\n');
  assert.deepEqual([lastRun(c).run.interpreter, lastRun(c).texts], [undefined, ['bash ./setup.sh']]);
});

test('an `export` in a heredoc reaches the later commands of the heredoc', () => {
  const m = buildDockerfileModel('FROM python:3.12\nRUN <<EOF\nexport PIP_NO_CACHE_DIR=1\npip install flask\nEOF\n');
  const sem = semanticsOf(m);
  const pip = lastRun(m).run.commands.find((c) => c.pip)!;
  assert.equal(sem.commandEnv(m.instructions[1]!, pip).get('PIP_NO_CACHE_DIR'), '1');
});

test('a redirection keeps its whole range, and the words after its target are the command\'s arguments', () => {
  const m = buildDockerfileModel('FROM python:3.12\nRUN pip install flask>=2.0 gunicorn b<3 2>&1\n');
  const pip = lastRun(m).run.commands[0]!;
  assert.deepEqual(pip.pip!.packages.map((p) => p.value), ['flask', 'gunicorn', 'b']);
  assert.deepEqual(pip.redirects!.map((r) => [r.op, r.target.value, m.lines.slice(r.range)]), [
    ['>', '=2.0', '>=2.0'],
    ['<', '3', '<3'],
    ['>&', '1', '2>&1'],
  ]);
});

test('a jq template, a JSON document, a shell script and a mostly-Jinja file are not Dockerfiles', () => {
  const jq = buildDockerfileModel('def from_line: "FROM \\(.base)";\n{\n  "stages": [from_line],\n  "user": .user\n}\nFROM python:3.12\n');
  assert.deepEqual([jq.notDockerfile?.first.keyword, jq.notDockerfile?.unknown, jq.notDockerfile?.total], ['DEF', 5, 6]);
  assert.equal(buildDockerfileModel('{\n  "from": "python:3.12",\n  "run": ["pip install flask"]\n}\n').notDockerfile?.unknown, 4);
  assert.equal(buildDockerfileModel('#!/bin/sh\nset -e\ndocker build -t app .\n').notDockerfile?.first.keyword, 'SET');
  const jinja = buildDockerfileModel('{% if slim %}\nFROM python:{{ py }}-slim\n{% else %}\nFROM python:{{ py }}\n{% endif %}\n{% for p in pkgs %}\n{{ "RUN pip install " ~ p }}\n{% endfor %}\n');
  assert.deepEqual([jinja.notDockerfile?.unknown, jinja.notDockerfile?.total], [6, 8]);
});

test('a Dockerfile with a few template lines, a misspelt first keyword, or nothing yet, is a Dockerfile', () => {
  assert.equal(buildDockerfileModel('FROM {{ .base }}\n{{ if .debug }}\nRUN pip install debugpy\n{{ end }}\nWORKDIR /app\nCMD ["python"]\n').notDockerfile, undefined);
  assert.equal(buildDockerfileModel('FORM python:3.12\nRUN pip install flask\nCMD ["python"]\n').notDockerfile, undefined);
  assert.equal(buildDockerfileModel('').notDockerfile, undefined);
  assert.equal(buildDockerfileModel('# only a comment\n').notDockerfile, undefined);
});

test('workdirSet says whether a WORKDIR of the file, in the stage or one it is built FROM, set the folder', () => {
  const m = buildDockerfileModel('FROM python:3.12 AS a\nRUN true\nWORKDIR /\nRUN true\nFROM a\nRUN true\nFROM python:3.12\nRUN true\n');
  const sem = semanticsOf(m);
  assert.deepEqual([2, 4, 6, 8].map((l) => sem.instr(m.instructions.find((i) => i.startLine === l - 1)!).workdirSet), [false, true, true, false]);
});
