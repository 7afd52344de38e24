// Installs from a project manager's lock (uv sync, poetry install, pipenv install, pdm install) are sized from the lock: exact versions, the groups installed, the wheel for the image.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage } from '../../../server/src/core/estimate/estimate';
import { memoryFiles } from '../../../server/src/core/project';
import { initRuntime } from '../../../server/src/node/runtime';
import type { InstructionEstimate } from '../../../server/src/core/estimate/types';

before(async () => initRuntime());

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'projects-locks');

/** A fixture project's files under /ctx, as the build context. */
function project(name: string, overrides: Record<string, string> = {}): Record<string, string> {
  const dir = join(FIXTURES, name);
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) files[`/ctx/${f}`] = readFileSync(join(dir, f), 'utf8');
  for (const [k, v] of Object.entries(overrides)) files[`/ctx/${k}`] = v;
  return files;
}

function estimate(files: Record<string, string>, dockerfile = files['/ctx/Dockerfile']!) {
  return estimateImage(buildDockerfileModel(dockerfile), { files: memoryFiles(files), contextDir: '/ctx', dockerfilePath: '/ctx/Dockerfile' });
}

function instr(e: ReturnType<typeof estimate>, prefix: string, nth = 0): InstructionEstimate {
  const all = e.stages.flatMap((s) => s.instructions).filter((i) => i.instruction.startsWith(prefix));
  assert.ok(all[nth], `no instruction starting with ${prefix}`);
  return all[nth]!;
}

/** name@version → download bytes of every package the pip-kind parts of an instruction count. */
const packages = (i: InstructionEstimate) =>
  Object.fromEntries(i.parts.flatMap((p) => p.packages ?? []).map((p) => [`${p.name}@${p.version}`, p.download.typical]));

test('uv sync --no-dev: the main packages of uv.lock with the wheel sizes it records, the cp312 manylinux x86_64 wheel of numpy; no dev packages, no win32-only colorama', () => {
  const e = estimate(project('uv-flask'));
  const first = instr(e, 'RUN --mount=type=cache,target=/root/.cache/uv uv sync', 0);
  // The sizes written in the fixture's uv.lock, by hand.
  assert.deepEqual(packages(first), {
    'flask@3.1.3': 103424,
    'gunicorn@23.0.0': 85029,
    'numpy@2.2.4': 16134051,
    'blinker@1.9.0': 8458,
    'click@8.4.2': 119243,
    'itsdangerous@2.2.0': 16234,
    'jinja2@3.1.6': 134899,
    'markupsafe@3.0.3': 22947,
    'werkzeug@3.1.8': 226459,
    'packaging@26.3': 129956,
  });
  const part = first.parts.find((p) => p.packages)!;
  assert.equal(part.what, '`uv sync --no-dev --no-install-project`: 3 packages + 7 dependencies from uv.lock (main) → venv /app/.venv');
  assert.ok(part.source.startsWith('10 packages sized for CPython 3.12'), part.source);
  assert.ok(part.source.includes('from wheel sizes recorded in uv.lock (10 packages)'), part.source);
  assert.ok(!first.parts.some((p) => /not read|not known/.test(p.what)));
  // The second sync finds every package already in the venv: only the project itself is added.
  const second = instr(e, 'RUN --mount=type=cache,target=/root/.cache/uv uv sync', 1);
  assert.deepEqual(packages(second), {});
  assert.deepEqual(second.parts.map((p) => p.what), ['`uv sync --no-dev`: nothing to install from uv.lock (main)', 'the project itself (from its source): own code only']);
});

