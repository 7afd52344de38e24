// Folding ranges: each stage (FROM to its last instruction), each instruction over several lines, each block of comment lines.
import { FoldingRangeKind, type Connection, type FoldingRange, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { DockerfileModel } from '../core/model/dockerfile';

/** The folding ranges of a model (pure; exported for tests). */
export function foldingRanges(model: DockerfileModel): FoldingRange[] {
  const out: FoldingRange[] = [];
  const seen = new Set<string>();
  const add = (r: FoldingRange): void => {
    const key = `${r.startLine}:${r.endLine}`;
    if (r.endLine <= r.startLine || seen.has(key)) return;
    seen.add(key);
    out.push(r);
  };
  for (const stage of model.stages) {
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.fromInstruction;
    add({ startLine: stage.fromInstruction.startLine, endLine: last.endLine });
  }
  for (const instr of model.instructions) add({ startLine: instr.startLine, endLine: instr.endLine });
  // Comments: runs of consecutive comment lines outside instructions.
  let start: number | undefined;
  let prev = -2;
  for (const c of model.comments) {
    if (c.line !== prev + 1) {
      if (start !== undefined) add({ startLine: start, endLine: prev, kind: FoldingRangeKind.Comment });
      start = c.line;
    }
    prev = c.line;
  }
  if (start !== undefined) add({ startLine: start, endLine: prev, kind: FoldingRangeKind.Comment });
  return out.sort((a, b) => a.startLine - b.startLine || b.endLine - a.endLine);
}

export function registerFolding(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onFoldingRanges((params) => {
    const doc = documents.get(params.textDocument.uri);
    const model = doc && analyzer.get(doc)?.model;
    return model ? foldingRanges(model) : [];
  });
}
