// Table tests for DuplicateStageName reused-stage-name.
import rule from '../../../server/src/core/rules/dockerfile/reused-stage-name';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine AS a\nFROM alpine AS b\n', 'FROM alpine\nFROM alpine\n'],
  invalid: [
    { code: 'FROM alpine AS app\nFROM debian AS app\n', errors: [{ text: 'app', within: 'debian AS app' }], output: null },
    { name: 'names compare case-insensitively', code: 'FROM alpine AS Build\nFROM debian AS build\n', errors: [{ text: 'build' }] },
  ],
});
