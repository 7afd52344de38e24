// DL3043: ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER; Docker rejects the file.
import { defineRule } from '../rule';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export default defineRule({
  meta: {
    code: 'DL3043',
    name: 'onbuild-trigger-not-allowed',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: { forbidden: '`ONBUILD {keyword}` is not allowed: ONBUILD cannot trigger {keyword}' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `ONBUILD` instructions whose trigger is `ONBUILD`, `FROM` or `MAINTAINER`.',
      whyItMatters: 'Docker refuses to build a Dockerfile with such a trigger: chaining ONBUILD is forbidden, and FROM and MAINTAINER cannot run in a downstream build.',
      example: 'FROM python:3.12-slim\nONBUILD FROM debian:bookworm\n',
      useInstead: 'FROM python:3.12-slim\nONBUILD COPY . /app\n',
      fixSafety: 'No fix: what the trigger was meant to do is for the author to decide.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3043', 'https://docs.docker.com/reference/dockerfile/#onbuild'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const t = instr.trigger;
      if (t && FORBIDDEN.has(t.keyword)) ctx.report({ range: t.keywordRange, messageId: 'forbidden', data: { keyword: t.keyword } });
    }
  },
});
