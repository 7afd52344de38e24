// Table tests for DL3059 consecutive-run-instructions.
import rule from '../../../server/src/core/rules/dockerfile/consecutive-run-instructions';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nRUN a\nWORKDIR /\nRUN b\n",
    "FROM python:3.12-slim\nRUN a && b\nRUN c\n",
    "FROM python:3.12-slim\nRUN --mount=type=secret,id=x a\nRUN b\n",
  ],
  invalid: [
    { name: "joins with the previous RUN", code: "FROM python:3.12-slim\nRUN pip install flask\nRUN python -m compileall /app\n", errors: [{"text": "RUN", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN pip install flask && \\\n    python -m compileall /app\n", applicability: 'safe' },
    { name: "unsafe after cd", code: "FROM python:3.12-slim\nRUN cd /app\nRUN make\n", errors: [{"text": "RUN", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN cd /app && \\\n    make\n", applicability: 'unsafe' },
    { name: "comments between: reported, no fix", code: "FROM python:3.12-slim\nRUN a\n# why\nRUN b\n", errors: [{"text": "RUN", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN a\n# why\nRUN b\n" },
  ],
});
