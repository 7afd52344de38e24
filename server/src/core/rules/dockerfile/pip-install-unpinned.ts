// DL3013: `pip install pkg` without a version specifier installs whatever PyPI has that day.
import { defineRule } from '../rule';
import type { Token } from '../../model/commands';
import { runs } from './util';
import { commandName, positionalArgs } from './hadolint-helpers';

const SPECIFIERS = ['==', '>=', '<=', '>', '<', '!=', '~=', '==='];
const VCS = /^(git|hg|svn|bzr)(\+[a-z-]+)?:/;
const PIPX_VALUE_FLAGS = new Set(['--python', '--index-url', '-i', '--pip-args', '--suffix', '--global', '--preinstall']);

function pinned(spec: string): boolean {
  if (SPECIFIERS.some((s) => spec.includes(s))) return true;
  if (VCS.test(spec)) {
    // A ref after the repository path (`repo.git@v1.2`); the `user@` of the host does not count.
    const path = spec.split('#')[0]!.replace(/^[^:]+:\/\/[^/]*/, '');
    return path.includes('@');
  }
  if (spec.startsWith('.')) return true;
  if (spec.endsWith('.whl') || spec.endsWith('.tar.gz') || spec.endsWith('.zip')) return true;
  return spec.includes('/');
}

export default defineRule({
  meta: {
    code: 'DL3013',
    name: 'pip-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      unpinned: 'Package `{package}` is not pinned: write `{package}==<version>` or install from a requirements file',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags packages given to `pip install` (also `pip3`, `python -m pip`, `pipx install`) without a version specifier. Installs from requirements files (`-r`), with a constraints file (`-c`), of local paths, archives and wheels, and of VCS URLs with a ref (`@v1.2`) are not flagged.',
      whyItMatters:
        'An unpinned package resolves to the newest release at build time, so a rebuild can pull a new major version that breaks the application, or a different set of native wheels that changes the image size.',
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.0.3\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3013', 'https://pip.pypa.io/en/stable/topics/repeatable-installs/'],
      divergences: 'Each unpinned package is reported at its own name (hadolint reports the RUN once); packages given through a variable are not judged.',
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      let packages: Token[];
      const pip = command.pip;
      if (pip && pip.tool === 'pip' && pip.sub === 'install') {
        if (pip.requirements.length || pip.constraints.length || command.args.some((a) => a.value === '.')) continue;
        packages = pip.packages;
      } else if (commandName(command) === 'pipx' && command.args[0]?.value === 'install') {
        packages = positionalArgs(command.args.slice(1), PIPX_VALUE_FLAGS);
      } else continue;
      for (const p of packages) {
        if (p.dynamic || p.value.includes('$') || pinned(p.value)) continue;
        ctx.report({ range: p.range, messageId: 'unpinned', data: { package: p.value } });
      }
    }
  },
});
