// Table tests for DL3009 apt-lists-not-removed.
import rule from '../../../server/src/core/rules/dockerfile/apt-lists-not-removed';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n',
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists\n',
    { name: 'a cache mount on the lists folder', code: 'FROM debian:bookworm\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y x\n' },
    { name: 'a tmpfs mount on /var/lib/apt', code: 'FROM debian:bookworm\nRUN --mount=type=tmpfs,target=/var/lib/apt apt-get update\n' },
    { name: 'a stage whose layers are not shipped', code: 'FROM ubuntu:24.04 AS foo\nRUN apt-get update && apt-get install -y python3\nFROM scratch\nRUN echo hey\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y libpq5\n',
      errors: [{ text: 'apt-get update', message: 'leaves the package lists' }],
      output: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n',
      applicability: 'safe',
    },
    {
      name: 'a multi-line RUN gets the cleanup on a continuation line',
      code: 'FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y libpq5\n',
      errors: [{ text: 'apt-get update' }],
      output: 'FROM debian:bookworm\nRUN apt-get update \\\n    && apt-get install -y libpq5 \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    {
      name: 'a stage the final stage builds on ships its layers',
      code: 'FROM ubuntu:24.04 AS foo\nRUN apt-get update && apt-get install -y python3\nFROM foo\nRUN echo hey\n',
      errors: [{ text: 'apt-get update' }],
    },
    {
      name: 'the fix is unsafe when a later RUN installs without updating',
      code: 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y libpq5\n',
      errors: [{ text: 'apt-get update' }],
      applicability: 'unsafe',
    },
    { name: 'apt and aptitude too', code: 'FROM debian:bookworm\nRUN apt update && apt install -y x\n', errors: [{ text: 'apt update' }] },
    {
      name: 'cleanup in a later RUN does not count',
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y x\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ text: 'apt-get update' }],
    },
    {
      name: 'a trailing semicolon does not end up before the cleanup',
      code: 'FROM debian:bookworm\nRUN apt-get update; apt-get install -y x;\n',
      errors: [{ text: 'apt-get update' }],
      output: 'FROM debian:bookworm\nRUN apt-get update; apt-get install -y x && rm -rf /var/lib/apt/lists/*;\n',
    },
  ],
});
