// Table tests for RedundantTargetPlatform platform-flag-repeats-target.
import rule from '../../../server/src/core/rules/dockerfile/platform-flag-repeats-target';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\n', 'FROM --platform=$BUILDPLATFORM alpine\n', 'FROM --platform=${TARGETOS}/${TARGETARCH} alpine\n'],
  invalid: [
    { code: 'FROM --platform=$TARGETPLATFORM alpine AS b\n', errors: [{ text: '$TARGETPLATFORM' }], output: 'FROM alpine AS b\n', applicability: 'safe' },
    { code: 'FROM --platform=${TARGETPLATFORM} alpine\n', errors: [{ text: '${TARGETPLATFORM}', message: '${TARGETPLATFORM}' }], output: 'FROM alpine\n' },
  ],
});
