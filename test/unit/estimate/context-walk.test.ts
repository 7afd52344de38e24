// A COPY from the build context while the walk is still running says "not measured yet"; a finished walk names the ignore file it applied.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage } from '../../../server/src/core/estimate/estimate';
import { summarizeContext } from '../../../server/src/core/estimate/context';
import type { ContextSizer } from '../../../server/src/core/estimate/types';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const TEXT = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n';

function copyPart(sizer: ContextSizer): { what: string; source: string } {
  const est = estimateImage(buildDockerfileModel(TEXT), { dockerfilePath: '/proj/Dockerfile', context: sizer });
  const copy = est.stages[0]!.instructions.find((i) => i.keyword === 'COPY')!;
  const part = copy.parts[0]!;
  return { what: part.what, source: part.source };
}

test('while the walk runs, the part says "not measured yet" and why', () => {
  const part = copyPart({ measure: () => undefined, pending: () => true });
  assert.equal(part.what, '. from the build context: not measured yet');
  assert.match(part.source, /the build context is still being measured$/);
});

test('with no context at all, the part says "not measured" and that no context is available', () => {
  const part = copyPart({ measure: () => undefined });
  assert.equal(part.what, '. from the build context: not measured');
  assert.match(part.source, /no build context available$/);
});

test('a finished walk names the ignore file it applied (a Dockerfile-specific one too)', () => {
  const files = [
    { path: 'app.py', bytes: 1200 },
    { path: 'data/big.bin', bytes: 5_000_000, ignored: true },
  ];
  const sizer: ContextSizer = { measure: (_d, sources) => summarizeContext(files, sources, { hasDockerignore: true, ignoreFileName: 'Dockerfile.dockerignore', truncated: false }) };
  const part = copyPart(sizer);
  assert.equal(part.source, 'measured on disk in /proj with Dockerfile.dockerignore applied');
});
