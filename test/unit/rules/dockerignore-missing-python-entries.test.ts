// Table tests for LW010 dockerignore-missing-python-entries, including the file edits of the fix.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dockerfile/dockerignore-missing-python-entries';
import { lintWith, ruleTester } from '../../helpers/rule-tester';
import { applyEdits } from '../../../server/src/core/text';
import { lintDockerfileWith } from '../../../server/src/core/engine';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { defaultConfig, mergeConfig } from '../../../server/src/core/config';
import { memoryFiles } from '../../../server/src/core/project';

const FULL = '.git\n.venv\nvenv\n**/__pycache__\n**/*.pyc\n.env\n.pytest_cache\n.mypy_cache\nnode_modules\n';
const CODE = 'FROM python:3.12-slim\nCOPY . .\nCOPY . /other\n';

ruleTester(rule, {
  valid: [
    { code: CODE, files: { '.dockerignore': FULL } },
    { name: 'named files only', code: 'FROM python:3.12-slim\nCOPY app.py .\n' },
    { name: 'an allow-list ignore file that excludes caches again', code: CODE, files: { '.dockerignore': '*\n!app\n!requirements.txt\n**/__pycache__\n**/*.pyc\n' } },
    { name: 'a Dockerfile-specific ignore file wins', code: CODE, files: { 'Dockerfile.dockerignore': FULL, '.dockerignore': '' } },
    { name: 'COPY --from is not the context', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b . .\n' },
  ],
  invalid: [
    {
      code: CODE,
      errors: [{ text: '.', within: 'COPY . .', message: 'there is no `.dockerignore`' }],
      output: null,
    },
    {
      name: 'names what is missing; root-only *.pyc does not cover subfolders',
      code: CODE,
      files: { '.dockerignore': '.git\n.venv\nvenv\n__pycache__\n*.pyc\n.env\n' },
      errors: [{ text: '.', within: 'COPY . .', message: 'does not exclude `**/__pycache__`, `**/*.pyc`, `.pytest_cache`, `.mypy_cache`, `node_modules`' }],
    },
    {
      name: 'an allow-listed folder brings its bytecode caches along',
      code: CODE,
      files: { '.dockerignore': '*\n!app\n' },
      errors: [{ text: '.', within: 'COPY . .', message: 'does not exclude `**/__pycache__`, `**/*.pyc`' }],
    },
  ],
});

test('LW010 fix creates .dockerignore with every pattern', () => {
  const [f] = lintWith(rule, CODE);
  const fe = f!.fixes[0]!.fileEdits!;
  assert.deepEqual(fe.map((e) => ({ path: e.path, create: e.create })), [{ path: '/ctx/.dockerignore', create: true }]);
  assert.equal(f!.fixes[0]!.applicability, 'safe');
  assert.equal(applyEdits('', fe[0]!.edits), FULL);
});

test('LW010 fix appends only the missing patterns, after a final line without newline', () => {
  const existing = '.git\n.venv\nvenv\n**/__pycache__\n**/*.pyc\n.env\n.pytest_cache\n.mypy_cache';
  const [f] = lintWith(rule, CODE, { files: { '.dockerignore': existing } });
  const fe = f!.fixes[0]!.fileEdits!;
  assert.equal(fe[0]!.create, undefined);
  assert.equal(applyEdits(existing, fe[0]!.edits), `${existing}\nnode_modules\n`);
});

describe('LW010 with the build context one folder up (`context = ".."`, Dockerfile in proj/docker/)', () => {
  const lint = (files: Record<string, string>) =>
    lintDockerfileWith([rule], buildDockerfileModel(CODE), { config: mergeConfig(defaultConfig(), { context: '..' }), files: memoryFiles(files), path: '/proj/docker/Dockerfile' }).map((f) => ({
      message: f.message,
      fix: f.fixes[0]!.title,
      file: f.fixes[0]!.fileEdits![0]!.path,
    }));

  test('reads proj/.dockerignore, the one the build reads: complete there, so quiet', () => {
    assert.deepEqual(lint({ '/proj/.dockerignore': FULL }), []);
  });

  test('an ignore file beside the Dockerfile is not the context\'s: the missing one is created at proj/', () => {
    assert.deepEqual(lint({ '/proj/docker/.dockerignore': FULL }), [
      {
        message: '`COPY . .` copies the whole build context but there is no `.dockerignore`: `.git`, virtual environments, caches and `.env` go into the image',
        fix: 'Create `../.dockerignore`',
        file: '/proj/.dockerignore',
      },
    ]);
  });

  test('an incomplete proj/.dockerignore is named as seen from the Dockerfile', () => {
    assert.deepEqual(lint({ '/proj/.dockerignore': FULL.replace('node_modules\n', '') }), [
      { message: '`COPY . .` copies the whole build context and `../.dockerignore` does not exclude `node_modules`', fix: 'Add the missing patterns to `../.dockerignore`', file: '/proj/.dockerignore' },
    ]);
  });

  test('a Dockerfile.dockerignore beside the Dockerfile wins over proj/.dockerignore', () => {
    assert.deepEqual(lint({ '/proj/docker/Dockerfile.dockerignore': FULL, '/proj/.dockerignore': '' }), []);
    assert.deepEqual(lint({ '/proj/docker/Dockerfile.dockerignore': '.git\n', '/proj/.dockerignore': FULL }).map((f) => f.file), ['/proj/docker/Dockerfile.dockerignore']);
  });
});
