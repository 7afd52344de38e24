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
    {
      name: 'under # escape=` the join continues with a backtick (a backslash would end the RUN: fuzz seed 20261203 #1303)',
      code: '# escape=`\nFROM python:3.12-slim\nRUN pip install flask\nRUN python -m compileall /app\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: '# escape=`\nFROM python:3.12-slim\nRUN pip install flask && `\n    python -m compileall /app\n',
      applicability: 'safe',
    },
    {
      name: 'CRLF file: the join keeps CRLF',
      code: 'FROM python:3.12-slim\r\nRUN pip install flask\r\nRUN python -m compileall /app\r\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: 'FROM python:3.12-slim\r\nRUN pip install flask && \\\r\n    python -m compileall /app\r\n',
    },
    {
      name: 'an empty RUN before: reported, no fix (RUN && cmd does not parse: fuzz seed 777 #1765)',
      code: 'FROM python:3.12-slim\nRUN\nRUN python -m compileall /app\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: null,
    },
    {
      name: 'a previous body ending in a comment: reported, no fix (the next command would land inside the comment)',
      code: 'FROM python:3.12-slim\nRUN pip install flask  # web framework\nRUN python -m compileall /app\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: null,
    },
  ],
});
