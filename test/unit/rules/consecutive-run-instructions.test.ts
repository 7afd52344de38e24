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
    {
      name: 'no join after a body that ends in an operator: `echo a ; && echo b` does not parse',
      code: 'FROM debian:12\nRUN echo a ;\nRUN echo b\nRUN sleep 1 &\nRUN echo c\n',
      errors: [{ text: 'RUN', occurrence: 1 }, { text: 'RUN', occurrence: 2 }, { text: 'RUN', occurrence: 3 }],
      output: null,
    },
    {
      name: 'no fix joins a dependency install with an application step (it would re-run on every dependency change)',
      code: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install -r requirements.txt\nRUN python manage.py collectstatic --noinput\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: null,
    },
    {
      name: 'system packages and the dependency install may share a layer',
      code: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libpq5\nRUN pip install --no-cache-dir psycopg2\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: 'FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends libpq5 && \\\n    pip install --no-cache-dir psycopg2\n',
      applicability: 'safe',
    },
    { name: "joins with the previous RUN", code: "FROM python:3.12-slim\nRUN mkdir -p /app/data\nRUN chown 1000 /app/data\n", errors: [{"text": "RUN", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN mkdir -p /app/data && \\\n    chown 1000 /app/data\n", applicability: 'safe' },
    { name: "unsafe after cd", code: "FROM python:3.12-slim\nRUN cd /app\nRUN make\n", errors: [{"text": "RUN", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN cd /app && \\\n    make\n", applicability: 'unsafe' },
    { name: "comments between: reported, no fix", code: "FROM python:3.12-slim\nRUN a\n# why\nRUN b\n", errors: [{"text": "RUN", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN a\n# why\nRUN b\n" },
    {
      name: 'under # escape=` the join continues with a backtick (a backslash would end the RUN: fuzz seed 20261203 #1303)',
      code: '# escape=`\nFROM python:3.12-slim\nRUN mkdir -p /app/data\nRUN chown 1000 /app/data\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: '# escape=`\nFROM python:3.12-slim\nRUN mkdir -p /app/data && `\n    chown 1000 /app/data\n',
      applicability: 'safe',
    },
    {
      name: 'CRLF file: the join keeps CRLF',
      code: 'FROM python:3.12-slim\r\nRUN mkdir -p /app/data\r\nRUN chown 1000 /app/data\r\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: 'FROM python:3.12-slim\r\nRUN mkdir -p /app/data && \\\r\n    chown 1000 /app/data\r\n',
    },
    {
      name: 'an empty RUN before: reported, no fix (RUN && cmd does not parse: fuzz seed 777 #1765)',
      code: 'FROM python:3.12-slim\nRUN\nRUN chown 1000 /app/data\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: null,
    },
    {
      name: 'a previous body ending in a comment: reported, no fix (the next command would land inside the comment)',
      code: 'FROM python:3.12-slim\nRUN mkdir -p /app/data  # web framework\nRUN chown 1000 /app/data\n',
      errors: [{ text: 'RUN', occurrence: 1 }],
      output: null,
    },
  ],
});
