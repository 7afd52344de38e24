// Table tests for DL3055 label-not-git-hash.
import rule from '../../../server/src/core/rules/dockerfile/label-not-git-hash';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL h=\"2dbfae9\" i=\"43c572f1272b6b3171dd1db9e41b7027128ce080\"\n", config: {"labelSchema": {"h": "hash", "i": "hash"}} },
  ],
  invalid: [
    { name: "a branch name", code: "LABEL h=\"main\"\n", errors: [{"text": "\"main\""}], config: {"labelSchema": {"h": "hash"}} },
  ],
});
