// WorkdirRelativePath: a relative WORKDIR before any absolute one, so the result depends on the base image's working directory.
import { defineRule } from '../rule';
import { semanticsFor } from '../../model/semantic';

const ABSOLUTE = /^(?:\/|[A-Za-z]:[\\/]|\\)/;

export default defineRule({
  meta: {
    code: 'WorkdirRelativePath',
    name: 'workdir-relative-path',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      relative: 'Relative `WORKDIR {path}` resolves against the base image\'s working directory, which this file never sets',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags a `WORKDIR` with a relative path when no earlier `WORKDIR` in the stage (or in the stages it is built `FROM`) set the directory.',
      whyItMatters: 'A relative path is joined to whatever working directory the base image declares. It is `/` today, but a new tag of the base image can change it, and the application then lands somewhere else without any change to this file.',
      example: 'FROM python:3.12-slim\nWORKDIR app\nCOPY . .\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\n',
      fixSafety: 'Unsafe: makes the path absolute by prefixing `/`, which is what it means only when the base image\'s working directory is `/`.',
      references: ['https://docs.docker.com/reference/build-checks/workdir-relative-path/', 'https://docs.docker.com/reference/dockerfile/#workdir'],
      divergences: 'hadolint\'s DL3000 flags every relative `WORKDIR`; this check, like BuildKit, accepts one that follows an absolute `WORKDIR`. Paths that start with a variable are not judged. Where hadolint\'s DL3000 reports the same range, the engine shows this finding only (same fault, one finding), with the more severe of the two levels and any fix only DL3000 offers; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      let set = semanticsFor(ctx).stage(stage).lineage.slice(1).some((s) => s.instructions.some((i) => i.keyword === 'WORKDIR'));
      for (const instr of stage.instructions) {
        if (instr.keyword !== 'WORKDIR') continue;
        const path = instr.argsText.trim();
        const first = instr.args[0];
        if (!set && first && path !== '' && !ABSOLUTE.test(path) && !path.startsWith('$') && !path.startsWith('"$')) {
          ctx.report({
            range: first.range,
            messageId: 'relative',
            data: { path },
            fixes: [{ title: `Use \`/${first.value.replace(/^\.\//, '')}\``, applicability: 'unsafe', edits: [{ range: first.range, newText: `/${first.value.replace(/^\.\//, '')}` }] }],
          });
        }
        set = true;
      }
    }
  },
});
