// Table tests for DL3037 zypper-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/zypper-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install tomcat=9.0.39 \"b>=1.0\" c\\<2 d-1.0-1.rpm\n",
  ],
  invalid: [
    { name: "reports the unpinned package", code: "FROM opensuse/leap:15.6\nRUN zypper -n install tomcat nginx=1.25\n", errors: [{"text": "tomcat"}] },
  ],
});
