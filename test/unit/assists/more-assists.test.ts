// The smaller assists: slim base, pip cache mount, merging RUNs, manifests first; exact outputs and declines.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { applyEdits } from '../../../server/src/core/text';
import type { Assist } from '../../../server/src/core/assists/assist';
import useSlimBase from '../../../server/src/core/assists/use-slim-base';
import usePipCacheMount from '../../../server/src/core/assists/use-pip-cache-mount';
import mergeConsecutiveRuns from '../../../server/src/core/assists/merge-consecutive-runs';
import copyManifestsBeforeCode from '../../../server/src/core/assists/copy-manifests-before-code';
import { assistsFor } from '../../../server/src/core/assists/index';
import { initRuntime } from '../../../server/src/node/runtime';
import { memoryFiles } from '../../../server/src/core/project';

before(async () => initRuntime());

function apply(a: Assist, text: string, line?: number): string | { reason: string } {
  const model = buildDockerfileModel(text);
  const r = a.run(model, line === undefined ? {} : { range: { start: { line, character: 0 }, end: { line, character: 0 } } });
  if (!r.applies) return { reason: r.reason };
  assert.equal(applyEdits(text, r.actions[0]!.edits), r.actions[0]!.text);
  return r.actions[0]!.text;
}

test('use-slim-base switches to the slim tag of the same release', () => {
  assert.equal(apply(useSlimBase, 'FROM python:3.12-bookworm\nRUN pip install flask\n', 0), 'FROM python:3.12-slim-bookworm\nRUN pip install flask\n');
  assert.deepEqual(apply(useSlimBase, 'FROM python:3.12-slim\n', 0), { reason: '`python:3.12-slim` is already a small variant' });
});

test('use-pip-cache-mount drops --no-cache-dir, mounts the cache and adds the syntax line', () => {
  assert.equal(
    apply(usePipCacheMount, 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n', 1),
    '# syntax=docker/dockerfile:1\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt\n',
  );
  assert.equal(
    apply(usePipCacheMount, '# syntax=docker/dockerfile:1.7\nFROM python:3.12\nRUN pip install --no-cache-dir flask\n', 2),
    '# syntax=docker/dockerfile:1.7\nFROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
  );
  assert.deepEqual(apply(usePipCacheMount, 'FROM python:3.12\nUSER app\nRUN pip install --no-cache-dir flask\n', 2), { reason: "the RUN is not run as root, so pip's cache is not under /root/.cache" });
});

test('merge-consecutive-runs joins with && and keeps comments above', () => {
  assert.equal(
    apply(mergeConsecutiveRuns, 'FROM debian\nRUN apt-get update\n# tools\nRUN apt-get install -y curl\nCMD ["bash"]\n', 1),
    'FROM debian\n# tools\nRUN apt-get update \\\n    && apt-get install -y curl\nCMD ["bash"]\n',
  );
  assert.equal(apply(mergeConsecutiveRuns, 'FROM debian\nRUN a; b\nRUN c\n', 1), 'FROM debian\nRUN { a; b; } \\\n    && c\n');
  assert.deepEqual(apply(mergeConsecutiveRuns, 'FROM debian\nRUN cd /src\nRUN make\n', 1), { reason: 'line 2 runs `cd`, which would change what the next RUN\'s commands see' });
});

test('copy-manifests-before-code moves the install above the code copy, with the files its requirements include', () => {
  const text = 'FROM python:3.12\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n';
  const files = memoryFiles({ '/proj/requirements.txt': '-r base.txt\nflask\n', '/proj/base.txt': 'requests\n' });
  const r = copyManifestsBeforeCode.run(buildDockerfileModel(text), { range: { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } }, files, path: '/proj/Dockerfile' });
  assert.ok(r.applies);
  assert.equal(r.actions[0]!.text, 'FROM python:3.12\nWORKDIR /app\nCOPY requirements.txt base.txt ./\nRUN pip install -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n');
  // Without the files, what they include cannot be known: declined, with the reason.
  assert.match((apply(copyManifestsBeforeCode, text, 2) as { reason: string }).reason, /^the install cannot move above the code/);
});

test('assistsFor offers the split and the slim base on the example, with a saving when an estimator is given', () => {
  const text = 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY . .\nRUN pip install -r requirements.txt\n';
  const offered = assistsFor(buildDockerfileModel(text), { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, sizeOf: (m) => ({ typical: m.stages.length * -100e6 + 1e9, low: 0, high: 2e9 }) });
  const titles = offered.map((o) => o.action.title);
  assert.ok(titles.includes('Split into builder stage (≈ \u2212100 MB)'), titles.join(' | '));
  assert.ok(titles.some((t) => t.startsWith('Use `python:3.12-slim`')), titles.join(' | '));
});
