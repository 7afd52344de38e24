// Formatting edits Layerwise adds to rcjsuen's indentation: instruction keywords upper-cased and one space after them.
import type { Range, TextEdit } from '../types';
import { INSTRUCTION_KEYWORDS, type DockerfileModel, type Instruction } from '../model/dockerfile';

/**
 * Edits on each instruction's first line (within `lines` when given): `run` → `RUN` (Docker reads keywords in
 * any case; the reference and every linter write them upper-case) and `RUN    echo` → `RUN echo`. Nothing after
 * the first argument's start is touched, so a shell body, JSON form or heredoc keeps its bytes.
 */
export function keywordEdits(model: DockerfileModel, lines?: { start: number; end: number }): TextEdit[] {
  const edits: TextEdit[] = [];
  const visit = (instr: Instruction): void => {
    const k = instr.keywordRange;
    if (lines && (k.start.line < lines.start || k.start.line > lines.end)) return;
    const written = sliceRange(model, k);
    if (INSTRUCTION_KEYWORDS.has(instr.keyword) && written !== instr.keyword && written.toUpperCase() === instr.keyword) edits.push({ range: k, newText: instr.keyword });
    const next = instr.trigger?.keywordRange ?? instr.argsRange;
    if (next && next.start.line === k.end.line && next.start.character > k.end.character + 1) {
      const gap: Range = { start: k.end, end: next.start };
      if (/^[ \t]+$/.test(sliceRange(model, gap))) edits.push({ range: gap, newText: ' ' });
    }
    if (instr.trigger) visit(instr.trigger);
  };
  for (const instr of model.instructions) visit(instr);
  return edits;
}

function sliceRange(model: DockerfileModel, r: Range): string {
  return r.start.line === r.end.line ? model.text.slice(model.lines.offsetAt(r.start), model.lines.offsetAt(r.end)) : '';
}
