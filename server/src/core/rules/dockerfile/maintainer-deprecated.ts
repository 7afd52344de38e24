// DL4000: MAINTAINER is deprecated; the maintainer belongs in a label.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'DL4000',
    name: 'maintainer-deprecated',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'error',
    messages: { deprecated: '`MAINTAINER` is deprecated: use `LABEL maintainer=…`' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags the `MAINTAINER` instruction.',
      whyItMatters: 'MAINTAINER has been deprecated since Docker 1.13 and fills a field of the image configuration tools no longer read; a `maintainer` label is visible to `docker inspect` and to registries.',
      example: 'FROM python:3.12-slim\nMAINTAINER Jane Doe <jane@example.com>\n',
      useInstead: 'FROM python:3.12-slim\nLABEL maintainer="Jane Doe <jane@example.com>"\n',
      fixSafety: 'Safe: rewrites the instruction as `LABEL maintainer="…"` with the same text.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL4000', 'https://docs.docker.com/reference/dockerfile/#maintainer-deprecated'],
      divergences: 'Where BuildKit\'s MaintainerDeprecated reports the same range, the engine shows that finding only (same fault, one finding); this code speaks alone when MaintainerDeprecated is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const outer of model.instructions) {
      const instr = outer.trigger ?? outer;
      if (instr.keyword !== 'MAINTAINER') continue;
      const text = instr.argsText.replace(/\\\r?\n\s*/g, '').trim();
      const fixes = text && instr.argsRange && !outer.trigger
        ? [{ title: 'Replace with `LABEL maintainer=…`', applicability: 'safe' as const, edits: [{ range: { start: instr.keywordRange.start, end: instr.argsRange.end }, newText: `LABEL maintainer=${JSON.stringify(text.replace(/^"(.*)"$/, '$1')).replace(/\$/g, '\\$')}` }] }]
        : [];
      ctx.report({ range: instr.keywordRange, messageId: 'deprecated', fixes });
    }
  },
});
