// DL3037: `zypper install` of a package without a version installs whatever the repository serves on build day.
import { defineRule } from '../rule';
import { substitute } from '../../model/dockerfile';
import { rpmCommand, runInstructions, subIs, versionVariables } from './package-manager-helpers';
import { semanticsFor } from '../../model/semantic';

export default defineRule({
  meta: {
    code: 'DL3037',
    name: 'zypper-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: { unpinned: '`{pkg}` is installed without a version: write `{pkg}=<version>`' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags packages given to `zypper install` without a version (`name=1.2`, `name>=1.2`, `name<2`) that are not `.rpm` files.',
      whyItMatters: 'An unpinned package changes whenever the repository updates, so rebuilding the same Dockerfile gives a different image.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat && zypper clean\n',
      useInstead: 'FROM opensuse/leap:15.6\nRUN zypper -n install tomcat=9.0.85 && zypper clean\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3037'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      let env: Map<string, string> | undefined;
      for (const command of instr.run!.commands) {
        const rpm = rpmCommand(command);
        if (!rpm || rpm.tool !== 'zypper' || !subIs(rpm, 'install', 'in')) continue;
        env ??= versionVariables(semanticsFor(ctx), instr);
        for (const op of rpm.operands) {
          const v = substitute(op.value, env);
          if (/[=<>]/.test(v) || v.endsWith('.rpm')) continue;
          ctx.report({ range: op.range, messageId: 'unpinned', data: { pkg: op.value } });
        }
      }
    }
  },
});
