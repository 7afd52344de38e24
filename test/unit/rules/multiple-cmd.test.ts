// Table tests for DL4003 multiple-cmd.
import rule from '../../../server/src/core/rules/dockerfile/multiple-cmd';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nCMD a\nFROM b\nCMD c\n",
  ],
  invalid: [
    { name: "removes the earlier CMD", code: "FROM python:3.12-slim\nCMD [\"a\"]\nRUN x\nCMD [\"b\"]\n", errors: [{"text": "CMD", "occurrence": 1}], output: "FROM python:3.12-slim\nRUN x\nCMD [\"b\"]\n", applicability: 'safe' },
  ],
});
