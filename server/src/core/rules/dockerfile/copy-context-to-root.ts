// LW014: `COPY . /` puts the whole build context over the image's root filesystem.
import { defineRule } from '../rule';
import { normalizeContextPath, semanticsFor } from '../../model/semantic';

export default defineRule({
  meta: {
    code: 'LW014',
    name: 'copy-context-to-root',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      toRoot: '`{keyword} {source} {dest}` copies the whole build context into `/`: a `bin/`, `lib/` or `etc/` folder or any stray file of the context lands over the system\'s own; copy it into an application folder such as `/app`',
      toRootWorkdir: '`{keyword} {source} {dest}` copies the whole build context into `/` (the WORKDIR): a `bin/`, `lib/` or `etc/` folder or any stray file of the context lands over the system\'s own; set `WORKDIR /app` or copy into an application folder',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags a `COPY` or `ADD` of the whole build context (`.`, `./`, `/`) whose destination is the root of the file system: `COPY . /`, `ADD ./ /`, `COPY --chown=app . /`, or `COPY . .` after `WORKDIR /`. A relative destination in a stage that sets no WORKDIR is left to DL3045.',
      whyItMatters:
        'The top-level folders of the context merge into the system\'s: a `bin/`, `lib/` or `etc/` folder of the project, or an `.env`, a `Dockerfile` and every other file not excluded by `.dockerignore`, is written over or next to the files of `/etc`, `/usr`, `/bin`. A context file named like a system file silently replaces it, the project is spread over the root instead of living in one folder, and every later change of the context rewrites a layer that sits on top of the whole system.',
      example: 'FROM python:3.12-slim\nCOPY . /\nRUN pip install --no-cache-dir -r /requirements.txt\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      fixSafety: 'No fix: moving the files changes every path the later instructions and the application use.',
      references: [
        'https://docs.docker.com/reference/dockerfile/#copy',
        'https://docs.docker.com/build/building/best-practices/#workdir',
      ],
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const outer of ctx.model.instructions) {
      const instr = outer.trigger ?? outer;
      const copy = instr.copy;
      if (!copy?.dest || copy.from !== undefined || copy.sources.length === 0) continue;
      // A heredoc or URL source is not the context; the expanded source is what Docker resolves in the context.
      const whole = copy.sources.find((s) => !s.value.startsWith('<<') && !/^[a-z][a-z0-9+.-]*:\/\//i.test(s.value) && !s.value.startsWith('git@') && normalizeContextPath(sem.expand(instr, s.value)) === '');
      if (!whole) continue;
      const dest = sem.path(instr, copy.dest.value);
      if (dest !== '/') continue;
      const absolute = sem.expand(instr, copy.dest.value).startsWith('/');
      // Without a WORKDIR of this file a relative destination is relative to the base image's WORKDIR, unknown here.
      if (!absolute && !sem.instr(instr).workdirSet) continue;
      ctx.report({
        range: copy.dest.range,
        messageId: absolute ? 'toRoot' : 'toRootWorkdir',
        data: { keyword: instr.keyword, source: whole.value, dest: copy.dest.value },
      });
    }
  },
});
