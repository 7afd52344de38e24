// Table tests for LW007 no-user-in-final-stage.
import rule from '../../../server/src/core/rules/dockerfile/no-user-in-final-stage';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nUSER 10001\nCMD ["python"]\n',
    { name: 'an explicit USER root is DL3002\'s', code: 'FROM python:3.12-slim\nUSER root\nCMD ["python"]\n' },
    { name: 'USER inherited from the stage it is built on', code: 'FROM python:3.12-slim AS base\nUSER app\nFROM base\nCMD ["python"]\n' },
    { name: 'a base whose default user is unknown', code: 'FROM gcr.io/distroless/python3-debian12\nCMD ["app.py"]\n' },
    { name: 'only the final stage counts', code: 'FROM python:3.12 AS build\nRUN pip wheel -w /w flask\nFROM python:3.12-slim\nUSER 10001\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nEXPOSE 8000\n# start\nCMD ["python", "app.py"]\n',
      errors: [{ text: 'CMD', message: '`CMD` runs as root' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nEXPOSE 8000\n# start\nCMD ["python", "app.py"]\n',
      applicability: 'unsafe',
    },
    {
      name: 'an ONBUILD USER runs only in images built from this one: it does not set the user here',
      code: 'FROM python:3.12-slim\nONBUILD USER app\nCMD ["python"]\n',
      errors: [{ text: 'CMD', message: '`CMD` runs as root' }],
      output: 'FROM python:3.12-slim\nONBUILD USER app\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001\nCMD ["python"]\n',
    },
    {
      name: 'Alpine gets adduser',
      code: 'FROM python:3.12-alpine\nENTRYPOINT ["python"]\n',
      errors: [{ text: 'ENTRYPOINT' }],
      output: 'FROM python:3.12-alpine\nRUN adduser -S -u 10001 app\nUSER 10001\nENTRYPOINT ["python"]\n',
    },
    {
      name: 'without CMD the base image is reported and the user goes last',
      code: 'FROM debian:bookworm-slim\nRUN echo hi',
      errors: [{ text: 'debian:bookworm-slim', message: '`The container` runs as root' }],
      output: 'FROM debian:bookworm-slim\nRUN echo hi\nRUN useradd --system --uid 10001 --no-create-home app\nUSER 10001',
    },
  ],
});
