// Table tests for LW003 build-packages-left-in-image.
import rule from '../../../server/src/core/rules/dockerfile/build-packages-left-in-image';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl\n',
    { name: 'purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install psycopg2 && apt-get purge -y --auto-remove gcc\n' },
    { name: 'apk --virtual group deleted in the same RUN', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build gcc musl-dev && pip install psycopg2 && apk del .build\n' },
    { name: 'a builder stage may compile', code: 'FROM python:3.12 AS build\nRUN apt-get install -y build-essential\nFROM python:3.12-slim\nCOPY --from=build /w /w\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc libpq-dev\n',
      errors: [
        { text: 'gcc', message: '`gcc` (a compiler)' },
        { text: 'libpq-dev', message: '`libpq-dev` (development headers)' },
      ],
      output: null,
    },
    { name: 'apk without a purge', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache build-base linux-headers\n', errors: [{ text: 'build-base' }, { text: 'linux-headers' }] },
    {
      name: 'an apk --virtual group never deleted',
      code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build musl-dev\n',
      errors: [{ text: 'musl-dev' }],
    },
    {
      name: 'a purge in a later RUN does not count',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y cargo\nRUN apt-get purge -y cargo\n',
      errors: [{ text: 'cargo', occurrence: 0 }],
    },
    { name: 'versioned packages are named as written', code: 'FROM debian:bookworm\nRUN apt-get install -y g++-12=12.2.0-14\n', errors: [{ text: 'g++-12=12.2.0-14', message: '`g++-12=12.2.0-14`' }] },
    {
      name: 'the fix is the builder-stage split (unsafe) where the stage installs Python packages',
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc\nRUN pip install flask\n',
      errors: [{ text: 'gcc' }],
      output:
        'FROM python:3.12 AS builder\nRUN apt-get update && apt-get install -y gcc\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install --no-cache-dir flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\n',
      applicability: 'unsafe',
    },
    {
      name: 'the build target decides which stage ships (--target build)',
      code: 'FROM python:3.12 AS build\nRUN apt-get install -y build-essential\nFROM python:3.12-slim\nCOPY --from=build /w /w\n',
      config: { target: 'build' },
      errors: [{ text: 'build-essential' }],
    },
    { name: 'only the package that is not purged', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc make && apt-get remove -y gcc\n', errors: [{ text: 'make' }] },
  ],
});
