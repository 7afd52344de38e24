// Table tests for DL4004 multiple-entrypoint.
import rule from '../../../server/src/core/rules/dockerfile/multiple-entrypoint';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nENTRYPOINT a\nFROM b\nENTRYPOINT c\n",
  ],
  invalid: [
    { name: "removes the earlier ENTRYPOINT", code: "FROM python:3.12-slim\nENTRYPOINT [\"a\"]\nENTRYPOINT [\"b\"]\n", errors: [{"text": "ENTRYPOINT", "occurrence": 1}], output: "FROM python:3.12-slim\nENTRYPOINT [\"b\"]\n", applicability: 'safe' },
  ],
});
