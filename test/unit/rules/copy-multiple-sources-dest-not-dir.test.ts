// Table tests for DL3021 copy-multiple-sources-dest-not-dir.
import rule from '../../../server/src/core/rules/dockerfile/copy-multiple-sources-dest-not-dir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nCOPY a b\n', 'FROM debian:12\nCOPY a b c/\n', 'FROM debian:12\nCOPY a b "c/"\n'],
  invalid: [
    { code: 'FROM debian:12\nCOPY a b /app\n', errors: [{ text: '/app', message: 'end `/app` with `/`' }], output: 'FROM debian:12\nCOPY a b /app/\n', applicability: 'safe' },
    { name: 'inside quotes', code: 'FROM debian:12\nCOPY a b "dest"\n', errors: [{ text: '"dest"' }], output: 'FROM debian:12\nCOPY a b "dest/"\n' },
  ],
});
