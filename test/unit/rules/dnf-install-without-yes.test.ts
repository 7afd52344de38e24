// Table tests for DL3038 dnf-install-without-yes.
import rule from '../../../server/src/core/rules/dockerfile/dnf-install-without-yes';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y httpd\n",
    "FROM fedora:40\nRUN microdnf --assumeyes install httpd\n",
    "FROM fedora:40\nRUN notdnf install httpd\n",
  ],
  invalid: [
    { name: "dnf", code: "FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n", errors: [{"text": "dnf install"}], output: "FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n", applicability: 'safe' },
    { name: "microdnf", code: "FROM fedora:40\nRUN microdnf install httpd\n", errors: [{"text": "microdnf install"}], output: "FROM fedora:40\nRUN microdnf install -y httpd\n" },
  ],
});
