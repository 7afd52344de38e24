// Table tests for LW017 poetry-install-without-no-root.
import rule from '../../../server/src/core/rules/dockerfile/poetry-install-without-no-root';
import { ruleTester } from '../../helpers/rule-tester';

const HEAD = 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==2.1.3\nWORKDIR /app\n';
const PACKAGELESS = '[tool.poetry]\nname = "svc"\nversion = "0.1.0"\npackage-mode = false\n\n[tool.poetry.dependencies]\npython = "^3.12"\n';
const PACKAGE = '[tool.poetry]\nname = "svc"\nversion = "0.1.0"\n\n[tool.poetry.dependencies]\npython = "^3.12"\n';

ruleTester(rule, {
  valid: [
    { name: '--no-root', code: `${HEAD}COPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\nCOPY . .\n` },
    { name: '--only main --no-root', code: `${HEAD}COPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root --no-interaction\nCOPY . .\n` },
    { name: 'the whole context copied first', code: `${HEAD}COPY . .\nRUN poetry install --only main\n` },
    { name: 'the source folder copied first', code: `${HEAD}COPY pyproject.toml poetry.lock ./\nCOPY src/ ./src/\nRUN poetry install\n` },
    { name: 'the package copied with the manifests', code: `${HEAD}COPY pyproject.toml poetry.lock README.md svc ./\nRUN poetry install\n` },
    { name: 'package-mode = false in the copied pyproject.toml', code: `${HEAD}COPY pyproject.toml poetry.lock ./\nRUN poetry install --only main\n`, files: { 'pyproject.toml': PACKAGELESS } },
    { name: 'a folder copied from another stage', code: `FROM python:3.12 AS src\nWORKDIR /app\nCOPY . .\n${HEAD}COPY --from=src /app /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install\n` },
    { name: 'a clone into the folder', code: `${HEAD}RUN git clone https://example.com/svc.git /app\nRUN poetry install\n` },
    { name: 'no pyproject.toml copied into the folder: another problem', code: `${HEAD}COPY pyproject.toml /tmp/\nRUN poetry install\n` },
    { name: 'the project folder named with -C holds the source', code: 'FROM python:3.12-slim\nCOPY . /src\nRUN poetry -C /src install\n' },
    { name: 'inherited from a stage that copied the source', code: 'FROM python:3.12-slim AS base\nWORKDIR /app\nCOPY . .\nFROM base\nRUN poetry install\n' },
  ],
  invalid: [
    {
      name: 'only pyproject.toml and poetry.lock copied, the source after',
      code: `${HEAD}COPY pyproject.toml poetry.lock ./\nRUN poetry install --only main\nCOPY . .\n`,
      errors: [{ text: 'poetry install', message: '`poetry install` also installs the project itself, but /app holds only `pyproject.toml` and `poetry.lock` so far' }],
      output: `${HEAD}COPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root --only main\nCOPY . .\n`,
      applicability: 'unsafe',
    },
    {
      name: 'poetry config earlier in the same RUN, absolute destination',
      code: 'FROM python:3.11-slim\nRUN pip install poetry\nCOPY pyproject.toml poetry.lock /srv/app/\nWORKDIR /srv/app\nRUN poetry config virtualenvs.create false && poetry install --no-interaction --no-ansi\nCOPY . /srv/app\n',
      errors: [{ text: 'poetry install', message: '/srv/app holds only' }],
      output: 'FROM python:3.11-slim\nRUN pip install poetry\nCOPY pyproject.toml poetry.lock /srv/app/\nWORKDIR /srv/app\nRUN poetry config virtualenvs.create false && poetry install --no-root --no-interaction --no-ansi\nCOPY . /srv/app\n',
    },
    {
      name: 'a pyproject.toml in package mode',
      code: `${HEAD}COPY pyproject.toml poetry.lock README.md ./\nRUN poetry install\nCOPY svc ./svc\n`,
      files: { 'pyproject.toml': PACKAGE },
      errors: [{ text: 'poetry install', message: '`pyproject.toml`, `poetry.lock` and `README.md`' }],
      output: `${HEAD}COPY pyproject.toml poetry.lock README.md ./\nRUN poetry install --no-root\nCOPY svc ./svc\n`,
    },
    {
      name: '--only-root also needs the source',
      code: `${HEAD}COPY pyproject.toml ./\nRUN poetry install --only-root\n`,
      errors: [{ text: 'poetry install', message: '`pyproject.toml` so far' }],
      output: `${HEAD}COPY pyproject.toml ./\nRUN poetry install --no-root --only-root\n`,
    },
    {
      name: 'the poetry installer run from curl in the project folder is no source',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nRUN curl -sSL https://install.python-poetry.org | python3 -\nCOPY pyproject.toml poetry.lock ./\nRUN --mount=type=cache,target=/root/.cache poetry install --only main\n',
      errors: [{ text: 'poetry install' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nRUN curl -sSL https://install.python-poetry.org | python3 -\nCOPY pyproject.toml poetry.lock ./\nRUN --mount=type=cache,target=/root/.cache poetry install --no-root --only main\n',
    },
    {
      name: 'a venv made inside the project folder is no source',
      code: `${HEAD}RUN python -m venv /app/.venv\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install\n`,
      errors: [{ text: 'poetry install' }],
      output: `${HEAD}RUN python -m venv /app/.venv\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --no-root\n`,
    },
  ],
});
