// Table tests for DL3002 last-user-root.
import rule from '../../../server/src/core/rules/dockerfile/last-user-root';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
    { name: 'a stage without USER is not judged', code: 'FROM debian:12\nRUN echo hi\n' },
    'FROM debian:12\nUSER 1000:1000\n',
  ],
  invalid: [
    { code: 'FROM debian:12\nUSER root\n', errors: [{ text: 'root', within: 'USER root', message: 'last USER of this stage is `root`' }], output: null },
    { name: 'uid 0 with a group', code: 'FROM debian:12\nUSER 0:0\n', errors: [{ text: '0:0' }] },
    { name: 'each stage is judged', code: 'FROM debian:12 AS build\nUSER root\nFROM scratch\nUSER app\n', errors: [{ text: 'root', within: 'USER root' }] },
  ],
});
