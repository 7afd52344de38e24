// Table tests for DL3056 label-not-semver.
import rule from '../../../server/src/core/rules/dockerfile/label-not-semver';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL v=\"1.0.0-rc.1+build.5\"\n", config: {"labelSchema": {"v": "semver"}} },
  ],
  invalid: [
    { name: "two components", code: "LABEL v=\"1.2\"\n", errors: [{"text": "\"1.2\""}], config: {"labelSchema": {"v": "semver"}} },
  ],
});
