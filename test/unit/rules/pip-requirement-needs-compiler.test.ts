// Table tests for LW113 pip-requirement-needs-compiler.
import rule from '../../../server/src/core/rules/dockerfile/pip-requirement-needs-compiler';
import { lintWith, ruleTester } from '../../helpers/rule-tester';
import { test } from 'node:test';
import assert from 'node:assert/strict';

const REQS = { 'requirements.txt': 'flask==3.0.3\npsycopg2==2.9.10\n' };
const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';

ruleTester(rule, {
  valid: [
    { name: 'build packages installed in an earlier RUN', code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files: REQS },
    { name: 'build packages installed earlier in the same RUN', code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN apt-get update && apt-get install -y build-essential libpq-dev && pip install -r requirements.txt\n', files: REQS },
    { name: 'build packages installed in the stage it is built FROM', code: 'FROM python:3.12-slim AS base\nRUN apt-get update && apt-get install -y gcc libpq-dev\nFROM base\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files: REQS },
    { name: 'the full python image has compilers and headers', code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files: REQS },
    { name: 'requirements with wheels only', code: DF, files: { 'requirements.txt': 'flask==3.0.3\npsycopg2-binary==2.9.10\n' } },
    { name: 'no requirements file in the build context', code: DF },
    { name: '--only-binary on the command with wheels for every requirement', code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --only-binary=:all: -r requirements.txt\n', files: { 'requirements.txt': 'flask==3.0.3\npsycopg2-binary==2.9.10\n' } },
    { name: 'a pinned numpy whose files the data does not hold makes no wheel claim', code: DF, files: { 'requirements.txt': 'numpy==1.19.5\n' } },
    { name: 'a pin the data holds with a cp312 manylinux wheel', code: DF, files: { 'requirements.txt': 'numpy==2.5.2\n' } },
    { name: 'a stage the build target does not reach', code: 'FROM python:3.12-slim AS unused\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nCMD ["python"]\n', files: REQS },
    { name: 'Alpine with build-base and postgresql-dev', code: 'FROM python:3.12-alpine\nRUN apk add --no-cache --virtual .build build-base postgresql-dev\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files: REQS },
  ],
  invalid: [
    {
      name: '--only-binary :all: with an sdist-only package: the install fails whatever the stage has',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --only-binary=:all: -r requirements.txt\n',
      files: REQS,
      errors: [{ text: 'pip install', message: '`pip install` cannot install `psycopg2`: no wheel for Python 3.12 on glibc x86_64, and `--only-binary` refuses the sdist: the build fails' }],
    },
    {
      name: '--only-binary given in the requirements file',
      code: DF,
      files: { 'requirements.txt': '--only-binary :all:\npsycopg2==2.9.10\n' },
      errors: [{ text: 'pip install', message: 'cannot install `psycopg2`' }],
    },
    {
      name: 'an old psycopg2 pin not in the data is still claimed: no release of it has a Linux wheel',
      code: DF,
      files: { 'requirements.txt': 'psycopg2==2.8.6\n' },
      errors: [{ text: 'pip install', message: 'compiles `psycopg2` from source' }],
    },
    {
      name: 'psycopg2 on slim without gcc and libpq-dev',
      code: DF,
      files: REQS,
      errors: [{ text: 'pip install', message: '`pip install` compiles `psycopg2` from source (no wheel for Python 3.12 on glibc x86_64), but this stage installs no `gcc`, `libpq-dev`: the build fails' }],
      output: null,
    },
    {
      name: 'an arm64 FROM speaks of aarch64 wheels',
      code: DF.replace('FROM python', 'FROM --platform=linux/arm64 python'),
      files: REQS,
      errors: [{ text: 'pip install', message: '(no wheel for Python 3.12 on glibc aarch64)' }],
    },
    {
      name: 'the configured target platform applies to a FROM without --platform',
      code: DF,
      files: REQS,
      config: { platform: 'linux/arm64' },
      errors: [{ text: 'pip install', message: '(no wheel for Python 3.12 on glibc aarch64)' }],
    },
    {
      name: 'only the header package is missing',
      code: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      files: REQS,
      errors: [{ text: 'pip install', message: 'installs no `libpq-dev`' }],
    },
    {
      name: 'a requirement reached through an include in a copied folder',
      code: 'FROM python:3.12-slim\nCOPY requirements/ /tmp/reqs/\nRUN pip install -r /tmp/reqs/prod.txt\n',
      files: { 'requirements/prod.txt': '-r base.txt\ngunicorn==23.0.0\n', 'requirements/base.txt': 'mysqlclient==2.2.6\n' },
      errors: [{ text: 'pip install', message: '`mysqlclient`' }],
    },
    {
      name: 'build packages installed in an unrelated stage do not count',
      code: 'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nFROM python:3.12-slim\nCOPY requirements.txt .\nRUN python -m pip install -r requirements.txt\n',
      files: REQS,
      errors: [{ text: 'python -m pip install' }],
    },
  ],
});

test('LW113 points at the requirement in the requirements file', () => {
  const [f] = lintWith(rule, DF, { files: REQS });
  assert.deepEqual(f?.related, [{ path: '/ctx/requirements.txt', range: { start: { line: 1, character: 0 }, end: { line: 1, character: 8 } }, message: '`psycopg2` builds from source here: needs gcc, libpq-dev' }]);
});
