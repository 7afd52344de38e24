// Table tests for LW001 copy-context-before-dependency-install.
import rule from '../../../server/src/core/rules/dockerfile/copy-context-before-dependency-install';
import { ruleTester } from '../../helpers/rule-tester';

const REQS = { 'requirements.txt': 'flask==3.1.2\n' };

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\n',
    { name: 'copying the context with no install after it', code: 'FROM python:3.12-slim\nCOPY . .\nCMD ["python", "app.py"]\n' },
    { name: 'COPY --from another stage is not the build context', code: 'FROM python:3.12 AS b\nFROM python:3.12-slim\nCOPY --from=b . .\nRUN pip install -r requirements.txt\n' },
    { name: 'an install of named packages needs no context', code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir gunicorn\n' },
    {
      name: 'dependencies installed before the code, the project after it (uv\'s documented layout)',
      code: 'FROM python:3.12-slim\nRUN --mount=type=bind,source=uv.lock,target=uv.lock --mount=type=bind,source=pyproject.toml,target=pyproject.toml uv sync --frozen --no-install-project\nADD . /app\nRUN uv sync --frozen\n',
    },
    {
      name: 'requirements installed first, then the project itself',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nRUN pip install --no-cache-dir --no-deps .\n',
    },
  ],
  invalid: [
    {
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
      files: REQS,
      errors: [{ text: '.', within: 'COPY . .', message: '`COPY . .` copies the whole build context before `pip install -r requirements.txt`' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
      applicability: 'safe',
    },
    {
      name: 'comments above the install move with it',
      code: 'FROM python:3.12-slim\nCOPY . /app\n# deps\nRUN pip install -r /app/requirements.txt\n',
      errors: [{ text: '.', within: 'COPY . /app' }],
      output: null,
    },
    {
      name: 'a requirements file in a subfolder is copied to the same relative path',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n# deps\nRUN pip install -r requirements/base.txt\n',
      files: { 'requirements/base.txt': 'flask\n' },
      errors: [{ text: '.', within: 'COPY . .' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements/base.txt requirements/base.txt\n# deps\nRUN pip install -r requirements/base.txt\nCOPY . .\n',
    },
    {
      name: 'no fix when the requirements file installs the project itself: `-e .` needs the code the move would leave behind',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n',
      files: { 'requirements.txt': '-e .\nflask\n' },
      errors: [{ text: '.', within: 'COPY . .' }],
      output: null,
    },
    {
      name: 'the files a requirements file includes travel with it (-r base.txt beside prod.txt, -c at the root), and the fix is safe',
      code: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements/prod.txt\nRUN python manage.py collectstatic --noinput\n',
      files: { 'requirements/prod.txt': '-r base.txt\n-c ../constraints.txt\ngunicorn==23.0.0\n', 'requirements/base.txt': 'Django==4.2.11\n', 'constraints.txt': 'sqlparse<0.6\n' },
      errors: [{ text: '.', within: 'COPY . .' }],
      output:
        'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements/prod.txt requirements/prod.txt\nCOPY requirements/base.txt requirements/base.txt\nCOPY constraints.txt .\nRUN pip install -r requirements/prod.txt\nCOPY . .\nRUN python manage.py collectstatic --noinput\n',
      applicability: 'safe',
    },
    {
      name: 'no fix when a requirements file cannot be read: what it includes cannot be known',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n',
      files: {},
      errors: [{ text: '.', within: 'COPY . .' }],
      output: null,
    },
    {
      name: 'no fix when an include leaves the build context',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install -r requirements.txt\n',
      files: { 'requirements.txt': '-r ../shared/base.txt\n' },
      errors: [{ text: '.', within: 'COPY . .' }],
      output: null,
    },
    {
      name: 'pip install . needs the project, so no automatic fix',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN pip install --no-cache-dir .\n',
      errors: [{ text: '.', within: 'COPY . .', message: '`pip install .`' }],
      output: null,
    },
    {
      name: 'poetry install: the manifests first, dependencies without the project, the project after the code',
      code: 'FROM python:3.12-slim\nWORKDIR /src\nADD . /src\nRUN poetry config virtualenvs.create false && poetry install --only main\n',
      files: { 'pyproject.toml': '[tool.poetry]\nname = "app"\n', 'poetry.lock': '' },
      errors: [{ text: '.', within: 'ADD . /src', message: '`poetry install`' }],
      output:
        'FROM python:3.12-slim\nWORKDIR /src\nCOPY pyproject.toml poetry.lock /src/\nRUN poetry config virtualenvs.create false && poetry install --no-root --only main\nADD . /src\nRUN poetry config virtualenvs.create false && poetry install --only main\n',
      applicability: 'safe',
    },
    {
      name: 'poetry with a path dependency is unsafe',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry install\n',
      files: { 'pyproject.toml': '[tool.poetry.dependencies]\nlib = { path = "../lib" }\n' },
      errors: [{ text: '.', within: 'COPY . .' }],
      output: 'FROM python:3.12-slim\nCOPY pyproject.toml .\nRUN poetry install --no-root\nCOPY . .\nRUN poetry install\n',
      applicability: 'unsafe',
    },
    {
      name: 'uv sync gets --no-install-project before the code',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN uv sync --frozen --no-cache\n',
      files: { 'pyproject.toml': '[project]\nname = "app"\n', 'uv.lock': 'version = 1\n' },
      errors: [{ text: '.', within: 'COPY . .', message: '`uv sync`' }],
      output: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --no-install-project --frozen --no-cache\nCOPY . .\nRUN uv sync --frozen --no-cache\n',
      applicability: 'safe',
    },
    {
      name: 'a uv workspace needs its members: unsafe',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN uv sync\n',
      files: { 'pyproject.toml': '[tool.uv.workspace]\nmembers = ["libs/*"]\n' },
      errors: [{ text: '.', within: 'COPY . .' }],
      applicability: 'unsafe',
    },
    {
      name: 'pipenv moves after a copy of the Pipfile',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN pipenv install --system --deploy\nCMD ["python", "app.py"]\n',
      files: { Pipfile: '[packages]\nflask = "*"\n', 'Pipfile.lock': '{}' },
      errors: [{ text: '.', within: 'COPY . .', message: '`pipenv install`' }],
      output: 'FROM python:3.12-slim\nCOPY Pipfile Pipfile.lock ./\nRUN pipenv install --system --deploy\nCOPY . .\nCMD ["python", "app.py"]\n',
      applicability: 'safe',
    },
    {
      name: 'unreadable manifests make the tool fix unsafe',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry install --no-root\n',
      errors: [{ text: '.', within: 'COPY . .' }],
      output: 'FROM python:3.12-slim\nCOPY pyproject.toml .\nRUN poetry install --no-root\nCOPY . .\n',
      applicability: 'unsafe',
    },
    {
      name: 'a RUN that does more than install gets no fix',
      code: 'FROM python:3.12-slim\nCOPY . .\nRUN poetry install && python manage.py collectstatic\n',
      files: { 'pyproject.toml': '' },
      errors: [{ text: '.', within: 'COPY . .' }],
      output: null,
    },
    {
      name: 'an existing manifest copy is reused: only the install moves',
      code: 'FROM python:3.12-slim\nCOPY requirements.txt .\nCOPY . .\nRUN pip install -r requirements.txt\n',
      files: REQS,
      errors: [{ text: '.', within: 'COPY . .' }],
      output: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    },
  ],
});
