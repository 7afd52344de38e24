// StageNameCasing: a stage name with capital letters; BuildKit lower-cases stage names, so the written form misleads.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'StageNameCasing',
    name: 'stage-name-casing',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      notLower: 'Stage name `{name}` has capital letters: write it in lowercase',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags a `FROM … AS <name>` whose name contains uppercase letters.',
      whyItMatters:
        'Stage names are case-insensitive: BuildKit lower-cases them before matching `FROM <stage>` and `COPY --from=<stage>`. A mixed-case name suggests a distinction that does not exist, and `--target` is matched the same way.',
      example: 'FROM python:3.12-slim AS BuildStage\nRUN pip wheel --no-cache-dir -w /w flask\n',
      useInstead: 'FROM python:3.12-slim AS build-stage\nRUN pip wheel --no-cache-dir -w /w flask\n',
      fixSafety: 'Safe: lower-cases the name where it is declared; references already match it case-insensitively.',
      references: ['https://docs.docker.com/reference/build-checks/stage-name-casing/'],
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.name || !stage.nameRange || stage.name === stage.name.toLowerCase()) continue;
      ctx.report({
        range: stage.nameRange,
        messageId: 'notLower',
        data: { name: stage.name },
        fixes: [{ title: `Rename to \`${stage.name.toLowerCase()}\``, applicability: 'safe', edits: [{ range: stage.nameRange, newText: stage.name.toLowerCase() }] }],
      });
    }
  },
});
