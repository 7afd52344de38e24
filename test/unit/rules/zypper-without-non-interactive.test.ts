// Table tests for DL3034 zypper-without-non-interactive.
import rule from '../../../server/src/core/rules/dockerfile/zypper-without-non-interactive';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install httpd\n",
    "FROM opensuse/leap:15.6\nRUN zypper install -y httpd\n",
    "FROM opensuse/leap:15.6\nRUN zypper --non-interactive in httpd\n",
    "FROM opensuse/leap:15.6\nRUN zypper refresh\n",
  ],
  invalid: [
    { name: "adds the global -n", code: "FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58\n", errors: [{"text": "zypper install"}], output: "FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58\n", applicability: 'safe' },
    { name: "short forms and remove", code: "FROM opensuse/leap:15.6\nRUN zypper in a && zypper rm b\n", errors: [{"text": "zypper in"}, {"text": "zypper rm"}], output: "FROM opensuse/leap:15.6\nRUN zypper -n in a && zypper -n rm b\n" },
  ],
});
