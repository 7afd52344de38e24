// DL3063: `scratch` and `context` cannot name a stage: BuildKit gives them their own meaning.
import { defineRule } from '../rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    code: 'DL3063',
    name: 'reserved-stage-name',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { reserved: 'Stage name `{name}` is reserved: choose another name' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a stage named `scratch` or `context` (in any case).',
      whyItMatters: '`FROM scratch` always means the empty image and `context` names the build context in `COPY --from`/`--mount from=`; a stage with such a name cannot be referred to, or is silently ignored.',
      example: 'FROM python:3.12-slim AS context\n',
      useInstead: 'FROM python:3.12-slim AS app-context\n',
      fixSafety: 'No fix: renaming a stage needs every reference to it renamed too.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3063', 'https://docs.docker.com/reference/dockerfile/#from'],
      divergences: 'Where BuildKit\'s ReservedStageName reports the same range, the engine shows that finding only (same fault, one finding); this code speaks alone when ReservedStageName is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    for (const s of ctx.model.stages) {
      if (s.name && s.nameRange && RESERVED.has(s.name.toLowerCase())) ctx.report({ range: s.nameRange, messageId: 'reserved', data: { name: s.name } });
    }
  },
});
