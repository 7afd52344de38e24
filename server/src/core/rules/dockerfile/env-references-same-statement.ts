// DL3044: an ENV value that refers to a variable set earlier in the same ENV gets the old value, not the new one.
import { defineRule } from '../rule';
import type { Instruction, KeyValue } from '../../model/dockerfile';

const REFERENCE = /\\?\$(?:\{([A-Za-z_][A-Za-z0-9_]*)[^}]*\}|([A-Za-z_][A-Za-z0-9_]*))/g;

export default defineRule({
  meta: {
    code: 'DL3044',
    name: 'env-references-same-statement',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: { sameStatement: '`{name}` is set earlier in this ENV: here it still has its value from before the ENV' },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags a reference to a variable inside an `ENV` value when the same `ENV` instruction sets that variable in an earlier pair.',
      whyItMatters: 'Docker substitutes every value of one ENV instruction with the environment as it was before the instruction. `ENV A=1 B=$A` sets `B` to the previous `A` (usually empty), which is rarely what was meant.',
      example: 'FROM python:3.12-slim\nENV APP_HOME=/srv/app APP_DATA=${APP_HOME}/data\n',
      useInstead: 'FROM python:3.12-slim\nENV APP_HOME=/srv/app\nENV APP_DATA=${APP_HOME}/data\n',
      fixSafety: 'Unsafe: splits the ENV before the pair, so the reference sees the new value; that changes the value the variable gets (usually to the intended one).',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3044', 'https://docs.docker.com/reference/dockerfile/#environment-replacement'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const outer of model.instructions) {
      const instr: Instruction = outer.trigger ?? outer;
      if (instr.keyword !== 'ENV' || !instr.env) continue;
      const pairs = instr.env;
      pairs.forEach((kv: KeyValue, i: number) => {
        if (i === 0 || !kv.valueRange) return;
        const earlier = new Set(pairs.slice(0, i).map((p) => p.key));
        const raw = model.lines.slice(kv.valueRange);
        const base = model.lines.offsetAt(kv.valueRange.start);
        let fixed = false;
        for (const m of raw.matchAll(REFERENCE)) {
          if (m[0].startsWith('\\')) continue;
          const name = (m[1] ?? m[2])!;
          if (!earlier.has(name)) continue;
          const start = base + m.index!;
          const prev = pairs[i - 1]!;
          const prevEnd = prev.valueRange?.end ?? prev.keyRange.end;
          const fixes = fixed || instr.onbuild
            ? []
            : [{ title: 'Split the ENV so the new value is used', applicability: 'unsafe' as const, edits: [{ range: { start: prevEnd, end: kv.keyRange.start }, newText: '\nENV ' }] }];
          fixed = true;
          ctx.report({ range: model.lines.rangeOf(start, start + m[0].length), messageId: 'sameStatement', data: { name }, fixes });
        }
      });
    }
  },
});
