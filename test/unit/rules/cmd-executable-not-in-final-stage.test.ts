// Table tests for LW019 cmd-executable-not-in-final-stage.
import rule from '../../../server/src/core/rules/dockerfile/cmd-executable-not-in-final-stage';
import { ruleTester } from '../../helpers/rule-tester';

const SITE = '/usr/local/lib/python3.12/site-packages';

ruleTester(rule, {
  valid: [
    { name: 'installed in the final stage', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn flask\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'pulled in as a dependency (fastapi[standard] brings uvicorn)', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir "fastapi[standard]"\nCMD ["uvicorn", "main:app"]\n' },
    {
      name: 'a venv copied in that received it',
      code: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install gunicorn flask\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCMD ["gunicorn", "app:app"]\n',
    },
    { name: 'the whole prefix copied: cannot tell what lands in /usr/local/bin', code: `FROM python:3.12 AS builder\nRUN pip install gunicorn\nFROM python:3.12-slim\nCOPY --from=builder /usr/local /usr/local\nCMD ["gunicorn", "app:app"]\n` },
    { name: 'pip --user copied with its bin folder', code: 'FROM python:3.12 AS builder\nRUN pip install --user gunicorn\nFROM python:3.12-slim\nCOPY --from=builder /root/.local /root/.local\nENV PATH=/root/.local/bin:$PATH\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'a requirements file: its packages are not known', code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'a package whose dependencies are not known', code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir apache-airflow\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'a RUN with unknown effects', code: 'FROM python:3.12-slim\nCOPY install.sh /\nRUN sh /install.sh\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'installed by apt in the final stage', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gunicorn\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'a Python distribution package may depend on it', code: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y python3-flask-appbuilder\nCMD ["flask", "run"]\n' },
    { name: 'a base whose contents are not known', code: 'FROM tiangolo/uvicorn-gunicorn-fastapi:python3.11\nCOPY ./app /app\nCMD ["gunicorn", "app.main:app"]\n' },
    { name: 'a path, not a bare name', code: 'FROM python:3.12-slim\nCOPY --from=ghcr.io/example/tools /venv /venv\nCMD ["/venv/bin/gunicorn", "app:app"]\n' },
    { name: 'python -m runs a module, not a console script', code: `FROM python:3.12 AS b\nRUN pip install gunicorn\nFROM python:3.12-slim\nCOPY --from=b ${SITE} ${SITE}\nCMD ["python", "-m", "gunicorn", "app:app"]\n` },
    { name: 'a command Layerwise has no table row for', code: 'FROM python:3.12-slim\nCMD ["myserver", "--port", "80"]\n' },
    { name: 'a COPY into a PATH folder may bring it', code: 'FROM python:3.12-slim\nCOPY bin/ /usr/local/bin/\nCMD ["celery", "-A", "proj", "worker"]\n' },
    { name: 'an ENTRYPOINT of a parent stage runs the CMD as arguments', code: 'FROM python:3.12-slim AS base\nENTRYPOINT ["/docker-entrypoint.sh"]\nFROM base\nCMD ["gunicorn", "app:app"]\n' },
    { name: 'a builder stage that is not the target', code: 'FROM python:3.12-slim AS tool\nCMD ["gunicorn", "app:app"]\nFROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn\nCMD ["gunicorn", "app:app"]\n' },
  ],
  invalid: [
    {
      name: 'installed into the builder\'s system site-packages; only site-packages copied',
      code: `FROM python:3.12 AS builder\nRUN pip install --no-cache-dir flask gunicorn\nFROM python:3.12-slim\nCOPY --from=builder ${SITE} ${SITE}\nCOPY . /app\nCMD ["gunicorn", "--chdir", "/app", "app:app"]\n`,
      errors: [{ text: '"gunicorn"', message: '`gunicorn` is installed in stage `builder`, not in the final stage: `CMD` will fail with "executable file not found"' }],
      output: null,
    },
    {
      name: 'installed by apt in the builder only',
      code: 'FROM debian:bookworm AS build\nRUN apt-get update && apt-get install -y gunicorn\nFROM debian:bookworm-slim\nCOPY --from=build /etc/gunicorn /etc/gunicorn\nENTRYPOINT ["gunicorn"]\n',
      errors: [{ text: '"gunicorn"', message: '`gunicorn` is installed in stage `build`, not in the final stage: `ENTRYPOINT`' }],
    },
    {
      name: 'the copied venv never received it (system pip in the builder)',
      code: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv\nRUN /opt/venv/bin/pip install flask\nRUN pip install uvicorn\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCMD ["uvicorn", "main:app", "--host", "0.0.0.0"]\n',
      errors: [{ text: '"uvicorn"', message: '`uvicorn` is installed in stage `builder`, not in the final stage' }],
    },
    {
      name: 'shell form CMD, nothing installs it anywhere',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD celery -A proj worker\n',
      errors: [{ text: 'celery', message: 'Nothing in the final stage installs `celery` (from the `celery` package): `CMD` will fail' }],
    },
    {
      name: 'a known package set without it',
      code: 'FROM python:3.12-alpine\nRUN pip install --no-cache-dir flask==3.0.3\nCMD exec gunicorn app:app\n',
      errors: [{ text: 'gunicorn', message: 'Nothing in the final stage installs `gunicorn`' }],
    },
    {
      name: 'django-admin with django installed only in an unnamed builder',
      code: 'FROM python:3.12\nRUN pip install django\nFROM python:3.12-slim\nCOPY --from=0 /usr/local/lib/python3.12/site-packages/django /usr/local/lib/python3.12/site-packages/django\nCMD ["django-admin", "runserver"]\n',
      errors: [{ text: '"django-admin"', message: 'is installed in stage `0`' }],
    },
  ],
});
