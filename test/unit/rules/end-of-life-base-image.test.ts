// Table tests for LW008 end-of-life-base-image (dates injected).
import rule from '../../../server/src/core/rules/dockerfile/end-of-life-base-image';
import { ruleTester } from '../../helpers/rule-tester';

const today = '2026-11-29';

ruleTester(rule, {
  valid: [
    { code: 'FROM python:3.12-slim-bookworm\n', today },
    { name: 'Python 3.10 is supported until October 2026', code: 'FROM python:3.10-slim\n', today: '2026-09-30' },
    { name: 'an implied OS release is the current one', code: 'FROM python:3.13\n', today },
    { name: 'a builder stage that does not reach the image', code: 'FROM python:3.8 AS old\nFROM python:3.13-slim\n', today },
    { name: 'Debian counts as supported through LTS', code: 'FROM debian:bookworm\n', today },
  ],
  invalid: [
    {
      code: 'FROM python:3.9-slim\n',
      today,
      errors: [{ text: '3.9-slim', message: 'Python 3.9 reached its end of life on 2025-10-31' }],
      output: 'FROM python:3.14-slim\n',
      applicability: 'unsafe',
    },
    {
      name: 'Python and Debian both expired',
      code: 'FROM python:3.8-slim-bullseye\n',
      today,
      errors: [{ text: '3.8-slim-bullseye', message: 'Python 3.8 and Debian bullseye' }],
      output: 'FROM python:3.14-slim-trixie\n',
    },
    { name: 'the day after 3.10 ends', code: 'FROM python:3.10\n', today: '2026-11-01', errors: [{ text: '3.10' }], output: 'FROM python:3.14\n' },
    { name: 'an old Alpine release', code: 'FROM alpine:3.18\n', today, errors: [{ text: '3.18', message: 'Alpine 3.18' }], output: 'FROM alpine:3.24\n' },
    { name: 'Python on old Alpine', code: 'FROM python:3.12-alpine3.19\n', today, errors: [{ text: '3.12-alpine3.19' }], output: 'FROM python:3.12-alpine3.24\n' },
    { name: 'Debian by number', code: 'FROM debian:10-slim\n', today, errors: [{ text: '10-slim', message: 'Debian buster' }], output: 'FROM debian:13-slim\n' },
    { name: 'Ubuntu by version', code: 'FROM ubuntu:20.04\n', today, errors: [{ text: '20.04' }], output: 'FROM ubuntu:24.04\n' },
    { name: 'Ubuntu by codename', code: 'FROM ubuntu:focal\n', today, errors: [{ text: 'focal' }], output: 'FROM ubuntu:noble\n' },
  ],
});
