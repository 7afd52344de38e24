// DL3061: only ARG (and comments or parser directives) may come before the first FROM.
import { defineRule } from '../rule';
import { INSTRUCTION_KEYWORDS } from '../../model/dockerfile';

export default defineRule({
  meta: {
    code: 'DL3061',
    name: 'instruction-before-from',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: { beforeFrom: '`{keyword}` before the first FROM: a Dockerfile must start with FROM (only ARG may come first)' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags every instruction other than `ARG` that comes before the first `FROM`.',
      whyItMatters: 'Docker rejects such a file: there is no stage yet for the instruction to apply to.',
      example: 'LABEL org.opencontainers.image.source="https://github.com/acme/app"\nFROM python:3.12-slim\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
      fixSafety: 'No fix: moving instructions changes which stage they belong to.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3061', 'https://docs.docker.com/reference/dockerfile/#format'],
    },
  },
  check(ctx) {
    if (ctx.model.stages.length === 0) return;
    for (const instr of ctx.model.instructions) {
      if (instr.keyword === 'FROM') break;
      // A word that is no instruction (`FROMasdkjh`) is LW020's (unknown instruction), not an order problem.
      if (instr.keyword !== 'ARG' && INSTRUCTION_KEYWORDS.has(instr.keyword)) ctx.report({ range: instr.keywordRange, messageId: 'beforeFrom', data: { keyword: instr.keyword } });
    }
  },
});
