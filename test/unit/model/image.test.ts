// Image reference parsing and what tags say about Python, variant, OS and libc.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { imageFacts, parseImageRef, slimTagFor } from '../../../server/src/core/model/image';

const cases: [string, Record<string, unknown>][] = [
  ['python:3.12-slim-bookworm', { repository: 'python', tag: '3.12-slim-bookworm', official: true }],
  ['docker.io/library/python:3.12', { registry: 'docker.io', repository: 'python', tag: '3.12', official: true }],
  ['localhost:5000/team/app:1.0', { registry: 'localhost:5000', repository: 'localhost:5000/team/app', tag: '1.0', official: false }],
  ['ghcr.io/astral-sh/uv:0.5', { registry: 'ghcr.io', repository: 'ghcr.io/astral-sh/uv', tag: '0.5', official: false }],
  ['bitnami/python', { repository: 'bitnami/python', official: false }],
  ['python@sha256:abc', { repository: 'python', digest: 'sha256:abc', official: true }],
];

for (const [raw, expected] of cases) {
  test(`parses ${raw}`, () => {
    const ref = parseImageRef(raw);
    const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, (ref as unknown as Record<string, unknown>)[k]]));
    assert.deepEqual(picked, expected);
  });
}

const facts: [string, Record<string, unknown>][] = [
  ['python:3.12', { pythonMinor: '3.12', variant: 'full', libc: 'glibc', os: { distro: 'debian', release: 'trixie', version: '13', implied: true } }],
  ['python:3.11-slim-bookworm', { pythonMinor: '3.11', variant: 'slim', libc: 'glibc', os: { distro: 'debian', release: 'bookworm', version: '12', implied: false } }],
  ['python:3.12.4-alpine3.20', { pythonVersion: '3.12.4', pythonMinor: '3.12', variant: 'alpine', libc: 'musl', os: { distro: 'alpine', release: '3.20', version: '3.20', implied: false } }],
  ['python:slim-bookworm', { variant: 'slim', os: { distro: 'debian', release: 'bookworm', version: '12', implied: false } }],
  ['python:3.9-bullseye', { pythonMinor: '3.9', variant: 'full', os: { distro: 'debian', release: 'bullseye', version: '11', implied: false } }],
  ['debian:bookworm-slim', { family: 'debian', variant: 'slim', os: { distro: 'debian', release: 'bookworm', version: '12', implied: false } }],
  ['ubuntu:jammy', { family: 'ubuntu', os: { distro: 'ubuntu', release: 'jammy', version: '22.04', implied: false } }],
  ['alpine:3.19', { family: 'alpine', libc: 'musl' }],
];

for (const [raw, expected] of facts) {
  test(`reads the facts of ${raw}`, () => {
    const f = imageFacts(parseImageRef(raw));
    const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, (f as unknown as Record<string, unknown>)[k]]));
    assert.deepEqual(picked, expected);
  });
}

test('slim counterpart keeps the Python version and the Debian release', () => {
  const slim = (raw: string): string | undefined => {
    const ref = parseImageRef(raw);
    return slimTagFor(ref, imageFacts(ref));
  };
  assert.equal(slim('python:3.12'), '3.12-slim');
  assert.equal(slim('python:3.12-bookworm'), '3.12-slim-bookworm');
  assert.equal(slim('python:3.12.4-trixie'), '3.12.4-slim-trixie');
  assert.equal(slim('python:3.12-slim'), undefined);
  assert.equal(slim('python:3.12-alpine'), undefined);
});

test('an image named python is the official one only under library/ (a mirror): devcontainers and bitnami are other images', () => {
  assert.equal(imageFacts(parseImageRef('public.ecr.aws/docker/library/python:3.12')).family, 'python');
  assert.equal(imageFacts(parseImageRef('mirror.gcr.io/library/python:3.12-slim')).family, 'python');
  assert.equal(imageFacts(parseImageRef('docker.io/python:3.12')).family, 'python');
  assert.equal(imageFacts(parseImageRef('mcr.microsoft.com/devcontainers/python:3')).family, 'other');
  assert.equal(imageFacts(parseImageRef('bitnami/python:3.12')).family, 'other');
  // So no slim tag is proposed for an image that has none (devcontainers publishes no -slim).
  const dev = parseImageRef('mcr.microsoft.com/devcontainers/python:3');
  assert.equal(slimTagFor(dev, imageFacts(dev)), undefined);
});
