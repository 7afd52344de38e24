// Table tests for DL3035 zypper-dist-upgrade.
import rule from '../../../server/src/core/rules/dockerfile/zypper-dist-upgrade';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n update\n",
  ],
  invalid: [
    { name: "dist-upgrade", code: "FROM opensuse/leap:15.6\nRUN zypper -n dist-upgrade\n", errors: [{"text": "zypper -n dist-upgrade"}] },
    { name: "dup", code: "FROM opensuse/leap:15.6\nRUN zypper dup\n", errors: [{"text": "zypper dup"}] },
  ],
});
