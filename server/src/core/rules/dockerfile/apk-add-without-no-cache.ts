// DL3019: `apk add` without `--no-cache` leaves the package index in the layer.
import { defineRule } from '../rule';
import { commandSpan, insertFlagAfter, runs } from './util';

export default defineRule({
  meta: {
    code: 'DL3019',
    name: 'apk-add-without-no-cache',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'info',
    messages: {
      cache: '`apk add` keeps the package index in the layer: add `--no-cache`',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `apk add` without `--no-cache`, unless a cache or tmpfs mount covers `/var/cache/apk`, in a stage whose layers become the image.',
      whyItMatters:
        '`apk add` (especially with `-U`/`apk update`) stores the repository indexes under `/var/cache/apk`, a few MB per repository that are useless at run time. `--no-cache` fetches the index into memory and leaves nothing behind, so no `rm -rf /var/cache/apk/*` is needed.',
      example: 'FROM alpine:3.20\nRUN apk add curl=8.9.1-r2\n',
      useInstead: 'FROM alpine:3.20\nRUN apk add --no-cache curl=8.9.1-r2\n',
      fixSafety: 'Safe: adds `--no-cache` after `add`; the packages installed do not change.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3019', 'https://github.com/gliderlabs/docker-alpine/blob/master/docs/usage.md#disabling-cache'],
      divergences: 'Stage-aware: a builder stage whose layers do not reach the final image may keep its cache.',
    },
  },
  check(ctx) {
    for (const { instr, stage, command } of runs(ctx.model)) {
      const apk = command.apk;
      if (!apk || apk.sub !== 'add' || apk.noCache) continue;
      if (stage && !stage.layersInFinal && !instr.onbuild) continue;
      const mounted = (instr.run?.mounts ?? []).some((m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && /^\/var\/cache\/apk\/?$/.test(m.target));
      if (mounted) continue;
      ctx.report({
        range: commandSpan(command, apk.subToken),
        messageId: 'cache',
        fixes: apk.subToken ? [{ title: 'Add `--no-cache`', applicability: 'safe', edits: [insertFlagAfter(instr, apk.subToken, '--no-cache')] }] : [],
      });
    }
  },
});
