// Table tests for DL3067 copy-whole-filesystem.
import rule from '../../../server/src/core/rules/dockerfile/copy-whole-filesystem';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nCOPY --from=build /app /app\n",
    "FROM python:3.12-slim\nCOPY / /\n",
  ],
  invalid: [
    { name: "whole filesystem", code: "FROM python:3.12-slim\nCOPY --from=build \"/\" \"/\"\n", errors: [{"text": "\"/\" \"/\""}] },
  ],
});