test('uv sync with the default groups installs dev too; on Alpine aarch64 the musllinux aarch64 wheel of numpy is picked', () => {
  const files = project('uv-flask');
  const e = estimate(files, 'FROM python:3.12-alpine\nCOPY --from=ghcr.io/astral-sh/uv:0.9.5 /uv /usr/local/bin/uv\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked\n');
  const got = packages(instr(e, 'RUN uv sync'));
  assert.equal(got['pytest@9.1.1'], 386536);
  assert.equal(got['pluggy@1.6.0'], 20538);
  assert.equal(got['iniconfig@2.3.0'], 7484);
  assert.equal(got['colorama@0.4.6'], undefined);
  assert.equal(got['numpy@2.2.4'], 17898106);
  assert.equal(got['markupsafe@3.0.3'], 23015);
  const arm = estimate(files, 'FROM --platform=linux/arm64 python:3.12-alpine\nWORKDIR /app\nCOPY . .\nRUN uv sync --locked --only-group dev\n');
  assert.deepEqual(packages(instr(arm, 'RUN uv sync')), { 'pytest@9.1.1': 386536, 'iniconfig@2.3.0': 7484, 'packaging@26.3': 129956, 'pluggy@1.6.0': 20538 });
});

test('poetry install --only main: versions pinned in poetry.lock sized from the data by exact version; dev group and win32-only tzdata left out', () => {
  const e = estimate(project('poetry-django'));
  const i = instr(e, 'RUN poetry install');
  // Wheel sizes of these exact versions in the embedded data (PyPI figures).
  assert.deepEqual(packages(i), { 'asgiref@3.11.1': 24345, 'django@5.2.14': 8311320, 'gunicorn@23.0.0': 85029, 'packaging@26.3': 129956, 'sqlparse@0.6.0': 50070 });
  const part = i.parts.find((p) => p.packages)!;
  assert.equal(part.what, '`poetry install --only main --no-root`: 2 packages + 3 dependencies from poetry.lock (main) → system site-packages /usr/local/lib/python3.12/site-packages (`POETRY_VIRTUALENVS_CREATE`) (no .pyc)');
  assert.ok(part.source.includes('versions pinned in poetry.lock, sized from PyPI file sizes'), part.source);
  assert.ok(!i.parts.some((p) => /the project itself/.test(p.what)));
});

test('poetry install --without dev and the legacy --no-dev select the same packages; --with dev adds pytest', () => {
  const files = project('poetry-django');
  const base = 'FROM python:3.12-slim\nENV POETRY_VIRTUALENVS_CREATE=false\nWORKDIR /app\nCOPY . .\n';
  const names = (cmd: string) => Object.keys(packages(instr(estimate(files, `${base}RUN ${cmd}\n`), 'RUN poetry'))).sort();
  const main = ['asgiref@3.11.1', 'django@5.2.14', 'gunicorn@23.0.0', 'packaging@26.3', 'sqlparse@0.6.0'];
  assert.deepEqual(names('poetry install --without dev --no-root'), main);
  assert.deepEqual(names('poetry install --no-dev --no-root'), main);
  assert.deepEqual(names('poetry install --no-root'), [...main, 'iniconfig@2.3.0', 'pluggy@1.6.0', 'pytest@9.1.1'].sort());
  assert.deepEqual(names('poetry install --only dev'), ['iniconfig@2.3.0', 'packaging@26.3', 'pluggy@1.6.0', 'pytest@9.1.1']);
});

