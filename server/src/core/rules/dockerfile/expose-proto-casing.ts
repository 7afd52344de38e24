// ExposeProtoCasing: `EXPOSE 80/TCP`: the protocol is not in lowercase.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'ExposeProtoCasing',
    name: 'expose-proto-casing',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      casing: 'Protocol in `{port}` should be lowercase',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags an `EXPOSE` port whose protocol (`/tcp`, `/udp`, `/sctp`) has uppercase letters.',
      whyItMatters: 'Protocols are written in lowercase everywhere else (`docker run -p 53:53/udp`, the image configuration); mixed casing makes ports harder to compare and search for.',
      example: 'FROM python:3.12-slim\nEXPOSE 8000/TCP\n',
      useInstead: 'FROM python:3.12-slim\nEXPOSE 8000/tcp\n',
      fixSafety: 'Safe: lower-cases the protocol; Docker reads it case-insensitively.',
      references: ['https://docs.docker.com/reference/build-checks/expose-proto-casing/'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const a of instr.args) {
        const slash = a.value.lastIndexOf('/');
        if (slash < 0 || a.value.includes('$')) continue;
        const proto = a.value.slice(slash + 1);
        if (proto === proto.toLowerCase()) continue;
        const fixed = a.value.slice(0, slash + 1) + proto.toLowerCase();
        ctx.report({ range: a.range, messageId: 'casing', data: { port: a.value }, fixes: [{ title: `Write \`${fixed}\``, applicability: 'safe', edits: [{ range: a.range, newText: fixed }] }] });
      }
    }
  },
});
