// Table tests for FromAsCasing from-as-casing.
import rule from '../../../server/src/core/rules/dockerfile/from-as-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine AS build\n', 'from alpine as build\n', { name: 'mixed-case FROM is left to ConsistentInstructionCasing', code: 'From alpine as build\n' }, 'FROM alpine\n'],
  invalid: [
    { code: 'FROM alpine as build\n', errors: [{ text: 'as', within: 'alpine as build' }], output: 'FROM alpine AS build\n', applicability: 'safe' },
    { code: 'from alpine AS build\n', errors: [{ text: 'AS' }], output: 'from alpine as build\n' },
    { name: 'flags before the image do not confuse the AS lookup', code: 'FROM --platform=$BUILDPLATFORM alpine As b\n', errors: [{ text: 'As' }], output: 'FROM --platform=$BUILDPLATFORM alpine AS b\n' },
  ],
});
