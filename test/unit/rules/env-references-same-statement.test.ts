// Table tests for DL3044 env-references-same-statement.
import rule from '../../../server/src/core/rules/dockerfile/env-references-same-statement';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nENV A=1\nENV B=${A}/x\n",
    "FROM python:3.12-slim\nENV PATH=/x:${PATH}\n",
    "FROM python:3.12-slim\nENV A=1 B=$AB\n",
    "FROM python:3.12-slim\nARG A\nENV A=${A}\n",
  ],
  invalid: [
    { name: "splits the ENV (unsafe)", code: "FROM python:3.12-slim\nENV A=/srv B=${A}/data\n", errors: [{"text": "${A}"}], output: "FROM python:3.12-slim\nENV A=/srv\nENV B=${A}/data\n", applicability: 'unsafe' },
    { name: "the same name set twice", code: "FROM python:3.12-slim\nENV PATH=/a:$PATH PATH=/b:$PATH\n", errors: [{"text": "$PATH", "within": "PATH=/b:$PATH"}] },
  ],
});
