// Table tests for FromPlatformFlagConstDisallowed from-platform-flag-const-disallowed.
import rule from '../../../server/src/core/rules/dockerfile/from-platform-flag-const-disallowed';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM --platform=$BUILDPLATFORM alpine\n', 'FROM --platform=linux/amd64 alpine AS build-amd64\n', 'FROM --platform=linux/arm64 alpine AS linux-tools\n', 'FROM alpine\n'],
  invalid: [
    { code: 'FROM --platform=linux/amd64 alpine AS base\n', errors: [{ text: 'linux/amd64' }], output: null },
    { name: 'an unnamed stage', code: 'FROM --platform=linux/arm64/v8 alpine\n', errors: [{ text: 'linux/arm64/v8' }] },
  ],
});
