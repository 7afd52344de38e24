// DL3024: two stages with the same alias make `--from=` and `FROM <alias>` ambiguous.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'DL3024',
    name: 'duplicate-stage-name',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      duplicate: 'Stage name `{name}` is already used by an earlier stage',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a `FROM … AS <name>` whose name (compared case-insensitively) an earlier stage already has.',
      whyItMatters: 'Stage names must be unique: Docker refuses the file, and a reader cannot tell which stage `COPY --from=<name>` means.',
      example: 'FROM python:3.12 AS build\nRUN pip wheel --no-cache-dir -w /w flask\nFROM python:3.12-slim AS build\nCOPY --from=build /w /w\n',
      useInstead: 'FROM python:3.12 AS build\nRUN pip wheel --no-cache-dir -w /w flask\nFROM python:3.12-slim AS app\nCOPY --from=build /w /w\n',
      fixSafety: 'No fix: renaming a stage means choosing which references follow it.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3024', 'https://docs.docker.com/build/building/multi-stage/#name-your-build-stages'],
      divergences: 'Where BuildKit\'s DuplicateStageName reports the same range, the engine shows that finding only (same fault, one finding); this code speaks alone when DuplicateStageName is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const seen = new Set<string>();
    for (const stage of ctx.model.stages) {
      if (!stage.name) continue;
      const key = stage.name.toLowerCase();
      if (seen.has(key)) ctx.report({ range: stage.nameRange ?? stage.fromInstruction.keywordRange, messageId: 'duplicate', data: { name: stage.name } });
      seen.add(key);
    }
  },
});
