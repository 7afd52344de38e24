// Table tests for LW010 dockerignore-missing-python-entries, including the file edits of the fix.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dockerfile/dockerignore-missing-python-entries';
import { lintWith, ruleTester } from '../../helpers/rule-tester';
import { applyEdits } from '../../../server/src/core/text';

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
