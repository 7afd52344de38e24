// DL4003: only the last CMD of a stage counts; earlier ones are dead code.
import { defineRule } from '../rule';
import { fullLinesRange } from './util';

export default defineRule({
  meta: {
    code: 'DL4003',
    name: 'multiple-cmd',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { multiple: 'A second `CMD` in this stage: only the last one takes effect' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags every `CMD` after the first one in the same stage.',
      whyItMatters: 'An image has one command the container runs; each CMD replaces the previous one, so all but the last are silently ignored and usually point to a mistake.',
      example: 'FROM python:3.12-slim\nCMD ["python", "manage.py", "migrate"]\nCMD ["gunicorn", "app:app"]\n',
      useInstead: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
      fixSafety: 'Safe: removes the earlier CMD, which has no effect on the image.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL4003', 'https://docs.docker.com/reference/dockerfile/#cmd'],
      divergences: 'BuildKit\'s MultipleInstructionsDisallowed flags the CMDs a later one overrides (all but the last), this rule the ones after the first: where both report the same CMD (the middle of three), the engine shows MultipleInstructionsDisallowed only (same fault, one finding); this code speaks alone when MultipleInstructionsDisallowed is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const all = stage.instructions.filter((i) => i.keyword === 'CMD');
      for (let k = 1; k < all.length; k++) {
        const earlier = all[k - 1]!;
        ctx.report({
          range: all[k]!.keywordRange,
          messageId: 'multiple',
          fixes: [{ title: 'Remove the earlier `CMD`', applicability: 'safe', edits: [{ range: fullLinesRange(ctx.model, earlier.startLine, earlier.endLine), newText: '' }] }],
        });
      }
    }
  },
});
