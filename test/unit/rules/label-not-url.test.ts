// Table tests for DL3052 label-not-url.
import rule from '../../../server/src/core/rules/dockerfile/label-not-url';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL src=\"https://example.com/x\"\n", config: {"labelSchema": {"src": "url"}} },
  ],
  invalid: [
    { name: "not a url", code: "LABEL src=\"example.com\"\n", errors: [{"text": "\"example.com\""}], config: {"labelSchema": {"src": "url"}} },
  ],
});
