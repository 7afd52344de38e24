// DL3047: `wget` without `--progress` fills the build log with a progress line per few kilobytes.
import { defineRule } from '../rule';
import { insertWord, runInstructions, toolName } from './package-manager-helpers';

function quietOrLogged(args: readonly { value: string }[]): boolean {
  return args.some((a) => {
    const v = a.value;
    if (/^--(progress|quiet|no-verbose|output-file|append-output)(=|$)/.test(v) || v === '-nv') return true;
    if (!/^-[A-Za-z]/.test(v)) return false;
    // A short-option cluster (`-qO-`): letters up to the first one that takes a value glued to it.
    for (const ch of v.slice(1)) {
      if (ch === 'q' || ch === 'o' || ch === 'a') return true;
      if (!/[a-zA-Z]/.test(ch) || 'OPTtUeYDBIXRAlwQ'.includes(ch)) return false;
    }
    return false;
  });
}

export default defineRule({
  meta: {
    code: 'DL3047',
    name: 'wget-without-progress',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'info',
    messages: { noProgress: '`wget` without `--progress` floods the build log: add `--progress=dot:giga`' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `wget` run without `--progress`, `-q`/`--quiet`, `-nv`/`--no-verbose` or a log file (`-o`, `-a`).',
      whyItMatters: 'Without a terminal wget prints its progress as rows of dots, one line per 50 KB by default: downloading a large file adds thousands of lines to the build log and makes real errors hard to find.',
      example: 'FROM debian:bookworm-slim\nRUN wget https://example.com/tool.tar.gz\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN wget --progress=dot:giga https://example.com/tool.tar.gz\n',
      fixSafety: 'Safe: `--progress=dot:giga` changes only how progress is printed.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3047', 'https://www.gnu.org/software/wget/manual/wget.html#Download-Options'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      for (const command of instr.run!.commands) {
        if (toolName(command) !== 'wget' || quietOrLogged(command.args)) continue;
        ctx.report({
          range: command.name.range,
          messageId: 'noProgress',
          fixes: [{ title: 'Add `--progress=dot:giga`', applicability: 'safe', edits: [insertWord(instr, command.name, '--progress=dot:giga')] }],
        });
      }
    }
  },
});
