// Which ignore file a build reads: `<Dockerfile>.dockerignore` beside the Dockerfile first, else the context root's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applicableIgnoreFile } from '../../../server/src/core/model/ignore-file';

const existing = (...paths: string[]): ((p: string) => boolean) => {
  const set = new Set(paths);
  return (p) => set.has(p);
};

test('prefers app.Dockerfile.dockerignore beside docker/app.Dockerfile over the root .dockerignore', () => {
  const exists = existing('/w/docker/app.Dockerfile.dockerignore', '/w/.dockerignore');
  assert.equal(applicableIgnoreFile('/w/docker/app.Dockerfile', '/w', exists), '/w/docker/app.Dockerfile.dockerignore');
});

test('a file named Dockerfile uses Dockerfile.dockerignore', () => {
  const exists = existing('/w/Dockerfile.dockerignore', '/w/.dockerignore');
  assert.equal(applicableIgnoreFile('/w/Dockerfile', '/w', exists), '/w/Dockerfile.dockerignore');
});

test('falls back to the context root .dockerignore when the Dockerfile has none of its own', () => {
  assert.equal(applicableIgnoreFile('/w/docker/app.Dockerfile', '/w', existing('/w/.dockerignore')), '/w/.dockerignore');
});

test('a .dockerignore beside a Dockerfile outside the context root does not apply', () => {
  assert.equal(applicableIgnoreFile('/w/docker/Dockerfile', '/w', existing('/w/docker/.dockerignore')), undefined);
});

test('no ignore file at all: undefined', () => {
  assert.equal(applicableIgnoreFile('/w/Dockerfile', '/w', existing()), undefined);
});

test('another Dockerfile\'s own ignore file does not apply', () => {
  assert.equal(applicableIgnoreFile('/w/Dockerfile', '/w', existing('/w/app.Dockerfile.dockerignore')), undefined);
});

test('asks about the Dockerfile\'s own file first, then the root\'s, and nothing else', () => {
  const asked: string[] = [];
  applicableIgnoreFile('/w/api/Dockerfile', '/w/', (p) => (asked.push(p), false));
  assert.deepEqual(asked, ['/w/api/Dockerfile.dockerignore', '/w/.dockerignore']);
});
