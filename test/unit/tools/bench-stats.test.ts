// The bench's pure helpers: median, quantiles, ratio, table, generated files (hand-computed expectations).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { median, quantile, summarize, ratio, formatTable, cell, generateDockerfile, prng } from '../../../server/src/tools/bench-stats';

test('median of odd and even counts, unsorted input left as given', () => {
  const xs = [5, 1, 3];
  assert.equal(median(xs), 3);
  assert.deepEqual(xs, [5, 1, 3]);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

test('quantiles interpolate between closest ranks', () => {
  assert.equal(quantile([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100], 0.1), 10);
  assert.equal(quantile([0, 10], 0.9), 9);
  assert.deepEqual(summarize([3, 1, 2]), { median: 2, p10: 1.2, p90: 2.8, n: 3 });
});

test('ratio is ours over the peer, a dash without a peer figure', () => {
  assert.equal(ratio(3, 2), '1.50×');
  assert.equal(ratio(3, undefined), '–');
  assert.equal(ratio(3, 0), '–');
  assert.equal(cell({ median: 12.34, p10: 1.5, p90: 250, n: 3 }, 'ms'), '12.3 ms (1.50–250)');
});

test('the table pads columns to the widest cell', () => {
  assert.equal(formatTable(['a', 'bb'], [['xyz', '1']]), 'a    bb\n---  --\nxyz  1\n');
});

test('generated Dockerfiles have exactly the lines asked for and no open continuation at the end', () => {
  for (const n of [342, 5000]) {
    const t = generateDockerfile(n);
    assert.equal(t.split('\n').length - 1, n);
    assert.ok(!t.trimEnd().endsWith('\\'));
  }
});

test('the seeded generator repeats its sequence', () => {
  const a = prng(7);
  const b = prng(7);
  assert.deepEqual([a(), a(), a()], [b(), b(), b()]);
});
