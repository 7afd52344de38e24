// DL3011: EXPOSE with a port number above 65535 (or a range reaching past it) can never be bound.
import { defineRule } from '../rule';
import { instructions } from './hadolint-helpers';

export default defineRule({
  meta: {
    code: 'DL3011',
    name: 'expose-port-out-of-range',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      range: 'Port `{port}` is outside the valid range 0-65535',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `EXPOSE` ports (or port ranges) with a number greater than 65535; ports given through variables are skipped.',
      whyItMatters: 'TCP and UDP ports are 16-bit numbers. A larger number is a typo, and `docker run -P` or a runtime reading the image metadata will reject it.',
      example: 'FROM python:3.12-slim\nEXPOSE 80000\n',
      useInstead: 'FROM python:3.12-slim\nEXPOSE 8000\n',
      fixSafety: 'No fix: the intended port cannot be guessed.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3011', 'https://docs.docker.com/reference/dockerfile/#expose'],
    },
  },
  check(ctx) {
    for (const { instr } of instructions(ctx.model)) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const arg of instr.args) {
        const spec = arg.value.replace(/\/(tcp|udp|sctp)$/i, '');
        const bad = spec.split('-').some((p) => /^\d+$/.test(p) && Number(p) > 65535);
        if (bad) ctx.report({ range: arg.range, messageId: 'range', data: { port: arg.value } });
      }
    }
  },
});
