// Table tests for LW107 unpinned-requirement-in-image.
import rule from '../../../server/src/core/rules/requirements/unpinned-requirement-in-image';
import { requirementsRuleTester } from '../../helpers/rule-tester';

const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';

requirementsRuleTester(rule, {
  valid: [
    { name: 'a file no Dockerfile installs is left alone', code: 'flask>=3.0\ngunicorn\n' },
    { code: 'flask==3.0.3\ngunicorn===23.0.0\n', files: { Dockerfile: DF } },
    { name: 'a Dockerfile that installs another file', code: 'flask\n', files: { Dockerfile: DF.replace(/requirements\.txt/g, 'requirements-prod.txt'), 'requirements-prod.txt': 'flask==3.0.3\n' } },
    { name: 'pins from a constraints file given to the same pip install', code: 'flask\n', files: { Dockerfile: 'FROM python:3.12-slim\nCOPY requirements.txt constraints.txt /app/\nRUN pip install --no-cache-dir -r /app/requirements.txt -c /app/constraints.txt\n', 'constraints.txt': 'flask==3.0.3\n' } },
    { name: 'a Dockerfile in docker/ built from its own folder does not read this file', code: 'flask\n', files: { 'docker/Dockerfile': 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' } },
    { name: 'URLs and local paths are not version-pinned', code: './libs/mylib\nmypkg @ git+https://github.com/me/mypkg@v1.0\n', files: { Dockerfile: DF } },
  ],
  invalid: [
    {
      name: 'no version and a lower bound, in a file COPY brings in',
      code: 'flask>=3.0\ngunicorn\n',
      files: { Dockerfile: DF },
      errors: [{ text: '>=3.0', message: '`flask>=3.0` admits more than one release: `Dockerfile` installs this file' }, { text: 'gunicorn', message: '`gunicorn` has no version' }],
    },
    {
      name: 'a wildcard pin admits several releases',
      code: 'numpy==2.*\n',
      files: { Dockerfile: DF },
      errors: [{ text: '==2.*' }],
    },
    {
      name: 'found through COPY . . and a Dockerfile one folder up',
      path: 'app/requirements.txt',
      code: 'flask\n',
      files: { Dockerfile: 'FROM python:3.12-slim\nWORKDIR /src\nCOPY . .\nRUN pip install --no-cache-dir -r app/requirements.txt\n' },
      errors: [{ text: 'flask', message: '`../Dockerfile`' }],
    },
    {
      name: 'found through a bind mount',
      code: 'flask\n',
      files: { Dockerfile: 'FROM python:3.12-slim\nRUN --mount=type=bind,source=requirements.txt,target=/tmp/requirements.txt pip install -r /tmp/requirements.txt\n' },
      errors: [{ text: 'flask' }],
    },
    {
      name: 'found through an include of the file the Dockerfile installs',
      path: 'requirements/base.txt',
      code: 'flask\n',
      files: { Dockerfile: 'FROM python:3.12-slim\nCOPY requirements/ /reqs/\nRUN pip install -r /reqs/prod.txt\n', 'requirements/prod.txt': '-r base.txt\ngunicorn==23.0.0\n' },
      errors: [{ text: 'flask' }],
    },
    {
      name: 'the build context comes from the configuration',
      path: 'requirements.txt',
      code: 'flask\n',
      config: { context: '..' },
      files: { 'docker/Dockerfile': 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n' },
      errors: [{ text: 'flask', message: '`docker/Dockerfile` installs this file' }],
    },
  ],
});
