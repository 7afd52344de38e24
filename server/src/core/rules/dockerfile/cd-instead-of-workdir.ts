// DL3003: `cd` in a RUN only lasts for that RUN; WORKDIR says where the following steps work.
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import { runs } from './util';
import { commandName } from './hadolint-helpers';

export default defineRule({
  meta: {
    code: 'DL3003',
    name: 'cd-instead-of-workdir',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      cd: '`cd {dir}` changes directory for this RUN only: use WORKDIR',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags `cd` in a RUN instruction.',
      whyItMatters:
        'Each RUN starts in the WORKDIR again, so a `cd` is easy to misread as lasting, and chains of `cd a && … && cd ../b` are hard to follow. `WORKDIR` makes the directory explicit, creates it when missing, and applies to the following instructions.',
      example: 'FROM python:3.12-slim\nRUN cd /app && pip install --no-cache-dir .\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nRUN pip install --no-cache-dir .\n',
      fixSafety:
        'Unsafe, offered when `cd <absolute path> &&` starts a shell-form RUN: it moves the directory into a `WORKDIR` line before the RUN. WORKDIR also applies to every later instruction of the stage and creates the folder when it is missing, which the `cd` did not do.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3003', 'https://docs.docker.com/reference/dockerfile/#workdir'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const { instr, command } of runs(model)) {
      if (commandName(command) !== 'cd' || command.substituted) continue;
      const dir = command.args.find((a) => !a.value.startsWith('-'));
      const fixes: Fix[] = [];
      const script = instr.run?.script;
      if (instr.run?.form === 'shell' && script && !script.hasErrors && !instr.onbuild && command.index === 0 && dir && !dir.dynamic && dir.value.startsWith('/') && command.args.length === 1) {
        const next = instr.run.commands[1];
        const bodyStart = model.lines.offsetAt(instr.run.bodyRange.start);
        const cdEnd = model.lines.offsetAt(command.range.end) - bodyStart;
        const op = script.operators.find((o) => o.start >= cdEnd);
        const between = next ? script.source.slice(cdEnd, model.lines.offsetAt(next.range.start) - bodyStart) : '';
        if (next && op?.op === '&&' && /^\s*&&[\s\\]*$/.test(between)) {
          const lineStart = { line: instr.startLine, character: 0 };
          const indent = /^\s*/.exec(model.lines.lineText(instr.startLine))![0];
          fixes.push({
            title: `Use \`WORKDIR ${dir.value}\``,
            applicability: 'unsafe',
            edits: [
              { range: { start: lineStart, end: lineStart }, newText: `${indent}WORKDIR ${dir.value}\n` },
              { range: { start: command.range.start, end: next.range.start }, newText: '' },
            ],
          });
        }
      }
      ctx.report({ range: command.name.range, messageId: 'cd', data: { dir: dir?.value ?? '' }, fixes });
    }
  },
});
