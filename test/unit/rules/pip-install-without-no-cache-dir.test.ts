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
      name: 'ONBUILD triggers are checked',
      code: 'FROM python:3.12\nONBUILD RUN pip install flask\n',
      errors: [{ text: 'pip install' }],
    },
  ],
});
