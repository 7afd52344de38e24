// Table tests for DL3019 apk-add-without-no-cache.
import rule from '../../../server/src/core/rules/dockerfile/apk-add-without-no-cache';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
    'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/apk apk add curl\n',
    { name: 'a builder stage whose layers are not shipped', code: 'FROM alpine:3.20 AS build\nRUN apk add gcc\nFROM alpine:3.20\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add -U curl\n', errors: [{ text: 'apk add', message: 'keeps the package index' }], output: 'FROM alpine:3.20\nRUN apk add --no-cache -U curl\n', applicability: 'safe' },
    { name: 'a cache mount elsewhere does not help', code: 'FROM alpine:3.20\nRUN --mount=type=cache,target=/var/cache/foo apk add curl\n', errors: [{ text: 'apk add' }] },
  ],
});
