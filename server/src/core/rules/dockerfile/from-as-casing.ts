// FromAsCasing: `FROM … as name` (or `from … AS name`): the AS keyword does not follow the casing of FROM.
import { defineRule } from '../rule';
import { writtenKeyword } from './buildkit-helpers';
import type { Range } from '../../types';

export default defineRule({
  meta: {
    code: 'FromAsCasing',
    name: 'from-as-casing',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      mismatch: '`{as}` is cased differently from `{from}`: write `{fixed}`',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags the `AS` keyword of a `FROM … AS <name>` when `FROM` is all uppercase and `AS` is not, or `FROM` is all lowercase and `AS` is not.',
      whyItMatters: 'Keywords are case-insensitive, so this is about reading: a file that mixes `FROM` with `as` looks unfinished and makes searching for stages harder.',
      example: 'FROM python:3.12-slim as build\n',
      useInstead: 'FROM python:3.12-slim AS build\n',
      fixSafety: 'Safe: rewrites the `AS` keyword in the casing of `FROM`; keywords are case-insensitive.',
      references: ['https://docs.docker.com/reference/build-checks/from-as-casing/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      if (!stage.nameRange) continue;
      const instr = stage.fromInstruction;
      const from = writtenKeyword(model, instr);
      const upper = from === from.toUpperCase();
      const lower = from === from.toLowerCase();
      if (!upper && !lower) continue;
      // The AS keyword is the last word before the stage name.
      const nameStart = model.lines.offsetAt(stage.nameRange.start);
      const before = model.text.slice(model.lines.offsetAt(instr.keywordRange.end), nameStart);
      const m = /(as)\s+$/i.exec(before);
      if (!m) continue;
      const as = m[1]!;
      const fixed = upper ? 'AS' : 'as';
      if (as === fixed) continue;
      const start = nameStart - (before.length - m.index);
      const range: Range = model.lines.rangeOf(start, start + 2);
      ctx.report({ range, messageId: 'mismatch', data: { as, from, fixed }, fixes: [{ title: `Write \`${fixed}\``, applicability: 'safe', edits: [{ range, newText: fixed }] }] });
    }
  },
});
