// Table tests for DL3024 duplicate-stage-name.
import rule from '../../../server/src/core/rules/dockerfile/duplicate-stage-name';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12 AS build\nFROM debian:12 AS run\n'],
  invalid: [
    { code: 'FROM debian:12 AS build\nFROM debian:12 AS BUILD\n', errors: [{ text: 'BUILD', message: 'Stage name `BUILD` is already used' }], output: null },
  ],
});
