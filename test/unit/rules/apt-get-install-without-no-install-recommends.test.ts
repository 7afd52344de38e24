// Table tests for DL3015 apt-get-install-without-no-install-recommends.
import rule from '../../../server/src/core/rules/dockerfile/apt-get-install-without-no-install-recommends';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nRUN apt-get install -y --no-install-recommends libpq5\n',
    'FROM debian:bookworm\nRUN apt-get -o APT::Install-Recommends=false install -y libpq5\n',
    'FROM debian:bookworm\nRUN apt-get install -o APT::Install-Recommends=false -y libpq5\n',
    { name: 'apt-get update alone installs nothing', code: 'FROM debian:bookworm\nRUN apt-get update\n' },
    { name: 'a builder stage may install recommends', code: 'FROM debian:bookworm AS build\nRUN apt-get install -y gcc\nFROM debian:bookworm-slim\nCOPY --from=build /out /out\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y libpq5\n',
      errors: [{ text: 'apt-get install', message: 'add `--no-install-recommends`' }],
      output: 'FROM debian:bookworm\nRUN apt-get update && apt-get install --no-install-recommends -y libpq5\n',
      applicability: 'safe',
    },
    {
      name: 'the fix is unsafe for packages whose recommends matter (curl → ca-certificates)',
      code: 'FROM debian:bookworm\nRUN apt-get install -y curl\n',
      errors: [{ text: 'apt-get install' }],
      applicability: 'unsafe',
    },
    {
      name: 'listing the recommended package makes the fix safe again',
      code: 'FROM debian:bookworm\nRUN apt-get install -y curl ca-certificates\n',
      errors: [{ text: 'apt-get install' }],
      applicability: 'safe',
    },
    {
      name: 'gcc only recommends the C library headers: without libc6-dev no C extension compiles, so the fix is unsafe',
      code: 'FROM python:3.11-slim\nRUN apt-get install -y gcc libpq-dev\n',
      errors: [{ text: 'apt-get install' }],
      applicability: 'unsafe',
    },
    {
      name: 'gcc with libc6-dev keeps the fix safe',
      code: 'FROM python:3.11-slim\nRUN apt-get install -y gcc libc6-dev\n',
      errors: [{ text: 'apt-get install' }],
      applicability: 'safe',
    },
    {
      name: 'gcc with build-essential (which depends on libc6-dev) keeps the fix safe',
      code: 'FROM python:3.11-slim\nRUN apt-get install -y build-essential gcc\n',
      errors: [{ text: 'apt-get install' }],
      applicability: 'safe',
    },
    {
      name: 'options before the subcommand keep the range on the command',
      code: 'FROM debian:bookworm\nRUN apt-get -y -q install \\\n  libpq5\n',
      errors: [{ text: 'apt-get -y -q install' }],
      output: 'FROM debian:bookworm\nRUN apt-get -y -q install --no-install-recommends \\\n  libpq5\n',
    },
  ],
});
