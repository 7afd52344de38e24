// DL3025: CMD, ENTRYPOINT and HEALTHCHECK CMD in shell form run under `/bin/sh -c`, which swallows signals.
import { defineRule } from '../rule';
import type { Fix, Range } from '../../types';
import type { Instruction } from '../../model/dockerfile';
import { instructions } from './hadolint-helpers';

/** Words that mean the same to `/bin/sh` and to an exec-form array. */
const PLAIN_WORD = /^[A-Za-z0-9_\-./:=@%+,]+$/;

function isJsonArray(text: string): boolean {
  const t = text.replace(/\\\r?\n/g, '').trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return false;
  try {
    const v: unknown = JSON.parse(t);
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

/** The command part of CMD/ENTRYPOINT, or of HEALTHCHECK after its `CMD` word; undefined for `HEALTHCHECK NONE`. */
function commandText(model: { lines: { slice(r: Range): string; offsetAt(p: Range['start']): number; rangeOf(s: number, e: number): Range }; text: string }, instr: Instruction): { text: string; range: Range } | undefined {
  if (!instr.argsRange) return undefined;
  if (instr.keyword !== 'HEALTHCHECK') return { text: model.lines.slice(instr.argsRange), range: instr.argsRange };
  const cmd = instr.args.find((a) => a.value.toUpperCase() === 'CMD');
  if (!cmd) return undefined;
  const start = model.lines.offsetAt(cmd.range.end);
  const end = model.lines.offsetAt(instr.argsRange.end);
  let s = start;
  while (s < end && /\s/.test(model.text[s]!)) s++;
  return { text: model.text.slice(s, end), range: model.lines.rangeOf(s, end) };
}

export default defineRule({
  meta: {
    code: 'DL3025',
    name: 'shell-form-cmd',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      shellForm: '{keyword} in shell form runs under `/bin/sh -c`: write it as a JSON array',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags `CMD`, `ENTRYPOINT` and `HEALTHCHECK CMD` written as a plain command line instead of a JSON array (exec form).',
      whyItMatters:
        'In shell form the command runs as a child of `/bin/sh -c`, so the shell is PID 1: `docker stop` sends SIGTERM to the shell, which does not pass it on, and the container is killed after the timeout instead of shutting down cleanly. Shell-form ENTRYPOINT also ignores the arguments given to `docker run`.',
      example: 'FROM python:3.12-slim\nCMD gunicorn app:app\n',
      useInstead: 'FROM python:3.12-slim\nCMD ["gunicorn", "app:app"]\n',
      fixSafety:
        'Offered only when every word is plain (no quotes, variables, globs, redirections or operators), so the shell would not have changed it. Safe for CMD and HEALTHCHECK; unsafe for ENTRYPOINT, because in exec form the CMD and `docker run` arguments are appended to it.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3025', 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
      divergences: 'Where BuildKit\'s JSONArgsRecommended reports the same range, the engine shows that finding only (same fault, one finding); this code speaks alone when JSONArgsRecommended is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const { instr } of instructions(model)) {
      if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT' && instr.keyword !== 'HEALTHCHECK') continue;
      const body = commandText(model, instr);
      if (!body || body.text.trim() === '' || isJsonArray(body.text)) continue;
      const words = body.text.trim().split(/\s+/);
      const fixes: Fix[] = [];
      if (body.range.start.line === body.range.end.line && words.every((w) => PLAIN_WORD.test(w))) {
        fixes.push({
          title: 'Write as a JSON array',
          applicability: instr.keyword === 'ENTRYPOINT' ? 'unsafe' : 'safe',
          edits: [{ range: body.range, newText: `[${words.map((w) => JSON.stringify(w)).join(', ')}]` }],
        });
      }
      ctx.report({ range: body.range, messageId: 'shellForm', data: { keyword: instr.keyword === 'HEALTHCHECK' ? 'HEALTHCHECK CMD' : instr.keyword }, fixes });
    }
  },
});
