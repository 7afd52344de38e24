// DL3028: `gem install name` without a version installs whatever rubygems.org has that day.
import { defineRule } from '../rule';
import type { Token } from '../../model/commands';
import { runs } from './util';
import { commandName } from './hadolint-helpers';

const VALUE_FLAGS = new Set(['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-p', '--http-proxy', '--platform', '-g', '--file', '--build-root', '--document', '-P', '--trust-policy']);

export default defineRule({
  meta: {
    code: 'DL3028',
    name: 'gem-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      unpinned: 'Gem `{gem}` is not pinned: write `{gem}:<version>` or add `-v <version>`',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags gems given to `gem install` (or `gem i`) without a version (`name:1.2.3`, or `-v`/`--version` on the command).',
      whyItMatters: 'An unpinned gem resolves to the newest release at build time, so two builds of one Dockerfile can install different versions.',
      example: 'FROM ruby:3.3-slim\nRUN gem install bundler\n',
      useInstead: 'FROM ruby:3.3-slim\nRUN gem install bundler:2.5.22\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3028', 'https://guides.rubygems.org/command-reference/#gem-install'],
      divergences: 'Each unpinned gem is reported at its own name (hadolint reports the RUN once); gems given through a variable are not judged.',
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      if (commandName(command) !== 'gem') continue;
      const args = command.args;
      const subAt = args.findIndex((a) => !a.value.startsWith('-'));
      if (subAt < 0 || (args[subAt]!.value !== 'install' && args[subAt]!.value !== 'i')) continue;
      if (args.some((a) => a.value === '-v' || a.value === '--version' || a.value.startsWith('--version='))) continue;
      const gems: Token[] = [];
      for (let i = subAt + 1; i < args.length; i++) {
        const v = args[i]!.value;
        if (v === '--') break; // what follows goes to the gem's build
        if (v.startsWith('-')) {
          const next = args[i + 1]?.value;
          // A value after an option: known value options, or a bare boolean after an unknown long option.
          if (!v.includes('=') && (VALUE_FLAGS.has(v) || (v.startsWith('--') && next !== undefined && /^(true|false|yes|no)$/.test(next)))) i++;
          continue;
        }
        gems.push(args[i]!);
      }
      for (const g of gems) {
        if (g.value.includes(':') || g.dynamic || g.value.includes('$') || g.value.endsWith('.gem')) continue;
        ctx.report({ range: g.range, messageId: 'unpinned', data: { gem: g.value } });
      }
    }
  },
});
