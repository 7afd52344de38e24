// Outline: each stage with its estimated size (the figure the CodeLens shows), its instructions under it; ARGs before the first FROM at the top level.
import { SymbolKind, type Connection, type DocumentSymbol, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { formatBytes } from '../core/estimate/bytes';
import type { E, ImageEstimate } from '../core/estimate/types';
import type { DockerfileModel, Instruction } from '../core/model/dockerfile';

const MAX_NAME = 60;

const size = (x: E): string => (x.low === x.high ? formatBytes(x.typical) : `≈ ${formatBytes(x.typical)}`);

function instructionSymbol(model: DockerfileModel, instr: Instruction): DocumentSymbol {
  // The instruction's first line after the keyword (flags too), shortened: an outline row, not the whole RUN body.
  const k = instr.keywordRange.end;
  const lineEnd = k.line + 1 < model.lines.lineStarts.length ? model.lines.lineStarts[k.line + 1]! : model.text.length;
  const args = model.text.slice(model.lines.offsetAt(k), lineEnd).replace(/\s+$/, '').replace(new RegExp(`\\s*\\${model.escapeChar}$`), '').trim();
  const name = args ? `${instr.keyword} ${args.length > MAX_NAME ? `${args.slice(0, MAX_NAME - 1)}…` : args}` : instr.keyword;
  return { name, kind: SymbolKind.Function, range: instr.range, selectionRange: instr.keywordRange };
}

/** The outline of a model; `est` adds each stage's size (pure; exported for tests). */
export function documentSymbols(model: DockerfileModel, est: ImageEstimate | undefined): DocumentSymbol[] {
  const out: DocumentSymbol[] = model.instructions.filter((i) => i.stage < 0).map((i) => instructionSymbol(model, i));
  for (const stage of model.stages) {
    const s = est?.stages[stage.index];
    const reach = stage.isFinal ? 'final image' : stage.reachesFinal ? 'copied from' : 'not in the final image';
    const detail = s ? `${size(s.bytes)} on disk · ${reach}` : reach;
    // Named as the CodeLens and the size view name it: by name, by base alone in a one-stage file, never "stage 0" there.
    const name = stage.name ? `${stage.name} (${stage.from.image})` : model.stages.length === 1 ? stage.from.image || 'scratch' : `stage ${stage.index} (${stage.from.image})`;
    const last = stage.instructions[stage.instructions.length - 1] ?? stage.fromInstruction;
    const range = { start: stage.fromInstruction.range.start, end: last.range.end };
    out.push({ name, detail, kind: SymbolKind.Module, range, selectionRange: stage.nameRange ?? stage.from.imageRange, children: stage.instructions.map((i) => instructionSymbol(model, i)) });
  }
  return out;
}

export function registerDocumentSymbols(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer, estimates: Estimates): void {
  connection.onDocumentSymbol((params) => {
    const doc = documents.get(params.textDocument.uri);
    const model = doc && analyzer.get(doc)?.model;
    if (!doc || !model) return [];
    return documentSymbols(model, estimates.get(doc));
  });
}
