// LW052: a Python environment copied between stages whose libc or Python minor differ, so compiled wheels will not load.
import { defineRule } from '../rule';
import { semanticsFor } from '../../model/semantic';
import { MULTI_STAGE_CODES, envOfPath, sitePackagesVersion, stageCopies } from './multi-stage-helpers';

export default defineRule({
  meta: {
    code: MULTI_STAGE_CODES.builderFinalAbiMismatch,
    name: 'builder-final-abi-mismatch',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      libc: 'Packages built on `{fromImage}` ({fromLibc}) are copied into `{toImage}` ({toLibc}): compiled extensions will not load',
      python: 'Packages built for Python {fromPython} on `{fromImage}` are copied into Python {toPython} on `{toImage}`: they will not be found or will not load',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags `COPY --from=<stage>` of a Python environment (a venv, a `pip --prefix`/`--target`/`--user` folder or site-packages) when the two stages\' base images differ in C library (glibc vs musl) or in Python minor version.',
      whyItMatters:
        'Wheels with C extensions are built for one Python ABI (`cp312`) and one libc (`manylinux` = glibc, `musllinux` = musl). A venv built on `python:3.12` (Debian, glibc) and copied onto `python:3.12-alpine` fails with "Error loading shared library"; one built on 3.11 and copied onto 3.12 cannot even find its packages, and its `bin/python` link points at an interpreter that is not there.',
      example: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n\nFROM python:3.12-alpine\nCOPY --from=builder /opt/venv /opt/venv\n',
      useInstead: 'FROM python:3.12 AS builder\nRUN python -m venv /opt/venv && /opt/venv/bin/pip install psycopg2\n\nFROM python:3.12-slim\nCOPY --from=builder /opt/venv /opt/venv\n',
      fixSafety: 'No automatic fix: pick one base family (and one Python) for both stages.',
      references: ['https://peps.python.org/pep-0600/', 'https://peps.python.org/pep-0656/', 'https://docs.python.org/3/library/venv.html'],
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const stage of ctx.model.stages) {
      if (!stage.reachesFinal) continue;
      const to = sem.stage(stage).image;
      for (const copy of stageCopies(sem, stage)) {
        const from = sem.stage(copy.from).image;
        const isEnv = envOfPath(sem.stage(copy.from).envs, copy.sourcePath) !== undefined || sitePackagesVersion(copy.sourcePath) !== undefined;
        if (!isEnv) continue;
        const range = copy.instr.flags.find((f) => f.name.toLowerCase() === 'from')?.valueRange ?? copy.source.range;
        const data = { fromImage: sem.stage(copy.from).root.from.image, toImage: sem.stage(stage).root.from.image };
        if (from.libc && to.libc && from.libc !== to.libc) {
          ctx.report({ range, messageId: 'libc', data: { ...data, fromLibc: from.libc, toLibc: to.libc } });
          continue;
        }
        if (from.pythonMinor && to.pythonMinor && from.family === 'python' && to.family === 'python' && from.pythonMinor !== to.pythonMinor) {
          ctx.report({ range, messageId: 'python', data: { ...data, fromPython: from.pythonMinor, toPython: to.pythonMinor } });
        }
      }
    }
  },
});