test('pipenv install --system --deploy: the default section of Pipfile.lock by exact version, with pip compiling .pyc', () => {
  const e = estimate(project('pipenv-requests'));
  const i = instr(e, 'RUN pipenv install');
  assert.deepEqual(packages(i), { 'certifi@2026.7.22': 136983, 'charset-normalizer@3.5.1': 248801, 'idna@3.19': 68550, 'requests@2.32.3': 64928, 'urllib3@2.7.0': 131087 });
  const part = i.parts.find((p) => p.packages)!;
  assert.equal(part.what, '`pipenv install`: 1 package + 4 dependencies from Pipfile.lock (default) → system site-packages /usr/local/lib/python3.12/site-packages (`--system`)');
  const dev = estimate(project('pipenv-requests'), 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pipenv install --dev --system\n');
  assert.equal(Object.keys(packages(instr(dev, 'RUN pipenv'))).length, 9);
  // Packages named on the line are not the lock's: the rough figure stays.
  const named = estimate(project('pipenv-requests'), 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pipenv install flask\n');
  assert.ok(instr(named, 'RUN pipenv').parts.some((p) => p.what.includes('not read')));
});

test('pdm install --prod --no-self: the default group of pdm.lock; the test group left out', () => {
  const e = estimate(project('pdm-httpx'));
  const i = instr(e, 'RUN pdm install');
  assert.deepEqual(packages(i), { 'anyio@4.14.2': 125813, 'certifi@2026.7.22': 136983, 'h11@0.16.0': 37515, 'httpcore@1.0.9': 78784, 'httpx@0.28.1': 73517, 'idna@3.19': 68550, 'sniffio@1.3.1': 10235 });
  const part = i.parts.find((p) => p.packages)!;
  assert.equal(part.what, '`pdm install --prod --no-self`: 1 package + 6 dependencies from pdm.lock (default) → venv /app/.venv (no .pyc)');
  const all = estimate(project('pdm-httpx'), 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pdm sync\n');
  assert.equal(packages(instr(all, 'RUN pdm'))['pytest@9.1.1'], 386536);
});

test('a lock file not copied, or one that does not parse, gives the rough figure with the reason; a package the data lacks is listed as size unknown', () => {
  const files = project('uv-flask');
  const noLock = estimate(files, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml ./\nRUN uv sync\n');
  const whatNo = instr(noLock, 'RUN uv sync').parts.map((p) => p.what);
  assert.ok(whatNo.some((w) => w === '`uv sync`: uv.lock is not copied to /app/uv.lock: packages not known'), whatNo.join(' | '));
  const broken = estimate(project('uv-flask', { 'uv.lock': 'version = 1\n[[package]\nname = "x"\n' }), 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync\n');
  const whatBroken = instr(broken, 'RUN uv sync').parts.map((p) => p.what);
  assert.ok(whatBroken.some((w) => w.startsWith('`uv sync`: uv.lock does not parse (')), whatBroken.join(' | '));
  const lock = '[[package]]\nname = "acme-internal"\nversion = "4.2.0"\ngroups = ["main"]\nfiles = []\n\n[metadata]\ncontent-hash = "x"\n';
  const unknown = estimate({ '/ctx/pyproject.toml': '[tool.poetry]\nname = "a"\n', '/ctx/poetry.lock': lock }, 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN poetry install --no-root\n');
  const whatUnknown = instr(unknown, 'RUN poetry').parts.map((p) => p.what);
  assert.deepEqual(whatUnknown, ['`acme-internal 4.2.0` (pinned in poetry.lock): not in the data, size unknown', 'poetry cache in /root/.cache/pypoetry']);
});

test('uv pip install -r pyproject.toml reads the [project] dependencies (and the extras asked for), not TOML lines as requirements', () => {
  const pyproject = '[project]\nname = "shop"\nversion = "0.1.0"\ndependencies = ["flask>=3.1", "numpy>=2.2,<2.3"]\n\n[project.optional-dependencies]\nserver = ["gunicorn==23.0.0"]\n';
  const files = { '/ctx/pyproject.toml': pyproject };
  const direct = (cmd: string) => {
    const i = instr(estimate(files, `FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml .\nRUN ${cmd}\n`), 'RUN uv');
    assert.ok(!i.parts.some((p) => /`name`|`version`|local project/.test(p.what)), i.parts.map((p) => p.what).join(' | '));
    return i.parts.flatMap((p) => p.packages ?? []).filter((p) => !p.dependency).map((p) => `${p.name}@${p.version}`).sort();
  };
  assert.deepEqual(direct('uv pip install --system --no-cache -r pyproject.toml'), ['flask@3.1.3', 'numpy@2.2.4']);
  assert.deepEqual(direct('uv pip install --system --no-cache -r pyproject.toml --extra server'), ['flask@3.1.3', 'gunicorn@23.0.0', 'numpy@2.2.4']);
});
