// DL3030: `yum install` without `-y` waits for a confirmation no one can give during a build.
import { defineRule } from '../rule';
import { reportRpmInstallsWithoutYes } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL3030',
    name: 'yum-install-without-yes',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { noYes: '`{command}` asks for confirmation: add `-y`' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `yum install`, `groupinstall` and `localinstall` (also `yum module install`) run without `-y` / `--assumeyes`.',
      whyItMatters: 'A build has no terminal to answer yum\'s "Is this ok [y/N]" prompt: without `-y` yum reads end-of-input, answers no and the RUN fails.',
      example: 'FROM centos:7\nRUN yum install httpd-2.4.6 && yum clean all\n',
      useInstead: 'FROM centos:7\nRUN yum install -y httpd-2.4.6 && yum clean all\n',
      fixSafety: 'Safe: adds `-y` after the subcommand; the packages installed are the same.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3030', 'https://man7.org/linux/man-pages/man8/yum.8.html'],
    },
  },
  check(ctx) {
    reportRpmInstallsWithoutYes(ctx, ['yum']);
  },
});
