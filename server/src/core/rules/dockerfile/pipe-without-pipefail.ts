// DL4006: without `pipefail`, a RUN with a pipe succeeds even when the command before the pipe fails.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { shellInEffect } from '../../shellcheck';
import { eolOf } from '../../text';

function shellName(shell: string): string {
  const first = shell.trim().split(/\s+/)[0] ?? '';
  return first.replace(/\\/g, '/').split('/').pop()!.toLowerCase();
}

function nonPosix(shell: string): boolean {
  return /^(pwsh|powershell|cmd)/.test(shellName(shell));
}

function hasPipefail(shell: string): boolean {
  const words = shell.trim().split(/\s+/);
  return ['bash', 'zsh', 'ash'].includes(shellName(shell)) && words.some((w) => /^-[a-z]*o[a-z]*$/.test(w)) && words.includes('pipefail');
}

export default defineRule({
  meta: {
    code: 'DL4006',
    name: 'pipe-without-pipefail',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      noPipefail: 'A pipe without `pipefail`: a failure before `|` is hidden; set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` first',
      noPipefailScript: 'A pipe without `pipefail` in a script run by `{shell}`: a failure before `|` is hidden; add `set -o pipefail` at its top',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags a RUN with a pipe when the shell in effect (the stage\'s SHELL, or that of the stage it is built FROM) is not bash, zsh or ash started with `-o pipefail`. PowerShell and cmd are left alone.',
      whyItMatters: 'A pipeline\'s status is that of its last command: `RUN curl -fsSL https://… | tar xz` succeeds even when the download fails, and the build goes on with a broken layer.',
      example: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      useInstead: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      fixSafety: 'Unsafe: inserts a SHELL instruction with `-o pipefail` before the RUN (bash, or ash on Alpine). It changes the shell of every later RUN of the stage, and fails where that shell is not installed. For a heredoc run by its own bash, zsh or ksh it inserts `set -o pipefail` as the script\'s first command instead, which makes a failing pipe fail the build.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL4006', 'https://docs.docker.com/build/building/best-practices/#using-pipes'],
      divergences: 'A SHELL set in a stage is also in effect in stages built FROM it (Docker stores it in the image configuration); a `# hadolint shell=` comment is honoured. Heredoc RUN bodies are read too (`RUN <<EOF`): one run by its own `#!` shell or fed to `bash <<EOF` is judged by that shell, not the SHELL, and one with another interpreter (`#!/usr/bin/env python3`, `RUN <<EOF python3`) is not shell at all. A `set -o pipefail` earlier in the same RUN also satisfies the rule (where the shell lacks the option, `set` fails the build rather than hiding a failure).',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const fixedStages = new Set<number>();
    for (const outer of model.instructions) {
      const instr: Instruction = outer.trigger ?? outer;
      const run = instr.run;
      const script = run && run.form !== 'exec' ? run.script : undefined;
      if (!run || !script || run.scriptStart === undefined) continue;
      const pipe = script.operators.find((o) => o.op === '|' || o.op === '|&');
      if (!pipe) continue;
      // `set -o pipefail` (`set -euo pipefail`) before the pipe, at the top level of the script.
      const setBefore = run.commands.some((c) => !c.substituted && c.name.value === 'set' && model.lines.offsetAt(c.range.end) - run.scriptStart! <= pipe.start && hasPipefail(`bash ${c.args.map((a) => a.value).join(' ')}`));
      if (setBefore) continue;
      const at = model.lines.rangeOf(run.scriptStart + pipe.start, run.scriptStart + pipe.end);
      if (run.interpreter !== undefined) {
        // A `#!` line or `bash <<EOF` runs the heredoc: the SHELL does not apply, the interpreter's own options do.
        const shell = run.interpreter.replace(/^\S*\benv\s+(-\S+\s+)*/, '');
        if (hasPipefail(shell) || /\bpipefail\b/.test(shell)) continue;
        const fixes = [];
        if (['bash', 'zsh', 'ksh'].includes(shellName(shell)) && !outer.trigger && run.commands[0]) {
          const first = run.commands[0].range.start;
          const pos = { line: first.line, character: 0 };
          const indent = /^[ \t]*/.exec(model.lines.lineText(first.line))![0];
          if (model.lines.lineText(first.line).slice(0, first.character).trim() === '') {
            fixes.push({ title: 'Add `set -o pipefail` at the top of the script', applicability: 'unsafe' as const, edits: [{ range: { start: pos, end: pos }, newText: `${indent}set -o pipefail${eolOf(model.text)}` }] });
          }
        }
        ctx.report({ range: at, messageId: 'noPipefailScript', data: { shell: shellName(shell) }, fixes });
        continue;
      }
      const shell = shellInEffect(model, outer);
      if (nonPosix(shell) || hasPipefail(shell)) continue;
      const fixes = [];
      if (!fixedStages.has(outer.stage) && !outer.trigger) {
        fixedStages.add(outer.stage);
        const alpine = model.stages[outer.stage]?.from.facts.family === 'alpine';
        const line = `SHELL ["${alpine ? '/bin/ash' : '/bin/bash'}", "-o", "pipefail", "-c"]\n`;
        const pos = { line: outer.startLine, character: 0 };
        fixes.push({ title: 'Set `SHELL` with `-o pipefail` before this RUN', applicability: 'unsafe' as const, edits: [{ range: { start: pos, end: pos }, newText: line }] });
      }
      ctx.report({ range: at, messageId: 'noPipefail', fixes });
    }
  },
});
