// Tests wheel selection (pip's tag preference per libc/arch/Python) and PEP 503 lookups in the wheel table.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  getPackageRelease,
  normalizePackageName,
  packagesWithoutMuslWheels,
  selectWheel,
  type WheelChoice,
  type WheelTarget,
} from '../../../server/src/core/data/wheels';

const glibc312: WheelTarget = { pythonVersion: '3.12', libc: 'glibc', arch: 'x86_64' };
const musl312: WheelTarget = { pythonVersion: '3.12', libc: 'musl', arch: 'x86_64' };

function describe(c: WheelChoice | undefined): unknown {
  if (!c) return undefined;
  if (c.kind === 'wheel') return { kind: 'wheel', file: `${c.wheel.pythonTag}-${c.wheel.abiTag}-${c.wheel.platformTag}`, bytes: c.wheel.bytes, pure: c.pure };
  if (c.kind === 'sdist') return { kind: 'sdist', bytes: c.sdistBytes };
  return { kind: 'unknown', reason: c.reason };
}

test('PEP 503 normalization folds case and runs of -_.', () => {
  assert.equal(normalizePackageName('Pydantic__Core'), 'pydantic-core');
  assert.equal(normalizePackageName('zope.interface'), 'zope-interface');
  assert.equal(getPackageRelease('Pydantic_Core')?.name, 'pydantic-core');
});

test('numpy on glibc 3.12 picks the exact cp312 manylinux_2_28 wheel', () => {
  assert.deepEqual(describe(selectWheel('numpy', glibc312)), {
    kind: 'wheel',
    file: 'cp312-cp312-manylinux_2_27_x86_64.manylinux_2_28_x86_64',
    bytes: 16722264,
    pure: false,
  });
});

test('numpy on Alpine picks the musllinux wheel', () => {
  assert.deepEqual(describe(selectWheel('numpy', musl312)), {
    kind: 'wheel',
    file: 'cp312-cp312-musllinux_1_2_x86_64',
    bytes: 18476044,
    pure: false,
  });
});

test('cryptography on 3.12 prefers the newest abi3 tag (cp311) over cp39-abi3', () => {
  assert.deepEqual(describe(selectWheel('cryptography', glibc312)), {
    kind: 'wheel',
    file: 'cp311-abi3-manylinux_2_34_x86_64',
    bytes: 4734462,
    pure: false,
  });
});

test('a glibc limit excludes wheels that need a newer glibc', () => {
  const old = selectWheel('cryptography', { ...glibc312, glibcVersion: '2.27' });
  assert.deepEqual(describe(old), {
    kind: 'wheel',
    file: 'cp311-abi3-manylinux2014_x86_64.manylinux_2_17_x86_64',
    bytes: 4702130,
    pure: false,
  });
});

test('opencv-python has no musllinux wheel: Alpine builds it from the 81.8 MB sdist', () => {
  assert.deepEqual(describe(selectWheel('opencv-python', musl312)), { kind: 'sdist', bytes: 81802749 });
});

test('psycopg2 is sdist-only everywhere', () => {
  assert.deepEqual(describe(selectWheel('psycopg2', glibc312)), { kind: 'sdist', bytes: 379683 });
});

test('pure packages use py3-none-any on every target', () => {
  assert.deepEqual(describe(selectWheel('requests', { pythonVersion: '3.13', libc: 'musl', arch: 'aarch64' })), {
    kind: 'wheel',
    file: 'py3-none-any',
    bytes: 73075,
    pure: true,
  });
});

test('gaps in the collected data are unknown, not "builds from source"', () => {
  assert.deepEqual(describe(selectWheel('numpy', { pythonVersion: '3.12', libc: 'musl', arch: 'aarch64' })), {
    kind: 'unknown',
    reason: 'musllinux aarch64 wheels were not collected',
  });
  assert.deepEqual(describe(selectWheel('numpy', { ...glibc312, pythonVersion: '3.9' })), {
    kind: 'unknown',
    reason: 'wheels for Python before 3.10 were not collected',
  });
});

test('unknown packages are undefined', () => {
  assert.equal(selectWheel('no-such-package-xyz', glibc312), undefined);
});

test('a release keeps its version, sizes, source and upload date', () => {
  const r = getPackageRelease('psycopg2');
  assert.deepEqual(
    r && { version: r.version, sdist: r.sdistBytes, wheels: r.wheels.length, inTarget: r.inTargetList },
    { version: '2.9.12', sdist: 379683, wheels: 0, inTarget: true },
  );
  assert.match(r?.source ?? '', /^uv\.lock github:/);
  assert.match(r?.uploadDate ?? '', /^\d{4}-\d{2}-\d{2}$/);
});

test('packages without musllinux wheels are derived from the table (opencv-python, torch, confluent-kafka)', () => {
  const list = packagesWithoutMuslWheels();
  assert.equal(list.length, 142);
  for (const name of ['opencv-python', 'torch', 'confluent-kafka']) assert.ok(list.includes(name), name);
  assert.ok(!list.includes('numpy'));
});
