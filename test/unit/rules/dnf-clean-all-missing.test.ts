// Table tests for DL3040 dnf-clean-all-missing.
import rule from '../../../server/src/core/rules/dockerfile/dnf-clean-all-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM fedora:40\nRUN dnf install -y a && dnf clean all\n",
    "FROM fedora:40\nRUN dnf in -y a && rm -rf /var/cache/dnf\n",
    "FROM fedora:40\nRUN --mount=type=cache,target=/var/cache/libdnf5 dnf install -y a\n",
    "FROM fedora:40\nRUN microdnf install -y a && microdnf clean all\n",
  ],
  invalid: [
    { name: "appends the same tool's clean", code: "FROM fedora:40\nRUN microdnf install -y a\n", errors: [{"text": "microdnf install"}], output: "FROM fedora:40\nRUN microdnf install -y a && microdnf clean all\n", applicability: 'safe' },
    { name: "upgrade counts too", code: "FROM fedora:40\nRUN dnf -y upgrade\n", errors: [{"text": "dnf -y upgrade"}], output: "FROM fedora:40\nRUN dnf -y upgrade && dnf clean all\n" },
    { name: "microdnf clean does not empty dnf's cache", code: "FROM fedora:40\nRUN dnf install -y a && microdnf clean all\n", errors: [{"text": "dnf install"}] },
  ],
});
