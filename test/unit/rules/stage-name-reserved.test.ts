// Table tests for ReservedStageName stage-name-reserved.
import rule from '../../../server/src/core/rules/dockerfile/stage-name-reserved';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM scratch\n', 'FROM scratch AS out\n', 'FROM alpine AS contexts\n'],
  invalid: [
    { code: 'FROM alpine AS scratch\n', errors: [{ text: 'scratch', message: '`scratch`' }], output: null },
    { code: 'FROM alpine AS Context\n', errors: [{ text: 'Context' }] },
  ],
});
