// DL3018: `apk add pkg` without `=version` installs whatever the Alpine mirror has that day.
import { defineRule } from '../rule';
import { runs } from './util';

export default defineRule({
  meta: {
    code: 'DL3018',
    name: 'apk-add-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      unpinned: 'Package `{package}` is not pinned: write `{package}=<version>`',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags packages given to `apk add` without a version constraint (`=`, `~`, `<`, `>`); local `.apk` files and packages given through variables are skipped.',
      whyItMatters: 'Without a pin, a rebuild installs whatever version the mirror serves at that moment, so two builds of one Dockerfile can differ.',
      example: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
      useInstead: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3018', 'https://wiki.alpinelinux.org/wiki/Alpine_Package_Keeper'],
      divergences: 'Each unpinned package is reported at its own name (hadolint reports the RUN once); packages given through a variable are not judged.',
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      const apk = command.apk;
      if (!apk || apk.sub !== 'add') continue;
      for (const p of apk.packages) {
        const v = p.value;
        if (/[=~<>]/.test(v) || v.endsWith('.apk') || p.dynamic || v.includes('$')) continue;
        ctx.report({ range: p.range, messageId: 'unpinned', data: { package: v } });
      }
    }
  },
});
