// Turns a requirements file into pip's logical lines (continuations joined, comments cut) that map back to the text.
import type { Range } from '../../types';
import { LineIndex } from '../../text';

/**
 * A span of text built from pieces of the original document. `map[i]` is the document offset of `text[i]`;
 * ranges are built from the first and last character so they never stretch over a removed line break.
 */
export class Logical {
  constructor(
    readonly text: string,
    readonly map: readonly number[],
    private readonly index: LineIndex,
    /** Document offset used for an empty span at the end. */
    private readonly endOffset: number,
  ) {}

  offset(i: number): number {
    return i < this.map.length ? this.map[i]! : this.endOffset;
  }

  /** The sub-span text[a, b) as its own Logical, indices rebased to 0. */
  slice(a: number, b: number): Logical {
    return new Logical(this.text.slice(a, b), this.map.slice(a, b), this.index, b > a ? this.offset(b - 1) + 1 : this.offset(a));
  }

  /** Range of text[a, b). An empty span sits at the position of `a`. */
  range(a: number, b: number): Range {
    if (b <= a) {
      const p = this.index.positionAt(this.offset(a));
      return { start: p, end: p };
    }
    return { start: this.index.positionAt(this.offset(a)), end: this.index.positionAt(this.offset(b - 1) + 1) };
  }
}

export interface LogicalLine {
  /** Physical line of the first character. */
  line: number;
  /** Content with comment removed and blanks trimmed. */
  content: Logical;
  comment?: { text: string; range: Range };
}

// pip's COMMENT_RE is applied with `match` (anchored) to detect comment lines and with `sub` to cut comments.
const COMMENT_LINE = /^\s*#/;
const COMMENT = /(^|\s+)#.*$/;

/**
 * Mirrors pip's preprocessing: a line ending in `\` is joined to the next one with both ends stripped of
 * backslashes and no blank added; a comment line never continues and ends a pending continuation; comments are
 * `#` at the start or after whitespace, so a `#` inside a URL stays. A continued line whose first part has a
 * trailing comment swallows the next line into the comment, as pip does.
 */
export function logicalLines(text: string, index: LineIndex): LogicalLine[] {
  const out: LogicalLine[] = [];
  let pending: { chars: string[]; map: number[]; line: number; last: number } | undefined;

  const emit = (chars: string[], map: number[], line: number, endOffset: number): void => {
    let s = chars.join('');
    let m = map;
    let comment: LogicalLine['comment'];
    const c = COMMENT.exec(s);
    if (c) {
      const hash = c.index + c[1]!.length;
      const whole = new Logical(s, m, index, endOffset);
      comment = { text: s.slice(hash), range: whole.range(hash, s.length) };
      s = s.slice(0, c.index);
      m = m.slice(0, c.index);
    }
    let a = 0;
    let b = s.length;
    while (a < b && /\s/.test(s[a]!)) a++;
    while (b > a && /\s/.test(s[b - 1]!)) b--;
    const content = new Logical(s.slice(a, b), m.slice(a, b), index, b > 0 ? m[b - 1]! + 1 : endOffset);
    out.push({ line, content, ...(comment ? { comment } : {}) });
  };

  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let line = 0; line < index.lineCount; line++) {
    const lineStart = Math.max(index.lineStarts[line]!, start);
    const lineEnd = index.lineEnd(line);
    const content = text.slice(lineStart, lineEnd);
    const chars = [...content.split('')];
    const map = chars.map((_, i) => lineStart + i);
    const continues = content.endsWith('\\') && !COMMENT_LINE.test(content);
    if (!continues) {
      if (pending) {
        append(pending.chars, chars);
        append(pending.map, map);
        emit(pending.chars, pending.map, pending.line, lineEnd);
        pending = undefined;
      } else {
        emit(chars, map, line, lineEnd);
      }
    } else {
      // pip strips backslashes from both ends of a continued line.
      let a = 0;
      let b = chars.length;
      while (a < b && chars[a] === '\\') a++;
      while (b > a && chars[b - 1] === '\\') b--;
      if (!pending) pending = { chars: [], map: [], line, last: lineEnd };
      append(pending.chars, chars.slice(a, b));
      append(pending.map, map.slice(a, b));
      pending.last = lineEnd;
    }
  }
  if (pending) emit(pending.chars, pending.map, pending.line, pending.last);
  return out;
}

/** `dst.push(...src)` without spreading: a 1 MB line would overflow the call stack as arguments. */
function append<T>(dst: T[], src: readonly T[]): void {
  for (let i = 0; i < src.length; i++) dst.push(src[i]!);
}
