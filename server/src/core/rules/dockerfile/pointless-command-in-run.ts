// DL3001: interactive or host-administration commands (ssh, vim, top, service, …) do nothing useful in a build.
import { defineRule } from '../rule';
import { runs } from './util';
import { commandName } from './hadolint-helpers';

const POINTLESS = new Set(['free', 'kill', 'mount', 'ps', 'service', 'shutdown', 'ssh', 'top', 'vim', 'ifconfig', 'nano']);

export default defineRule({
  meta: {
    code: 'DL3001',
    name: 'pointless-command-in-run',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'info',
    messages: {
      pointless: '`{command}` has no useful effect inside an image build',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags RUN commands that only make sense on an interactive or running system: `ssh`, `vim`, `nano`, `top`, `ps`, `free`, `kill`, `mount`, `ifconfig`, `service`, `shutdown`.',
      whyItMatters:
        'A build step has no terminal and no running services: an editor or monitor waits for input or prints a snapshot nobody reads, `service … start` starts something that is gone when the layer is committed, and `shutdown` or `mount` need privileges a build does not have.',
      example: 'FROM debian:bookworm-slim\nRUN service nginx start\n',
      useInstead: 'FROM debian:bookworm-slim\nCMD ["nginx", "-g", "daemon off;"]\n',
      fixSafety: 'No fix: what the command was meant to achieve has to be decided by a person.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3001'],
      divergences: '`sudo`, `env` and similar wrappers are seen through (`sudo service …` is flagged too).',
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      const name = commandName(command);
      if (!POINTLESS.has(name)) continue;
      ctx.report({ range: command.name.range, messageId: 'pointless', data: { command: name } });
    }
  },
});
