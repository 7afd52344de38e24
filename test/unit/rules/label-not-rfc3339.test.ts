// Table tests for DL3053 label-not-rfc3339.
import rule from '../../../server/src/core/rules/dockerfile/label-not-rfc3339';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL d=\"2021-03-10T10:26:33.5+01:00\"\n", config: {"labelSchema": {"d": "rfc3339"}} },
  ],
  invalid: [
    { name: "a date only", code: "LABEL d=\"2021-03-10\"\n", errors: [{"text": "\"2021-03-10\""}], config: {"labelSchema": {"d": "rfc3339"}} },
  ],
});
