// LW055: COPY --from of a path the source stage never creates (a typo, or a venv/prefix made somewhere else).
import { defineRule } from '../rule';
import { semanticsFor } from '../../model/semantic';
import { MULTI_STAGE_CODES, sitePackagesVersion, stageCopies } from './multi-stage-helpers';

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
        'Flags `COPY --from=<stage>` of an absolute path that the source stage provably never makes: no instruction of the stage (or of the stages it is built FROM) writes it by its known meaning (COPY/ADD destinations, WORKDIR, `pip`/`uv` install targets, venv creation, `mkdir`, `cp`, `mv`, `tar -x`, redirections, …), and it is not in a system folder the base image brings. A stage that runs anything whose effect on files is not known (a script, `make`, `curl … | sh`) may have made any path and is never reported. Also flags a `pythonX.Y` site-packages path under `/usr/local` when the source stage runs another Python.',
      whyItMatters:
        'The build stops with "not found" at the COPY, often after minutes of compiling in the builder; or, with a wildcard, silently copies nothing. The usual causes are a venv created under another name (`/venv` vs `/opt/venv`) or a Python version bumped in one FROM only.',
      example: 'FROM python:3.12 AS builder\nRUN python -m venv /venv && /venv/bin/pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      useInstead: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install flask\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      fixSafety: 'No automatic fix: which of the two paths is meant cannot be known.',
      references: ['https://docs.docker.com/reference/dockerfile/#copy---from'],
      divergences:
        'Stages on images other than the official Python, Debian, Ubuntu and Alpine ones are not checked: their contents are unknown. Words of a `RUN` are never taken for paths (`pip install flask` does not make `/install`); only what a command is known to write counts.',
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const stage of ctx.model.stages) {
      if (!stage.reachesFinal) continue;
      for (const copy of stageCopies(sem, stage)) {
        const src = copy.from;
        if (/[*?[]/.test(copy.sourcePath)) continue;
        const stageName = src.name ? `\`${src.name}\`` : String(src.index);
        const site = sitePackagesVersion(copy.sourcePath);
        const python = sem.stage(src).python;
        if (site && python?.version && site.minor !== python.version && copy.sourcePath.startsWith('/usr/local/')) {
          ctx.report({ range: copy.source.range, messageId: 'otherPython', data: { path: copy.sourcePath, stage: stageName, python: python.version } });
          continue;
        }
        // Only a proof counts: an unknown effect or the base image's own folders may have made the path.
        if (sem.created(src, copy.sourcePath) !== 'no') continue;
        ctx.report({ range: copy.source.range, messageId: 'notCreated', data: { path: copy.sourcePath, stage: stageName } });
      }
    }
  },
});
