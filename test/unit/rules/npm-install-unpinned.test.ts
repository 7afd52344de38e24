// Table tests for DL3016 npm-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/npm-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM node:22\nRUN npm install\n',
    'FROM node:22\nRUN npm install express@4.19.2 @scope/pkg@1.0.0\n',
    'FROM node:22\nRUN npm install ./local-folder pkg-1.0.0.tgz\n',
    'FROM node:22\nRUN npm install git+https://github.com/npm/cli.git#v10.0.0\n',
    { name: 'registry value is not a package', code: 'FROM node:22\nRUN npm install --registry https://r.example.com sax@1.4.1\n' },
  ],
  invalid: [
    { code: 'FROM node:22\nRUN npm install -g pnpm\n', errors: [{ text: 'pnpm', message: 'Package `pnpm` is not pinned' }], output: null },
    { name: 'scoped package without version', code: 'FROM node:22\nRUN npm install @myorg/tool\n', errors: [{ text: '@myorg/tool' }] },
  ],
});
