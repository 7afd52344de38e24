// Text helpers the assists share: whole-line slices of instructions with their comments, and whole-document edits.
import type { TextEdit } from '../types';
import type { DockerfileModel, Instruction } from '../model/dockerfile';
import type { CommandInfo } from '../model/commands';
import { basename } from '../model/commands';
import { applyEdits, eolOf } from '../text';

export function isCommentLine(line: string): boolean {
  return /^\s*#/.test(line);
}

/**
 * First line of the comment block directly above an instruction (no blank line between), or the instruction's
 * own first line when there is none. Never reaches into the previous instruction.
 */
export function leadingCommentStart(model: DockerfileModel, instr: Instruction): number {
  const prev = model.instructions[instr.index - 1];
  const floor = prev ? prev.endLine + 1 : 0;
  let line = instr.startLine;
  while (line - 1 >= floor && isCommentLine(model.lines.lineText(line - 1)) && !isDirectiveLine(model, line - 1)) line--;
  return line;
}

/** Parser directives (`# syntax=…`, `# escape=…`, `# check=…`) at the top of the file are not user comments of an instruction. */
export function isDirectiveLine(model: DockerfileModel, line: number): boolean {
  for (let i = 0; i <= line; i++) {
    const t = model.lines.lineText(i);
    if (!/^\s*#\s*[a-zA-Z]+\s*=/.test(t)) return false;
  }
  return /^\s*#\s*(syntax|escape|check)\s*=/i.test(model.lines.lineText(line));
}

/** Whole lines `[from, to]` (inclusive) as an array of strings. */
export function linesOf(model: DockerfileModel, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(model.lines.lineText(i));
  return out;
}

/** The instruction's lines with edits (document ranges inside the instruction) applied. */
export function instructionLines(model: DockerfileModel, instr: Instruction, edits: readonly TextEdit[] = []): string[] {
  const startOffset = model.lines.lineStarts[instr.startLine]!;
  const endOffset = model.lines.lineEnd(instr.endLine);
  let text = model.text.slice(startOffset, endOffset);
  if (edits.length) {
    const shifted = edits.map((e) => ({
      range: {
        start: { line: e.range.start.line - instr.startLine, character: e.range.start.character },
        end: { line: e.range.end.line - instr.startLine, character: e.range.end.character },
      },
      newText: e.newText,
    }));
    text = applyEdits(text, shifted);
  }
  return text.split(/\r?\n/);
}

/** The source text of a range of the document. */
export function sourceOf(model: DockerfileModel, r: { start: { line: number; character: number }; end: { line: number; character: number } }): string {
  return model.lines.slice(r);
}

/** One edit replacing the whole document (what a structural rewrite returns), plus the resulting text. */
export function wholeDocumentEdit(model: DockerfileModel, newText: string): { edits: TextEdit[]; text: string } {
  const end = model.lines.positionAt(model.text.length);
  return { edits: [{ range: { start: { line: 0, character: 0 }, end }, newText }], text: newText };
}

/** Joins output lines with the document's line break, keeping whether it ended with one. */
export function joinLines(model: DockerfileModel, lines: readonly string[]): string {
  const eol = eolOf(model.text);
  const trailing = /\r?\n$/.test(model.text) || model.text === '';
  return lines.join(eol) + (trailing ? eol : '');
}

/** Collapses runs of blank lines into one and trims blank lines at both ends. */
export function tidyBlankLines(lines: readonly string[]): string[] {
  const out: string[] = [];
  for (const l of lines) {
    if (l.trim() === '' && (out.length === 0 || out[out.length - 1]!.trim() === '')) continue;
    out.push(l);
  }
  while (out.length && out[out.length - 1]!.trim() === '') out.pop();
  return out;
}

export function commandName(c: CommandInfo): string {
  return basename(c.name.value);
}

/** Applies an action's edits to the model's text (tests and the CLI use the text directly). */
export function applied(model: DockerfileModel, edits: readonly TextEdit[]): string {
  return applyEdits(model.text, edits);
}
