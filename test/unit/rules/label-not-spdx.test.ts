// Table tests for DL3054 label-not-spdx.
import rule from '../../../server/src/core/rules/dockerfile/label-not-spdx';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { code: "LABEL l=\"MIT OR (Apache-2.0 AND BSD-3-Clause)\" m=\"GPL-2.0-only WITH Classpath-exception-2.0\"\n", config: {"labelSchema": {"l": "spdx", "m": "spdx"}} },
  ],
  invalid: [
    { name: "not an SPDX id", code: "LABEL l=\"Apache 2\"\n", errors: [{"text": "\"Apache 2\""}], config: {"labelSchema": {"l": "spdx"}} },
  ],
});
