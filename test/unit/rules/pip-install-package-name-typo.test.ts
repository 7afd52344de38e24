// Table tests for LW022 pip-install-package-name-typo (the typosquatting guard over pip install lines).
import rule from '../../../server/src/core/rules/dockerfile/pip-install-package-name-typo';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests==2.32.3 djangorestframework boto jwt\n',
    { name: 'requirements files, paths and variables are not judged here', code: 'FROM python:3.12-slim\nARG PKG=reqeusts\nRUN pip install --no-cache-dir -r requirements.txt ./reqeusts "$PKG"\n' },
    { name: 'apt packages are not PyPI names', code: 'FROM python:3.12-slim\nRUN apt-get install -y reqeusts\n' },
  ],
  invalid: [
    {
      name: 'a pinned misspelling is reported at its name only',
      code: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir reqeusts==2.32.3\n',
      errors: [{ text: 'reqeusts', message: '`reqeusts` is not a known package: did you mean `requests`?' }],
      output: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests==2.32.3\n',
      applicability: 'unsafe',
    },
    {
      name: 'a quoted spec with extras, through python -m pip',
      code: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir "djangorestframwork[markdown]>=3.15"\n',
      errors: [{ text: 'djangorestframwork', message: '`djangorestframework`' }],
      output: 'FROM python:3.12-slim\nRUN python -m pip install --no-cache-dir "djangorestframework[markdown]>=3.15"\n',
    },
  ],
});
