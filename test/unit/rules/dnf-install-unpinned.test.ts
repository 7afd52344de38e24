// Table tests for DL3041 dnf-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/dnf-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y tomcat-9.0.1 rpm-sign-4.16.1.3\n",
    "FROM fedora:40\nRUN dnf -y group install \"Development Tools\"\n",
    "FROM fedora:40\nRUN dnf module install -y nodejs:18\n",
  ],
  invalid: [
    { name: "reports unpinned packages", code: "FROM fedora:40\nRUN dnf install -y tomcat rpm-sign\n", errors: [{"text": "tomcat"}, {"text": "rpm-sign"}] },
    { name: "microdnf module without stream", code: "FROM fedora:40\nRUN microdnf module install -y nodejs\n", errors: [{"text": "nodejs"}] },
  ],
});
