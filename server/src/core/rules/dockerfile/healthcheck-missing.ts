// DL3057: an image without HEALTHCHECK lets the orchestrator see only whether the process is alive.
import { defineRule } from '../rule';
import type { Stage } from '../../model/dockerfile';
import { semanticsFor } from '../../model/semantic';

export default defineRule({
  meta: {
    code: 'DL3057',
    name: 'healthcheck-missing',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'info',
    defaultOff: true,
    messages: { missing: 'Image built by stage `{stage}` has no HEALTHCHECK (add one, or `HEALTHCHECK NONE` to say so)' },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags each stage that is an end of the build (no later stage is built FROM it) and has no `HEALTHCHECK`, neither its own nor one inherited from the stage it is built FROM. Stages only used as a `COPY --from` source are not images and are exempt. Off by default, as in hadolint.',
      whyItMatters: 'Without a health check, Docker and most orchestrators only know whether the main process runs, not whether it answers; a hung server keeps receiving traffic. `HEALTHCHECK NONE` documents that the platform checks health another way.',
      example: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
      useInstead: 'FROM python:3.12-slim\nHEALTHCHECK CMD ["python", "-c", "import urllib.request; urllib.request.urlopen(\'http://localhost:8000/health\')"]\nCMD ["gunicorn", "app:app"]\n',
      fixSafety: 'No fix: the right probe depends on the application.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3057', 'https://docs.docker.com/reference/dockerfile/#healthcheck'],
      divergences: 'Stages used only as a `COPY --from` source are not reported; hadolint reports every stage that does not inherit a HEALTHCHECK.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const parents = new Set(model.stages.map((s) => s.from.stage).filter((x): x is number => x !== undefined));
    const copySources = new Set(model.stages.flatMap((s) => s.instructions.map((i) => i.copy?.fromStage).filter((x): x is number => x !== undefined)));
    const sem = semanticsFor(ctx);
    const has = (s: Stage): boolean => sem.stage(s).lineage.some((st) => st.instructions.some((i) => i.keyword === 'HEALTHCHECK'));
    for (const s of model.stages) {
      if (parents.has(s.index) || (copySources.has(s.index) && !s.isFinal) || has(s)) continue;
      ctx.report({ range: s.from.imageRange, messageId: 'missing', data: { stage: s.name ?? s.from.image } });
    }
  },
});
