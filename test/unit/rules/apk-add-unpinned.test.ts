// Table tests for DL3018 apk-add-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/apk-add-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
    'FROM alpine:3.20\nRUN apk add --no-cache "git~2.45"\n',
    'FROM alpine:3.20\nRUN apk add --no-cache --virtual .build gcc=13.2.1-r0\n',
    'FROM alpine:3.20\nRUN apk add --allow-untrusted ./pkg-1.0.apk\n',
  ],
  invalid: [
    { code: 'FROM alpine:3.20\nRUN apk add --no-cache curl git=2.45.2-r0\n', errors: [{ text: 'curl', message: 'Package `curl` is not pinned' }], output: null },
  ],
});
