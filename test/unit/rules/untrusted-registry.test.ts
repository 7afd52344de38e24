// Table tests for DL3026 untrusted-registry.
import rule from '../../../server/src/core/rules/dockerfile/untrusted-registry';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'no configuration, no finding', code: 'FROM random.com/debian\n' },
    { code: 'FROM ubuntu:24.04\nFROM docker.io/org/img:1\n', config: { trustedRegistries: ['docker.io'] } },
    { code: 'FROM foo.example.com/img:1 AS a\nFROM a\n', config: { trustedRegistries: ['*.example.com'] } },
    { code: 'FROM scratch\n', config: { trustedRegistries: ['trusted.com'] } },
  ],
  invalid: [
    { code: 'FROM python:3.12-slim\n', config: { trustedRegistries: ['trusted.com'] }, errors: [{ text: 'python:3.12-slim', message: 'comes from `docker.io`' }], output: null },
    { name: 'COPY --from an image', code: 'FROM trusted.com/a:1\nCOPY --from=evil.com/x:1 /a /a\n', config: { trustedRegistries: ['trusted.com'] }, errors: [{ text: 'evil.com/x:1' }] },
    { name: 'RUN --mount from an image', code: 'FROM trusted.com/a:1\nRUN --mount=type=bind,from=evil.com/x:1,target=/x ls\n', config: { trustedRegistries: ['trusted.com'] }, errors: [{ text: '--mount=type=bind,from=evil.com/x:1,target=/x' }] },
  ],
});
