// Tests the installed/wheel multipliers (medians with IQR) and per-package measurements.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debianDebMultiplier, installedMultiplier, measuredRatio } from '../../../server/src/core/data/ratios';

test('binary wheels grow ~4.06x installed with pip byte-compiling (IQR 3.37-4.55)', () => {
  const m = installedMultiplier('binary', { pyc: true });
  assert.deepEqual(
    { typical: m.typical, low: m.low, high: m.high, weighted: m.sizeWeighted, n: m.n, asOf: m.asOf },
    { typical: 4.064, low: 3.365, high: 4.553, weighted: 3.979, n: 12, asOf: '2026-11-29' },
  );
  assert.equal(m.source, 'installed sizes of 81 distributions measured with pip on CPython 3.11, wheel sizes from PyPI (2026-11-29)');
});

test('pure wheels without .pyc match the README medians (3.35, IQR 2.83-3.71)', () => {
  const m = installedMultiplier('pure', { pyc: false });
  assert.deepEqual([m.typical, m.low, m.high, m.n], [3.348, 2.832, 3.71, 69]);
});

test('all 81 measured distributions', () => {
  const m = installedMultiplier('all', { pyc: false });
  assert.deepEqual([m.n, m.sizeWeighted], [81, 3.006]);
});

test('numpy has a measured installed size; PEP 503 names are accepted', () => {
  assert.deepEqual(measuredRatio('NumPy'), {
    name: 'numpy',
    installedVersion: '2.4.6',
    wheelVersion: '2.4.6',
    wheelFile: 'numpy-2.4.6-cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64.whl',
    wheelBytes: 16918164,
    installedBytesNoPyc: 57390756,
    pycBytes: 14014572,
    installedBytesWithPyc: 71405328,
    kind: 'binary',
    match: 'exact version',
    wheelSizeSource: 'uv.lock github:crewAIInc/crewAI',
  });
  assert.equal(measuredRatio('not-measured-pkg'), undefined);
});

test('Debian .deb ratios are kept as secondary evidence', () => {
  const d = debianDebMultiplier();
  assert.deepEqual([d.n, d.typical], [35, 4.942]);
});
