// Table tests for DL3064 sensitive-arg-or-env.
import rule from '../../../server/src/core/rules/dockerfile/sensitive-arg-or-env';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nARG VERSION\nENV HOME_DIR=/srv\n",
  ],
  invalid: [
    { name: "known names and suspicious words", code: "FROM python:3.12-slim\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x\n", errors: [{"text": "GITHUB_TOKEN"}, {"text": "DB_PASSWORD"}] },
  ],
});
