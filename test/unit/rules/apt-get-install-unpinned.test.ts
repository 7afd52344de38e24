// Table tests for DL3008 apt-get-install-unpinned.
import rule from '../../../server/src/core/rules/dockerfile/apt-get-install-unpinned';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nRUN apt-get install -y curl=7.88.1-10\n',
    'FROM debian:12\nRUN apt-get install -y ./pkg_1.0_amd64.deb\n',
    { name: 'a target release value is not a package', code: 'FROM debian:12\nRUN apt-get install -y -t bookworm-backports git=1:2.45\n' },
    { name: 'packages from a variable are not judged', code: 'FROM debian:12\nRUN apt-get install -y $PACKAGES\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nRUN apt-get install -y curl git=1:2.39\n', errors: [{ text: 'curl', within: 'y curl', message: 'Package `curl` is not pinned' }], output: null },
    { name: 'each package at its name', code: 'FROM debian:12\nRUN apt-get install -y curl wget\n', errors: [{ text: 'curl', within: 'y curl' }, { text: 'wget' }] },
  ],
});
