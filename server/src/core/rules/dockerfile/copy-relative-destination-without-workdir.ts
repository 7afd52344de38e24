// DL3045: COPY to a relative destination before any WORKDIR depends on the base image's working directory.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { semanticsFor, type Semantics } from '../../model/semantic';
import { unquoteValue } from './package-manager-helpers';

function isAbsolute(dest: string): boolean {
  return dest.startsWith('/') || /^[A-Za-z]:[\\/]/.test(dest) || dest.startsWith('$');
}

/** A WORKDIR before `instr` in its stage or in the stages it is built FROM (ONBUILD WORKDIR counts for ONBUILD COPY). */
function workdirSet(sem: Semantics, instr: Instruction, onbuild: boolean): boolean {
  const isWorkdir = (i: Instruction): boolean => i.index < instr.index && (i.keyword === 'WORKDIR' || (onbuild && i.trigger?.keyword === 'WORKDIR'));
  if (instr.stage < 0) return sem.model.instructions.some(isWorkdir);
  return sem.stage(instr.stage).lineage.some((s) => s.instructions.some(isWorkdir));
}

export default defineRule({
  meta: {
    code: 'DL3045',
    name: 'copy-relative-destination-without-workdir',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { noWorkdir: '`COPY` to the relative path `{dest}` with no WORKDIR set: the files land wherever the base image\'s working directory is' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `COPY` to a relative destination in a stage that has not set `WORKDIR` (itself or through the stage it is built FROM).',
      whyItMatters: 'A relative destination is resolved against the working directory, which then comes from the base image and may change with it. Setting WORKDIR (or using an absolute path) makes the destination explicit.',
      example: 'FROM python:3.12-slim\nCOPY app.py app.py\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py app.py\n',
      fixSafety: 'No fix: which directory the files belong in is the author\'s choice.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3045', 'https://docs.docker.com/reference/dockerfile/#workdir'],
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const outer of ctx.model.instructions) {
      const instr = outer.trigger ?? outer;
      if (instr.keyword !== 'COPY' || !instr.copy?.dest) continue;
      // The text as written: the parsed value drops the backslashes of a Windows path (`c:\app`).
      const dest = unquoteValue(ctx.model.lines.slice(instr.copy.dest.range));
      if (isAbsolute(dest) || workdirSet(sem, outer, instr.onbuild)) continue;
      ctx.report({ range: instr.copy.dest.range, messageId: 'noWorkdir', data: { dest } });
    }
  },
});
