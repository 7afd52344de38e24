// Table tests for InvalidDefaultArgInFrom invalid-default-arg-in-from.
import rule from '../../../server/src/core/rules/dockerfile/invalid-default-arg-in-from';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['ARG TAG=3.20\nFROM alpine:${TAG}\n', 'ARG VARIANT\nFROM busybox:stable${VARIANT}\n', 'ARG TAG\nFROM alpine:${TAG:-3.20}\n', 'FROM alpine AS build_amd64\nFROM build_${TARGETARCH}\n'],
  invalid: [
    { code: 'ARG TAG\nFROM busybox:${TAG}\n', errors: [{ text: 'busybox:${TAG}', message: '`busybox:`' }], output: null },
    { code: 'ARG IMAGE\nFROM $IMAGE\n', errors: [{ text: '$IMAGE', message: 'becomes empty' }] },
  ],
});
