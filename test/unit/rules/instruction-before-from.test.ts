// Table tests for DL3061 instruction-before-from.
import rule from '../../../server/src/core/rules/dockerfile/instruction-before-from';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "ARG V=1\nFROM python:${V}\n",
    "# syntax=docker/dockerfile:1\nFROM a\n",
  ],
  invalid: [
    { name: "LABEL before FROM", code: "LABEL a=b\nFROM x\n", errors: [{"text": "LABEL"}] },
  ],
});
