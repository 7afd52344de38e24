// Tests the base-image size table: tag aliases, registry prefixes, platforms and the "unknown is undefined" rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  baseImagesMeta,
  knownPlatforms,
  lookupBaseImage,
  lookupBaseImageRef,
  normalizeImageName,
  normalizePlatform,
  parseImageRef,
} from '../../../server/src/core/data/base-images';

const slimTrixie312 = {
  image: 'python',
  tag: '3.12-slim',
  platform: 'linux/amd64',
  compressedBytes: 43188023,
  uncompressedBytes: 119200000,
  uncompressedEstimated: false,
  kind: 'measured',
  date: '2026-08-05',
  resolvedVersion: '3.12.13 (trixie)',
  source:
    "remote github:docker-library/repo-info@2986dca3a8:repos/python/remote/3.12-slim.md ; uncompressed: local github:docker-library/repo-info@67db11d06f:repos/python/local/3.12-slim.md ('Virtual Size ~119.2 Mb' of python:3.12.13-slim-trixie built 2026-07-14)",
  notes: 'layers(amd64)=29780765+1293276+12113733+249',
  layers: [29780765, 1293276, 12113733, 249],
  approximate: false,
};

test('python:3.12-slim resolves to the measured trixie slim size with its source and layers', () => {
  assert.deepEqual(lookupBaseImage('python', '3.12-slim'), slimTrixie312);
});

test('python:3.12-slim and python:3.12-slim-trixie report the same bytes', () => {
  const a = lookupBaseImage('python', '3.12-slim');
  const b = lookupBaseImage('python', '3.12-slim-trixie');
  assert.deepEqual([a?.compressedBytes, a?.uncompressedBytes], [b?.compressedBytes, b?.uncompressedBytes]);
});

test('python:3.12 is the full trixie image (buildpack-deps based), ten times the slim one', () => {
  const full = lookupBaseImage('python', '3.12');
  assert.deepEqual(
    { compressed: full?.compressedBytes, uncompressed: full?.uncompressedBytes, resolved: full?.resolvedVersion },
    { compressed: 410908459, uncompressed: 1110000000, resolved: '3.12.14 (trixie, full)' },
  );
});

test('docker.io/library/python is the same image as python, digest ignored', () => {
  assert.deepEqual(lookupBaseImageRef('docker.io/library/python:3.12-slim@sha256:0123abcd'), slimTrixie312);
  assert.equal(normalizeImageName('index.docker.io/library/Python'), 'python');
  assert.deepEqual(parseImageRef('ghcr.io/org/app:1.2'), { image: 'ghcr.io/org/app', tag: '1.2' });
  assert.deepEqual(parseImageRef('localhost:5000/app'), { image: 'localhost:5000/app', tag: 'latest' });
});

test('a patch-version tag falls back to its minor tag and is marked approximate', () => {
  assert.deepEqual(lookupBaseImage('python', '3.12.13-slim'), { ...slimTrixie312, approximate: true });
});

test('python:3.13-alpine is a derived row whose uncompressed size is marked estimated', () => {
  const a = lookupBaseImage('python', '3.13-alpine');
  assert.deepEqual(
    { tag: a?.tag, kind: a?.kind, compressed: a?.compressedBytes, estimated: a?.uncompressedEstimated },
    { tag: '3.13-alpine', kind: 'derived', compressed: 17780180, estimated: true },
  );
});

test('debian numbers and suite names map to codenames; ubuntu codenames map to versions', () => {
  assert.equal(lookupBaseImage('debian', '12-slim')?.compressedBytes, 28232655);
  assert.equal(lookupBaseImage('debian', 'stable-slim')?.tag, 'trixie-slim');
  assert.equal(lookupBaseImage('ubuntu', 'noble')?.compressedBytes, 29764116);
  assert.equal(lookupBaseImage('alpine', '3.21.3')?.uncompressedBytes, 7800000);
});

test('arm64 is looked up as given and never replaced by amd64', () => {
  assert.equal(normalizePlatform('aarch64'), 'linux/arm64');
  assert.equal(lookupBaseImage('python', '3.12-slim-bookworm', 'arm64')?.compressedBytes, 45088091);
  assert.equal(lookupBaseImage('python', '3.12-slim', 'linux/arm64'), undefined);
  assert.deepEqual(knownPlatforms('python', '3.12-slim'), ['linux/amd64', 'linux/arm/v5', 'linux/arm/v7']);
});

test('Chainguard rows quoted for amd64+arm64 answer for both platforms', () => {
  assert.equal(lookupBaseImage('cgr.dev/chainguard/python', 'latest', 'linux/arm64')?.compressedBytes, 25040000);
  assert.equal(lookupBaseImage('cgr.dev/chainguard/python', 'latest', 'linux/amd64')?.kind, 'secondary');
});

test('unknown images and tags are undefined, not zero', () => {
  assert.equal(lookupBaseImage('python', '2.7-slim'), undefined);
  assert.equal(lookupBaseImageRef('myorg/app:1.0'), undefined);
  // repo-info has no compressed size for distroless: the field is undefined.
  assert.equal(lookupBaseImage('gcr.io/distroless/python3-debian13', 'latest')?.compressedBytes, undefined);
});

test('the table cites its source file and date range', () => {
  assert.deepEqual([baseImagesMeta.file, baseImagesMeta.collected, baseImagesMeta.dates], [
    'base-images.tsv',
    '2026-11-29',
    { from: '2023-01-11', to: '2026-11' },
  ]);
});
