// The rewrite contract: a table of rewrites it must accept and refuse, and fix-all and the assists refusing what breaks it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel, type DockerfileModel } from '../../../server/src/core/model/dockerfile';
import { checkFix, checkRewrite, type ContractContext } from '../../../server/src/core/rewrite-contract';
import { fixAll } from '../../../server/src/core/index';
import { assistsFor, withContract } from '../../../server/src/core/assists/index';
import { defineAssist, type Assist } from '../../../server/src/core/assists/assist';
import { memoryFiles } from '../../../server/src/core/project';
import type { Rule, RuleContext } from '../../../server/src/core/rules/rule';
import type { Fix } from '../../../server/src/core/types';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const PATH = '/p/Dockerfile';
/** A Django-like project: requirements.txt includes base.txt. */
const DJANGO = memoryFiles({ '/p/Dockerfile': '', '/p/requirements.txt': '-r base.txt\ngunicorn==23.0.0\n', '/p/base.txt': 'django==5.1\n', '/p/manage.py': 'print(1)\n' });
const withFiles: ContractContext = { files: DJANGO, path: PATH };

function verdict(before: string, after: string, ctx: ContractContext = {}): string {
  const r = checkRewrite(buildDockerfileModel(before), buildDockerfileModel(after), ctx);
  return r.ok ? 'ok' : r.reason;
}

const SINGLE = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nEXPOSE 8000\nUSER app\nCMD ["gunicorn", "app:app"]\n';

