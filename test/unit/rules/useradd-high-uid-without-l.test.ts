// Table tests for DL3046 useradd-high-uid-without-l.
import rule from '../../../server/src/core/rules/dockerfile/useradd-high-uid-without-l';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nRUN useradd -u 12345 app\n",
    "FROM python:3.12-slim\nRUN useradd -l -u 123456 app\n",
    "FROM python:3.12-slim\nRUN useradd --no-log-init --uid=123456 app\n",
  ],
  invalid: [
    { name: "adds -l", code: "FROM python:3.12-slim\nRUN useradd -u 123456 app\n", errors: [{"text": "useradd"}], output: "FROM python:3.12-slim\nRUN useradd -l -u 123456 app\n", applicability: 'safe' },
  ],
});
