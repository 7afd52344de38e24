// Table tests for DL3058 label-not-email.
import rule from '../../../server/src/core/rules/dockerfile/label-not-email';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL m=\"jane.doe+ops@example.co.uk\"\n", config: {"labelSchema": {"m": "email"}} },
  ],
  invalid: [
    { name: "a name", code: "LABEL m=\"Jane Doe\"\n", errors: [{"text": "\"Jane Doe\""}], config: {"labelSchema": {"m": "email"}} },
  ],
});
