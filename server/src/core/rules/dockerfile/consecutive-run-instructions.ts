// DL3059: consecutive single-command RUNs make one layer each where one RUN would do.
import { defineRule } from '../rule';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import { canAppendToBody, continuation } from './package-manager-helpers';

/** Commands that change the shell's state: after a merge they would affect the next command. */
const STATEFUL = new Set(['cd', 'pushd', 'popd', 'export', 'set', 'source', '.', 'umask', 'alias', 'shopt', 'unset', 'ulimit', 'trap', 'exec']);

function topLevel(instr: Instruction): number {
  const run = instr.run!;
  if (run.form === 'exec') return 1;
  return run.commands.filter((c) => !c.substituted).length;
}

/** A Python dependency install (pip, uv, poetry, pipenv). */
const installsDependencies = (instr: Instruction): boolean => instr.run!.commands.some((c) => c.pip !== undefined && (c.pip.sub === 'install' || c.pip.sub === 'sync'));
/** System packages (apt, apk): the usual companion of a dependency install, whose layer they may share. */
const installsSystemPackages = (instr: Instruction): boolean => instr.run!.commands.length > 0 && instr.run!.commands.every((c) => c.apt !== undefined || c.apk !== undefined);

function flagsKey(model: DockerfileModel, instr: Instruction): string {
  return instr.flags.map((f) => model.lines.slice(f.range)).sort().join(' ');
}

export default defineRule({
  meta: {
    code: 'DL3059',
    name: 'consecutive-run-instructions',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'info',
    messages: { consecutive: 'This RUN follows another single-command RUN: join them with `&&` into one layer' },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags a `RUN` with a single command that directly follows another single-command `RUN` with the same flags (comments in between are fine). RUNs that already chain several commands are left alone: splitting them was likely deliberate.',
      whyItMatters: 'Each RUN is a layer with its own overhead and cache entry, and files a later RUN deletes still weigh in the earlier layer. Related steps belong in one RUN.',
      example: 'FROM python:3.12-slim\nRUN mkdir -p /app/data\nRUN chown 1000:1000 /app/data\n',
      useInstead: 'FROM python:3.12-slim\nRUN mkdir -p /app/data && \\\n    chown 1000:1000 /app/data\n',
      fixSafety: 'Joins the two RUNs with `&&`. Safe when the first command does not change the shell\'s state; unsafe after `cd`, `export`, `set`, `source` and similar, because the second command would then run in that changed state. No fix joins a Python dependency install with an application step (`pip install …` then `python manage.py collectstatic`): that step would re-run on every dependency change.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3059', 'https://docs.docker.com/build/building/best-practices/#minimize-the-number-of-layers'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    let prev: Instruction | undefined;
    for (const instr of model.instructions) {
      if (instr.keyword !== 'RUN' || !instr.run || instr.run.form === 'heredoc') {
        prev = undefined;
        continue;
      }
      const single = topLevel(instr) <= 1;
      if (prev && single && topLevel(prev) <= 1 && flagsKey(model, prev) === flagsKey(model, instr)) {
        const fixes = [];
        const between = Array.from({ length: Math.max(0, instr.startLine - prev.endLine - 1) }, (_, k) => model.lines.lineText(prev!.endLine + 1 + k));
        // The join continues the previous body: not where that would land inside its trailing comment or heredoc
        // (canAppendToBody), and with the file's own escape character and line break.
        // Never a dependency install joined with an application step (`python manage.py collectstatic`): the step
        // would re-run with every dependency change, and a later move of the install would carry it above the code.
        const mixes = installsDependencies(prev) !== installsDependencies(instr) && !installsSystemPackages(installsDependencies(prev) ? instr : prev);
        // `b &` joined after `a` becomes `a && b &`, which puts `a` in the background too; after a body ending in an
        // operator (`cd /tmp ;`), ` && b` does not parse (fuzz seed 4242 #1262).
        const backgrounds = /[;&]\s*$/.test(model.lines.slice(instr.run.bodyRange)) || /[;&|]\s*$/.test(model.lines.slice(prev.run!.bodyRange));
        if (!mixes && !backgrounds && prev.run!.form === 'shell' && instr.run.form === 'shell' && between.every((l) => l.trim() === '') && canAppendToBody(model, prev) && instr.run.script !== undefined && !instr.run.script.hasErrors && !instr.run.script.skipped) {
          const first = prev.run!.commands[0];
          // No command at all means a bare assignment (`X=1`), which changes the shell's state too.
          const stateful = first === undefined || STATEFUL.has(first.name.value);
          fixes.push({
            title: 'Join with the previous RUN',
            applicability: stateful ? ('unsafe' as const) : ('safe' as const),
            edits: [{ range: { start: prev.run!.bodyRange.end, end: instr.run.bodyRange.start }, newText: ` &&${continuation(model)}    ` }],
          });
        }
        ctx.report({ range: instr.keywordRange, messageId: 'consecutive', fixes });
      }
      prev = instr;
    }
  },
});
