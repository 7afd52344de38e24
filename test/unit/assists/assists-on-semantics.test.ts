// Assists read WORKDIR, env, USER and the pip cache folder off the semantic layer: cases where that changes what they write or whether they apply.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { applyEdits } from '../../../server/src/core/text';
import type { Assist } from '../../../server/src/core/assists/assist';
import usePipCacheMount from '../../../server/src/core/assists/use-pip-cache-mount';
import split from '../../../server/src/core/assists/split-into-builder-stage';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

function apply(a: Assist, text: string): string | { reason: string } {
  const r = a.run(buildDockerfileModel(text), {});
  if (!r.applies) return { reason: r.reason };
  assert.equal(applyEdits(text, r.actions[0]!.edits), r.actions[0]!.text);
  return r.actions[0]!.text;
}

test('use-pip-cache-mount mounts the folder an `export PIP_CACHE_DIR` earlier in the RUN names', () => {
  assert.equal(
    apply(usePipCacheMount, 'FROM python:3.12\nRUN export PIP_CACHE_DIR=/cache/pip && pip install --no-cache-dir flask\n'),
    '# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/cache/pip export PIP_CACHE_DIR=/cache/pip && pip install flask\n',
  );
});

test('use-pip-cache-mount mounts the cache under HOME when HOME is set', () => {
  assert.equal(
    apply(usePipCacheMount, 'FROM python:3.12\nENV HOME=/home/build\nRUN pip install --no-cache-dir flask\n'),
    '# syntax=docker/dockerfile:1\nFROM python:3.12\nENV HOME=/home/build\nRUN --mount=type=cache,target=/home/build/.cache/pip pip install flask\n',
  );
});

test('use-pip-cache-mount declines when a USER set in the stage this one is built FROM runs pip', () => {
  assert.deepEqual(apply(usePipCacheMount, 'FROM python:3.12 AS base\nUSER app\nFROM base\nRUN pip install --no-cache-dir flask\n'), {
    reason: 'the RUN is not run as root, so pip\'s cache is not under /root/.cache',
  });
});

test('split copies the manifests to where a `cd $SRC` in the install RUN reads them', () => {
  const text = 'FROM python:3.12\nENV SRC=/src\nCOPY . /src\nRUN cd $SRC && pip install -r requirements.txt\nCMD ["python", "/src/app.py"]\n';
  assert.equal(
    apply(split, text),
    [
      'FROM python:3.12 AS builder',
      'ENV SRC=/src',
      'RUN python -m venv /opt/venv',
      'ENV PATH="/opt/venv/bin:$PATH"',
      'COPY requirements.txt /src/',
      'RUN cd $SRC && pip install --no-cache-dir -r requirements.txt',
      '',
      'FROM python:3.12-slim',
      'ENV SRC=/src',
      'COPY . /src',
      'COPY --from=builder /opt/venv /opt/venv',
      'ENV PATH="/opt/venv/bin:$PATH"',
      'CMD ["python", "/src/app.py"]',
      '',
    ].join('\n'),
  );
});

test('split resolves a WORKDIR given by an ARG with a default', () => {
  const text = 'FROM python:3.12\nARG APP=/srv/app\nWORKDIR $APP\nCOPY . .\nRUN pip install -r requirements.txt\n';
  const out = apply(split, text);
  assert.equal(typeof out, 'string');
  assert.match(out as string, /\nWORKDIR \$APP\nRUN python -m venv \/opt\/venv\nENV PATH="\/opt\/venv\/bin:\$PATH"\nCOPY requirements\.txt \.\nRUN pip install --no-cache-dir -r requirements\.txt\n/);
});

test('split declines when the install runs under a WORKDIR the model cannot resolve', () => {
  assert.deepEqual(apply(split, 'FROM python:3.12\nARG APP\nWORKDIR $APP\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n'), {
    reason: 'line 5: the install runs in a folder the model cannot tell (a WORKDIR or `cd` with a variable that has no value)',
  });
});

test('split adds no `poetry config` when the command itself sets POETRY_VIRTUALENVS_CREATE=false', () => {
  const text = 'FROM python:3.12\nRUN pip install poetry\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN POETRY_VIRTUALENVS_CREATE=false poetry install --no-root --only main\nCOPY . .\nCMD ["python", "-m", "app"]\n';
  const out = apply(split, text);
  assert.equal(typeof out, 'string', JSON.stringify(out));
  assert.match(out as string, /\nRUN POETRY_VIRTUALENVS_CREATE=false poetry install --no-root --only main\n/);
  assert.doesNotMatch(out as string, /poetry config/);
});
