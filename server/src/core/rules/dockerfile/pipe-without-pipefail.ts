// DL4006: without `pipefail`, a RUN with a pipe succeeds even when the command before the pipe fails.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { shellInEffect } from '../../shellcheck';

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
    messages: { noPipefail: 'A pipe without `pipefail`: a failure before `|` is hidden; set `SHELL ["/bin/bash", "-o", "pipefail", "-c"]` first' },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags a RUN with a pipe when the shell in effect (the stage\'s SHELL, or that of the stage it is built FROM) is not bash, zsh or ash started with `-o pipefail`. PowerShell and cmd are left alone.',
      whyItMatters: 'A pipeline\'s status is that of its last command: `RUN curl -fsSL https://… | tar xz` succeeds even when the download fails, and the build goes on with a broken layer.',
      example: 'FROM debian:bookworm-slim\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      useInstead: 'FROM debian:bookworm-slim\nSHELL ["/bin/bash", "-o", "pipefail", "-c"]\nRUN curl -fsSL https://example.com/tool.tar.gz | tar -xz -C /opt\n',
      fixSafety: 'Unsafe: inserts a SHELL instruction with `-o pipefail` before the RUN (bash, or ash on Alpine). It changes the shell of every later RUN of the stage, and fails where that shell is not installed.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL4006', 'https://docs.docker.com/build/building/best-practices/#using-pipes'],
      divergences: 'A SHELL set in a stage is also in effect in stages built FROM it (Docker stores it in the image configuration); a `# hadolint shell=` comment is honoured.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const fixedStages = new Set<number>();
    for (const outer of model.instructions) {
      const instr: Instruction = outer.trigger ?? outer;
      const script = instr.run?.form === 'shell' ? instr.run.script : undefined;
      if (!script) continue;
      const pipe = script.operators.find((o) => o.op === '|' || o.op === '|&');
      if (!pipe) continue;
      const shell = shellInEffect(model, outer);
      if (nonPosix(shell) || hasPipefail(shell)) continue;
      const bodyStart = model.lines.offsetAt(instr.run!.bodyRange.start);
      const fixes = [];
      if (!fixedStages.has(outer.stage) && !outer.trigger) {
        fixedStages.add(outer.stage);
        const alpine = model.stages[outer.stage]?.from.facts.family === 'alpine';
        const line = `SHELL ["${alpine ? '/bin/ash' : '/bin/bash'}", "-o", "pipefail", "-c"]\n`;
        const at = { line: outer.startLine, character: 0 };
        fixes.push({ title: 'Set `SHELL` with `-o pipefail` before this RUN', applicability: 'unsafe' as const, edits: [{ range: { start: at, end: at }, newText: line }] });
      }
      ctx.report({ range: model.lines.rangeOf(bodyStart + pipe.start, bodyStart + pipe.end), messageId: 'noPipefail', fixes });
    }
  },
});
