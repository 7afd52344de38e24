// DL3023: `COPY --from=` the stage being built refers to itself, which Docker rejects.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'DL3023',
    name: 'copy-from-own-stage',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      self: '`--from={from}` is the stage this COPY is in',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `COPY --from=<name>` that names the stage the instruction belongs to.',
      whyItMatters: 'A stage cannot copy from itself: the build fails with a circular dependency. Usually another stage was meant.',
      example: 'FROM python:3.12-slim AS app\nCOPY --from=app /venv /venv\n',
      useInstead: 'FROM python:3.12 AS build\nRUN python -m venv /venv\nFROM python:3.12-slim AS app\nCOPY --from=build /venv /venv\n',
      fixSafety: 'No fix: which stage was meant is not known.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3023', 'https://docs.docker.com/build/building/multi-stage/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const instr of model.instructions) {
      const from = instr.copy?.from;
      if (from === undefined || instr.stage < 0) continue;
      const stage = model.stages[instr.stage]!;
      const own = stage.name?.toLowerCase() === from.toLowerCase() || (/^\d+$/.test(from) && Number(from) === instr.stage);
      if (!own) continue;
      const flag = instr.flags.find((f) => f.name.toLowerCase() === 'from');
      ctx.report({ range: flag?.valueRange ?? flag?.range ?? instr.keywordRange, messageId: 'self', data: { from } });
    }
  },
});
