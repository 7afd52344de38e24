// Table tests for LW015 unquoted-requirement-redirect.
import rule from '../../../server/src/core/rules/dockerfile/unquoted-requirement-redirect';
import { ruleTester } from '../../helpers/rule-tester';

const F = 'FROM python:3.12-slim\n';

ruleTester(rule, {
  valid: [
    `${F}RUN pip install --no-cache-dir 'flask>=2.0'\n`,
    `${F}RUN pip install --no-cache-dir "flask>=2.0" "b<3"\n`,
    `${F}RUN pip install --no-cache-dir flask\\>=2.0\n`,
    `${F}RUN pip install --no-cache-dir flask==2.0\n`,
    { name: 'exec form: no shell', code: `${F}RUN ["pip", "install", "--no-cache-dir", "flask>=2.0"]\n` },
    { name: 'output to /dev/null', code: `${F}RUN pip install --no-cache-dir flask>/dev/null\n` },
    { name: 'descriptor duplication', code: `${F}RUN pip install --no-cache-dir flask==2.0 2>&1\n` },
    { name: 'a log file after a space', code: `${F}RUN pip install --no-cache-dir flask==2.0 > log.txt\n` },
    { name: 'a redirection after a space, even to a version-like name', code: `${F}RUN pip install --no-cache-dir flask >2.log\n` },
    { name: 'a log file right after the name', code: `${F}RUN pip install --no-cache-dir flask>install.log\n` },
    { name: 'not an install', code: `${F}RUN python -c 'print(1)' x>1\n` },
    { name: 'pip freeze into a file', code: `${F}RUN pip freeze>requirements.lock\n` },
  ],
  invalid: [
    {
      name: 'pip install pkg>=2.0 (the fix quotes it, unsafe)',
      code: `${F}RUN pip install --no-cache-dir flask>=2.0\n`,
      errors: [{ text: '>=2.0', messageId: 'writes', message: 'writes a file named `=2.0`' }],
      output: `${F}RUN pip install --no-cache-dir 'flask>=2.0'\n`,
      applicability: 'unsafe',
    },
    {
      name: 'a quoted requirement then an unquoted b<3',
      code: `${F}RUN pip install --no-cache-dir "a" b<3 && python -c 'import b'\n`,
      errors: [{ text: '<3', messageId: 'reads', message: 'a file named `3`' }],
      output: `${F}RUN pip install --no-cache-dir "a" 'b<3' && python -c 'import b'\n`,
    },
    {
      name: 'uv pip install x>1',
      code: `${F}RUN uv pip install --system --no-cache x>1\n`,
      errors: [{ text: '>1', messageId: 'writes' }],
      output: `${F}RUN uv pip install --system --no-cache 'x>1'\n`,
    },
    {
      name: "pip3 install 'x' y>=1 with a package after it",
      code: `${F}RUN pip3 install --no-cache-dir 'x' y>=1 gunicorn==22.0.0\n`,
      errors: [{ text: '>=1', messageId: 'writes' }],
      output: `${F}RUN pip3 install --no-cache-dir 'x' 'y>=1' gunicorn==22.0.0\n`,
    },
    {
      name: 'a range written without quotes is one finding over the whole specifier',
      code: `${F}RUN python -m pip install --no-cache-dir "django>=4.2,<5"  numpy>=1.26,<2\n`,
      errors: [{ text: '>=1.26,<2', messageId: 'writes' }],
      output: `${F}RUN python -m pip install --no-cache-dir "django>=4.2,<5"  'numpy>=1.26,<2'\n`,
    },
    {
      name: 'extras and <=',
      code: `${F}RUN pip install --no-cache-dir uvicorn[standard]<=0.30 \\\n    fastapi\n`,
      errors: [{ text: '<=0.30', messageId: 'reads' }],
      output: `${F}RUN pip install --no-cache-dir 'uvicorn[standard]<=0.30' \\\n    fastapi\n`,
    },
    {
      name: 'inside a heredoc RUN',
      code: `${F}RUN <<EOF\nset -e\npip install --no-cache-dir requests>=2.31\nEOF\n`,
      errors: [{ text: '>=2.31', messageId: 'writes' }],
      output: `${F}RUN <<EOF\nset -e\npip install --no-cache-dir 'requests>=2.31'\nEOF\n`,
    },
    {
      name: 'two requirements, two findings',
      code: `${F}RUN pip install --no-cache-dir a>1 b<2\n`,
      errors: [{ text: '>1', messageId: 'writes' }, { text: '<2', messageId: 'reads' }],
    },
  ],
});
