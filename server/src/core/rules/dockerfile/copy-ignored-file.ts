// CopyIgnoredFile: COPY/ADD of a build-context path that the `.dockerignore` excludes, so the build cannot see it.
import * as posix from '../../path';
import { defineRule } from '../rule';
import { buildContextFor } from '../../model/build-context';

export default defineRule({
  meta: {
    code: 'CopyIgnoredFile',
    name: 'copy-ignored-file',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      ignored: '`{keyword}` source `{source}` is excluded by {file}, so it is not in the build context',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Reads the `.dockerignore` that applies to this Dockerfile (`<Dockerfile>.dockerignore` next to it, else `.dockerignore` at the root of the build context: the Dockerfile\'s folder, or the folder the `context` setting names) and flags a `COPY`/`ADD` source from the build context that it excludes, directly or through a parent folder, with Docker\'s matching rules. `COPY . …` is flagged when the patterns exclude every top-level name. Like BuildKit, it stays quiet when the file has `!` exceptions, which cannot be judged without listing the context.',
      whyItMatters: 'An excluded path is not sent to the builder: the build fails with "not found", or, for a folder, silently copies less than the line promises.',
      example: 'FROM python:3.12-slim\nCOPY requirements.txt .\n',
      useInstead: 'FROM python:3.12-slim\nCOPY pyproject.toml .\n',
      exampleFiles: { '.dockerignore': '*.txt\n' },
      fixSafety: 'No fix: either the line or the `.dockerignore` is wrong, and only the author knows which.',
      references: ['https://docs.docker.com/reference/build-checks/copy-ignored-file/', 'https://docs.docker.com/build/concepts/context/#dockerignore-files'],
      divergences:
        'BuildKit\'s documentation shows `*/tmp/*` excluding `./tmp/helloworld.txt`; with Docker\'s matching rules `*` needs a folder before `tmp/`, so BuildKit itself does not report it, and neither does Layerwise.',
    },
  },
  check(ctx) {
    const bc = buildContextFor(ctx);
    const file = bc.ignoreFile;
    if (!file || bc.dockerfilePath === undefined) return;
    const patterns = bc.ignorePatterns;
    if (!patterns || patterns.patterns.length === 0 || patterns.hasExceptions) return;
    // `COPY .` is empty only when every top-level name is excluded (a plain and a dot name stand for them all).
    const excluded = (p: string): boolean => (p === '.' || p === '' ? bc.ignores('a') && bc.ignores('.a') : bc.ignores(p));
    const name = bc.shown(file.path);
    for (const instr of ctx.model.instructions) {
      const copy = instr.copy;
      if (!copy || copy.from !== undefined) continue;
      for (const src of copy.sources) {
        const v = src.value;
        if (v.startsWith('<<') || v.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || v.startsWith('git@')) continue;
        const clean = posix.normalize(v.replace(/\\/g, '/')).replace(/^\/+/, '').replace(/\/+$/, '') || '.';
        if (clean.startsWith('..')) continue;
        if (!excluded(clean)) continue;
        ctx.report({ range: src.range, messageId: 'ignored', data: { keyword: instr.keyword, source: v, file: `\`${name}\`` } });
      }
    }
  },
});
