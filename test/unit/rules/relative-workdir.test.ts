// Table tests for DL3000 relative-workdir.
import rule from '../../../server/src/core/rules/dockerfile/relative-workdir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nWORKDIR /app\n', 'FROM debian:12\nWORKDIR ${APP_HOME}\n', 'FROM mcr.microsoft.com/windows/servercore:ltsc2022\nWORKDIR C:\\\\app\n', "FROM debian:12\nWORKDIR '/srv'\n"],
  invalid: [
    { name: 'no fix without a known directory', code: 'FROM debian:12\nWORKDIR app\n', errors: [{ text: 'app', within: 'WORKDIR app', message: 'WORKDIR `app` is relative' }], output: null },
    {
      name: 'resolved against the earlier WORKDIR of the stage',
      code: 'FROM debian:12\nWORKDIR /srv\nWORKDIR app/../web\n',
      errors: [{ text: 'app/../web' }],
      output: 'FROM debian:12\nWORKDIR /srv\nWORKDIR /srv/web\n',
      applicability: 'safe',
    },
    { name: 'quotes are kept', code: 'FROM debian:12\nWORKDIR /srv\nWORKDIR "app"\n', errors: [{ text: '"app"' }], output: 'FROM debian:12\nWORKDIR /srv\nWORKDIR "/srv/app"\n' },
  ],
});
