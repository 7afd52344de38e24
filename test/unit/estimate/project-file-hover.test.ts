// The size hover on a pyproject.toml or Pipfile dependency and on a lock file's package: the pinned version, the wheel for the image, the size with dependencies.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectFileHover, isProjectFile } from '../../../server/src/core/features/project-file-hover';
import { memoryFiles } from '../../../server/src/core/project';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'projects-locks');
const read = (p: string) => readFileSync(join(FIXTURES, p), 'utf8');

/** Position of the first character of the nth occurrence of `needle` (counted from the text by hand). */
function at(text: string, needle: string, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, needle);
  const before = text.slice(0, i).split('\n');
  return { line: before.length - 1, character: before[before.length - 1]!.length };
}

test('isProjectFile: manifests and locks, not other TOML files', () => {
  assert.deepEqual(['/a/pyproject.toml', '/a/uv.lock', '/a/poetry.lock', '/a/pdm.lock', '/a/Pipfile', '/a/Pipfile.lock', '/a/.layerwise.toml', '/a/requirements.txt'].map(isProjectFile), [true, true, true, true, true, true, false, false]);
});

test('uv.lock: hover on a package shows its pinned version, the manylinux x86_64 wheel for python:3.12-slim, and the size of it with its dependencies', () => {
  const text = read('uv-flask/uv.lock');
  const h = projectFileHover('/p/uv.lock', text, at(text, 'name = "flask"'))!;
  assert.ok(h);
  const lines = h.markdown.split('\n');
  assert.equal(lines[0], '**flask 3.1.3** pinned in uv.lock');
  assert.equal(lines[2], 'Wheel for this image: `flask-3.1.3-py3-none-any.whl`, 103 kB (size recorded in uv.lock)');
  // flask + blinker, click, itsdangerous, jinja2, markupsafe, werkzeug (colorama is for win32 only); download = the wheels' sum.
  const download = 103424 + 8458 + 119243 + 16234 + 134899 + 22947 + 226459;
  assert.ok(lines[3]!.startsWith('**Installed size** with 6 dependencies: '), lines[3]);
  assert.ok(lines[3]!.endsWith(`download ${(download / 1e3).toFixed(0)} kB`), `${lines[3]} vs ${download}`);
  assert.equal(lines[4], '_For CPython 3.12, glibc 2.41, x86_64, with .pyc (python:3.12-slim, linux/amd64)._');
  assert.ok(!h.markdown.includes('colorama'));
  const numpy = projectFileHover('/p/uv.lock', text, at(text, 'name = "numpy"'))!;
  assert.equal(numpy.markdown.split('\n')[2], 'Wheel for this image: `numpy-2.2.4-cp312-cp312-manylinux_2_17_x86_64.manylinux2014_x86_64.whl`, 16.1 MB (size recorded in uv.lock)');
  assert.equal(projectFileHover('/p/uv.lock', text, { line: 0, character: 0 }), undefined);
});

test('pyproject.toml: hover on a dependency reads the uv.lock next to it; the range is the dependency name', () => {
  const text = read('uv-flask/pyproject.toml');
  const files = memoryFiles({ '/p/uv.lock': read('uv-flask/uv.lock') });
  const h = projectFileHover('/p/pyproject.toml', text, at(text, 'gunicorn'), files)!;
  assert.equal(h.markdown.split('\n')[0], '**gunicorn 23.0.0** pinned in uv.lock');
  assert.ok(h.markdown.includes('with 1 dependency'));
  const s = at(text, 'gunicorn');
  assert.deepEqual(h.range, { start: s, end: { line: s.line, character: s.character + 'gunicorn'.length } });
  // Without a lock next to it: the constraint's release from the data, and the hover says why.
  const alone = projectFileHover('/p/pyproject.toml', text, at(text, 'gunicorn'))!;
  assert.ok(alone.markdown.startsWith('**gunicorn** `>=23`: no lock file next to pyproject.toml'), alone.markdown.split('\n')[0]);
  assert.equal(projectFileHover('/p/pyproject.toml', text, at(text, 'requires-python')), undefined);
});

