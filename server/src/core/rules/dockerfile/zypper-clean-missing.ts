// DL3036: zypper installs without `zypper clean` in the same RUN leave zypper's cache in the layer.
import { defineRule } from '../rule';
import { appendCommand, laterCommand, laterRemoves, mountCovers, rpmCommand, runInstructions, subIs, toolSpan } from './package-manager-helpers';

const CACHE = ['/var/cache/zypp'];

export default defineRule({
  meta: {
    code: 'DL3036',
    name: 'zypper-clean-missing',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: { noClean: '`{command}` leaves its cache in the layer: run `zypper clean` afterwards in the same RUN' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags a RUN that installs with zypper but does not run `zypper clean` (or `zypper cc`) after it in the same RUN.',
      whyItMatters: 'zypper keeps repository metadata and downloaded packages under `/var/cache/zypp`; they are useless in the image and only a clean in the same RUN keeps them out of the layer.',
      example: 'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11.6\n',
      useInstead: 'FROM opensuse/leap:15.6\nRUN zypper -n install mariadb=10.11.6 && zypper clean\n',
      fixSafety: 'Safe: appends `&& zypper clean` to the RUN.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3036'],
      divergences: 'Deleting `/var/cache/zypp` in the same RUN also satisfies the rule; a cache or tmpfs mount there does too, as in hadolint.',
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      if (mountCovers(instr, CACHE)) continue;
      for (const command of instr.run!.commands) {
        const rpm = rpmCommand(command);
        if (!rpm || rpm.tool !== 'zypper' || !subIs(rpm, 'install', 'in')) continue;
        const cleaned = laterCommand(instr, command, (c) => {
          const r = rpmCommand(c);
          return r?.tool === 'zypper' && ['clean', 'cc'].includes(r.sub[0]?.value ?? '');
        });
        if (cleaned || laterRemoves(instr, command, CACHE)) continue;
        const edit = appendCommand(ctx.model, instr, 'zypper clean');
        ctx.report({
          range: toolSpan(command, rpm.sub[0]),
          messageId: 'noClean',
          data: { command: `zypper ${rpm.sub[0]!.value}` },
          fixes: edit ? [{ title: 'Add `zypper clean`', applicability: 'safe', edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
