// Table tests for DL3043 onbuild-trigger-not-allowed.
import rule from '../../../server/src/core/rules/dockerfile/onbuild-trigger-not-allowed';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM python:3.12-slim\nONBUILD RUN echo hi\n",
    "FROM python:3.12-slim\nONBUILD COPY . /app\n",
  ],
  invalid: [
    { name: "ONBUILD FROM", code: "FROM python:3.12-slim\nONBUILD FROM debian\n", errors: [{"text": "FROM", "occurrence": 1}] },
    { name: "ONBUILD ONBUILD", code: "FROM python:3.12-slim\nONBUILD ONBUILD RUN x\n", errors: [{"text": "ONBUILD", "occurrence": 1}] },
    { name: "ONBUILD MAINTAINER", code: "FROM python:3.12-slim\nONBUILD MAINTAINER me\n", errors: [{"text": "MAINTAINER"}] },
  ],
});
