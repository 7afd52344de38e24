// Table tests for LW054 built-package-runtime-library-missing.
import rule from '../../../server/src/core/rules/dockerfile/built-package-runtime-library-missing';
import { ruleTester } from '../../helpers/rule-tester';

const BUILDER = 'FROM python:3.12 AS b\nRUN apt-get update && apt-get install -y gcc libpq-dev\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n';

ruleTester(rule, {
  valid: [
    `${BUILDER}FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nCOPY --from=b /opt/venv /opt/venv\n`,
    { name: 'ignores full bases, which carry the libraries', code: `${BUILDER}FROM python:3.12\nCOPY --from=b /opt/venv /opt/venv\n` },
    { name: 'ignores libraries the slim image already has', code: 'FROM python:3.12 AS b\nRUN apt-get install -y libffi-dev\nRUN pip install --prefix=/install cffi\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n' },
    { name: 'ignores copies that are not Python environments', code: `${BUILDER}FROM python:3.12-slim\nCOPY --from=b /etc/hosts /tmp/hosts\n` },
  ],
  invalid: [
    {
      code: `${BUILDER}FROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n`,
      errors: [{ text: '/opt/venv', within: '--from=b /opt/venv', message: 'compiled against `libpq-dev`, but this stage does not install `libpq5`' }],
      output: `${BUILDER}FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=b /opt/venv /opt/venv\n`,
      applicability: 'unsafe',
    },
    {
      name: 'apk pairs on Alpine',
      code: 'FROM python:3.12-alpine AS b\nRUN apk add --virtual .b gcc musl-dev postgresql-dev\nRUN pip install --prefix=/install psycopg2\nFROM python:3.12-alpine\nCOPY --from=b /install /usr/local\n',
      errors: [{ text: '/install', within: '--from=b /install', message: '`postgresql-dev`' }],
      output: 'FROM python:3.12-alpine AS b\nRUN apk add --virtual .b gcc musl-dev postgresql-dev\nRUN pip install --prefix=/install psycopg2\nFROM python:3.12-alpine\nRUN apk add --no-cache libpq\nCOPY --from=b /install /usr/local\n',
    },
  ],
});
