// DuplicateStageName: two stages share a name (compared case-insensitively), so references to it are ambiguous.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'DuplicateStageName',
    name: 'reused-stage-name',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      duplicate: 'Stage name `{name}` is already taken by an earlier stage',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a `FROM … AS <name>` whose name an earlier stage already uses; names are compared in lowercase, as BuildKit stores them.',
      whyItMatters: 'BuildKit rejects a Dockerfile whose stage names repeat, and a reader cannot tell which stage `COPY --from=<name>` or `--target` would pick.',
      example: 'FROM python:3.12 AS build\nRUN pip wheel --no-cache-dir -w /w flask\n\nFROM python:3.12-slim AS build\n',
      useInstead: 'FROM python:3.12 AS build\nRUN pip wheel --no-cache-dir -w /w flask\n\nFROM python:3.12-slim AS runtime\n',
      fixSafety: 'No fix: picking a new name means deciding which references should follow it.',
      references: ['https://docs.docker.com/reference/build-checks/duplicate-stage-name/'],
      divergences: 'hadolint reports the same problem as DL3024; both codes exist so either peer\'s suppressions keep working. Where hadolint\'s DL3024 reports the same range, the engine shows this finding only (same fault, one finding), with the more severe of the two levels and any fix only DL3024 offers; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange) continue;
      const key = stage.name.toLowerCase();
      if (seen.has(key)) ctx.report({ range: stage.nameRange, messageId: 'duplicate', data: { name: stage.name } });
      seen.add(key);
    }
  },
});
