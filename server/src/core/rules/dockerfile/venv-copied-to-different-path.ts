// LW053: a venv copied to another path than it was created at; its scripts' shebangs still name the old path.
import { defineRule } from '../rule';
import { semanticsFor } from '../../model/semantic';
import { MULTI_STAGE_CODES, stageCopies } from './multi-stage-helpers';

export default defineRule({
  meta: {
    code: MULTI_STAGE_CODES.venvCopiedToDifferentPath,
    name: 'venv-copied-to-different-path',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      moved: 'The venv created at `{created}` is copied to `{dest}`: its scripts still start `#!{created}/bin/python` and will not run',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags `COPY --from=<stage>` of a virtual environment (made with `python -m venv`, `virtualenv` or `uv venv`) to a different path than the one it was created at. Where it lands follows Docker: a folder\'s contents are copied into the destination itself, with or without a trailing slash, so `COPY --from=b /opt/venv/ /opt/venv/` keeps the path and `COPY --from=b /opt/venv /opt/` spreads the venv into `/opt`.',
      whyItMatters:
        'A venv is not relocatable: every console script (`gunicorn`, `pip`, …) begins with a shebang naming the absolute path of the venv\'s interpreter, and `pyvenv.cfg` and activation scripts hold the path too. Moved elsewhere, the scripts fail with "no such file or directory" although the file is right there.',
      example: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install gunicorn\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /venv\nCMD ["/venv/bin/gunicorn", "app:app"]\n',
      useInstead: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install gunicorn\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\nCMD ["/opt/venv/bin/gunicorn", "app:app"]\n',
      fixSafety: 'Unsafe: the fix copies the venv to the path it was created at; lines that refer to the other path (`ENV PATH`, `CMD`) must be changed by hand.',
      references: ['https://docs.python.org/3/library/venv.html#how-venvs-work'],
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const stage of ctx.model.stages) {
      if (!stage.reachesFinal) continue;
      for (const copy of stageCopies(sem, stage)) {
        if (!copy.destPath) continue;
        const venv = sem.stage(copy.from).envs.find((e) => e.kind === 'venv' && e.root === copy.sourcePath);
        if (!venv || copy.destPath === venv.root) continue;
        const dest = copy.instr.copy!.dest!;
        ctx.report({
          range: dest.range,
          messageId: 'moved',
          data: { created: venv.root, dest: copy.destPath },
          fixes: [{ title: `Copy the venv to \`${venv.root}\``, applicability: 'unsafe', edits: [{ range: dest.range, newText: venv.root }] }],
        });
      }
    }
  },
});
