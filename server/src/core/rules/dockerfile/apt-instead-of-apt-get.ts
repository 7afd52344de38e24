// DL3027: `apt` is meant for people at a terminal; scripts should use `apt-get` (or `apt-cache`).
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import { replace, runs } from './util';
import { commandName } from './hadolint-helpers';

/** apt subcommands apt-get has with the same meaning. */
const SAME_IN_APT_GET = new Set(['install', 'update', 'upgrade', 'dist-upgrade', 'remove', 'purge', 'autoremove', 'clean', 'autoclean', 'source', 'build-dep', 'download', 'satisfy']);

export default defineRule({
  meta: {
    code: 'DL3027',
    name: 'apt-instead-of-apt-get',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      apt: '`apt` has no stable command-line interface for scripts: use `apt-get`',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags the `apt` command in RUN instructions.',
      whyItMatters:
        '`apt` is the interactive front end: its output and behaviour may change between releases and it warns that its CLI is not stable for scripts. `apt-get` and `apt-cache` are the stable interfaces for builds.',
      example: 'FROM debian:bookworm-slim\nRUN apt update && apt install -y curl\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y curl\n',
      fixSafety: 'Safe for subcommands apt-get has with the same meaning (`install`, `update`, `upgrade`, `remove`, `purge`, `autoremove`, `clean`, …); no fix for `apt list`, `apt search`, `apt show` and other apt-only subcommands.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3027', 'https://manpages.debian.org/apt.8'],
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      if (commandName(command) !== 'apt') continue;
      const sub = command.apt?.sub;
      const fixes: Fix[] =
        sub !== undefined && SAME_IN_APT_GET.has(sub) && command.name.value === 'apt'
          ? [{ title: 'Use `apt-get`', applicability: 'safe', edits: [replace(command.name.range, 'apt-get')] }]
          : [];
      ctx.report({ range: command.name.range, messageId: 'apt', fixes });
    }
  },
});
