// Table tests for LW052 builder-final-abi-mismatch.
import rule from '../../../server/src/core/rules/dockerfile/builder-final-abi-mismatch';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-slim\nCOPY --from=b /opt/venv /opt/venv\n',
    { name: 'accepts alpine to alpine', code: 'FROM python:3.12-alpine AS b\nRUN pip install --prefix=/install flask\nFROM python:3.12-alpine\nCOPY --from=b /install /usr/local\n' },
    { name: 'ignores copies of non-Python files', code: 'FROM golang:1.22 AS b\nRUN go build -o /app .\nFROM python:3.12-alpine\nCOPY --from=b /app /app\n' },
  ],
  invalid: [
    {
      code: 'FROM python:3.12 AS b\nRUN python -m venv /opt/venv\nFROM python:3.12-alpine\nCOPY --from=b /opt/venv /opt/venv\n',
      errors: [{ text: 'b', within: '--from=b', message: '(glibc) are copied into `python:3.12-alpine` (musl)' }],
      output: null,
    },
    {
      name: 'a different Python minor',
      code: 'FROM python:3.11-slim AS b\nRUN pip install --user flask\nFROM python:3.12-slim\nCOPY --from=b /root/.local /root/.local\n',
      errors: [{ text: 'b', within: '--from=b', message: 'Packages built for Python 3.11' }],
    },
  ],
});
