// Table tests for LW005 cleanup-in-later-layer.
import rule from '../../../server/src/core/rules/dockerfile/cleanup-in-later-layer';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    { name: 'a redundant cleanup after a RUN that cleaned itself', code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\nRUN rm -rf /var/lib/apt/lists/*\n' },
    { name: 'a builder stage is not shipped', code: 'FROM debian:bookworm AS b\nRUN apt-get update\nRUN rm -rf /var/lib/apt/lists/*\nFROM debian:bookworm-slim\nCOPY --from=b /x /x\n' },
    { name: 'removing other files', code: 'FROM debian:bookworm\nRUN apt-get update\nRUN rm -rf /tmp/*\n' },
    { name: 'no pip cache to remove when PIP_NO_CACHE_DIR is set', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n' },
    { name: 'no pip cache to remove when the install used a cache mount', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\nRUN pip cache purge\n' },
    { name: 'a purge of a package the same RUN installed', code: 'FROM debian:bookworm\nRUN apt-get install -y gcc && apt-get purge -y gcc\n' },
  ],
  invalid: [
    {
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y curl\nRUN rm -rf /var/lib/apt/lists/*\n',
      errors: [{ text: '/var/lib/apt/lists/*', message: '`rm /var/lib/apt/lists/*` removes the apt package lists written by the RUN on line 2' }],
      output: null,
    },
    {
      name: "pip's cache removed later",
      code: 'FROM python:3.12\nRUN pip install flask\nRUN rm -rf /root/.cache/pip\n',
      errors: [{ text: '/root/.cache/pip', message: "pip's download cache written by the RUN on line 2" }],
    },
    { name: 'pip cache purge later', code: 'FROM python:3.12\nRUN pip install flask\nRUN pip cache purge\n', errors: [{ text: 'pip cache' }] },
    {
      name: 'build packages purged later',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir psycopg2\nRUN apt-get purge -y gcc\n',
      errors: [{ text: 'gcc', occurrence: 1, message: 'the package `gcc` written by the RUN on line 2' }],
    },
    {
      name: 'apk del of a virtual group added earlier',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .deps gcc\nRUN apk del .deps\n',
      errors: [{ text: '.deps', occurrence: 1 }],
    },
    {
      name: 'the nearest writer is named, also through FROM <stage>',
      code: 'FROM debian:bookworm AS base\nRUN apt-get update\nFROM base\nRUN rm -rf /var/lib/apt/lists\n',
      errors: [{ text: '/var/lib/apt/lists', occurrence: 0, within: 'rm -rf /var/lib/apt/lists', message: 'line 2' }],
    },
  ],
});
