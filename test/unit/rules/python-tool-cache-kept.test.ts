// Table tests for LW012 python-tool-cache-kept.
import rule from '../../../server/src/core/rules/dockerfile/python-tool-cache-kept';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN uv sync --frozen --no-cache\n',
    { name: 'UV_NO_CACHE set with ENV', code: 'FROM python:3.12-slim\nENV UV_NO_CACHE=1\nRUN uv pip install --system flask\n' },
    { name: 'a cache mount on uv\'s cache', code: 'FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/uv uv sync\n' },
    { name: 'a cache mount on UV_CACHE_DIR', code: 'FROM python:3.12-slim\nENV UV_CACHE_DIR=/cache\nRUN --mount=type=cache,target=/cache uv sync\n' },
    { name: 'deleted in the same RUN', code: 'FROM python:3.12-slim\nRUN poetry install --no-root && rm -rf ~/.cache/pypoetry\n' },
    { name: 'uv cache clean in the same RUN', code: 'FROM python:3.12-slim\nRUN uv sync && uv cache clean\n' },
    { name: 'a builder stage may cache', code: 'FROM python:3.12 AS b\nRUN uv sync\nFROM python:3.12-slim\nCOPY --from=b /app/.venv /app/.venv\n' },
    { name: 'pip itself is DL3042\'s', code: 'FROM python:3.12-slim\nRUN pip install flask\n' },
    { name: 'a cache mount on POETRY_CACHE_DIR', code: 'FROM python:3.12-slim\nENV POETRY_CACHE_DIR=/pc\nRUN --mount=type=cache,target=/pc poetry install --no-root\n' },
    { name: 'deleted through $HOME in the same RUN', code: 'FROM python:3.12-slim\nRUN uv sync && rm -rf $HOME/.cache/uv\n' },
    { name: 'UV_NO_CACHE exported earlier in the RUN', code: 'FROM python:3.12-slim\nRUN export UV_NO_CACHE=1 && uv sync\n' },
    { name: 'PIPENV_NOCACHE inherited from the stage it is built FROM', code: 'FROM python:3.12-slim AS base\nENV PIPENV_NOCACHE=1\nFROM base\nRUN pipenv install --system\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nRUN uv sync --frozen\n',
      errors: [{ text: 'uv sync', message: '`uv sync` keeps its download cache in the layer: add `--no-cache`' }],
      output: 'FROM python:3.12-slim\nRUN uv sync --no-cache --frozen\n',
      applicability: 'safe',
    },
    {
      name: 'uv pip install',
      code: 'FROM python:3.12-slim\nRUN uv pip install --system flask\n',
      errors: [{ text: 'uv pip install' }],
      output: 'FROM python:3.12-slim\nRUN uv pip install --no-cache --system flask\n',
    },
    { name: 'poetry', code: 'FROM python:3.12-slim\nRUN poetry install --no-root\n', errors: [{ text: 'poetry install' }], output: 'FROM python:3.12-slim\nRUN poetry install --no-cache --no-root\n' },
    {
      name: 'an ARG UV_NO_CACHE of a sibling stage is not in scope',
      code: 'FROM python:3.12-slim AS base\nARG UV_NO_CACHE=1\nFROM python:3.12-slim\nRUN uv sync\n',
      errors: [{ text: 'uv sync' }],
      output: 'FROM python:3.12-slim AS base\nARG UV_NO_CACHE=1\nFROM python:3.12-slim\nRUN uv sync --no-cache\n',
    },
    {
      name: 'a removal before the install does not count',
      code: 'FROM python:3.12-slim\nRUN rm -rf /root/.cache/pypoetry && poetry install --no-root\n',
      errors: [{ text: 'poetry install' }],
      output: 'FROM python:3.12-slim\nRUN rm -rf /root/.cache/pypoetry && poetry install --no-cache --no-root\n',
    },
    { name: 'pipenv has no flag: no fix', code: 'FROM python:3.12-slim\nRUN pipenv install --system --deploy\n', errors: [{ text: 'pipenv install', message: '`PIPENV_NOCACHE=1`' }], output: null },
  ],
});
