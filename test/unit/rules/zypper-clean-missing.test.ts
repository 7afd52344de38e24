// Table tests for DL3036 zypper-clean-missing.
import rule from '../../../server/src/core/rules/dockerfile/zypper-clean-missing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    "FROM opensuse/leap:15.6\nRUN zypper -n install a && zypper clean\n",
    "FROM opensuse/leap:15.6\nRUN zypper -n in a && zypper cc -a\n",
    "FROM opensuse/leap:15.6\nRUN --mount=type=cache,target=/var/cache/zypp zypper -n install a\n",
  ],
  invalid: [
    { name: "appends zypper clean", code: "FROM opensuse/leap:15.6\nRUN zypper -n install mariadb\n", errors: [{"text": "zypper -n install"}], output: "FROM opensuse/leap:15.6\nRUN zypper -n install mariadb && zypper clean\n", applicability: 'safe' },
    { name: "a clean before does not count", code: "FROM opensuse/leap:15.6\nRUN zypper clean && zypper -n in a\n", errors: [{"text": "zypper -n in"}] },
  ],
});
