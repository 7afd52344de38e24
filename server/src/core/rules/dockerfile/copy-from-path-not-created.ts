// LW055: COPY --from of a path the source stage never creates (a typo, or a venv/prefix made somewhere else).
import { defineRule } from '../rule';
import type { DockerfileModel, Stage } from '../../model/dockerfile';
import { envAt, substitute } from '../../model/dockerfile';
import { normalizePath } from '../../model/commands';
import { MULTI_STAGE_CODES, lineage, pythonEnvs, resolveToken, sitePackagesVersion, stageCopies, workdirBefore } from './multi-stage-helpers';

/** Folders a Linux base image already has: a copy from inside them may come from the base itself. */
const BASE_DIRS = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib64', '/lib32', '/var', '/root', '/home', '/tmp', '/srv', '/run', '/dev', '/proc', '/sys', '/mnt', '/media', '/boot'];

/** Paths the stage (and what it builds on) writes or names: COPY/ADD destinations, WORKDIRs, ENV values, RUN words. */
function namedPaths(model: DockerfileModel, stage: Stage): string[] {
  const out: string[] = [];
  for (const s of lineage(model, stage)) {
    for (const instr of s.instructions) {
      if (instr.keyword === 'WORKDIR') out.push(workdirBefore(model, model.instructions[instr.index + 1] ?? instr));
      if (instr.copy?.dest) {
        const d = resolveToken(model, instr, instr.copy.dest.value);
        if (d) out.push(d);
      }
      for (const kv of instr.env ?? []) for (const part of substitute(kv.value, envAt(model, instr)).split(':')) if (part.startsWith('/')) out.push(normalizePath(part));
      for (const c of instr.run?.commands ?? []) {
        for (const t of [c.name, ...c.args]) {
          const v = substitute(t.value.replace(/^--?[\w-]+=/, ''), envAt(model, instr));
          if (v.startsWith('/')) out.push(normalizePath(v.replace(/[*?].*$/, '')));
          else if (v && !v.startsWith('-') && !v.includes('$') && /^[\w.][\w./-]*$/.test(v)) out.push(normalizePath(`${workdirBefore(model, instr)}/${v}`));
        }
      }
      if (instr.run) out.push(workdirBefore(model, instr));
    }
  }
  return out;
}

export default defineRule({
  meta: {
    code: MULTI_STAGE_CODES.copyFromPathNotCreated,
    name: 'copy-from-path-not-created',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      notCreated: '`{path}` is copied from stage {stage}, which never creates it',
      otherPython: '`{path}` is copied from stage {stage}, whose Python is {python}: that folder does not exist there',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags `COPY --from=<stage>` of an absolute path that the source stage never writes or names: no COPY/ADD destination, WORKDIR, ENV value or RUN word reaches it, and it is not a system folder the base image brings. Also flags a `pythonX.Y` site-packages path when the source stage runs another Python.',
      whyItMatters:
        'The build stops with "not found" at the COPY, often after minutes of compiling in the builder; or, with a wildcard, silently copies nothing. The usual causes are a venv created under another name (`/venv` vs `/opt/venv`) or a Python version bumped in one FROM only.',
      example: 'FROM python:3.12 AS builder\nRUN python -m venv /venv && /venv/bin/pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      useInstead: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      fixSafety: 'No automatic fix: which of the two paths is meant cannot be known.',
      references: ['https://docs.docker.com/reference/dockerfile/#copy---from'],
      divergences: 'Stages on images other than the official Python, Debian, Ubuntu and Alpine ones are not checked: their contents are unknown.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      if (!stage.reachesFinal) continue;
      for (const copy of stageCopies(model, stage)) {
        const src = copy.from;
        const facts = src.from.facts;
        if (!['python', 'debian', 'ubuntu', 'alpine'].includes(facts.family)) continue;
        if (/[*?[]/.test(copy.sourcePath)) continue;
        const stageName = src.name ? `\`${src.name}\`` : String(src.index);
        const site = sitePackagesVersion(copy.sourcePath);
        if (site && facts.family === 'python' && facts.pythonMinor && site.minor !== facts.pythonMinor && copy.sourcePath.startsWith('/usr/local/')) {
          ctx.report({ range: copy.source.range, messageId: 'otherPython', data: { path: copy.sourcePath, stage: stageName, python: facts.pythonMinor } });
          continue;
        }
        const p = copy.sourcePath;
        if (BASE_DIRS.some((d) => p === d || p.startsWith(`${d}/`))) continue;
        if (p === '/' || p === '/opt') continue;
        const named = namedPaths(model, src);
        const envRoots = pythonEnvs(model, src).map((e) => e.root);
        const created = [...named, ...envRoots].some((n) => n === p || n.startsWith(`${p}/`) || p.startsWith(`${n}/`) && n !== '/' && !BASE_DIRS.includes(n) && n !== '/opt');
        if (created) continue;
        ctx.report({ range: copy.source.range, messageId: 'notCreated', data: { path: p, stage: stageName } });
      }
    }
  },
});