describe('accepts', () => {
  const cases: [string, string, string, ContractContext?][] = [
    ['the same text', SINGLE, SINGLE],
    ['keyword case and continuations changed only', 'FROM python:3.12\nrun apt-get update && \\\n    apt-get install -y git\n', 'FROM python:3.12\nRUN apt-get update && apt-get install -y git\n'],
    [
      'the install moved above the code with every requirements file it reads copied first',
      SINGLE,
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt base.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\nEXPOSE 8000\nUSER app\nCMD ["gunicorn", "app:app"]\n',
      withFiles,
    ],
    ['a flag added to a command', 'FROM python:3.12\nRUN pip install -r requirements.txt\n', 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n'],
    ['two package RUNs joined', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y git\n', 'FROM debian:12\nRUN apt-get update && \\\n    apt-get install -y git\n'],
    ['ENV in the other syntax', 'FROM python:3.12\nENV A 1\n', 'FROM python:3.12\nENV A=1\n'],
    ['a line added to the final stage by the rewrite', 'FROM python:3.12\nCMD ["python", "app.py"]\n', 'FROM python:3.12\nENV PYTHONUNBUFFERED=1\nCMD ["python", "app.py"]\n'],
    ['a stage named', 'FROM python:3.12\nRUN echo hi\n', 'FROM python:3.12 AS app\nRUN echo hi\n'],
    [
      'a split: installs in a builder stage, the venv copied into the final one',
      'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n',
      'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y gcc\nWORKDIR /app\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\nFROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCMD ["python", "app.py"]\n',
    ],
    ['a changed CMD the rewrite declares', 'FROM python:3.12\nCMD ["uv", "run", "app.py"]\n', 'FROM python:3.12\nCMD ["python", "app.py"]\n', { changes: { instructions: [1] } }],
    ['a RUN rewritten in place that reads what it read before (a file no COPY brings, then and now)', 'FROM python:3.12\nRUN pip install -r /app/requirements.txt\n', 'FROM python:3.12\nRUN python -m pip install -r /app/requirements.txt\n', { changes: { instructions: [1] } }],
    ['an install joined with collectstatic by a fix not marked safe', 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN python manage.py collectstatic --noinput\n', 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && \\\n    python manage.py collectstatic --noinput\n'],
  ];
  for (const [name, b, a, ctx] of cases) test(name, () => assert.equal(verdict(b, a, ctx), 'ok'));
});

describe('refuses', () => {
  const cases: [string, string, string, RegExp, ContractContext?][] = [
    ['a dropped RUN', 'FROM debian:12\nRUN apt-get update\nRUN apt-get install -y git make\nCMD ["bash"]\n', 'FROM debian:12\nRUN apt-get update\nCMD ["bash"]\n', /^it drops `RUN apt-get install -y git make` \(line 3\)$/],
    [
      'the install moved above the COPY of the `-r base.txt` it includes',
      SINGLE,
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nEXPOSE 8000\nUSER app\nCMD ["gunicorn", "app:app"]\n',
      /would read \/app\/base\.txt \(an include of requirements\.txt\) before anything creates it$/,
      withFiles,
    ],
    [
      'collectstatic joined with the install and moved above `COPY . .`',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN python manage.py collectstatic --noinput\n',
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt base.txt ./\nRUN pip install -r requirements.txt && \\\n    python manage.py collectstatic --noinput\nCOPY . .\n',
      /^it moves `COPY \. \.` \(line 3\) across `RUN python manage\.py collectstatic --noinput` \(line 5\), whose effect Layerwise cannot tell$/,
      withFiles,
    ],
    [
      'collectstatic joined with the install by a safe fix',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN python manage.py collectstatic --noinput\n',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt && \\\n    python manage.py collectstatic --noinput\n',
      /^it joins `RUN pip install -r requirements\.txt` with `RUN python manage\.py collectstatic --noinput`, which runs the project, in one RUN$/,
      { safe: true },
    ],
    ['a changed CMD', 'FROM python:3.12\nCMD ["python", "app.py"]\n', 'FROM python:3.12\nCMD ["python", "main.py"]\n', /^it drops `CMD \["python", "app\.py"\]` \(line 2\)$/],
    ['two ENV lines of the final stage swapped', 'FROM python:3.12\nENV A=1\nENV A=2\nCMD ["python", "app.py"]\n', 'FROM python:3.12\nENV A=2\nENV A=1\nCMD ["python", "app.py"]\n', /^in the final stage `ENV A` is `1` instead of `2`$/],
    [
      'a known read moved above the COPY that brings the file',
      'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN cp manage.py /srv/\n',
      'FROM python:3.12\nWORKDIR /app\nRUN cp manage.py /srv/\nCOPY . .\n',
      /^`RUN cp manage\.py \/srv\/` would read \/app\/manage\.py \(cp\) before anything creates it$/,
    ],
    [
      'USER lost in the final stage (moved into the builder)',
      'FROM python:3.12\nRUN pip install flask\nUSER app\nCMD ["flask", "run"]\n',
      'FROM python:3.12 AS builder\nRUN pip install flask\nUSER app\n\nFROM python:3.12-slim\nCOPY --from=builder /usr/local /usr/local\nCMD ["flask", "run"]\n',
      /^in the final stage `USER` is `root` instead of `app`$/,
    ],
    [
      'a `curl | sh` RUN moved above the COPY before it',
      'FROM debian:12\nCOPY install.sh /tmp/\nRUN curl -fsSL https://example.com/x | sh\n',
      'FROM debian:12\nRUN curl -fsSL https://example.com/x | sh\nCOPY install.sh /tmp/\n',
      /^it moves `COPY install\.sh \/tmp\/` \(line 2\) across `RUN curl -fsSL https:\/\/example\.com\/x \| sh` \(line 3\), whose effect Layerwise cannot tell$/,
    ],
    [
      'an unknown RUN moved into another stage',
      'FROM python:3.12\nRUN ./build-assets.sh\nCMD ["python", "app.py"]\n',
      'FROM python:3.12 AS builder\nRUN ./build-assets.sh\n\nFROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      /^it moves `RUN \.\/build-assets\.sh` \(line 2\), whose effect Layerwise cannot tell, into another stage$/,
    ],
    ['a stage lost', 'FROM python:3.12 AS a\nRUN echo a\nFROM a\nRUN echo b\n', 'FROM python:3.12 AS a\nRUN echo a\nRUN echo b\n', /^it drops `FROM a` \(line 3\)$/],
    ['a stage lost, the FROM declared', 'FROM python:3.12 AS a\nRUN echo a\nFROM a\nRUN echo b\n', 'FROM python:3.12 AS a\nRUN echo a\nRUN echo b\n', /^it leaves 1 of the 2 stages$/, { changes: { instructions: [2] } }],
    ['a changed ENV value', 'FROM python:3.12\nENV PORT=8000\nCMD ["python", "app.py"]\n', 'FROM python:3.12\nENV PORT=9000\nCMD ["python", "app.py"]\n', /^it drops `ENV PORT=8000` \(line 2\)$/],
    [
      'a copy from a stage of a folder it never creates',
      'FROM python:3.12 AS builder\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCMD ["flask", "run"]\n',
      'FROM python:3.12 AS builder\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nCMD ["flask", "run"]\n',
      /^`COPY --from=builder \/opt\/venv \/opt\/venv` copies \/opt\/venv, which stage `builder` never creates$/,
    ],
    [
      'a moved RUN that would run in another folder',
      'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      'FROM python:3.12\nRUN pip install -r requirements.txt\nWORKDIR /app\nCOPY requirements.txt .\n',
      /^`RUN pip install -r requirements\.txt` would run in \/ instead of \/app$/,
    ],
  ];
  for (const [name, b, a, expected, ctx] of cases) test(name, () => assert.match(verdict(b, a, ctx), expected));
});

describe('fixes', () => {
  const model = (text: string): DockerfileModel => buildDockerfileModel(text);
  test('a fix that edits inside one instruction is accepted without building the new text', () => {
    const m = model('FROM python:3.12\nRUN pip install flask\n');
    const fix: Fix = { title: 'Add --no-cache-dir', applicability: 'safe', edits: [{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 15 } }, newText: ' --no-cache-dir' }] };
    assert.deepEqual(checkFix(m, fix), { ok: true });
  });
  test('an edit over more than two instructions declares none of them: the ones it loses are refused', () => {
    const m = model('FROM python:3.12\nRUN pip install flask\nRUN echo done\nCMD ["flask", "run"]\n');
    const wide: Fix = { title: 'Broken', applicability: 'safe', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 4, character: 0 } }, newText: 'RUN pip install --no-cache-dir flask\n' }] };
    assert.deepEqual(checkFix(m, wide), { ok: false, reason: 'it drops `RUN echo done` (line 3)' });
  });
});

