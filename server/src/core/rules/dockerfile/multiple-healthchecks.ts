// DL3012: only the last HEALTHCHECK of a stage takes effect; earlier ones are dead code.
import { defineRule } from '../rule';
import { fullLinesRange } from './util';

export default defineRule({
  meta: {
    code: 'DL3012',
    name: 'multiple-healthchecks',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      overridden: 'This HEALTHCHECK is overridden by a later one in the same stage',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags every `HEALTHCHECK` of a stage except the last one.',
      whyItMatters: 'An image has a single health check: each HEALTHCHECK replaces the previous one, so all but the last are ignored and mislead the reader about what is checked.',
      example: 'FROM python:3.12-slim\nHEALTHCHECK CMD curl -f http://localhost:8000/ || exit 1\nHEALTHCHECK CMD python -c "import app"\n',
      useInstead: 'FROM python:3.12-slim\nHEALTHCHECK CMD python -c "import app"\n',
      fixSafety: 'Safe: deletes the overridden HEALTHCHECK lines; the image metadata does not change because only the last one counted.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3012', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
      divergences: 'Reported on each overridden HEALTHCHECK (the ones that have no effect) rather than on the later ones. Where BuildKit\'s MultipleInstructionsDisallowed reports the same range, the engine shows that finding only (same fault, one finding); this code speaks alone when MultipleInstructionsDisallowed is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      const checks = stage.instructions.filter((i) => i.keyword === 'HEALTHCHECK');
      for (const i of checks.slice(0, -1)) {
        ctx.report({
          range: i.keywordRange,
          messageId: 'overridden',
          tags: ['unnecessary'],
          fixes: [{ title: 'Remove the overridden HEALTHCHECK', applicability: 'safe', edits: [{ range: fullLinesRange(model, i.startLine, i.endLine), newText: '' }] }],
        });
      }
    }
  },
});
