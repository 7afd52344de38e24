// DL3000: a relative WORKDIR depends on whatever directory was current before it.
import { defineRule } from '../rule';

import { instructions, unquote } from './hadolint-helpers';
import { replace } from './util';

function isAbsolute(p: string): boolean {
  return p.startsWith('/') || /^[A-Za-z]:([\\/]|$)/.test(p);
}

export default defineRule({
  meta: {
    code: 'DL3000',
    name: 'relative-workdir',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      relative: 'WORKDIR `{path}` is relative: use an absolute path',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags `WORKDIR` with a relative path (variables are skipped, Windows drive paths count as absolute).',
      whyItMatters:
        'A relative WORKDIR is resolved against the directory in effect before it, which may come from the base image and change when the base image changes. An absolute path says where files land.',
      example: 'FROM python:3.12-slim\nWORKDIR app\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\n',
      fixSafety:
        'Safe, and offered only when an earlier absolute WORKDIR of the same stage fixes what the relative path means: the fix writes the resolved absolute path. Otherwise there is no fix, because the directory inherited from the base image is not known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3000', 'https://docs.docker.com/reference/dockerfile/#workdir'],
      divergences: 'Where BuildKit\'s WorkdirRelativePath reports the same range, the engine shows that finding only (same fault, one finding); this code speaks alone when WorkdirRelativePath is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const known = new Map<number, string>();
    for (const { instr } of instructions(model)) {
      if (instr.keyword !== 'WORKDIR') continue;
      const arg = instr.args[0];
      if (!arg) continue;
      const path = unquote(arg.value);
      if (path.includes('$')) {
        known.delete(instr.stage);
        continue;
      }
      if (isAbsolute(path)) {
        if (!instr.onbuild) known.set(instr.stage, path);
        continue;
      }
      const base = instr.onbuild ? undefined : known.get(instr.stage);
      const resolved = base !== undefined && instr.args.length === 1 ? resolve(base, path) : undefined;
      if (resolved !== undefined) known.set(instr.stage, resolved);
      else known.delete(instr.stage);
      ctx.report({
        range: arg.range,
        messageId: 'relative',
        data: { path },
        fixes: resolved !== undefined ? [{ title: `Write \`${resolved}\``, applicability: 'safe', edits: [replace(arg.range, quoteLike(arg, resolved))] }] : [],
      });
    }

  },
});

function resolve(base: string, rel: string): string {
  const parts = base.split('/').filter(Boolean);
  for (const p of rel.split('/')) {
    if (p === '' || p === '.') continue;
    if (p === '..') parts.pop();
    else parts.push(p);
  }
  return `/${parts.join('/')}`;
}

function quoteLike(arg: { value: string }, path: string): string {
  const q = arg.value[0];
  return q === '"' || q === "'" ? `${q}${path}${q}` : path;
}
