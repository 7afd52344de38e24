// UndefinedArgInFrom: a FROM line uses a variable no global ARG declares, so it always expands to its default or nothing.
import { defineRule } from '../rule';
import type { Range } from '../../types';
import { PLATFORM_ARGS, expandWord, flagOf, subRange, suggestName } from './buildkit-helpers';

export default defineRule({
  meta: {
    code: 'UndefinedArgInFrom',
    name: 'undefined-arg-in-from',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      undeclared: '`{name}` is not declared by an ARG before the first FROM, so it cannot be set',
      undeclaredSuggest: '`{name}` is not declared by an ARG before the first FROM (did you mean `{suggestion}`?)',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags a variable in a `FROM` line (image or `--platform`) that is neither declared by an `ARG` before the first `FROM` nor one of the platform ARGs BuildKit predefines (`TARGETPLATFORM`, `BUILDPLATFORM`, `TARGETOS`, `TARGETARCH`, …).',
      whyItMatters: 'Only global ARGs are visible to `FROM`; any other name expands to an empty string (or its `:-` default) and `--build-arg` cannot change it. The base image silently becomes something else than intended, often a typo (`$BULIDPLATFORM`).',
      example: 'FROM python:3.12${VARIANT}\n',
      useInstead: 'ARG VARIANT=-slim\nFROM python:3.12${VARIANT}\n',
      fixSafety: 'When a declared or predefined name is one typo away, the fix renames the reference to it; unsafe, because the base image then changes.',
      references: ['https://docs.docker.com/reference/build-checks/undefined-arg-in-from/', 'https://docs.docker.com/reference/dockerfile/#understand-how-arg-and-from-interact'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const known = new Set<string>([...PLATFORM_ARGS, ...model.globalArgs.map((a) => a.key)]);
    for (const stage of model.stages) {
      const instr = stage.fromInstruction;
      const words: { text: string; range: Range }[] = [];
      const platform = flagOf(instr, 'platform');
      if (platform) words.push({ text: platform.value, range: platform.valueRange });
      if (instr.from) words.push({ text: model.lines.slice(instr.from.imageRange), range: instr.from.imageRange });
      const reported = new Set<string>();
      for (const w of words) {
        if (w.range.start.line !== w.range.end.line) continue;
        const exp = expandWord(w.text, (n) => (known.has(n) ? '' : undefined), model.escapeChar);
        for (const ref of exp.refs) {
          if (known.has(ref.name) || reported.has(ref.name)) continue;
          reported.add(ref.name);
          const range = subRange(model, w.range, ref.start, ref.end);
          const suggestion = suggestName(ref.name, known);
          const nameStart = ref.text.indexOf(ref.name);
          const nameRange = subRange(model, w.range, ref.start + nameStart, ref.start + nameStart + ref.name.length);
          ctx.report({
            range,
            messageId: suggestion ? 'undeclaredSuggest' : 'undeclared',
            data: suggestion ? { name: ref.name, suggestion } : { name: ref.name },
            fixes: suggestion ? [{ title: `Use \`${suggestion}\``, applicability: 'unsafe', edits: [{ range: nameRange, newText: suggestion }] }] : [],
          });
        }
      }
    }
  },
});
