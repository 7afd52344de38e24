// Table tests for DL3047 wget-without-progress.
import rule from '../../../server/src/core/rules/dockerfile/wget-without-progress';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nRUN wget -q https://x/y\n",
    "FROM python:3.12-slim\nRUN wget -nv https://x/y\n",
    "FROM python:3.12-slim\nRUN wget -qO- https://x/y | sh\n",
    "FROM python:3.12-slim\nRUN wget --progress=dot:giga https://x/y\n",
    "FROM python:3.12-slim\nRUN wget -o /tmp/log https://x/y\n",
  ],
  invalid: [
    { name: "adds --progress=dot:giga", code: "FROM python:3.12-slim\nRUN wget https://x/y\n", errors: [{"text": "wget"}], output: "FROM python:3.12-slim\nRUN wget --progress=dot:giga https://x/y\n", applicability: 'safe' },
    { name: "-O is not quiet", code: "FROM python:3.12-slim\nRUN wget -O /tmp/f https://x/y\n", errors: [{"text": "wget"}] },
  ],
});
