// DL3035: `zypper dist-upgrade` in a Dockerfile upgrades the whole base distribution at build time.
import { defineRule } from '../rule';
import { rpmCommand, runInstructions, toolSpan } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL3035',
    name: 'zypper-dist-upgrade',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: { distUpgrade: '`{command}` upgrades the whole distribution at build time: use a newer base image instead' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `zypper dist-upgrade` and its short form `zypper dup`.',
      whyItMatters: 'A distribution upgrade inside a build makes the image depend on the day it was built, adds a large layer on top of the base image, and can move the system to a release the rest of the file was not written for. Choosing a newer base image tag gets the same packages reproducibly.',
      example: 'FROM opensuse/leap:15.5\nRUN zypper -n dist-upgrade\n',
      useInstead: 'FROM opensuse/leap:15.6\n',
      fixSafety: 'No fix: which base image to move to is the author\'s choice.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3035'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      for (const command of instr.run!.commands) {
        const rpm = rpmCommand(command);
        if (!rpm || rpm.tool !== 'zypper' || !['dist-upgrade', 'dup'].includes(rpm.sub[0]?.value ?? '')) continue;
        ctx.report({ range: toolSpan(command, rpm.sub[0]), messageId: 'distUpgrade', data: { command: `zypper ${rpm.sub[0]!.value}` } });
      }
    }
  },
});
