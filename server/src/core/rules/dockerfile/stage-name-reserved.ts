// ReservedStageName: a stage named `scratch` or `context`, names BuildKit already gives a meaning.
import { defineRule } from '../rule';

const RESERVED = new Set(['scratch', 'context']);

export default defineRule({
  meta: {
    code: 'ReservedStageName',
    name: 'stage-name-reserved',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      reserved: 'Stage name `{name}` is reserved by BuildKit: choose another name',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a stage named `scratch` or `context` (in any casing).',
      whyItMatters: '`scratch` is the empty base image and `context` names the build context in `--build-context`/`COPY --from`; a stage with either name shadows that meaning, so `FROM scratch` or `COPY --from=context` silently stop doing what they say.',
      example: 'FROM python:3.12-slim AS context\nCOPY . /src\n',
      useInstead: 'FROM python:3.12-slim AS sources\nCOPY . /src\n',
      fixSafety: 'No fix: a new name must be chosen, and references renamed with it.',
      references: ['https://docs.docker.com/reference/build-checks/reserved-stage-name/'],
      divergences: 'Where hadolint\'s DL3063 reports the same range, the engine shows this finding only (same fault, one finding), with the more severe of the two levels and any fix only DL3063 offers; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange || !RESERVED.has(stage.name.toLowerCase())) continue;
      ctx.report({ range: stage.nameRange, messageId: 'reserved', data: { name: stage.name } });
    }
  },
});
