// "Merge consecutive RUN instructions": one layer instead of several, joined with `&&` so a failure still stops the build.
import { buildDockerfileModel, type Instruction } from '../model/dockerfile';
import { basename } from '../model/commands';
import { declined, defineAssist, type AssistResult } from './assist';
import { joinLines, leadingCommentStart, linesOf, wholeDocumentEdit } from './util';

/** Commands whose effect would leak into the next RUN's commands once they share a shell. */
const LEAKS = new Set(['cd', 'export', 'set', 'source', '.', 'umask', 'alias', 'shopt', 'unset', 'exit', 'pushd', 'popd']);

export default defineAssist({
  id: 'merge-consecutive-runs',
  title: 'Merge consecutive RUN instructions',
  kind: 'refactor.rewrite',
  run(model, ctx): AssistResult {
    const line = ctx.range?.start.line;
    const at = model.instructions.find((i) => i.keyword === 'RUN' && (line === undefined || (line >= i.startLine && line <= i.endLine)));
    if (!at) return declined('no RUN here');
    const mergeable = (i: Instruction | undefined): i is Instruction =>
      !!i && i.keyword === 'RUN' && i.stage === at.stage && i.run?.form === 'shell' && i.flags.length === 0 && !i.onbuild;
    if (!mergeable(at)) return declined('only shell-form RUNs without flags are merged');
    let first = at.index;
    while (mergeable(model.instructions[first - 1])) first--;
    let last = at.index;
    while (mergeable(model.instructions[last + 1])) last++;
    if (first === last) return declined('the RUN has no RUN right before or after it');
    const group = model.instructions.slice(first, last + 1);
    // Only RUNs whose shell the model read in full: a body with a syntax error, a heredoc or no command at all
    // cannot be proven to mean the same once joined with `&&`.
    const unclear = group.find((i) => !i.run!.script || i.run!.script.hasErrors || i.run!.commands.length === 0 || /<</.test(model.lines.slice(i.run!.bodyRange)));
    if (unclear) return declined(`the RUN on line ${unclear.startLine + 1} is not a plain shell command list that can be joined with \`&&\``);
    for (const i of group.slice(0, -1)) {
      const leak = i.run!.commands.find((c) => !c.substituted && LEAKS.has(basename(c.name.value)));
      if (leak) return declined(`line ${i.startLine + 1} runs \`${leak.name.value}\`, which would change what the next RUN's commands see`);
    }
    const comments: string[] = [];
    const bodies: string[] = [];
    for (const [k, i] of group.entries()) {
      if (k > 0) comments.push(...linesOf(model, leadingCommentStart(model, i), i.startLine - 1).filter((l) => l.trim() !== ''));
      let body = model.lines.slice(i.run!.bodyRange).replace(/[\s;]+$/, '');
      // `a; b` or `a || b` followed by `&& c` would let a failure of `a` pass: keep each body one command.
      const ops = i.run!.script?.operators.map((o) => o.op) ?? [];
      if (ops.some((o) => o !== '&&' && o !== '|')) body = `{ ${body}; }`;
      bodies.push(body);
    }
    const head = linesOf(model, 0, leadingCommentStart(model, group[0]!) - 1);
    const firstComments = linesOf(model, leadingCommentStart(model, group[0]!), group[0]!.startLine - 1);
    // The file's escape character (`# escape=`` ` ``), not always a backslash.
    const merged = `RUN ${bodies.join(` ${model.escapeChar}\n    && `)}`.split('\n');
    const tail = linesOf(model, group[group.length - 1]!.endLine + 1, model.lines.lineCount - 1);
    const out = [...head, ...firstComments, ...comments, ...merged, ...tail];
    while (out.length && out[out.length - 1] === '') out.pop();
    const { edits, text } = wholeDocumentEdit(model, joinLines(model, out));
    // The joined RUN must parse as cleanly as its parts did (a body ending in `&` or a stray continuation would not).
    const joined = buildDockerfileModel(text).instructions.find((i) => i.keyword === 'RUN' && i.startLine === group[0]!.startLine + comments.length);
    const parts = group.reduce((n, i) => n + i.run!.commands.length, 0);
    if (!joined?.run?.script || joined.run.script.hasErrors || joined.run.commands.length !== parts) return declined('the joined RUN would not parse as the separate ones do');
    return { applies: true, actions: [{ title: `Merge ${group.length} consecutive RUN instructions`, edits, text }] };
  },
});