/** A rule that reports one finding with the given fix at the first RUN. */
function fakeRule(code: string, fix: (m: DockerfileModel) => Fix | undefined): Rule<DockerfileModel> {
  return {
    meta: { code, name: `fake-${code.toLowerCase()}`, origin: 'layerwise', language: 'dockerfile', category: 'style', severity: 'warning', messages: { m: 'fake' }, fix: 'always' },
    check(ctx: RuleContext<DockerfileModel>) {
      const run = ctx.model.instructions.find((i) => i.keyword === 'RUN');
      const f = fix(ctx.model);
      if (run && f) ctx.report({ range: run.keywordRange, messageId: 'm', fixes: [f] });
    },
  } as unknown as Rule<DockerfileModel>;
}

describe('fix-all', () => {
  const text = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN python manage.py collectstatic --noinput\nCMD ["gunicorn", "app:app"]\n';
  test('refuses a safe fix that moves the install with collectstatic above the code, and says why', () => {
    // Deliberately broken: joins the two RUNs and moves them above `COPY . .` with only requirements.txt copied.
    const broken = fakeRule('XX001', (m) => (m.instructions.some((i) => i.keyword === 'RUN' && i.startLine === 4)
      ? { title: 'Move the install up', applicability: 'safe', edits: [
          { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, newText: 'COPY requirements.txt .\nRUN pip install -r requirements.txt && python manage.py collectstatic --noinput\n' },
          { range: { start: { line: 3, character: 0 }, end: { line: 5, character: 0 } }, newText: '' },
        ] }
      : undefined));
    const r = fixAll(text, { kind: 'dockerfile', files: DJANGO, path: PATH, rules: [broken] });
    assert.equal(r.text, text);
    assert.deepEqual(r.applied, []);
    assert.deepEqual(r.refused, [{ code: 'XX001', title: 'Move the install up', reason: 'it moves `COPY . .` (line 3) across `RUN python manage.py collectstatic --noinput` (line 5), whose effect Layerwise cannot tell' }]);
  });
  test('refuses a safe fix that joins the install with collectstatic where they are', () => {
    const joins = fakeRule('XX004', (m) => (m.instructions.some((i) => i.keyword === 'RUN' && i.startLine === 4)
      ? { title: 'Join', applicability: 'safe', edits: [{ range: { start: { line: 3, character: 35 }, end: { line: 4, character: 4 } }, newText: ' && ' }] }
      : undefined));
    const r = fixAll(text, { kind: 'dockerfile', files: DJANGO, path: PATH, rules: [joins] });
    assert.equal(r.text, text);
    assert.deepEqual(r.refused, [{ code: 'XX004', title: 'Join', reason: 'it joins `RUN pip install -r requirements.txt` with `RUN python manage.py collectstatic --noinput`, which runs the project, in one RUN' }]);
    const unsafe = fixAll(text, { kind: 'dockerfile', files: DJANGO, path: PATH, rules: [fakeRule('XX005', (m) => (m.instructions.some((i) => i.keyword === 'RUN' && i.startLine === 4) ? { title: 'Join', applicability: 'unsafe', edits: [{ range: { start: { line: 3, character: 35 }, end: { line: 4, character: 4 } }, newText: ' && ' }] } : undefined))] }, { unsafe: true });
    assert.equal(unsafe.text, text.replace('requirements.txt\nRUN python', 'requirements.txt && python'));
    assert.deepEqual(unsafe.refused, []);
  });
  test('keeps the fixes of a pass that hold when one of them is refused', () => {
    // Deliberately broken: rewrites the last three instructions and loses the CMD on the way.
    const drops = fakeRule('XX002', () => ({ title: 'Drop the CMD', applicability: 'safe', edits: [{ range: { start: { line: 4, character: 0 }, end: { line: 7, character: 0 } }, newText: 'RUN python manage.py collectstatic --noinput\nEXPOSE 8000\n' }] }));
    const flag = fakeRule('XX003', (m) => (m.text.includes('--no-cache-dir') ? undefined : { title: 'Add --no-cache-dir', applicability: 'safe', edits: [{ range: { start: { line: 3, character: 15 }, end: { line: 3, character: 15 } }, newText: ' --no-cache-dir' }] }));
    const longer = text.replace('CMD', 'EXPOSE 8000\nCMD');
    const r = fixAll(longer, { kind: 'dockerfile', files: DJANGO, path: PATH, rules: [drops, flag] });
    assert.equal(r.text, longer.replace('pip install -r', 'pip install --no-cache-dir -r'));
    assert.deepEqual(r.applied, [{ code: 'XX003', title: 'Add --no-cache-dir' }]);
    assert.deepEqual(r.refused, [{ code: 'XX002', title: 'Drop the CMD', reason: 'it drops `CMD ["gunicorn", "app:app"]` (line 7)' }]);
  });
  test('the registered fixes of the Django example are all kept', () => {
    const r = fixAll(text, { kind: 'dockerfile', files: DJANGO, path: PATH });
    assert.deepEqual(r.refused, []);
    assert.ok(r.applied.length > 0);
  });
});

