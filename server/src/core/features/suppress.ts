// Edits that silence a finding with a pragma comment, for the instruction or for the whole file.
import type { Position, TextEdit } from '../types';
import type { DockerfileModel } from '../model/dockerfile';
import { eolOf } from '../text';

function syntaxFor(code: string): 'hadolint' | 'layerwise' {
  // hadolint's own pragma keeps working when the team also runs hadolint.
  return /^(DL|SC)\d+$/.test(code) ? 'hadolint' : 'layerwise';
}

export function ignoreForInstructionEdit(model: DockerfileModel, code: string, at: Position): TextEdit | undefined {
  const instr = model.instructions.find((i) => i.startLine <= at.line && at.line <= i.endLine);
  if (!instr) return undefined;
  const syntax = syntaxFor(code);
  const above = instr.startLine > 0 ? model.lines.lineText(instr.startLine - 1) : '';
  const existing = new RegExp(`^(\\s*#\\s*${syntax}\\s+ignore\\s*=\\s*)([A-Za-z0-9_,\\s-]+?)\\s*$`, 'i').exec(above);
  if (existing) {
    const line = instr.startLine - 1;
    return { range: { start: { line, character: 0 }, end: { line, character: above.length } }, newText: `${existing[1]}${existing[2]},${code}` };
  }
  const indent = /^\s*/.exec(model.lines.lineText(instr.startLine))![0];
  const pos = { line: instr.startLine, character: 0 };
  return { range: { start: pos, end: pos }, newText: `${indent}# ${syntax} ignore=${code}${eolOf(model.text)}` };
}

export function ignoreForFileEdit(model: DockerfileModel, code: string): TextEdit {
  const syntax = syntaxFor(code);
  // After parser directives (`# syntax=`, `# escape=`, `# check=`), which must stay first.
  let line = 0;
  while (line < model.lines.lineCount && /^\s*#\s*(syntax|escape|check)\s*=/i.test(model.lines.lineText(line))) line++;
  const text = model.lines.lineText(line);
  const existing = new RegExp(`^(\\s*#\\s*${syntax}\\s+global\\s+ignore\\s*=\\s*)([A-Za-z0-9_,\\s-]+?)\\s*$`, 'i').exec(text);
  if (existing) return { range: { start: { line, character: 0 }, end: { line, character: text.length } }, newText: `${existing[1]}${existing[2]},${code}` };
  const pos = { line, character: 0 };
  return { range: { start: pos, end: pos }, newText: `# ${syntax} global ignore=${code}${eolOf(model.text)}` };
}
