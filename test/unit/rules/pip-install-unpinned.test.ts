// Table tests for DL3013 pip-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/pip-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.3\n',
    'FROM python:3.12\nRUN pip install -r requirements.txt\n',
    'FROM python:3.12\nRUN pip install .\n',
    "FROM python:3.12\nRUN pip install 'django>=4.2,<5'\n",
    'FROM python:3.12\nRUN pip install git+https://github.com/org/repo.git@v1.2#egg=repo\n',
    { name: 'a constraints file pins', code: 'FROM python:3.12\nRUN pip install -c constraints.txt flask\n' },
    { name: 'option values are not packages', code: 'FROM python:3.12\nRUN pip install --index-url https://mirror/simple --root-user-action ignore flask==3.0\n' },
    'FROM python:3.12\nRUN pip install ./dist/app-1.0-py3-none-any.whl\n',
  ],
  invalid: [
    { code: 'FROM python:3.12\nRUN pip install flask\n', errors: [{ text: 'flask', message: 'Package `flask` is not pinned' }], output: null },
    { name: 'python -m pip', code: 'FROM python:3.12\nRUN python3 -m pip install gunicorn requests==2.32.3\n', errors: [{ text: 'gunicorn' }] },
    { name: 'a VCS URL without a ref', code: 'FROM python:3.12\nRUN pip install git+ssh://git@github.com/org/repo.git\n', errors: [{ text: 'git+ssh://git@github.com/org/repo.git' }] },
    { name: 'pipx', code: 'FROM python:3.12\nRUN pipx install black\n', errors: [{ text: 'black' }] },
  ],
});
