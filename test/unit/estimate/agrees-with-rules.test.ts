// The estimate and the rules read one semantic model: the pip cache, the target platform and the build context agree.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage, type EstimateInput } from '../../../server/src/core/estimate/estimate';
import { lintText } from '../../../server/src/core/index';
import { defaultConfig, type LayerwiseConfig } from '../../../server/src/core/config';
import { memoryFiles } from '../../../server/src/core/project';
import { initRuntime } from '../../../server/src/node/runtime';
import type { ImageEstimate, Part } from '../../../server/src/core/estimate/types';

before(async () => initRuntime());

const est = (text: string, input: EstimateInput = {}): ImageEstimate => estimateImage(buildDockerfileModel(text), input);
const parts = (e: ImageEstimate): Part[] => e.stages.flatMap((s) => s.instructions.flatMap((i) => i.parts));
const fixes = (e: ImageEstimate): string[] => e.stages.flatMap((s) => s.instructions.flatMap((i) => i.savings.map((v) => v.fix)));
const codes = (text: string, config: Partial<LayerwiseConfig> = {}, path?: string, files?: ReturnType<typeof memoryFiles>): string[] =>
  lintText(text, { kind: 'dockerfile', config: { ...defaultConfig(), ...config }, ...(path ? { path } : {}), ...(files ? { files } : {}) }).findings.map((f) => f.code);

test('PIP_NO_CACHE_DIR however it is set: no pip cache counted, no "add --no-cache-dir" saving, and DL3042 quiet', () => {
  for (const text of [
    'FROM python:3.12-slim\nRUN PIP_NO_CACHE_DIR=1 pip install flask\n',
    'FROM python:3.12-slim\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n',
    'FROM python:3.12-slim\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n',
    'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
  ]) {
    const e = est(text);
    assert.deepEqual(parts(e).map((p) => p.kind), ['base', 'pip'], text);
    assert.deepEqual(fixes(e), [], text);
    assert.ok(!codes(text).includes('DL3042'), text);
  }
});

test('without any of them both count the cache: the estimate names the saving DL3042 names', () => {
  const text = 'FROM python:3.12-slim\nRUN pip install flask\n';
  const e = est(text);
  assert.deepEqual(parts(e).map((p) => [p.kind, p.what]), [
    ['base', 'base image `python:3.12-slim`'],
    ['pip', 'pip: 1 package + 6 dependencies → system site-packages /usr/local/lib/python3.12/site-packages'],
    ['pip-cache', 'pip cache in /root/.cache/pip'],
  ]);
  assert.deepEqual(fixes(e), ['add `--no-cache-dir`']);
  assert.ok(codes(text).includes('DL3042'));
});

test('FROM --platform=linux/arm64: pip is sized with aarch64 wheels and says so, never x86_64', () => {
  const pip = parts(est('FROM --platform=linux/arm64 python:3.12-slim\nRUN pip install --no-cache-dir numpy\n')).find((p) => p.kind === 'pip')!;
  assert.match(pip.source, /^1 packages sized for CPython 3\.12, glibc 2\.41, linux\/arm64 \(aarch64\) from /);
  assert.match(pip.packages![0]!.source, /^wheel cp312-cp312-manylinux_2_27_aarch64\.manylinux_2_28_aarch64 of numpy 2\.5\.2, 15612696 B/);
  assert.doesNotMatch(pip.source + pip.packages![0]!.source, /x86_64/);
});

test('the configured platform and $BUILDPLATFORM reach the wheel choice too', () => {
  const cases: [string, EstimateInput][] = [
    ['FROM python:3.12-slim\nRUN pip install --no-cache-dir numpy\n', { config: { platform: 'linux/arm64' } }],
    ['FROM --platform=$BUILDPLATFORM python:3.12-slim\nRUN pip install --no-cache-dir numpy\n', { config: { platform: 'linux/arm64' } }],
    ['FROM python:3.12-slim AS base\nFROM base\nRUN pip install --no-cache-dir numpy\n', { platform: 'arm64' }],
  ];
  for (const [text, input] of cases) {
    const pip = parts(est(text, input)).find((p) => p.kind === 'pip')!;
    assert.match(pip.source, /linux\/arm64 \(aarch64\)/, text);
    assert.match(pip.packages![0]!.source, /_aarch64 /, text);
  }
  // A base image the data has for amd64 only says so instead of a bare "not in the data".
  const base = est('FROM --platform=linux/arm64 python:3.12-slim\n').stages[0]!.base;
  assert.match(base.source, /; the data has this tag for linux\/amd64, not linux\/arm64$/);
});

