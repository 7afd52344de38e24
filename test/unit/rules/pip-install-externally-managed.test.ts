// Table tests for LW016 pip-install-externally-managed.
import rule from '../../../server/src/core/rules/dockerfile/pip-install-externally-managed';
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintWith, ruleTester } from '../../helpers/rule-tester';

const APT_PIP = 'RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip\n';

ruleTester(rule, {
  valid: [
    { name: 'Ubuntu 22.04 is not externally managed', code: `FROM ubuntu:22.04\n${APT_PIP}RUN pip3 install flask\n` },
    { name: 'Debian 11 (bullseye) is not externally managed', code: `FROM debian:bullseye-slim\n${APT_PIP}RUN pip install flask\n` },
    { name: 'Alpine 3.18 is not externally managed', code: 'FROM alpine:3.18\nRUN apk add --no-cache python3 py3-pip\nRUN pip install flask\n' },
    { name: 'python:3.12-alpine: the official Python in /usr/local is not', code: 'FROM python:3.12-alpine3.20\nRUN pip install flask\n' },
    { name: 'the official python image installs into /usr/local', code: 'FROM python:3.12-slim-bookworm\nRUN pip install flask\n' },
    { name: 'a venv on PATH', code: `FROM debian:bookworm\nRUN apt-get update && apt-get install -y python3-venv python3-pip\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install flask\n` },
    { name: 'the venv\'s own pip', code: `FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-venv\nRUN python3 -m venv /opt/venv && /opt/venv/bin/pip install flask\n` },
    { name: 'ENV PIP_BREAK_SYSTEM_PACKAGES=1', code: `FROM debian:bookworm\nENV PIP_BREAK_SYSTEM_PACKAGES=1\n${APT_PIP}RUN pip install flask\n` },
    { name: 'ARG PIP_BREAK_SYSTEM_PACKAGES (an ARG is in the RUN\'s environment)', code: `FROM ubuntu:24.04\nARG PIP_BREAK_SYSTEM_PACKAGES=true\n${APT_PIP}RUN python3 -m pip install flask\n` },
    { name: 'exported earlier in the RUN', code: `FROM ubuntu:24.04\n${APT_PIP}RUN export PIP_BREAK_SYSTEM_PACKAGES=1 && pip3 install flask\n` },
    { name: 'a VAR=1 prefix', code: `FROM ubuntu:24.04\n${APT_PIP}RUN PIP_BREAK_SYSTEM_PACKAGES=1 pip3 install flask\n` },
    { name: '--break-system-packages', code: `FROM debian:trixie\n${APT_PIP}RUN pip install --break-system-packages -r requirements.txt\n` },
    { name: '--target skips the check', code: `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 install --target /deps flask\n` },
    { name: '--prefix skips the check', code: `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 install --prefix=/install flask\n` },
    { name: '--root skips the check', code: `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 install --root /staging flask\n` },
    { name: 'the marker file removed', code: `FROM ubuntu:24.04\n${APT_PIP}RUN rm -f /usr/lib/python3.*/EXTERNALLY-MANAGED\nRUN pip3 install flask\n` },
    { name: 'pip config set before', code: `FROM debian:bookworm\n${APT_PIP}RUN pip config set global.break-system-packages true && pip install flask\n` },
    { name: 'a pip.conf copied in', code: `FROM debian:bookworm\n${APT_PIP}COPY pip.conf /etc/pip.conf\nRUN pip install flask\n` },
    { name: 'a pip.conf written by a redirection', code: `FROM debian:bookworm\n${APT_PIP}RUN printf '[global]\\nbreak-system-packages = true\\n' > /etc/pip.conf\nRUN pip install flask\n` },
    { name: 'conda first on PATH: its pip is not the system one', code: `FROM ubuntu:24.04\n${APT_PIP}ENV PATH=/opt/conda/bin:$PATH\nRUN pip install flask\n` },
    { name: 'a versioned pip of another Python', code: `FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3.11 python3-pip\nRUN python3.11 -m pip install flask\n` },
    { name: 'no Python installed from the distribution: nothing known', code: 'FROM debian:bookworm\nRUN pip install flask\n' },
    { name: 'pip download is not an install', code: `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 download -d /wheels flask\n` },
  ],
  invalid: [
    {
      name: 'alpine:3.20 with py3-pip: only the flag fix (the venv fix is written for apt)',
      code: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip\nRUN pip install flask\n',
      errors: [{ text: 'pip install', message: '`pip install` installs into the system Python of Alpine 3.20, which is externally managed (PEP 668)' }],
      output: 'FROM alpine:3.20\nRUN apk add --no-cache python3 py3-pip\nRUN pip install --break-system-packages flask\n',
      applicability: 'unsafe',
    },
    {
      name: 'debian:bookworm with python3-pip: venv fix adds python3-venv',
      code: `FROM debian:bookworm\n${APT_PIP}RUN pip install flask\n`,
      errors: [{ text: 'pip install', message: '`pip install` installs into the system Python of Debian 12 (bookworm), which is externally managed (PEP 668)' }],
      output: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install flask\n',
      applicability: 'unsafe',
    },
    {
      name: 'ubuntu:24.04, pip3 install -r, python3-venv already installed',
      code: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-pip python3-venv\nCOPY requirements.txt .\nRUN pip3 install --no-cache-dir -r requirements.txt\n',
      errors: [{ text: 'pip3 install', message: 'Ubuntu 24.04' }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y python3-pip python3-venv\nCOPY requirements.txt .\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip3 install --no-cache-dir -r requirements.txt\n',
    },
    {
      name: 'python3 -m pip in the same RUN as the apt install: only the flag fix',
      code: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y python3-pip && python3 -m pip install flask\n',
      errors: [{ text: 'python3 -m pip install' }],
      output: 'FROM debian:12-slim\nRUN apt-get update && apt-get install -y python3-pip && python3 -m pip install --break-system-packages flask\n',
    },
    {
      name: '--user is refused too',
      code: `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 install --user flask\n`,
      errors: [{ text: 'pip3 install', messageId: 'userExternallyManaged' }],
      output: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip3 install --user flask\n',
    },
    {
      name: 'PIP_BREAK_SYSTEM_PACKAGES=0 does not lift it',
      code: `FROM debian:trixie-slim\nENV PIP_BREAK_SYSTEM_PACKAGES=0\n${APT_PIP}RUN pip install flask\n`,
      errors: [{ text: 'pip install', message: 'Debian 13 (trixie)' }],
      output: 'FROM debian:trixie-slim\nENV PIP_BREAK_SYSTEM_PACKAGES=0\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install flask\n',
    },
    {
      name: 'two installs in one stage: both fixes create the one venv before the first',
      code: `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 install flask\nRUN pip3 install gunicorn\n`,
      errors: [{ text: 'pip3 install', occurrence: 0 }, { text: 'pip3 install', occurrence: 1 }],
    },
    {
      name: 'a ~/.local/bin PATH entry is not another pip; CRLF line endings kept',
      code: 'FROM ubuntu:24.04\r\nRUN apt-get update && apt-get install -y python3-full\r\nENV PATH="/root/.local/bin:$PATH"\r\nRUN sudo pip install flask\r\n',
      errors: [{ text: 'pip install' }],
      output: 'FROM ubuntu:24.04\r\nRUN apt-get update && apt-get install -y python3-full\r\nENV PATH="/root/.local/bin:$PATH"\r\nRUN python3 -m venv /opt/venv\r\nENV PATH="/opt/venv/bin:$PATH"\r\nRUN sudo pip install flask\r\n',
    },
    {
      name: 'a stage built FROM the stage that installed python3',
      code: `FROM ubuntu:24.04 AS base\n${APT_PIP}FROM base\nRUN pip3 install flask\n`,
      errors: [{ text: 'pip3 install' }],
      output: 'FROM ubuntu:24.04 AS base\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv\nFROM base\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip3 install flask\n',
    },
    {
      name: 'a non-root USER: only the flag fix',
      code: `FROM ubuntu:24.04\n${APT_PIP}USER app\nRUN pip3 install --user flask\n`,
      errors: [{ text: 'pip3 install' }],
      output: `FROM ubuntu:24.04\n${APT_PIP}USER app\nRUN pip3 install --break-system-packages --user flask\n`,
    },
    {
      name: 'the exec form gets the flag as a JSON word',
      code: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y python3-pip\nRUN ["pip", "install", "flask"]\n',
      errors: [{ text: '"pip", "install"' }],
      output: 'FROM debian:bookworm\nRUN apt-get update && apt-get install -y python3-pip python3-venv\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN ["pip", "install", "flask"]\n',
    },
  ],
});

test('the findings of one stage offer the same venv edits, so fix-all creates the venv once', () => {
  const found = lintWith(rule, `FROM ubuntu:24.04\n${APT_PIP}RUN pip3 install flask\nRUN pip3 install gunicorn\n`);
  assert.equal(found.length, 2);
  assert.equal(found[0]!.fixes[0]!.title, 'Create a venv in /opt/venv before the install');
  assert.deepEqual(found[1]!.fixes[0]!.edits, found[0]!.fixes[0]!.edits);
});
