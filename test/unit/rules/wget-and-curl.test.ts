// Table tests for DL4001 wget-and-curl.
import rule from '../../../server/src/core/rules/dockerfile/wget-and-curl';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nRUN wget a\nFROM b\nRUN curl c\n",
  ],
  invalid: [
    { name: "reports the RUN that adds the second tool", code: "FROM python:3.12-slim\nRUN wget -q a\nRUN curl -fsS b\nRUN echo\n", errors: [{"text": "curl"}] },
    { name: "both in one RUN", code: "FROM python:3.12-slim\nRUN wget -q a && curl b\n", errors: [{"text": "wget"}] },
  ],
});
