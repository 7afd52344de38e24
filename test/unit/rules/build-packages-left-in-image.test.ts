// Table tests for LW003 build-packages-left-in-image.
import rule from '../../../server/src/core/rules/dockerfile/build-packages-left-in-image';
import { ruleTester } from '../../helpers/rule-tester';

// The official python images build CPython this way (docker-library/python), with tabs and `;`.
const OFFICIAL = [
  'FROM debian:bookworm-slim',
  'RUN set -eux; \\',
  '\tsavedAptMark="$(apt-mark showmanual)"; \\',
  '\tapt-get update; \\',
  '\tapt-get install -y --no-install-recommends \\',
  '\t\tdpkg-dev \\',
  '\t\tgcc \\',
  '\t\tlibssl-dev \\',
  '\t; \\',
  '\t./configure && make -j "$(nproc)" && make install; \\',
  "\tapt-mark auto '.*' > /dev/null; \\",
  '\t[ -z "$savedAptMark" ] || apt-mark manual $savedAptMark; \\',
  "\tfind /usr/local -type f -executable -exec ldd '{}' ';' \\",
  "\t\t| awk '/=>/ { print $(NF-1) }' \\",
  '\t\t| sort -u \\',
  '\t\t| xargs -r dpkg-query --search \\',
  '\t\t| cut -d: -f1 \\',
  '\t\t| sort -u \\',
  '\t\t| xargs -r apt-mark manual \\',
  '\t; \\',
  '\tapt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false; \\',
  '\trm -rf /var/lib/apt/lists/*',
  '',
].join('\n');

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 curl\n',
    { name: 'purged in the same RUN', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && pip install psycopg2 && apt-get purge -y --auto-remove gcc\n' },
    { name: 'apk --virtual group deleted in the same RUN', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build gcc musl-dev && pip install psycopg2 && apk del .build\n' },
    { name: 'the official python images: apt-mark auto, apt-mark manual of the saved list, purge --auto-remove', code: OFFICIAL },
    {
      name: 'the same pattern joined with && on continued lines',
      code: 'FROM python:3.12-slim\nRUN savedAptMark="$(apt-mark showmanual)" \\\n    && apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n    && pip install --no-cache-dir psycopg2 \\\n    && apt-mark auto \'.*\' > /dev/null \\\n    && apt-mark manual $savedAptMark \\\n    && apt-get purge -y --auto-remove -o APT::AutoRemove::RecommendsImportant=false \\\n    && rm -rf /var/lib/apt/lists/*\n',
    },
    { name: 'apt-mark auto of the packages by name, then apt-get autoremove', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc libffi-dev && pip install cffi && apt-mark auto gcc libffi-dev && apt-get autoremove -y\n' },
    { name: 'apt-get purge of every package by name', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc libssl-dev; pip install cryptography; apt-get purge -y gcc libssl-dev\n' },
    { name: 'apt-get remove of a single package', code: 'FROM ubuntu:24.04\nRUN apt-get install -y build-essential && make && apt-get remove -y build-essential\n' },
    { name: 'apt-mark manual of a variable the model cannot read: nothing is proven', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && apt-mark auto \'.*\' && apt-mark manual $KEEP && apt-get purge -y --auto-remove\n' },
    { name: 'a purge of packages named by a variable: nothing is proven', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc $EXTRA && pip install x && apt-get purge -y $BUILD_DEPS\n' },
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
    {
      name: 'apt-mark manual of a literal name keeps that package after the autoremove',
      code: 'FROM python:3.12-slim\nRUN savedAptMark="$(apt-mark showmanual)"; apt-get install -y gcc libpq-dev; pip install psycopg2; apt-mark auto \'.*\'; apt-mark manual $savedAptMark libpq-dev; apt-get purge -y --auto-remove\n',
      errors: [{ text: 'libpq-dev', message: '`libpq-dev` (development headers)' }],
    },
    {
      name: 'apt-mark auto without an autoremove removes nothing',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && apt-mark auto gcc\n',
      errors: [{ text: 'gcc', occurrence: 0 }],
    },
    {
      name: 'purge --auto-remove without apt-mark: packages installed by name are manual and stay',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc make \\\n && make \\\n && apt-get purge -y --auto-remove\n',
      errors: [{ text: 'gcc' }, { text: 'make', occurrence: 0 }],
    },
    {
      name: 'the list saved after the install has the packages: apt-mark manual of it keeps them',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc; saved="$(apt-mark showmanual)"; apt-mark auto \'.*\'; apt-mark manual $saved; apt-get purge -y --auto-remove\n',
      errors: [{ text: 'gcc', occurrence: 0 }],
    },
    {
      name: 'the autoremove in a later RUN: the earlier layer keeps the packages',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc libpq-dev && pip install psycopg2\nRUN apt-mark auto \'.*\' && apt-get purge -y --auto-remove && rm -rf /var/lib/apt/lists/*\n',
      errors: [{ text: 'gcc' }, { text: 'libpq-dev' }],
    },
    {
      name: 'a package installed again after its purge stays',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc && apt-get purge -y gcc && apt-get install -y gcc\n',
      errors: [{ text: 'gcc', occurrence: 2 }],
    },
    { name: 'only the package that is not purged', code: 'FROM python:3.12-slim\nRUN apt-get install -y gcc make && apt-get remove -y gcc\n', errors: [{ text: 'make' }] },
  ],
});
