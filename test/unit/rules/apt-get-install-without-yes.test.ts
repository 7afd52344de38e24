// Table tests for DL3014 apt-get-install-without-yes.
import rule from '../../../server/src/core/rules/dockerfile/apt-get-install-without-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN apt-get --assume-yes install curl\n', 'FROM debian:12\nRUN apt-get install -qq curl\n', 'FROM debian:12\nRUN apt-get install -q=2 curl\n'],
  invalid: [
    {
      code: 'FROM debian:12\nRUN apt-get install --no-install-recommends curl\n',
      errors: [{ text: 'apt-get install', message: 'asks for confirmation' }],
      output: 'FROM debian:12\nRUN apt-get install -y --no-install-recommends curl\n',
      applicability: 'safe',
    },
    { name: 'one -q is not enough', code: 'FROM debian:12\nRUN apt-get install -q curl\n', errors: [{ text: 'apt-get install' }], output: 'FROM debian:12\nRUN apt-get install -y -q curl\n' },
  ],
});
