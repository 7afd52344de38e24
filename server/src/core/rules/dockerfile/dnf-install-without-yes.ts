// DL3038: `dnf install` without `-y` waits for a confirmation no one can give during a build.
import { defineRule } from '../rule';
import { reportRpmInstallsWithoutYes } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL3038',
    name: 'dnf-install-without-yes',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { noYes: '`{command}` asks for confirmation: add `-y`' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `dnf` and `microdnf` `install`, `groupinstall` and `localinstall` run without `-y` / `--assumeyes`.',
      whyItMatters: 'A build cannot answer dnf\'s confirmation prompt; without `-y` the transaction is cancelled and the RUN fails.',
      example: 'FROM fedora:40\nRUN dnf install httpd-2.4.62 && dnf clean all\n',
      useInstead: 'FROM fedora:40\nRUN dnf install -y httpd-2.4.62 && dnf clean all\n',
      fixSafety: 'Safe: adds `-y` after the subcommand; the packages installed are the same.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3038', 'https://dnf.readthedocs.io/en/latest/command_ref.html'],
    },
  },
  check(ctx) {
    reportRpmInstallsWithoutYes(ctx, ['dnf', 'microdnf']);
  },
});
