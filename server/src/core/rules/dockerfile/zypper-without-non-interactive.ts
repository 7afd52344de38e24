// DL3034: zypper without `-n`/`-y` stops at a confirmation prompt during the build.
import { defineRule } from '../rule';
import { insertWord, rpmCommand, runInstructions, subIs, toolSpan } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL3034',
    name: 'zypper-without-non-interactive',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { interactive: '`{command}` asks for confirmation: add `-n` (non-interactive)' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `zypper install`, `remove`, `source-install` and `patch` (and their short forms) run without `-n`/`--non-interactive` or `-y`/`--no-confirm`.',
      whyItMatters: 'Without a non-interactive switch zypper waits for an answer that never comes in a build, and the RUN fails.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper install httpd=2.4.58 && zypper clean\n',
      useInstead: 'FROM opensuse/leap:15.6\nRUN zypper -n install httpd=2.4.58 && zypper clean\n',
      fixSafety: 'Safe: adds the global `-n` option after `zypper`; zypper then takes the default answer, which is what a build needs.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3034', 'https://en.opensuse.org/SDB:Zypper_manual'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      for (const command of instr.run!.commands) {
        const rpm = rpmCommand(command);
        if (!rpm || rpm.tool !== 'zypper' || !subIs(rpm, 'install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch')) continue;
        if (['n', 'non-interactive', 'y', 'no-confirm'].some((f) => rpm.flags.has(f))) continue;
        ctx.report({
          range: toolSpan(command, rpm.sub[0]),
          messageId: 'interactive',
          data: { command: `zypper ${rpm.sub[0]!.value}` },
          fixes: [{ title: 'Add `-n`', applicability: 'safe', edits: [insertWord(instr, command.name, '-n')] }],
        });
      }
    }
  },
});
