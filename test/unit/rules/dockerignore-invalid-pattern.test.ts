// Table tests for LW056 dockerignore-invalid-pattern, and the ignore-file rules that must not throw on such lines.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dockerfile/dockerignore-invalid-pattern';
import copyIgnored from '../../../server/src/core/rules/dockerfile/copy-ignored-file';
import missingEntries from '../../../server/src/core/rules/dockerfile/dockerignore-missing-python-entries';
import { lintWith, ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no .dockerignore', code: 'FROM python:3.12-slim\nCOPY . .\n' },
    { name: 'valid patterns, classes and escapes', code: 'FROM python:3.12-slim\nCOPY . .\n', files: { '.dockerignore': '.git\n[._]venv\n\\[literal\n**/*.py[co]\n# [ in a comment\n' } },
    { name: 'a build that never reads its context', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n', files: { '.dockerignore': '[\n' } },
    { name: 'COPY --from reads a stage', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /app /app\n', files: { '.dockerignore': '[\n' } },
    { name: 'ADD of a URL', code: 'FROM python:3.12-slim\nADD https://example.com/a.tar.gz /a\n', files: { '.dockerignore': '[\n' } },
  ],
  invalid: [
    {
      name: 'an unterminated class, named with its line, at the first COPY from the context',
      code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /x /x\nCOPY app.py .\nCOPY . .\n',
      files: { '.dockerignore': '.git\n__pycache__[\n' },
      errors: [{ text: 'COPY', occurrence: 1, message: '`.dockerignore` line 2: `__pycache__[` is not a valid pattern (`[` is never closed by `]`); Docker stops the build with "syntax error in pattern"' }],
      output: null,
    },
    {
      name: 'each bad line is reported',
      code: 'FROM python:3.12-slim\nADD src /src\n',
      files: { '.dockerignore': 'x[z-a]\n!\nend\\\n' },
      errors: [
        { text: 'ADD', message: 'line 1: `x[z-a]` is not a valid pattern (a `[...]` range runs backwards)' },
        { text: 'ADD', message: 'line 2: `!` is not a valid pattern (`!` names no pattern)' },
        { text: 'ADD', message: 'line 3: `end\\` is not a valid pattern (it ends with a lone `\\`)' },
      ],
    },
    {
      name: 'a RUN that bind-mounts the context',
      code: 'FROM python:3.12-slim\nRUN --mount=type=bind,target=/src pip install /src\n',
      files: { '.dockerignore': '[]\n' },
      errors: [{ text: 'RUN', message: '`[]` is not a valid pattern (a `[...]` class is empty' }],
    },
    {
      name: 'the Dockerfile-specific ignore file is the one read',
      code: 'FROM python:3.12-slim\nCOPY . .\n',
      files: { '.dockerignore': '[\n', 'Dockerfile.dockerignore': '.git\n[a-\n' },
      errors: [{ text: 'COPY', message: '`Dockerfile.dockerignore` line 2: `[a-`' }],
    },
  ],
});

describe('the other ignore-file rules read an invalid line as matching nothing', () => {
  test('CopyIgnoredFile still reports what valid lines exclude', () => {
    const found = lintWith(copyIgnored, 'FROM alpine\nCOPY requirements.txt [x .\n', { files: { '.dockerignore': '[x\n*.txt\n' } });
    assert.deepEqual(found.map((f) => f.message), ['`COPY` source `requirements.txt` is excluded by `.dockerignore`, so it is not in the build context']);
  });
  test('LW010 names what is missing next to a `[` line', () => {
    const found = lintWith(missingEntries, 'FROM python:3.12-slim\nCOPY . .\n', { files: { '.dockerignore': '[\n.git\n.venv\nvenv\n**/__pycache__\n**/*.pyc\n.env\n.pytest_cache\n.mypy_cache\n' } });
    assert.deepEqual(found.map((f) => f.message), ['`COPY . .` copies the whole build context and `.dockerignore` does not exclude `node_modules`']);
  });
  test('a pathological line does not stall CopyIgnoredFile', () => {
    const long = `${'a'.repeat(5_000)}.txt`;
    const found = lintWith(copyIgnored, `FROM alpine\nCOPY ${long} .\n`, { files: { '.dockerignore': '*a*a*a*a*a*a*a*a*a*a*b\n' } });
    assert.deepEqual(found, []);
  });
});

describe('lintText with a COPY source Docker rejects', () => {
  test('`COPY [z-a] /app/` lints without an internal error', async () => {
    const { lintText } = await import('../../../server/src/core/index');
    const { memoryFiles } = await import('../../../server/src/core/project');
    const text = 'FROM python:3.12-slim\nCOPY [z-a] /app/\nRUN pip install --no-cache-dir -r /app/requirements.txt\n';
    const files = memoryFiles({ '/p/Dockerfile': text, '/p/requirements.txt': 'flask==3.0.3\n', '/p/.dockerignore': '[\n' });
    const { findings } = lintText(text, { kind: 'dockerfile', path: '/p/Dockerfile', files });
    assert.deepEqual(findings.filter((f) => f.code === 'LW000'), []);
    assert.deepEqual(findings.filter((f) => f.code === 'LW056').map((f) => f.message), ['`.dockerignore` line 1: `[` is not a valid pattern (`[` is never closed by `]`); Docker stops the build with "syntax error in pattern"']);
  });
});
