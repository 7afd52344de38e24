// Table tests for DL3063 reserved-stage-name.
import rule from '../../../server/src/core/rules/dockerfile/reserved-stage-name';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM a AS builder\n",
  ],
  invalid: [
    { name: "scratch", code: "FROM a AS Scratch\n", errors: [{"text": "Scratch"}] },
  ],
});
