// Small helpers the Dockerfile rules share: edits next to tokens, RUN walking, cache-mount checks.
import type { Range, TextEdit } from '../../types';
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import type { CommandInfo, Token } from '../../model/commands';

/**
 * Whether an instruction's last line ends in the escape character with nothing after it but comments or blank lines
 * (`RUN \` at the end of the file): Docker would read lines inserted after it as more of the same instruction.
 */
export function continuationOpen(model: DockerfileModel, instr: Instruction): boolean {
  const esc = model.escapeChar;
  for (let line = instr.endLine; line >= instr.startLine; line--) {
    const text = model.lines.lineText(line).replace(/\r$/, '').trimEnd();
    if (text === '' || (line > instr.startLine && /^\s*#/.test(text))) continue;
    return text.endsWith(esc);
  }
  return false;
}

export function insertAfter(r: Range, text: string): TextEdit {
  return { range: { start: r.end, end: r.end }, newText: text };
}

export function replace(r: Range, text: string): TextEdit {
  return { range: r, newText: text };
}

export function spanOf(a: { range: Range }, b: { range: Range }): Range {
  return { start: a.range.start, end: b.range.end };
}

type RunCommand = { readonly instr: Instruction; readonly stage: Stage | undefined; readonly command: CommandInfo };
/** Listed once per model: most rules walk every command, and a generator per rule made one object per command each time. */
const runsOf = new WeakMap<DockerfileModel, readonly RunCommand[]>();

/** Every RUN of the file (ONBUILD triggers included), with its stage. */
export function runs(model: DockerfileModel): readonly RunCommand[] {
  let out = runsOf.get(model);
  if (!out) {
    const list: RunCommand[] = [];
    for (const instr of model.instructions) {
      const target = instr.trigger ?? instr;
      if (!target.run) continue;
      const stage = model.stages[instr.stage];
      for (const command of target.run.commands) list.push({ instr: target, stage, command });
    }
    runsOf.set(model, (out = list));
  }
  return out;
}

/** The range covering the launcher and the subcommand: `pip install`, `python -m pip install`, `apt-get install`. */
export function commandSpan(command: CommandInfo, sub: Token | undefined): Range {
  return sub ? { start: command.name.range.start, end: sub.range.end } : command.name.range;
}

/** True when a `RUN --mount=type=cache` covers a path that matches. */
export function hasCacheMount(instr: Instruction, matches: (target: string) => boolean): boolean {
  return (instr.run?.mounts ?? []).some((m) => m.type === 'cache' && m.target !== undefined && matches(m.target));
}

export function truthyEnv(v: string | undefined): boolean {
  if (v === undefined) return false;
  return v !== '' && !/^(0|false|no|off)$/i.test(v.trim());
}

/** Whole lines an instruction spans, as a range from column 0 to the start of the next line. */
export function fullLinesRange(model: DockerfileModel, startLine: number, endLine: number): Range {
  const next = endLine + 1;
  if (next < model.lines.lineCount) return { start: { line: startLine, character: 0 }, end: { line: next, character: 0 } };
  return { start: { line: startLine, character: 0 }, end: { line: endLine, character: model.lines.lineText(endLine).length } };
}

/** Inserts a flag after a word of a RUN: ` --flag` in shell form, `, "--flag"` in exec (JSON) form. */
export function insertFlagAfter(instr: Instruction, word: Token, flag: string): TextEdit {
  return insertAfter(word.range, instr.run?.form === 'exec' ? `, "${flag}"` : ` ${flag}`);
}
