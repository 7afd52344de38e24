// Table tests for StageNameCasing stage-name-casing.
import rule from '../../../server/src/core/rules/dockerfile/stage-name-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM python:3.12-slim AS build\n', 'FROM python:3.12-slim\n', { name: 'digits and dashes are fine', code: 'FROM alpine AS build-2_x\n' }],
  invalid: [
    { code: 'FROM alpine AS BuilderBase\n', errors: [{ text: 'BuilderBase', message: '`BuilderBase`' }], output: 'FROM alpine AS builderbase\n', applicability: 'safe' },
    { name: 'references keep working: stage names match case-insensitively', code: 'FROM alpine AS Build\nFROM Build\n', errors: [{ text: 'Build' }], output: 'FROM alpine AS build\nFROM Build\n' },
  ],
});
