// LW003: compilers and headers installed with apt/apk in a layer of the final image and not removed in the same RUN.
import { defineRule } from '../rule';
import { buildOnlyCategory } from '../../data/apt-build-packages';
import { ships } from './python-image-helpers';
import { runPackages } from '../../model/packages';
import { splitFix } from '../../assists/split-into-builder-stage';

const WHAT: Record<string, string> = {
  compiler: 'a compiler',
  'build-tool': 'a build tool',
  headers: 'development headers',
  meta: 'the compiler toolchain',
  vcs: 'a build-time tool',
};

export default defineRule({
  meta: {
    code: 'LW003',
    name: 'build-packages-left-in-image',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      left: '`{package}` ({what}) is installed in a layer of the final image and not removed in the same RUN: it ships with the app',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags each build-only package (`build-essential`, `gcc`, `g++`, `make`, `python3-dev`, `*-dev` libraries, `musl-dev`, `linux-headers`, `cargo`/`rustc`, …) installed with `apt-get install` or `apk add` in a stage whose layers become the image, unless the same RUN removes it again: `apt-get purge`/`remove`/`autoremove` of it, `apt-mark auto` (of it, or of `\'.*\'`) followed by `apt-get purge --auto-remove` or `apt-get autoremove` (the pattern of the official python images; `apt-mark manual` of a list saved with `apt-mark showmanual` before the install keeps only the packages that were there before, `apt-mark manual NAME` keeps NAME), `apk del`, or `apk add --virtual NAME` followed by `apk del NAME`. Where the RUN marks or removes packages through a variable the model cannot read, nothing is reported.',
      whyItMatters:
        'Compilers and headers are needed to build wheels, never to run them. `build-essential` alone adds about 250 MB, and every `-dev` package drags in more. Removing them in a later RUN does not shrink the image: the bytes stay in the layer that installed them.',
      example: 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && rm -rf /var/lib/apt/lists/*\nRUN pip install --no-cache-dir psycopg2\n',
      useInstead:
        'FROM python:3.12-slim AS build\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev\nRUN pip wheel --no-cache-dir --wheel-dir /wheels psycopg2\n\nFROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\nCOPY --from=build /wheels /wheels\nRUN pip install --no-cache-dir /wheels/* && rm -rf /wheels\n',
      fixSafety:
        'Unsafe: the fix is the "Split into builder stage" refactor (also `layerwise split`): the build packages and the dependency install move into a builder stage that fills a venv, and the final stage, on the slim variant of the same base, installs only the runtime libraries paired with the `-dev` packages (`libpq5` for `libpq-dev`) and copies the venv. It changes the base image and relies on a table of runtime libraries, so it is never applied by fix-all; it is offered only where the split applies (see [where the split declines](../split.md)).',
      divergences: 'Where DL3008 (apt package without a version pin) reports the same package, the engine shows this finding only: a package that should not be in the image needs no pin (one fault, one finding); a pragma or setting that names either code silences both.',
      references: ['https://docs.docker.com/build/building/multi-stage/', 'https://pythonspeed.com/articles/multi-stage-docker-python/'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions.map((i) => i.trigger ?? i)) {
      const stage = ctx.model.stages[instr.stage];
      if (!instr.run || !ships(stage, instr)) continue;
      // The model follows the RUN's purges, autoremoves after `apt-mark auto` and `apk del`: only a package it
      // proves is still there at the end of the RUN is reported (an unreadable mark or removal is not).
      const packages = runPackages(instr);
      for (const p of packages.installed) {
        const category = buildOnlyCategory(p.name, p.manager);
        if (!category || packages.fate(p).kept !== true) continue;
        // The cure is the builder-stage split (core/assists): every finding of the file carries the same rewrite.
        const split = splitFix(ctx.model, { files: ctx.files, ...(ctx.path ? { path: ctx.path } : {}) });
        ctx.report({ range: p.token.range, messageId: 'left', data: { package: p.token.value, what: WHAT[category] ?? 'build-only' }, fixes: split ? [split] : [] });
      }
    }
  },
});
