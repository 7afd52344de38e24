// Table tests for DL3057 healthcheck-missing.
import rule from '../../../server/src/core/rules/dockerfile/healthcheck-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "FROM a\nHEALTHCHECK NONE\n", config: {"rules": {"DL3057": "info"}} },
    { code: "FROM a AS base\nHEALTHCHECK CMD true\nFROM base\n", config: {"rules": {"DL3057": "info"}} },
    "FROM a\n",
  ],
  invalid: [
    { name: "reports the image without a health check", code: "FROM a AS base\nHEALTHCHECK CMD true\nFROM b\n", errors: [{"text": "b", "within": "FROM b"}], config: {"rules": {"DL3057": "info"}} },
    { name: "a builder used only by COPY --from is exempt", code: "FROM a AS build\nFROM b\nCOPY --from=build /x /x\n", errors: [{"text": "b", "within": "FROM b"}], config: {"rules": {"DL3057": "info"}} },
  ],
});
