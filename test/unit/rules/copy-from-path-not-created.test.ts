// Table tests for LW055 copy-from-path-not-created.
import rule from '../../../server/src/core/rules/dockerfile/copy-from-path-not-created';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'accepts paths under a WORKDIR', code: 'FROM python:3.12 AS b\nWORKDIR /src\nRUN make dist\nFROM python:3.12-slim\nCOPY --from=b /src/dist /app\n' },
    { name: 'accepts paths the base image has', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b /usr/local/bin/python3 /usr/local/bin/\n' },
    { name: 'accepts a pip --prefix', code: 'FROM python:3.12 AS b\nRUN pip install --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=b /install /usr/local\n' },
    { name: 'accepts a path named through ENV', code: 'FROM python:3.12 AS b\nENV VIRTUAL_ENV=/venv\nRUN python -m venv $VIRTUAL_ENV\nFROM python:3.12-slim\nCOPY --from=b /venv /venv\n' },
    { name: 'a stage that runs a script may have made any path', code: 'FROM python:3.12 AS builder\nRUN ./build.sh\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n' },
    { name: 'a piped installer has an unknown effect', code: 'FROM debian:bookworm AS builder\nRUN curl -fsSL https://example.com/install.sh | sh\nFROM debian:bookworm-slim\nCOPY --from=builder /install /usr/local\n' },
    { name: 'a path inside a folder copied from the context may exist', code: 'FROM python:3.12 AS builder\nCOPY . /src\nFROM python:3.12-slim\nCOPY --from=builder /src/app /app\n' },
    { name: 'ignores unknown base images', code: 'FROM ghcr.io/astral-sh/uv:latest AS uv\nFROM python:3.12-slim\nCOPY --from=uv /uv /bin/uv\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS b\nRUN python -m venv /venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ text: '/opt/venv', within: '--from=b /opt/venv', message: '`/opt/venv` is copied from stage `b`, which never creates it' }],
      output: null,
    },
    {
      name: 'the word `install` of `pip install` is not the folder /install (the builder has no WORKDIR)',
      code: 'FROM python:3.12 AS builder\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=builder /install /usr/local\n',
      errors: [{ text: '/install', within: '--from=builder /install', message: '`/install` is copied from stage `builder`, which never creates it' }],
      output: null,
    },
    {
      name: 'site-packages of another Python than the source stage runs',
      code: 'FROM python:3.12 AS b\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=b /usr/local/lib/python3.11/site-packages /usr/local/lib/python3.12/site-packages\n',
      errors: [{ text: '/usr/local/lib/python3.11/site-packages', messageId: 'otherPython' }],
    },
  ],
});
