// DL3004: `sudo` in a RUN is unnecessary (builds run as the current USER) and unpredictable.
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import { runs } from './util';
import { basename } from '../../model/commands';

/** Words the shell reads as syntax in command position. */
const RESERVED: ReadonlySet<string> = new Set(['if', 'then', 'else', 'elif', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'select', 'function', 'time', 'in', '{', '}', '!', '[[', ']]', 'coproc']);

export default defineRule({
  meta: {
    code: 'DL3004',
    name: 'sudo-in-run',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'security',
    severity: 'error',
    messages: {
      sudo: '`sudo` in a RUN: switch users with USER instead',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags `sudo` used as a command in a RUN instruction.',
      whyItMatters:
        'Build steps already run as the user set by `USER` (root by default), so `sudo` is either pointless or depends on a sudoers setup inside the image. It also means sudo is installed in the image, which widens what an attacker can do. Use `USER root` for the privileged steps and switch back afterwards.',
      example: 'FROM ubuntu:24.04\nRUN sudo apt-get update\n',
      useInstead: 'FROM ubuntu:24.04\nUSER root\nRUN apt-get update\n',
      fixSafety:
        'Unsafe: removes the `sudo` word (and its options). When the current USER is not root the command then runs unprivileged and may fail, or `sudo -u` may have meant another user.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3004', 'https://docs.docker.com/build/building/best-practices/#user'],
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      const i = command.wrappers.findIndex((w) => basename(w.value) === 'sudo');
      const sudo = command.wrappers[i];
      if (!sudo) continue;
      // Only sudo's own words are removed; `sudo -u app` is left for a person to decide.
      const own = command.wrappers.slice(i + 1);
      // Not before a shell reserved word: `sudo if …` runs a program named `if`; without sudo the shell reads an
      // `if` statement, which the rest of the line may not complete (fuzz seed 777 #4623 #22000 #23661).
      const removable = own.every((w) => /^-[EHn]+$/.test(w.value)) && command.wrappers.slice(0, i).length === 0 && !RESERVED.has(command.name.value);
      const fixes: Fix[] = removable
        ? [{ title: 'Remove `sudo`', applicability: 'unsafe', edits: [{ range: { start: sudo.range.start, end: command.name.range.start }, newText: '' }] }]
        : [];
      ctx.report({ range: sudo.range, messageId: 'sudo', fixes });
    }
  },
});
