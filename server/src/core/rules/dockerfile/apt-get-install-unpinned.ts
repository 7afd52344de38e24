// DL3008: `apt-get install pkg` without `=version` installs whatever the mirror has that day.
import { defineRule } from '../rule';
import { runs } from './util';

export default defineRule({
  meta: {
    code: 'DL3008',
    name: 'apt-get-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      unpinned: 'Package `{package}` is not pinned: write `{package}=<version>`',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags packages given to `apt-get install` without a version (`pkg=1.2.3-1`); local `.deb` files and packages given through variables are skipped.',
      whyItMatters:
        'Without a pin, two builds of the same Dockerfile can install different versions, so a rebuild may change behaviour or break. Pinning makes the change visible in a diff when it happens.',
      example: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      useInstead:
        'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u12 && rm -rf /var/lib/apt/lists/*\n',
      fixSafety: 'No fix: the version the mirror serves cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3008', 'https://docs.docker.com/build/building/best-practices/#apt-get'],
      divergences: 'Each unpinned package is reported at its own name (hadolint reports the RUN once); packages given through a variable are not judged. A build-only package left in the final image (`gcc`, a `-dev` library) is reported by LW003 instead, at the same name: the fix there is to take it out of the image, which makes the pin moot (one fault, one finding); a pragma or setting that names DL3008 still silences it.',
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      const apt = command.apt;
      if (!apt || apt.tool !== 'apt-get' || apt.sub !== 'install') continue;
      for (const p of apt.packages) {
        const v = p.value;
        if (v.includes('=') || v.endsWith('.deb') || p.dynamic || v.includes('$')) continue;
        ctx.report({ range: p.range, messageId: 'unpinned', data: { package: v } });
      }
    }
  },
});
