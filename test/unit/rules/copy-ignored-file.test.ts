// Table tests for CopyIgnoredFile copy-ignored-file.
import rule from '../../../server/src/core/rules/dockerfile/copy-ignored-file';
import { ruleTester } from '../../helpers/rule-tester';

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
