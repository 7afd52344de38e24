// DL3016: `npm install pkg` without `@version` installs whatever the registry has that day.
import { defineRule } from '../rule';
import { runs } from './util';
import { commandName, positionalArgs } from './hadolint-helpers';

const VALUE_FLAGS = new Set(['--registry', '--loglevel', '--prefix', '--cache', '--userconfig', '--tag', '--omit', '--include', '--install-strategy', '-w', '--workspace', '--before']);

function pinned(pkg: string): boolean {
  if (/^git(\+(ssh|https?))?:\/\//.test(pkg)) return pkg.includes('#');
  if (['.tar', '.tar.gz', '.tgz'].some((s) => pkg.endsWith(s))) return true;
  if (['/', './', '../', '~/'].some((p) => pkg.startsWith(p))) return true;
  const name = pkg.startsWith('@') ? pkg.slice(pkg.indexOf('/') + 1) : pkg;
  return name.includes('@');
}

export default defineRule({
  meta: {
    code: 'DL3016',
    name: 'npm-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      unpinned: 'Package `{package}` is not pinned: write `{package}@<version>`',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags packages given to `npm install` without a version, tag or commit (`express@4.19.2`, `git+https://…#v1.0`). `npm install` without packages (installing `package.json`), tarballs and folders are not flagged.',
      whyItMatters: 'An unpinned package resolves to the newest release at build time, so rebuilding the same Dockerfile can bring in a breaking release.',
      example: 'FROM node:22-slim\nRUN npm install -g pnpm\n',
      useInstead: 'FROM node:22-slim\nRUN npm install -g pnpm@9.12.0\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3016', 'https://docs.npmjs.com/cli/commands/npm-install'],
      divergences: 'Each unpinned package is reported at its own name (hadolint reports the RUN once); packages given through a variable are not judged.',
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      if (commandName(command) !== 'npm') continue;
      const args = positionalArgs(command.args, VALUE_FLAGS);
      if (args[0]?.value !== 'install' && args[0]?.value !== 'i') continue;
      for (const p of args.slice(1)) {
        if (p.dynamic || p.value.includes('$') || pinned(p.value)) continue;
        ctx.report({ range: p.range, messageId: 'unpinned', data: { package: p.value } });
      }
    }
  },
});
