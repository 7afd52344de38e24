// Table tests for LW004 apt-get-update-in-separate-run.
import rule from '../../../server/src/core/rules/dockerfile/apt-get-update-in-separate-run';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\n',
    { name: 'a later RUN that updates again', code: 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get update && apt-get install -y curl\n' },
    { name: 'an update with no install after it', code: 'FROM debian:bookworm\nRUN apt-get update\nCMD ["bash"]\n' },
    { name: 'another stage installs', code: 'FROM debian:bookworm AS a\nRUN apt-get update\nFROM debian:bookworm\nRUN apt-get install -y curl\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nRUN apt-get update\nRUN apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ text: 'apt-get update', message: 'apart from the install on line 3' }],
      output: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
      applicability: 'safe',
    },
    {
      name: 'unsafe when the install RUN uses `;`',
      code: 'FROM debian:bookworm\nRUN apt-get update -q\nRUN set -e; apt-get install -y curl\n',
      errors: [{ text: 'apt-get update' }],
      output: 'FROM debian:bookworm\nRUN apt-get update -q && set -e; apt-get install -y curl\n',
      applicability: 'unsafe',
    },
    {
      name: 'no fix when the update RUN does more',
      code: 'FROM debian:bookworm\nRUN apt-get update && echo done\nRUN apt-get install -y curl\n',
      errors: [{ text: 'apt-get update' }],
      output: null,
    },
    {
      name: 'apt update is the same trap',
      code: 'FROM ubuntu:24.04\nRUN apt update\nWORKDIR /x\nRUN apt install -y curl\n',
      errors: [{ text: 'apt update' }],
      output: 'FROM ubuntu:24.04\nWORKDIR /x\nRUN apt update && apt install -y curl\n',
    },
  ],
});
