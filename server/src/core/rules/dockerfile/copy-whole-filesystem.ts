// DL3067: `COPY --from=stage / /` copies a whole root filesystem over the current one.
import { defineRule } from '../rule';
import { unquoteValue } from './package-manager-helpers';

export default defineRule({
  meta: {
    code: 'DL3067',
    name: 'copy-whole-filesystem',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: { wholeFs: '`COPY --from={from} / /` copies the entire filesystem of `{from}`: copy only the paths you need' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `COPY --from=<stage or image> / /`.',
      whyItMatters: 'It overlays the whole of another image, package databases, caches and build tools included, on top of the current stage: the image grows and the point of a multi-stage build is lost.',
      example: 'FROM python:3.12 AS build\nRUN pip install --no-cache-dir --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build / /\n',
      useInstead: 'FROM python:3.12 AS build\nRUN pip install --no-cache-dir --prefix=/install flask\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n',
      fixSafety: 'No fix: which paths are needed depends on what the stage built.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3067'],
    },
  },
  check(ctx) {
    for (const outer of ctx.model.instructions) {
      const instr = outer.trigger ?? outer;
      const copy = instr.copy;
      if (!copy || copy.isAdd || copy.from === undefined || !copy.dest || copy.sources.length !== 1) continue;
      if (unquoteValue(copy.sources[0]!.value) !== '/' || unquoteValue(copy.dest.value) !== '/') continue;
      ctx.report({ range: { start: copy.sources[0]!.range.start, end: copy.dest.range.end }, messageId: 'wholeFs', data: { from: copy.from } });
    }
  },
});
