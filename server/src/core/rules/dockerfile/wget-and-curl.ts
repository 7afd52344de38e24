// DL4001: using both wget and curl in one stage means two download tools where one would do.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { toolName } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL4001',
    name: 'wget-and-curl',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: { both: 'This stage uses both wget and curl: pick one' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags each RUN that uses `wget` or `curl` when the stage, up to and including that RUN, uses both.',
      whyItMatters: 'Each tool (and its libraries) has to be installed, kept up to date and audited; one is enough for downloading files.',
      example: 'FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN curl -fsSLO https://example.com/a.tar.gz\nRUN curl -fsSLO https://example.com/b.tar.gz\n',
      fixSafety: 'No fix: the two tools take different options.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL4001'],
    },
  },
  check(ctx) {
    let seen = new Set<string>();
    let stage = -2;
    for (const outer of ctx.model.instructions) {
      if (outer.stage !== stage || outer.keyword === 'FROM') {
        stage = outer.stage;
        seen = new Set();
      }
      const instr: Instruction = outer.trigger ?? outer;
      if (!instr.run) continue;
      const used = instr.run.commands.filter((c) => toolName(c) === 'wget' || toolName(c) === 'curl');
      if (used.length === 0) continue;
      for (const c of used) seen.add(toolName(c));
      if (seen.size >= 2) ctx.report({ range: used[0]!.name.range, messageId: 'both' });
    }
  },
});
