// Offset/position conversion and edit application on plain strings, shared by the model, fixes and the CLI.
import type { Position, Range, TextEdit } from './types';
import { comparePositions } from './types';

/** Line-start table for a text; positions are 0-based UTF-16, like LSP. */
export class LineIndex {
  readonly lineStarts: number[];

  constructor(readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      } else if (c === 10 /* \n */) {
        starts.push(i + 1);
      }
    }
    this.lineStarts = starts;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  offsetAt(p: Position): number {
    if (p.line < 0) return 0;
    if (p.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[p.line]!;
    const end = this.lineEnd(p.line);
    return Math.min(start + Math.max(0, p.character), end);
  }

  /** Line of the last answer: the model asks for positions in one instruction after another, so the next is usually on it or the next line. */
  private lastLine = 0;

  positionAt(offset: number): Position {
    const o = Math.max(0, Math.min(offset, this.text.length));
    const starts = this.lineStarts;
    const last = this.lastLine;
    if (starts[last]! <= o) {
      if (last + 1 >= starts.length || o < starts[last + 1]!) return { line: last, character: o - starts[last]! };
      if (last + 2 >= starts.length || o < starts[last + 2]!) {
        this.lastLine = last + 1;
        return { line: last + 1, character: o - starts[last + 1]! };
      }
    }
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= o) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return { line: lo, character: o - this.lineStarts[lo]! };
  }

  /** Offset of the end of a line's content (before its line break). */
  lineEnd(line: number): number {
    const next = this.lineStarts[line + 1];
    if (next === undefined) return this.text.length;
    let end = next;
    if (this.text.charCodeAt(end - 1) === 10) end--;
    if (this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.lineEnd(line));
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  slice(r: Range): string {
    return this.text.slice(this.offsetAt(r.start), this.offsetAt(r.end));
  }
}

/**
 * Applies non-overlapping edits to a text. Edits are applied from last to first so earlier offsets stay valid;
 * overlapping edits are rejected rather than producing garbage.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const index = new LineIndex(text);
  const sorted = edits
    .map((e, i) => ({ e, i, start: index.offsetAt(e.range.start), end: index.offsetAt(e.range.end) }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let k = 1; k < sorted.length; k++) {
    if (sorted[k]!.start < sorted[k - 1]!.end) throw new Error('overlapping edits');
  }
  let out = text;
  for (let k = sorted.length - 1; k >= 0; k--) {
    const { e, start, end } = sorted[k]!;
    out = out.slice(0, start) + e.newText + out.slice(end);
  }
  return out;
}

export function editsOverlap(a: readonly TextEdit[], b: readonly TextEdit[]): boolean {
  for (const x of a) {
    for (const y of b) {
      const xs = x.range.start, xe = x.range.end, ys = y.range.start, ye = y.range.end;
      // Two insertions at the same point conflict too (order would be ambiguous).
      if (comparePositions(xs, ye) < 0 && comparePositions(ys, xe) < 0) return true;
      if (comparePositions(xs, xe) === 0 && comparePositions(ys, ye) === 0 && comparePositions(xs, ys) === 0) return true;
      if (comparePositions(xs, xe) === 0 && comparePositions(ys, xs) < 0 && comparePositions(xs, ye) < 0) return true;
      if (comparePositions(ys, ye) === 0 && comparePositions(xs, ys) < 0 && comparePositions(ys, xe) < 0) return true;
    }
  }
  return false;
}

/** Detects the line break a text uses, so inserted lines match the file. */
export function eolOf(text: string): string {
  const i = text.indexOf('\n');
  return i > 0 && text.charCodeAt(i - 1) === 13 ? '\r\n' : '\n';
}
