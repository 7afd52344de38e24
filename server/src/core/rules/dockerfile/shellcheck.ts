// ShellCheck: runs ShellCheck on every shell-form RUN body, the way hadolint does, and reports its SC codes at their exact place in the Dockerfile.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { dialectFor, findingRange, knownVariables, scriptFor, severityOf, shellInEffect, type ShellCheckJob } from '../../shellcheck';

export default defineRule({
  meta: {
    code: 'ShellCheck',
    name: 'shellcheck',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'info',
    messages: {
      finding: '{message}',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Runs ShellCheck on the script of every shell-form `RUN` (ONBUILD triggers included) and reports each of its findings under its own code (`SC2086`, `SC2154`, …) at the exact words it concerns. The script is checked as the shell the RUN uses: `/bin/sh` unless a `SHELL` instruction of the stage (or of a stage it is built `FROM`) or a `# hadolint shell=` comment says otherwise; PowerShell and cmd bodies are skipped. `ARG` and `ENV` names declared before the RUN, and the proxy variables Docker predefines, count as set.',
      whyItMatters:
        'A RUN body is a shell script that only runs at build time, often with errors silenced by `&&` chains or pipes: unquoted expansions, bash-only syntax under `/bin/sh`, variables that are never set. ShellCheck finds those before a build fails or, worse, quietly does the wrong thing.',
      example: 'FROM debian:bookworm-slim\nRUN echo $HOME_DIR\n',
      useInstead: 'FROM debian:bookworm-slim\nARG HOME_DIR=/srv\nRUN echo "$HOME_DIR"\n',
      fixSafety: 'No fix: ShellCheck findings are reported as they are.',
      references: ['https://www.shellcheck.net/wiki/', 'https://github.com/hadolint/hadolint#linting-the-shell-code'],
      divergences:
        'Heredoc RUN bodies run by the SHELL (`RUN <<EOF`) are checked like shell-form bodies. Needs a `shellcheck` binary on the PATH (Debian/Ubuntu package `shellcheck`); without one RUN bodies are not checked, and that is said once rather than on every Dockerfile: by the CLI in one line on stderr, by the editor in its output channel and status bar. In the editor it runs only in a trusted workspace. Each SC code is reported at its words rather than at the RUN line, can be silenced with `# hadolint ignore=SC2086` and re-levelled like any rule (`"SC2086" = "off"`); `shellcheck` turns them all off. zsh bodies are skipped (ShellCheck cannot parse zsh). ONBUILD triggers run with the SHELL in effect where they are declared (SHELL is stored in the image configuration, so the child build inherits it) and see only ENV names (a child build does not declare this file\'s ARGs); hadolint checks triggers as `/bin/sh`.',
    },
  },
  check(ctx) {
    const checker = ctx.shellChecker;
    if (!checker) return;
    const model = ctx.model;
    // Every body first, then one call: a checker that can batches them (one ShellCheck process per file).
    const items: { run: NonNullable<Instruction['run']>; body: string; prefixLines: number; job: ShellCheckJob }[] = [];
    for (const outer of model.instructions) {
      const instr: Instruction = outer.trigger ?? outer;
      const run = instr.run;
      // A lone heredoc body too (the SHELL runs it as written). One run by its own `#!` line or fed to `bash <<EOF`
      // is left out: the variable lines put before it would misplace the shebang, and the outer shell expands an
      // unquoted heredoc before bash reads it, so ShellCheck would judge text the shell never runs.
      if (!run || run.form === 'exec' || !run.script || run.scriptStart === undefined || run.interpreter !== undefined) continue;
      const dialect = dialectFor(shellInEffect(model, outer));
      if (!dialect) continue;
      const body = run.script.source;
      if (body.trim() === '') continue;
      const vars = knownVariables(model, outer, outer.trigger !== undefined);
      const { script, prefixLines } = scriptFor(body, vars);
      items.push({ run, body, prefixLines, job: { script, shell: dialect, knownVars: vars } });
    }
    if (!items.length) return;
    let answers: (ReturnType<typeof checker.check>)[];
    if (checker.checkMany) answers = checker.checkMany(items.map((i) => i.job));
    else {
      answers = [];
      // Body by body, and not on once the binary turned out to be missing.
      for (const { job } of items) {
        const found = checker.check(job.script, job.shell, job.knownVars);
        answers.push(found);
        if (found === undefined) break;
      }
    }
    items.forEach((item, k) => {
      const found = answers[k];
      // No binary: the runner that found it missing says so once (CLI stderr, editor status bar); no finding per file.
      if (found === undefined) return;
      const bodyStart = item.run.scriptStart!;
      for (const f of found) {
        const range = findingRange(model, bodyStart, item.body, f, item.prefixLines);
        if (!range) continue;
        ctx.report({
          range,
          messageId: 'finding',
          data: { message: f.message },
          code: `SC${f.code}`,
          severity: severityOf(f.level),
          docsUrl: `https://www.shellcheck.net/wiki/SC${f.code}`,
        });
      }
    });
  },
});
