// JSONArgsRecommended: CMD/ENTRYPOINT in shell form, where `/bin/sh -c` becomes PID 1 and the program never sees SIGTERM.
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import { semanticsFor } from '../../model/semantic';

const TRIVIAL_WORD = /^[A-Za-z0-9_./:=@%+,-]+$/;
const SHELL_SYNTAX = /[|&;<>()`$*?[\]{}~!#\\]/;

export default defineRule({
  meta: {
    code: 'JSONArgsRecommended',
    name: 'json-args-recommended',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      shellForm: '`{keyword}` in shell form runs under `/bin/sh -c`, which does not pass stop signals on: write it as a JSON array',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags `CMD` and `ENTRYPOINT` written in shell form (`CMD gunicorn app:app`) in a stage where no `SHELL` instruction chose the shell explicitly (in the stage or a stage it builds on).',
      whyItMatters:
        'In shell form Docker runs `/bin/sh -c "<command>"`: the shell is PID 1, and `docker stop` sends SIGTERM to the shell, not to the program. The program is killed after the grace period instead of shutting down cleanly (open requests dropped, files half-written), and every stop takes ten seconds.',
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn\nCMD gunicorn --bind 0.0.0.0:8000 app:app\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir gunicorn\nCMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]\n',
      fixSafety:
        'Safe when the command is plain words (no quotes, variables, globs or shell operators): the same program gets the same arguments. Unsafe when the words were quoted: the split follows Layerwise\'s reading of plain single and double quotes, not a real shell. No fix when the command uses variables, globs or shell syntax (pipes, `&&`, redirections), starts with a shell builtin (`source`, `cd`, `export`) or sets a variable (`FLASK_APP=app.py flask run`): a JSON array runs no shell, so wrap such commands in a script instead. A leading `exec` is dropped: the array runs the program in the shell\'s place, as `exec` did.',
      references: ['https://docs.docker.com/reference/build-checks/json-args-recommended/', 'https://docs.docker.com/reference/dockerfile/#shell-and-exec-form'],
      divergences: 'hadolint\'s DL3025 flags the same pattern; it ignores `SHELL`, while this check (like BuildKit) stays quiet when a `SHELL` instruction chose the shell on purpose. Where hadolint\'s DL3025 reports the same range, the engine shows this finding only (same fault, one finding), with the more severe of the two levels and any fix only DL3025 offers; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      const inherited = semanticsFor(ctx).stage(stage).lineage.slice(1).some((s) => s.instructions.some((i) => i.keyword === 'SHELL'));
      let shellSet = inherited;
      for (const instr of stage.instructions) {
        if (instr.keyword === 'SHELL') shellSet = true;
        if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') continue;
        if (instr.jsonForm || shellSet || !instr.argsRange || instr.argsText.trim() === '' || instr.argsText.trim().startsWith('[')) continue;
        ctx.report({ range: instr.argsRange, messageId: 'shellForm', data: { keyword: instr.keyword }, fixes: toJsonFix(model, instr) });
      }
    }
  },
});

const SHELL_ONLY = new Set(['exec', 'source', '.', 'cd', 'export', 'set', 'unset', 'eval', 'if', 'for', 'while', 'until', 'case', 'ulimit', 'umask', 'trap', 'alias', 'readonly', 'shift', 'wait', '{', '(', '!', 'local', 'declare', 'typeset']);

function toJsonFix(model: DockerfileModel, instr: Instruction): Fix[] {
  if (!instr.argsRange || instr.startLine !== instr.endLine) return [];
  let text = model.lines.slice(instr.argsRange).trim();
  // `exec prog args` in a shell form runs prog in the shell's place: the JSON array of `prog args` does the same.
  const exec = /^exec\s+(?!-)/.exec(text);
  if (exec) text = text.slice(exec[0].length);
  const first = text.split(/\s+/)[0] ?? '';
  // A shell builtin or keyword, or a variable assignment, is no program a JSON array could run.
  if (SHELL_ONLY.has(first) || /^[A-Za-z_][A-Za-z0-9_]*=/.test(first)) return [];
  const plain = text.split(/\s+/);
  if (plain.every((w) => TRIVIAL_WORD.test(w))) {
    return [{ title: 'Write as a JSON array', applicability: 'safe', edits: [{ range: instr.argsRange, newText: JSON.stringify(plain).replace(/","/g, '", "') }] }];
  }
  const words = splitQuoted(text);
  if (!words) return [];
  return [{ title: 'Write as a JSON array (variables are no longer expanded)', applicability: 'unsafe', edits: [{ range: instr.argsRange, newText: JSON.stringify(words).replace(/","/g, '", "') }] }];
}

/** Splits words with plain single/double quotes; undefined when the text needs a real shell. */
function splitQuoted(text: string): string[] | undefined {
  const words: string[] = [];
  const re = /"([^"\\$`]*)"|'([^']*)'|([^\s"']+)|(\s+)/g;
  let current: string | undefined;
  let m: RegExpExecArray | null;
  let consumed = 0;
  while ((m = re.exec(text))) {
    consumed = re.lastIndex;
    if (m[4] !== undefined) {
      if (current !== undefined) words.push(current);
      current = undefined;
      continue;
    }
    const bare = m[3];
    if (bare !== undefined && SHELL_SYNTAX.test(bare)) return undefined;
    current = (current ?? '') + (m[1] ?? m[2] ?? bare ?? '');
  }
  if (consumed !== text.length) return undefined;
  if (current !== undefined) words.push(current);
  return words;
}