test('context = "..": the estimate reads the requirements file LW113 and the lint dependencies name', () => {
  const dockerfile = '/proj/docker/Dockerfile';
  const files = memoryFiles({ '/proj/requirements.txt': 'flask==3.1.2\npsycopg2==2.9.10\n', '/proj/docker/requirements.txt': 'requests\n' });
  const text = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';

  const e = est(text, { files, dockerfilePath: dockerfile, config: { context: '..' } });
  const pip = parts(e).filter((p) => p.kind === 'pip');
  assert.deepEqual(pip.map((p) => p.what), ['pip: 2 packages + 6 dependencies from requirements.txt → system site-packages /usr/local/lib/python3.12/site-packages']);
  assert.deepEqual(pip[0]!.packages!.filter((p) => !p.dependency).map((p) => p.name), ['flask', 'psycopg2']);

  const lint = lintText(text, { kind: 'dockerfile', path: dockerfile, files, config: { ...defaultConfig(), context: '..' } });
  assert.deepEqual(lint.dependencies, ['/proj/requirements.txt']);
  const lw113 = lint.findings.find((f) => f.code === 'LW113')!;
  assert.deepEqual(lw113.related?.map((r) => r.path), ['/proj/requirements.txt']);

  // Without the setting both read the Dockerfile's folder: the other file, for the estimate as for the lint.
  const here = parts(est(text, { files, dockerfilePath: dockerfile })).filter((p) => p.kind === 'pip');
  assert.deepEqual(here[0]!.packages!.filter((p) => !p.dependency).map((p) => p.name), ['requests']);
  assert.deepEqual(lintText(text, { kind: 'dockerfile', path: dockerfile, files, config: defaultConfig() }).dependencies, ['/proj/docker/requirements.txt']);
});

test('a requirements file the build context lacks is reported as not found, by the name pip reads', () => {
  const files = memoryFiles({});
  const e = est('FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n', { files, dockerfilePath: '/proj/Dockerfile', config: { context: '..' } });
  assert.deepEqual(parts(e).filter((p) => p.kind === 'pip').map((p) => p.what), ['requirements file `requirements.txt` not found in the build context: not counted']);
});

test('apt-mark auto then purge --auto-remove in the same RUN: the estimate counts the build packages as removed and LW003 is quiet; apt-mark manual of one keeps it in both', () => {
  const gone = "FROM python:3.12-slim\nRUN saved=\"$(apt-mark showmanual)\" && apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install --no-cache-dir psycopg2 && apt-mark auto '.*' && apt-mark manual $saved && apt-get purge -y --auto-remove && rm -rf /var/lib/apt/lists/*\n";
  const apt = (text: string): Part[] => parts(est(text)).filter((p) => p.what.startsWith('apt: '));
  assert.deepEqual(apt(gone).map((p) => [p.kind, p.bytes.typical]), [['cleanup', 0]]);
  assert.match(apt(gone)[0]!.what, /removed by `apt-get purge --auto-remove` in the same RUN$/);
  assert.ok(!codes(gone).includes('LW003'));
  const kept = gone.replace('apt-mark manual $saved', 'apt-mark manual $saved libpq-dev');
  assert.deepEqual(apt(kept).map((p) => p.kind), ['apt']);
  assert.deepEqual(lintText(kept, { kind: 'dockerfile', config: defaultConfig() }).findings.filter((f) => f.code === 'LW003').map((f) => f.message.split(' ')[0]), ['`libpq-dev`']);
});
