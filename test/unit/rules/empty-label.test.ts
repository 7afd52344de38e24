// Table tests for DL3051 empty-label.
import rule from '../../../server/src/core/rules/dockerfile/empty-label';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL owner=\"x\" other=\"\"\n", config: {"labelSchema": {"owner": "text"}} },
  ],
  invalid: [
    { name: "empty required label", code: "FROM a\nLABEL owner=\"\"\n", errors: [{"text": "\"\""}], config: {"labelSchema": {"owner": "text"}} },
  ],
});
