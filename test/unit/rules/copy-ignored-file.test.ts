// Table tests for CopyIgnoredFile copy-ignored-file.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dockerfile/copy-ignored-file';
import { ruleTester } from '../../helpers/rule-tester';
import { lintDockerfileWith } from '../../../server/src/core/engine';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { defaultConfig, mergeConfig } from '../../../server/src/core/config';
import { memoryFiles } from '../../../server/src/core/project';

ruleTester(rule, {
  valid: [
    { name: 'no .dockerignore', code: 'FROM alpine\nCOPY app.py .\n' },
    { code: 'FROM alpine\nCOPY app.py .\n', files: { '.dockerignore': '*.txt\n' } },
    { name: 'exceptions make BuildKit (and Layerwise) stay quiet', code: 'FROM alpine\nCOPY a.txt .\n', files: { '.dockerignore': '*.txt\n!a.txt\n' } },
    { name: 'COPY --from reads another stage, not the context', code: 'FROM alpine AS a\nFROM alpine\nCOPY --from=a /x.txt .\n', files: { '.dockerignore': '*.txt\n' } },
    { name: 'dotfiles excluded do not empty the context', code: 'FROM alpine\nCOPY . .\n', files: { '.dockerignore': '.*\n' } },
    { name: 'patterns match from the context root only', code: 'FROM alpine\nCOPY tmp/a .\n', files: { '.dockerignore': '*/tmp/*\n' } },
  ],
  invalid: [
    { code: 'FROM alpine\nCOPY requirements.txt ./\n', files: { '.dockerignore': '# comment\n*.txt\n' }, errors: [{ text: 'requirements.txt', message: '`.dockerignore`' }], output: null },
    { name: 'an excluded parent folder', code: 'FROM alpine\nADD ./build/app.tar /opt\n', files: { '.dockerignore': 'build\n' }, errors: [{ text: './build/app.tar', message: '`ADD`' }] },
    { name: 'everything excluded', code: 'FROM alpine\nCOPY . .\n', files: { '.dockerignore': '*\n' }, errors: [{ text: '.', within: 'COPY . .' }] },
    { name: 'the Dockerfile-specific ignore file wins', code: 'FROM alpine\nCOPY a.py .\n', files: { '.dockerignore': '*.txt\n', 'Dockerfile.dockerignore': '*.py\n' }, errors: [{ text: 'a.py', message: '`Dockerfile.dockerignore`' }] },
  ],
});

describe('CopyIgnoredFile with the build context one folder up (`context = ".."`, Dockerfile in proj/docker/)', () => {
  const lint = (files: Record<string, string>) =>
    lintDockerfileWith([rule], buildDockerfileModel('FROM alpine\nCOPY requirements.txt .\n'), { config: mergeConfig(defaultConfig(), { context: '..' }), files: memoryFiles(files), path: '/proj/docker/Dockerfile' }).map((f) => f.message);

  test('the context root\'s .dockerignore excludes the file', () => {
    assert.deepEqual(lint({ '/proj/.dockerignore': '*.txt\n' }), ['`COPY` source `requirements.txt` is excluded by `../.dockerignore`, so it is not in the build context']);
  });
  test('a .dockerignore beside the Dockerfile is not the context\'s and excludes nothing', () => {
    assert.deepEqual(lint({ '/proj/docker/.dockerignore': '*.txt\n' }), []);
  });
  test('a Dockerfile.dockerignore beside the Dockerfile wins', () => {
    assert.deepEqual(lint({ '/proj/docker/Dockerfile.dockerignore': '*.txt\n', '/proj/.dockerignore': 'other\n' }), ['`COPY` source `requirements.txt` is excluded by `Dockerfile.dockerignore`, so it is not in the build context']);
  });
});
