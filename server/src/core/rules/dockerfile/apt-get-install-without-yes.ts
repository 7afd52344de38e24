// DL3014: `apt-get install` without `-y` waits for a confirmation a build cannot give.
import { defineRule } from '../rule';
import { commandSpan, insertFlagAfter, runs } from './util';

/** `-qq`, `-q -q`, `-q=2`, `--quiet --quiet` imply `--assume-yes` in apt-get. */
function quietLevel(options: { value: string }[]): number {
  let level = 0;
  for (const { value: v } of options) {
    if (v === '--quiet' || v === '-q') level++;
    else if (/^(-q|--quiet)=(\d+)$/.test(v)) level += Number(/=(\d+)$/.exec(v)![1]);
    else if (/^-[a-zA-Z]+$/.test(v) && !v.startsWith('--')) level += (v.match(/q/g) ?? []).length;
  }
  return level;
}

export default defineRule({
  meta: {
    code: 'DL3014',
    name: 'apt-get-install-without-yes',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      noYes: '`{command}` asks for confirmation: add `-y`',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `apt-get install` without `-y` / `--yes` / `--assume-yes` (a quiet level of 2, `-qq`, implies yes and is accepted).',
      whyItMatters: 'Without `-y`, apt-get stops to ask whether to continue whenever it installs more than was asked for; a build has no terminal to answer, so the step aborts.',
      example: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install --no-install-recommends curl\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
      fixSafety: 'Safe: adds `-y` after `install`; the packages installed do not change.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3014', 'https://manpages.debian.org/apt-get.8'],
    },
  },
  check(ctx) {
    for (const { instr, command } of runs(ctx.model)) {
      const apt = command.apt;
      if (!apt || apt.tool !== 'apt-get' || apt.sub !== 'install' || apt.assumeYes) continue;
      if (apt.options.some((o) => /^-[a-zA-Z]*y/.test(o.value)) || quietLevel(apt.options) >= 2) continue;
      ctx.report({
        range: commandSpan(command, apt.subToken),
        messageId: 'noYes',
        data: { command: `${command.name.value} install` },
        fixes: apt.subToken ? [{ title: 'Add `-y`', applicability: 'safe', edits: [insertFlagAfter(instr, apt.subToken, '-y')] }] : [],
      });
    }
  },
});
