// Table tests for DL3066 non-numeric-user.
import rule from '../../../server/src/core/rules/dockerfile/non-numeric-user';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nUSER 10001\n",
    "FROM python:3.12-slim\nUSER 10001:10001\n",
    "FROM python:3.12-slim\nARG UID\nUSER ${UID}\n",
  ],
  invalid: [
    { name: "a name", code: "FROM python:3.12-slim\nUSER app:app\n", errors: [{"text": "app:app"}] },
  ],
});
