// DL4005: replacing /bin/sh with a symlink changes the shell of every later RUN behind the Dockerfile's back.
import { defineRule } from '../rule';
import { positionals, runInstructions, toolName } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL4005',
    name: 'ln-to-bin-sh',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { relink: '`ln` replaces `/bin/sh`: use a SHELL instruction to change the shell' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `ln` commands whose target is `/bin/sh`.',
      whyItMatters: 'Relinking `/bin/sh` (usually to bash) changes the shell for every later RUN and for every script in the image that expects a POSIX shell, without the Dockerfile saying so. `SHELL ["/bin/bash", "-c"]` changes only the RUNs that follow, visibly.',
      example: 'FROM debian:bookworm-slim\nRUN ln -sf /bin/bash /bin/sh\n',
      useInstead: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-c"]\n',
      fixSafety: 'No fix: scripts in the image may rely on the relinked shell.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL4005', 'https://docs.docker.com/reference/dockerfile/#shell'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      for (const command of instr.run!.commands) {
        if (toolName(command) !== 'ln') continue;
        const ops = positionals(command.args, new Set(['-S', '--suffix', '-t', '--target-directory']));
        const target = ops[ops.length - 1];
        if (ops.length >= 2 && target && target.value.replace(/\/+$/, '') === '/bin/sh') ctx.report({ range: target.range, messageId: 'relink' });
      }
    }
  },
});
