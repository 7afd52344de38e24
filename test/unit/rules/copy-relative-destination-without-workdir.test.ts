// Table tests for DL3045 copy-relative-destination-without-workdir.
import rule from '../../../server/src/core/rules/dockerfile/copy-relative-destination-without-workdir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nCOPY a /app/a\n",
    "FROM python:3.12-slim\nWORKDIR /app\nCOPY a a\n",
    "FROM python:3.12-slim\nCOPY a $DEST\n",
    "FROM python:3.12 AS base\nWORKDIR /app\nFROM base\nCOPY a a\n",
    "FROM windows AS w\nCOPY a c:\\app\\a\n",
  ],
  invalid: [
    { name: "relative destination", code: "FROM python:3.12-slim\nCOPY app.py app.py\n", errors: [{"text": "app.py", "occurrence": 1}] },
    { name: "WORKDIR of an unrelated stage does not count", code: "FROM python:3.12 AS a\nWORKDIR /app\nFROM python:3.12\nCOPY . .\n", errors: [{"text": ".", "within": "COPY . .", "occurrence": 1}] },
  ],
});
