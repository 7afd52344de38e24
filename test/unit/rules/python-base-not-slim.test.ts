// Table tests for LW002 python-base-not-slim.
import rule from '../../../server/src/core/rules/dockerfile/python-base-not-slim';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nCMD ["python"]\n',
    'FROM python:3.12-alpine\nCMD ["python"]\n',
    { name: 'a builder stage may use the full image', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w psycopg2\nFROM python:3.12-slim\nCOPY --from=build /w /w\n' },
    { name: 'a tag given by a variable is not judged', code: 'ARG TAG\nFROM python:${TAG}\n' },
    { name: 'other images are not judged', code: 'FROM debian:bookworm\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      errors: [{ text: '3.12', message: '`python:3.12-slim` has the same Python' }],
      output: 'FROM python:3.12-slim\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      applicability: 'safe',
    },
    {
      name: 'keeps the Debian release',
      code: 'FROM python:3.11.9-bookworm\n',
      errors: [{ text: '3.11.9-bookworm' }],
      output: 'FROM python:3.11.9-slim-bookworm\n',
    },
    { name: 'a codename-only tag', code: 'FROM python:trixie\n', errors: [{ text: 'trixie' }], output: 'FROM python:slim-trixie\n' },
    {
      name: 'unsafe when the stage installs compilers',
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y gcc libpq-dev\n',
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
    {
      name: 'unsafe when pip installs a package that only ships an sdist',
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir psycopg2\n',
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
    {
      name: 'unsafe when a requirements file cannot be read',
      code: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
    {
      name: 'safe when the requirements file lists only packages with wheels',
      code: 'FROM python:3.12\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      files: { 'requirements.txt': 'flask==3.1.2\n' },
      errors: [{ text: '3.12' }],
      applicability: 'safe',
    },
    {
      name: 'the requirements file is read where the COPY took it from, not next to the Dockerfile',
      code: 'FROM python:3.12\nWORKDIR /app\nCOPY deps/requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      files: { 'deps/requirements.txt': 'flask==3.1.2\n' },
      errors: [{ text: '3.12' }],
      applicability: 'safe',
    },
    {
      name: 'unsafe when a file the requirements file includes lists a package that compiles',
      code: 'FROM python:3.12\nCOPY requirements.txt base.txt ./\nRUN pip install --no-cache-dir -r requirements.txt\n',
      files: { 'requirements.txt': '-r base.txt\nflask==3.1.2\n', 'base.txt': 'psycopg2==2.9.10\n' },
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
    {
      name: 'unsafe when the stage runs a tool only the full image has',
      code: 'FROM python:3.12\nRUN curl -fsSL https://example.com/x.sh | sh\n',
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
    {
      name: 'unsafe when HEALTHCHECK probes with a tool only the full image has',
      code: 'FROM python:3.12\nHEALTHCHECK CMD ["curl", "-f", "http://localhost/"]\n',
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
    {
      name: 'safe when the tool is installed in the stage',
      code: 'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nHEALTHCHECK CMD curl -f http://localhost/\nRUN curl -fsSL https://example.com/x\n',
      errors: [{ text: '3.12' }],
      applicability: 'safe',
    },
    {
      name: 'a stage built FROM a full-image stage that ships is judged at the base',
      code: 'FROM python:3.12 AS base\nFROM base\nRUN apt-get install -y build-essential\n',
      errors: [{ text: '3.12' }],
      applicability: 'unsafe',
    },
  ],
});
