// DL3022: `COPY --from=name` must name a stage defined earlier (or be an image reference).
import { defineRule } from '../rule';
import { resolveStageRef } from '../../model/dockerfile';

export default defineRule({
  meta: {
    code: 'DL3022',
    name: 'copy-from-undefined-stage',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      undefined: '`--from={from}` names no earlier stage',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `COPY --from=<name>` where the name is neither a stage defined above (by alias or number) nor an image reference with a tag, digest or registry.',
      whyItMatters:
        'An unknown name is treated as an image to pull: a typo in a stage name, or a stage defined further down, makes Docker try to pull an image of that name from Docker Hub, which fails or, worse, copies from an unrelated image.',
      example: 'FROM python:3.12-slim\nCOPY --from=builder /venv /venv\n',
      useInstead: 'FROM python:3.12 AS builder\nRUN python -m venv /venv\nFROM python:3.12-slim\nCOPY --from=builder /venv /venv\n',
      fixSafety: 'No fix: which stage was meant is not known.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3022', 'https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const instr of model.instructions) {
      const copy = instr.copy;
      if (!copy || copy.from === undefined) continue;
      const from = copy.from;
      if (from.includes('$') || from.includes(':') || from.includes('@') || from.includes('/')) continue;
      const target = resolveStageRef(model, from);
      if (target !== undefined && (instr.stage < 0 ? false : target <= instr.stage)) continue;
      const flag = instr.flags.find((f) => f.name.toLowerCase() === 'from');
      ctx.report({ range: flag?.valueRange ?? flag?.range ?? instr.keywordRange, messageId: 'undefined', data: { from } });
    }
  },
});
