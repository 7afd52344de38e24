// DL3040: dnf installs without `dnf clean all` in the same RUN leave dnf's metadata and package cache in the layer.
import { defineRule } from '../rule';
import { appendCommand, laterCommand, laterRemoves, mountCovers, rpmCommand, runInstructions, subIs, toolSpan } from './package-manager-helpers';

const CACHES = ['/var/cache/libdnf5', '/var/cache/dnf', '/var/cache/yum'];

export default defineRule({
  meta: {
    code: 'DL3040',
    name: 'dnf-clean-all-missing',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: { noClean: '`{command}` leaves its cache in the layer: run `{tool} clean all` afterwards in the same RUN' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags a RUN that installs, upgrades or reinstalls with `dnf` or `microdnf` but does not run `dnf clean all` (or delete dnf\'s cache folder) after it in the same RUN.',
      whyItMatters: 'dnf keeps repository metadata and downloaded packages under `/var/cache/dnf` (`/var/cache/libdnf5` for dnf5), often more than 100 MB. Only a clean in the same RUN keeps them out of the layer.',
      example: 'FROM fedora:40\nRUN dnf install -y mariadb-10.11.8\n',
      useInstead: 'FROM fedora:40\nRUN dnf install -y mariadb-10.11.8 && dnf clean all\n',
      fixSafety: 'Safe: appends `&& dnf clean all` (or `microdnf clean all`) to the RUN; later installs download fresh metadata by themselves.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3040'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      if (mountCovers(instr, CACHES)) continue;
      for (const command of instr.run!.commands) {
        const rpm = rpmCommand(command);
        if (!rpm || (rpm.tool !== 'dnf' && rpm.tool !== 'microdnf')) continue;
        if (!subIs(rpm, 'install', 'in', 'upgrade', 'up', 'upgrade-minimal', 'up-min', 'reinstall', 'rei', 'groupinstall', 'localinstall')) continue;
        const cleaned = laterCommand(instr, command, (c) => {
          const r = rpmCommand(c);
          // dnf and microdnf keep separate caches: only the same tool's clean empties this one.
          return r?.tool === rpm.tool && r.sub[0]?.value === 'clean' && r.operands.some((o) => o.value === 'all');
        });
        if (cleaned || laterRemoves(instr, command, CACHES)) continue;
        const edit = appendCommand(ctx.model, instr, `${rpm.tool} clean all`);
        ctx.report({
          range: toolSpan(command, rpm.sub[rpm.sub.length - 1]),
          messageId: 'noClean',
          data: { command: `${rpm.tool} ${rpm.sub.map((t) => t.value).join(' ')}`, tool: rpm.tool },
          fixes: edit ? [{ title: `Add \`${rpm.tool} clean all\``, applicability: 'safe', edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