test('poetry: hover on a [tool.poetry.dependencies] entry shows the version poetry.lock pins, sized from the data by exact version', () => {
  const text = read('poetry-django/pyproject.toml');
  const files = memoryFiles({ '/p/poetry.lock': read('poetry-django/poetry.lock') });
  const h = projectFileHover('/p/pyproject.toml', text, at(text, 'Django'), files)!;
  const lines = h.markdown.split('\n');
  assert.equal(lines[0], '**django 5.2.14** pinned in poetry.lock');
  // django + asgiref + sqlparse (tzdata only on win32).
  assert.equal(lines[2], 'File for this image: wheel py3-none-any of django 5.2.14, 8311320 B (PyPI file size in the embedded data)');
  assert.ok(lines[3]!.startsWith('**Installed size** with 2 dependencies: '), lines[3]);
  assert.ok(!h.markdown.includes('tzdata'));
});

test('Pipfile and Pipfile.lock: the pinned version, dependencies from the data', () => {
  const text = read('pipenv-requests/Pipfile');
  const lockText = read('pipenv-requests/Pipfile.lock');
  const h = projectFileHover('/p/Pipfile', text, at(text, 'requests'), memoryFiles({ '/p/Pipfile.lock': lockText }))!;
  assert.equal(h.markdown.split('\n')[0], '**requests 2.32.3** pinned in Pipfile.lock');
  const l = projectFileHover('/p/Pipfile.lock', lockText, at(lockText, '"idna"'))!;
  assert.equal(l.markdown.split('\n')[0], '**idna 3.19** pinned in Pipfile.lock');
});

test('a malformed lock or manifest gives no hover and does not throw', () => {
  assert.equal(projectFileHover('/p/uv.lock', '[[package]\nname = "x"', { line: 1, character: 2 }), undefined);
  assert.equal(projectFileHover('/p/pyproject.toml', '[project\ndependencies = ["a"]', { line: 1, character: 18 }), undefined);
  assert.equal(projectFileHover('/p/Pipfile.lock', '\u0000\u0001', { line: 0, character: 0 }), undefined);
});

test('with a Dockerfile next to the lock that installs it, the hover gives the estimate\'s own figures for that image and names the instruction', () => {
  const lock = read('uv-flask/uv.lock');
  const files = memoryFiles({ '/p/uv.lock': lock, '/p/pyproject.toml': read('uv-flask/pyproject.toml'), '/p/Dockerfile': read('uv-flask/Dockerfile') });
  const h = projectFileHover('/p/uv.lock', lock, at(lock, 'name = "jinja2"\nversion'), files)!;
  const lines = h.markdown.split('\n');
  assert.equal(lines[0], '**jinja2 3.1.6** pinned in uv.lock');
  assert.equal(lines[2], 'Wheel for this image: `jinja2-3.1.6-py3-none-any.whl`, 135 kB (size recorded in uv.lock)');
  // jinja2 + markupsafe: 134899 + 22947 B of wheels.
  assert.ok(lines[3]!.startsWith('**Installed size** with 1 dependency this install adds: '), lines[3]);
  assert.ok(lines[3]!.endsWith('download 158 kB'), lines[3]);
  assert.equal(lines[4], '_As `RUN --mount=type=cache,target=/root/.cache/uv uv sync --locked --no-dev…` installs it (Dockerfile line 6, stage 0)._');
  // pytest is a dev package the Dockerfile leaves out (--no-dev): the hover falls back to python:3.12-slim.
  const pytest = projectFileHover('/p/uv.lock', lock, at(lock, 'name = "pytest"\nversion'), files)!;
  assert.ok(pytest.markdown.includes('(python:3.12-slim, linux/amd64)'), pytest.markdown);
});
