// Tests the wheel closures of heavy packages (torch CUDA etc.).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dependencyClosure, dependencyClosureRoots } from '../../../server/src/core/data/dependency-closures';

test('torch from PyPI pulls 2.73 GB of wheels across 29 packages', () => {
  const t = dependencyClosure('torch');
  assert.deepEqual(
    t && { version: t.version, total: t.totalBytes, n: t.packages.length, first: t.packages[0] },
    {
      version: '2.13.0',
      total: 2732526864,
      n: 29,
      first: { name: 'torch', version: '2.13.0', wheelBytes: 526605292, wheelFile: 'torch-2.13.0-cp312-cp312-manylinux_2_28_x86_64.whl' },
    },
  );
  assert.equal(t?.packages.reduce((a, p) => a + p.wheelBytes, 0), t?.totalBytes);
});

test('closures exist for the four roots and nothing else', () => {
  assert.deepEqual(dependencyClosureRoots().sort(), ['opencv-python-headless', 'tensorflow', 'torch', 'transformers']);
  assert.equal(dependencyClosure('numpy'), undefined);
});
