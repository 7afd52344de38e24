// Table tests for DL3049 label-missing.
import rule from '../../../server/src/core/rules/dockerfile/label-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "FROM a\nLABEL owner=\"x\"\n", config: {"labelSchema": {"owner": "text"}} },
    { code: "FROM a AS base\nLABEL owner=\"x\"\nFROM base\n", config: {"labelSchema": {"owner": "text"}} },
    "FROM a\n",
  ],
  invalid: [
    { name: "reports the stage at its image", code: "FROM python:3.12-slim\nRUN true\n", errors: [{"text": "python:3.12-slim"}], config: {"labelSchema": {"owner": "text"}} },
    { name: "a stage used only by COPY --from is exempt", code: "FROM a AS build\nFROM b\nCOPY --from=build /x /x\n", errors: [{"text": "b", "within": "FROM b"}], config: {"labelSchema": {"owner": "text"}} },
  ],
});
