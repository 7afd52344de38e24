// Table tests for DL3065 redundant-target-platform.
import rule from '../../../server/src/core/rules/dockerfile/redundant-target-platform';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM --platform=$BUILDPLATFORM golang AS build\n",
  ],
  invalid: [
    { name: "removes the flag", code: "FROM --platform=${TARGETPLATFORM} alpine:3.20\n", errors: [{"text": "--platform=${TARGETPLATFORM}"}], output: "FROM alpine:3.20\n", applicability: 'safe' },
  ],
});
