// DL3021: COPY with several sources needs a destination folder written with a trailing `/`.
import { defineRule } from '../rule';
import { instructions } from './hadolint-helpers';

export default defineRule({
  meta: {
    code: 'DL3021',
    name: 'copy-multiple-sources-dest-not-dir',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      notDir: 'COPY with several sources needs a folder destination: end `{dest}` with `/`',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `COPY` with more than one source whose destination does not end with `/`.',
      whyItMatters: 'With several sources Docker requires the destination to be a directory written with a trailing slash; otherwise the build fails.',
      example: 'FROM python:3.12-slim\nCOPY requirements.txt constraints.txt /app\n',
      useInstead: 'FROM python:3.12-slim\nCOPY requirements.txt constraints.txt /app/\n',
      fixSafety: 'Safe: appends `/` to the destination, which is the only form Docker accepts here.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3021', 'https://docs.docker.com/reference/dockerfile/#copy'],
    },
  },
  check(ctx) {
    for (const { instr } of instructions(ctx.model)) {
      const copy = instr.copy;
      if (instr.keyword !== 'COPY' || !copy?.dest || copy.sources.length < 2) continue;
      const dest = copy.dest;
      const value = instr.jsonForm ? dest.value : dest.value.replace(/^(["'])(.*)\1$/, '$2');
      if (value.endsWith('/') || value.endsWith('\\')) continue;
      const raw = ctx.model.lines.slice(dest.range);
      const quoted = /^["']/.test(raw) && raw.length >= 2 && raw[raw.length - 1] === raw[0];
      const at = quoted ? { line: dest.range.end.line, character: dest.range.end.character - 1 } : dest.range.end;
      ctx.report({
        range: dest.range,
        messageId: 'notDir',
        data: { dest: value },
        fixes: [{ title: 'Add a trailing `/`', applicability: 'safe', edits: [{ range: { start: at, end: at }, newText: '/' }] }],
      });
    }
  },
});
