// Table tests for DL3027 apt-instead-of-apt-get.
import rule from '../../../server/src/core/rules/dockerfile/apt-instead-of-apt-get';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nRUN apt-get install -y curl\n', 'FROM debian:12\nRUN echo apt\n'],
  invalid: [
    { code: 'FROM debian:12\nRUN apt update && apt install -y curl\n', errors: [{ text: 'apt', occurrence: 0, within: 'apt update' }, { text: 'apt', within: 'apt install' }], output: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl\n', applicability: 'safe' },
    { name: 'no fix for apt-only subcommands', code: 'FROM debian:12\nRUN apt list --installed\n', errors: [{ text: 'apt' }], output: null },
  ],
});
