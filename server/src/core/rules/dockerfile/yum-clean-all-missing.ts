// DL3032: `yum install` without `yum clean all` in the same RUN leaves yum's metadata and package cache in the layer.
import { defineRule } from '../rule';
import { appendCommand, laterCommand, laterRemoves, mountCovers, rpmCommand, runInstructions, subIs, toolSpan } from './package-manager-helpers';

const CACHE = ['/var/cache/yum'];

export default defineRule({
  meta: {
    code: 'DL3032',
    name: 'yum-clean-all-missing',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: { noClean: '`{command}` leaves its cache in the layer: run `yum clean all` afterwards in the same RUN' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags a RUN that installs with yum but does not run `yum clean all` (or delete `/var/cache/yum`) after it in the same RUN.',
      whyItMatters: 'yum keeps repository metadata and downloaded packages under `/var/cache/yum`; tens to hundreds of megabytes that end up in the image layer. Cleaning in a later RUN does not shrink the earlier layer.',
      example: 'FROM centos:7\nRUN yum install -y mariadb-5.5.68\n',
      useInstead: 'FROM centos:7\nRUN yum install -y mariadb-5.5.68 && yum clean all\n',
      fixSafety: 'Safe: appends `&& yum clean all` to the RUN; later installs download fresh metadata by themselves.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3032'],
      divergences: 'A cache or tmpfs mount on `/var/cache/yum` also satisfies the rule.',
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      if (mountCovers(instr, CACHE)) continue;
      for (const command of instr.run!.commands) {
        const rpm = rpmCommand(command);
        if (!rpm || rpm.tool !== 'yum' || !subIs(rpm, 'install', 'groupinstall', 'localinstall')) continue;
        const cleaned = laterCommand(instr, command, (c) => {
          const r = rpmCommand(c);
          return r?.tool === 'yum' && r.sub[0]?.value === 'clean' && r.operands.some((o) => o.value === 'all');
        });
        if (cleaned || laterRemoves(instr, command, CACHE)) continue;
        const edit = appendCommand(ctx.model, instr, 'yum clean all');
        ctx.report({
          range: toolSpan(command, rpm.sub[rpm.sub.length - 1]),
          messageId: 'noClean',
          data: { command: `yum ${rpm.sub.map((t) => t.value).join(' ')}` },
          fixes: edit ? [{ title: 'Add `yum clean all`', applicability: 'safe', edits: [edit] }] : [],
        });
        break;
      }
    }
  },
});
