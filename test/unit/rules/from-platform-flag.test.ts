// Table tests for DL3029 from-platform-flag.
import rule from '../../../server/src/core/rules/dockerfile/from-platform-flag';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\n', 'FROM --platform=$BUILDPLATFORM golang:1.23 AS build\n', 'FROM --platform=${TARGETPLATFORM:-linux/amd64} debian:12\n'],
  invalid: [
    {
      code: 'FROM --platform=linux/amd64 python:3.12-slim\n',
      errors: [{ text: '--platform=linux/amd64', message: 'pins this stage to one platform' }],
      output: 'FROM python:3.12-slim\n',
      applicability: 'unsafe',
    },
  ],
});
