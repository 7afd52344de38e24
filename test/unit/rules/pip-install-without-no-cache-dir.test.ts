// Table tests for DL3042 pip-install-without-no-cache-dir.
import rule from '../../../server/src/core/rules/dockerfile/pip-install-without-no-cache-dir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir flask\n',
    'FROM python:3.12\nRUN pip3 install --no-cache-dir -r requirements.txt\n',
    { name: 'accepts PIP_NO_CACHE_DIR set with ENV', code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'accepts PIP_NO_CACHE_DIR inherited from an earlier stage', code: 'FROM python:3.12 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n' },
    { name: 'accepts PIP_NO_CACHE_DIR as an ARG', code: 'FROM python:3.12\nARG PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
    { name: 'accepts a cache mount on pip\'s cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n' },
    { name: 'accepts a cache mount on ~/.cache', code: 'FROM python:3.12\nRUN --mount=type=cache,target=/root/.cache pip install flask\n' },
    { name: 'ignores a builder stage whose layers are not shipped', code: 'FROM python:3.12 AS build\nRUN pip install flask\nFROM python:3.12-slim\nCOPY --from=build /usr/local /usr/local\n' },
    { name: 'ignores pip download and other subcommands', code: 'FROM python:3.12\nRUN pip download flask && pip freeze\n' },
    { name: 'ignores uv, poetry and pipenv (they have their own caches)', code: 'FROM python:3.12\nRUN uv pip install flask && poetry install\n' },
    'FROM python:3.12\nRUN pip install --no-cache-dir=1 flask\n',
    { name: 'ignores echo of a pip command', code: 'FROM python:3.12\nRUN echo "pip install flask"\n' },
    { name: 'accepts an ARG PIP_NO_CACHE_DIR of the stage it is built FROM (BuildKit hands ARGs to FROM <stage> children)', code: 'FROM python:3.12 AS base\nARG PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install flask\n' },
    { name: 'accepts PIP_NO_CACHE_DIR exported earlier in the RUN', code: 'FROM python:3.12\nRUN export PIP_NO_CACHE_DIR=1 && pip install flask\n' },
    { name: 'accepts a tmpfs mount on pip\'s cache', code: 'FROM python:3.12\nRUN --mount=type=tmpfs,target=/root/.cache/pip pip install flask\n' },
    { name: 'accepts a cache mount on PIP_CACHE_DIR', code: 'FROM python:3.12\nENV PIP_CACHE_DIR=/pipcache\nRUN --mount=type=cache,target=/pipcache pip install flask\n' },
    { name: 'accepts the cache deleted later in the same RUN', code: 'FROM python:3.12\nRUN pip install flask && rm -rf /root/.cache/pip\n' },
    { name: 'accepts pip cache purge later in the same RUN', code: 'FROM python:3.12\nRUN pip install flask && pip cache purge\n' },
    { name: 'accepts ENV PIP_NO_CACHE_DIR above a RUN before the first FROM (hadolint reads it)', code: 'ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12\nRUN pip install -r requirements.txt\n',
      errors: [{ text: 'pip install', message: '`pip install` keeps its download cache' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir -r requirements.txt\n',
      applicability: 'safe',
    },
    {
      name: 'python -m pip is the same command',
      code: 'FROM python:3.12\nRUN python3 -m pip install flask\n',
      errors: [{ text: 'python3 -m pip install', message: '`python3 -m pip install`' }],
      output: 'FROM python:3.12\nRUN python3 -m pip install --no-cache-dir flask\n',
    },
    {
      name: 'each pip install in a chain is reported at its own token',
      code: 'FROM python:3.12\nRUN pip install -U pip && \\\n    pip3 install flask\n',
      errors: [{ text: 'pip install' }, { text: 'pip3 install' }],
      output: 'FROM python:3.12\nRUN pip install --no-cache-dir -U pip && \\\n    pip3 install --no-cache-dir flask\n',
    },
    {
      name: 'an exec-form RUN is checked too',
      code: 'FROM python:3.12\nRUN ["pip", "install", "flask"]\n',
      errors: [{ text: '"pip", "install"' }],
      output: 'FROM python:3.12\nRUN ["pip", "install", "--no-cache-dir", "flask"]\n',
    },
    {
      name: 'PIP_NO_CACHE_DIR=0 does not disable the cache',
      code: 'FROM python:3.12\nENV PIP_NO_CACHE_DIR=0\nRUN pip install flask\n',
      errors: [{ text: 'pip install' }],
    },
    {
      name: 'a sudo wrapper is seen through',
      code: 'FROM ubuntu:24.04\nRUN sudo pip install flask\n',
      errors: [{ text: 'pip install' }],
    },
    {
      name: 'an ARG PIP_NO_CACHE_DIR of another stage is not in scope in a stage not built FROM it',
      code: 'FROM python:3.12 AS base\nARG PIP_NO_CACHE_DIR=1\nFROM python:3.12\nRUN pip install flask\n',
      errors: [{ text: 'pip install' }],
    },
    {
      name: 'a cache mount on root\'s cache does not cover the cache of another USER',
      code: 'FROM python:3.12\nUSER app\nRUN --mount=type=cache,target=/root/.cache/pip pip install flask\n',
      errors: [{ text: 'pip install' }],
    },
    {
      name: 'deleting another folder, or the cache before the install, leaves the cache',
      code: 'FROM python:3.12\nRUN rm -rf /root/.cache/pip && pip install flask && rm -rf /tmp/*\n',
      errors: [{ text: 'pip install' }],
      output: 'FROM python:3.12\nRUN rm -rf /root/.cache/pip && pip install --no-cache-dir flask && rm -rf /tmp/*\n',
    },
    {
      name: 'ONBUILD triggers are checked',
      code: 'FROM python:3.12\nONBUILD RUN pip install flask\n',
      errors: [{ text: 'pip install' }],
    },
  ],
});
