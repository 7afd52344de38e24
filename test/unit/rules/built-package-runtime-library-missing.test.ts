// Table tests for LW054 built-package-runtime-library-missing.
import rule from '../../../server/src/core/rules/dockerfile/built-package-runtime-library-missing';
import { ruleTester } from '../../helpers/rule-tester';

const BUILDER = 'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n';
// pycurl ships manylinux wheels that bundle libcurl: only --no-binary makes it link the system's.
const CURL_BUILDER =
  'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libcurl4-openssl-dev libssl-dev\nRUN pip install --prefix=/install --no-binary pycurl pycurl\n';
const COPY_VENV = 'COPY --from=b /opt/venv /opt/venv\n';

ruleTester(rule, {
  valid: [
    `${BUILDER}FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\n${COPY_VENV}`,
    { name: 'ignores full bases, which carry the libraries', code: `${BUILDER}FROM python:3.12\n${COPY_VENV}` },
    { name: 'ignores libraries the slim image already has', code: 'FROM python:3.12 AS b\nRUN apt-get install -y libffi-dev\nRUN pip install --prefix=/install cffi\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n' },
    { name: 'ignores copies that are not Python environments', code: `${BUILDER}FROM python:3.12-slim\nCOPY --from=b /etc/hosts /tmp/hosts\n` },
    // (a) the release's own name is accepted
    { name: 'bookworm: libcurl4 is the runtime library of libcurl4-openssl-dev', code: `${CURL_BUILDER}FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libcurl4 && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /install /usr/local\n` },
    { name: 'trixie: libcurl4t64 is', code: `${CURL_BUILDER}FROM python:3.12-slim-trixie\nRUN apt-get update && apt-get install -y --no-install-recommends libcurl4t64\nCOPY --from=build /install /usr/local\n` },
    // (b) a -dev package in the final stage depends on the runtime library
    { name: 'the final stage installs the -dev package itself, which pulls in libpq5', code: `${BUILDER}FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq-dev && rm -rf /var/lib/apt/lists/*\n${COPY_VENV}` },
    { name: 'a stage it is built FROM installs the -dev package', code: `${BUILDER}FROM python:3.12-slim-bookworm AS runtime\nRUN apt-get install -y libpq-dev\nFROM runtime\n${COPY_VENV}` },
    { name: 'the final stage installs a package that depends on the library (postgresql-client pulls in libpq5)', code: `${BUILDER}FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends postgresql-client\n${COPY_VENV}` },
    // (c) libraries copied in by hand
    { name: 'the shared library copied from the builder by hand', code: `${BUILDER}FROM python:3.12-slim\nCOPY --from=b /usr/lib/x86_64-linux-gnu/libpq.so.5* /usr/lib/x86_64-linux-gnu/\n${COPY_VENV}` },
    { name: 'the whole library folder copied', code: `${BUILDER}FROM python:3.12-slim\n${COPY_VENV}COPY --from=b /usr/lib/x86_64-linux-gnu /usr/lib/x86_64-linux-gnu\n` },
    // (d) nothing links the library
    { name: 'the -dev package is installed but no requirement builds against it', code: 'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask gunicorn\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n' },
    { name: 'psycopg2-binary bundles libpq in its wheel', code: 'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2-binary\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n' },
    { name: 'lxml installs a manylinux wheel that bundles libxml2 and libxslt', code: 'FROM python:3.12-slim AS b\nRUN apt-get update && apt-get install -y gcc libxml2-dev libxslt1-dev\nRUN pip install --prefix=/install lxml\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n' },
    { name: 'pycurl from its wheel links nothing of the system', code: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc libcurl4-openssl-dev\nRUN pip install --prefix=/install pycurl\nFROM python:3.12-slim-bookworm\nCOPY --from=build /install /usr/local\n' },
    {
      name: 'a requirements file with the binary package',
      code: 'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install --prefix=/install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n',
      files: { 'requirements.txt': 'flask==3.0.3\npsycopg2-binary==2.9.10\n' },
    },
    { name: 'the copied venv is not the one psycopg2 went into', code: 'FROM python:3.12 AS b\nRUN apt-get install -y gcc libpq-dev\nRUN pip install --prefix=/other psycopg2\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n' },
    { name: 'the builder never installed libpq-dev: that build fails (LW113), no library is linked', code: 'FROM python:3.12-slim AS b\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n' },
    { name: 'the final stage installs packages named by a variable: cannot tell', code: `${BUILDER}FROM python:3.12-slim\nARG RUNTIME_PACKAGES\nRUN apt-get update && apt-get install -y $RUNTIME_PACKAGES\n${COPY_VENV}` },
  ],
  invalid: [
    {
      code: `${BUILDER}FROM python:3.12-slim\n${COPY_VENV}`,
      errors: [{ text: '/opt/venv', within: '--from=b /opt/venv', message: 'Stage `b` compiled `psycopg2` against `libpq-dev`, but this stage does not install `libpq5`' }],
      output: `${BUILDER}FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n${COPY_VENV}`,
      applicability: 'unsafe',
    },
    {
      name: 'psycopg2 built from source in a bookworm builder, final bookworm slim: libpq5',
      code: 'FROM python:3.11-slim-bookworm AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nRUN python -m venv /venv && /venv/bin/pip install --no-cache-dir psycopg2==2.9.10\n\nFROM python:3.11-slim-bookworm\nCOPY --from=builder /venv /venv\n',
      errors: [{ text: '/venv', within: '--from=builder /venv', message: 'compiled `psycopg2` against `libpq-dev`, but this stage does not install `libpq5`' }],
    },
    {
      name: 'a bookworm final stage is told the bookworm name (libcurl4), not trixie\'s',
      code: `${CURL_BUILDER}FROM python:3.12-slim-bookworm\nCOPY --from=build /install /usr/local\n`,
      errors: [{ text: '/install', within: '--from=build /install', message: 'compiled `pycurl` against `libcurl4-openssl-dev`, but this stage does not install `libcurl4`:' }],
      output: `${CURL_BUILDER}FROM python:3.12-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libcurl4 && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /install /usr/local\n`,
    },
    {
      name: 'a trixie final stage is told libcurl4t64',
      code: `${CURL_BUILDER}FROM python:3.12-slim-trixie\nCOPY --from=build /install /usr/local\n`,
      errors: [{ text: '/install', within: '--from=build /install', message: 'does not install `libcurl4t64`:' }],
    },
    {
      name: 'the bookworm name installed on trixie does not provide it',
      code: `${CURL_BUILDER}FROM python:3.12-slim-trixie\nRUN apt-get update && apt-get install -y libpq5\nCOPY --from=build /install /usr/local\n`,
      errors: [{ text: '/install', within: '--from=build /install', message: '`libcurl4t64`' }],
    },
    {
      name: 'a release the table does not know (bullseye): the -dev package is named, no fix',
      code: `${CURL_BUILDER}FROM python:3.11-slim-bullseye\nCOPY --from=build /install /usr/local\n`,
      errors: [{ text: '/install', within: '--from=build /install', messageId: 'missingUnnamed', message: 'installs no runtime library of `libcurl4-openssl-dev`' }],
      output: null,
    },
    {
      name: 'psycopg2 from a requirements file, copied as site-packages',
      code: 'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=b /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n',
      files: { 'requirements.txt': 'flask==3.0.3\npsycopg2==2.9.10\n' },
      errors: [{ text: '/usr/local/lib/python3.12/site-packages', occurrence: 0, message: 'compiled `psycopg2` against `libpq-dev`' }],
    },
    {
      name: 'mysqlclient compiles against default-libmysqlclient-dev: libmariadb3',
      code: 'FROM python:3.12-slim AS b\nRUN apt-get update && apt-get install -y gcc pkg-config default-libmysqlclient-dev\nRUN pip install --prefix=/install mysqlclient\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n',
      errors: [{ text: '/install', within: '--from=b /install', message: 'compiled `mysqlclient` against `default-libmysqlclient-dev`, but this stage does not install `libmariadb3`' }],
    },
    {
      name: 'apk pairs on Alpine',
      code: 'FROM python:3.12-alpine AS b\nRUN apk add --virtual .b gcc musl-dev postgresql-dev\nRUN pip install --prefix=/install psycopg2\nFROM python:3.12-alpine\nCOPY --from=b /install /usr/local\n',
      errors: [{ text: '/install', within: '--from=b /install', message: '`postgresql-dev`' }],
      output: 'FROM python:3.12-alpine AS b\nRUN apk add --virtual .b gcc musl-dev postgresql-dev\nRUN pip install --prefix=/install psycopg2\nFROM python:3.12-alpine\nRUN apk add --no-cache libpq\nCOPY --from=b /install /usr/local\n',
    },
  ],
});