describe('assists', () => {
  const text = 'FROM python:3.12\nRUN apt-get update\nRUN apt-get install -y git\nCMD ["bash"]\n';
  const dropper: Assist = defineAssist({
    id: 'drop-a-run',
    title: 'Drop a RUN',
    kind: 'refactor.rewrite',
    run: (model) => {
      const out = model.text.replace('RUN apt-get install -y git\n', '');
      return { applies: true, actions: [{ title: 'Drop a RUN', edits: [{ range: { start: { line: 0, character: 0 }, end: model.lines.positionAt(model.text.length) }, newText: out }], text: out }] };
    },
  });
  test('assistsFor does not offer an action that breaks the contract', () => {
    const offered = assistsFor(buildDockerfileModel(text), {}, [dropper]);
    assert.deepEqual(offered.map((o) => o.action.title), []);
  });
  test('the assist declines with the contract\'s reason', () => {
    const r = withContract(dropper).run(buildDockerfileModel(text), {});
    assert.deepEqual(r, { applies: false, reason: 'the rewrite would not keep the build working: it drops `RUN apt-get install -y git` (line 3)' });
  });
  test('the real assists are still offered on the example', () => {
    const offered = assistsFor(buildDockerfileModel('FROM python:3.12\nRUN apt-get update && apt-get install -y gcc libpq-dev\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n'), {});
    const ids = offered.map((o) => o.assist.id);
    assert.ok(ids.includes('split-into-builder-stage'), ids.join(' '));
    assert.ok(ids.includes('use-slim-base'), ids.join(' '));
  });
});
