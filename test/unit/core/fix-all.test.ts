// fixAll: safe fixes applied pass after pass; fixes that create or extend other files only when asked, once.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll } from '../../../server/src/core/index';
import { memoryFiles } from '../../../server/src/core/project';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const DOCKERFILE = 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\nWORKDIR /app\nCOPY . .\nUSER 10001\nCMD ["python", "app.py"]\n';

test('without fileEdits, a fix that writes another file is left alone', () => {
  const r = fixAll(DOCKERFILE, { kind: 'dockerfile', files: memoryFiles({}), path: '/ctx/Dockerfile' });
  assert.equal(r.text, DOCKERFILE);
  assert.deepEqual(r.files, []);
  assert.ok(!r.applied.some((a) => a.code === 'LW010'));
});

test('with fileEdits, .dockerignore is created once and later passes see it', () => {
  const r = fixAll(DOCKERFILE, { kind: 'dockerfile', files: memoryFiles({}), path: '/ctx/Dockerfile' }, { fileEdits: true });
  assert.deepEqual(r.applied.filter((a) => a.code === 'LW010'), [{ code: 'LW010', title: 'Create `.dockerignore`' }]);
  assert.deepEqual(r.files.map((f) => ({ path: f.path, created: f.created })), [{ path: '/ctx/.dockerignore', created: true }]);
  assert.match(r.files[0]!.text, /^\.git\n[\s\S]*node_modules\n$/);
});

test('an existing .dockerignore is extended, not replaced', () => {
  const r = fixAll(DOCKERFILE, { kind: 'dockerfile', files: memoryFiles({ '/ctx/.dockerignore': 'dist\n' }), path: '/ctx/Dockerfile' }, { fileEdits: true });
  assert.equal(r.files.length, 1);
  assert.equal(r.files[0]!.created, false);
  assert.ok(r.files[0]!.text.startsWith('dist\n.git\n'));
});
