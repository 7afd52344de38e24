// Table tests for DL3002 last-user-root.
import rule from '../../../server/src/core/rules/dockerfile/last-user-root';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nUSER root\nRUN apt-get update\nUSER app\n',
    { name: 'a stage without USER is not judged', code: 'FROM debian:12\nRUN echo hi\n' },
    'FROM debian:12\nUSER 1000:1000\n',
    { name: 'a variable whose value is not root', code: 'FROM debian:12\nARG APP_USER=app\nUSER ${APP_USER}\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nUSER root\n', errors: [{ text: 'root', within: 'USER root', message: 'last USER of this stage is `root`' }], output: null },
    { name: 'uid 0 with a group', code: 'FROM debian:12\nUSER 0:0\n', errors: [{ text: '0:0' }] },
    {
      name: 'each stage is judged',
      code: 'FROM debian:12 AS build\nUSER root\nFROM scratch\nUSER app\n',
      errors: [{ text: 'root', within: 'USER root', message: 'The last USER of this stage is `root`: stages built on it run as root unless they set a USER' }],
    },
    { name: 'the final stage', code: 'FROM debian:12\nUSER app\nUSER 0\n', errors: [{ text: '0', within: 'USER 0', message: 'The last USER of this stage is `0`: the final stage runs as root' }] },
    { name: 'root through a variable', code: 'FROM python:3.12-slim\nENV RUN_AS=root\nUSER $RUN_AS\n', errors: [{ text: '$RUN_AS', message: 'is `$RUN_AS`: the final stage runs as root' }] },
  ],
});
