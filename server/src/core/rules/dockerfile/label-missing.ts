// DL3049: every image a stage produces should carry the labels `label-schema` requires.
import { defineRule } from '../rule';
import type { Stage } from '../../model/dockerfile';

export default defineRule({
  meta: {
    code: 'DL3049',
    name: 'label-missing',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'info',
    messages: { missing: 'Stage `{stage}` has no `{label}` label, which `label-schema` requires' },
    fix: 'none',
    docs: {
      whatItDoes:
        'With a `label-schema` in the configuration, flags each stage that ends without one of its labels, set in the stage or in the stage it is built FROM. Stages only used as a `COPY --from` source are exempt, and so is a stage whose label is set by a stage built FROM it.',
      whyItMatters: 'Registries, scanners and deployment tools find an image\'s source, version and owner through labels; a schema says which ones every image must have.',
      example: 'FROM python:3.12-slim\nCOPY app.py /app/\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\nCOPY app.py /app/\n',
      fixSafety: 'No fix: only the author knows the value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3049', 'https://github.com/opencontainers/image-spec/blob/main/annotations.md'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const label of Object.keys(ctx.config.labelSchema)) {
      // hadolint's bookkeeping: a stage starts good when it is built FROM a good stage; a LABEL makes it good and
      // clears the stage it names; COPY --from clears the stage it copies from.
      const good = new Set<Stage>();
      const bad = new Set<Stage>();
      const nameOf = (s: Stage) => (s.name ?? s.from.image).toLowerCase();
      const clear = (name: string) => {
        for (const s of [...bad]) if (s.name?.toLowerCase() === name.toLowerCase()) bad.delete(s);
      };
      for (const stage of model.stages) {
        const image = stage.from.image.toLowerCase();
        if ([...good].some((g) => g.name?.toLowerCase() === image)) good.add(stage);
        else bad.add(stage);
        for (const instr of stage.instructions) {
          if (instr.copy?.from !== undefined) clear(instr.copy.from);
          if ((instr.labels ?? []).some((kv) => kv.key === label)) {
            clear(nameOf(stage));
            good.add(stage);
            bad.delete(stage);
          }
        }
      }
      for (const s of bad) ctx.report({ range: s.from.imageRange, messageId: 'missing', data: { stage: s.name ?? s.from.image, label } });
    }
  },
});
