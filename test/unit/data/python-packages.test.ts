// Tests the per-package container facts (build deps, runtime libs, Alpine compilation).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allPythonPackageFacts, compilesOnAlpine, pythonPackageFacts } from '../../../server/src/core/data/python-packages';
import { getPackageRelease } from '../../../server/src/core/data/wheels';

test('psycopg2 needs libpq-dev and gcc to build and libpq5 to run; psycopg2-binary avoids that', () => {
  const f = pythonPackageFacts('psycopg2');
  assert.deepEqual(
    f && { build: f.buildRequires, run: f.runtimeRequires, alt: f.alternative },
    {
      build: { bookworm: ['gcc', 'libpq-dev'], trixie: ['gcc', 'libpq-dev'], alpine: ['gcc', 'musl-dev', 'postgresql-dev'] },
      run: { bookworm: ['libpq5'], trixie: ['libpq5'], alpine: ['libpq'] },
      alt: 'psycopg2-binary',
    },
  );
});

test('opencv-python needs libgl1 and GLib (t64 name on trixie); lxml wheels are self-contained', () => {
  assert.deepEqual(pythonPackageFacts('opencv_python')?.runtimeRequires?.trixie, ['libgl1', 'libglib2.0-0t64']);
  assert.equal(pythonPackageFacts('lxml')?.selfContainedWheel, true);
});

test('packages noted as sdist-only have no wheel in the data', () => {
  for (const name of ['psycopg2', 'mysqlclient']) assert.deepEqual(getPackageRelease(name)?.wheels, [], name);
});

test('Alpine compilation is derived from the wheel table', () => {
  assert.deepEqual(
    ['opencv-python', 'confluent-kafka', 'numpy', 'requests'].map(compilesOnAlpine),
    [true, true, false, false],
  );
});

test('every fact is sourced and dated', () => {
  const bad = allPythonPackageFacts().filter((f) => !f.source || !/^\d{4}-\d{2}-\d{2}$/.test(f.asOf));
  assert.deepEqual(bad, []);
});
