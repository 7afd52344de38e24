// DL1001: an opt-in policy rule for teams that want no per-line `# hadolint ignore=` pragmas.
import { defineRule } from '../rule';

const INLINE_IGNORE = /^#\s*hadolint\s+ignore\s*=/i;

export default defineRule({
  meta: {
    code: 'DL1001',
    name: 'inline-ignore-pragma',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'info',
    defaultOff: true,
    messages: {
      pragma: 'Inline `hadolint ignore` pragma: silence rules in the configuration instead',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `# hadolint ignore=…` comments. Off by default, as in hadolint: enable it when rules may only be silenced centrally.',
      whyItMatters: 'Per-line pragmas spread exceptions through many files where nobody reviews them; a team that wants every exception in one reviewed configuration can forbid them.',
      example: 'FROM python:3.12-slim\n# hadolint ignore=DL3013\nRUN pip install --no-cache-dir flask\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      fixSafety: 'No fix: removing the pragma brings back the finding it silenced.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL1001', 'https://github.com/hadolint/hadolint#inline-ignores'],
    },
  },
  check(ctx) {
    const lines = ctx.model.lines;
    for (let line = 0; line < lines.lineCount; line++) {
      const text = lines.lineText(line);
      const start = text.length - text.trimStart().length;
      if (INLINE_IGNORE.test(text.trim())) ctx.report({ range: { start: { line, character: start }, end: { line, character: text.trimEnd().length } }, messageId: 'pragma' });
    }
  },
});
