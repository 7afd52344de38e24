// TOML documents with source positions: smol-toml reads the values (and reports errors); a structural pass over the same, now valid, text records where each key and value sits.
import { parse as parseToml } from 'smol-toml';
import type { Range } from '../types';
import { LineIndex } from '../text';
import { Logical } from './requirements/lines';

/** A key path into a TOML document: table keys and array indices (`['package', 3, 'wheels', 0, 'size']`). */
export type TomlPath = readonly (string | number)[];

export interface TomlSpan {
  /** The key as written (dotted keys whole); absent for array elements. */
  key?: readonly [number, number];
  /** The value's text: a string with its quotes, an array with its brackets, a header table from `[` to the next header. */
  value: readonly [number, number];
}

export interface TomlProblem {
  message: string;
  range: Range;
}

export interface TomlDocument {
  text: string;
  lines: LineIndex;
  /** The document's tables and values; an empty table when it does not parse. */
  root: Record<string, unknown>;
  /** Set when the text is not valid TOML: smol-toml's message and the place it names. */
  error?: TomlProblem;
  /** Offsets of a key path's key and value, or undefined (unknown path, or a document that did not parse). */
  span(path: TomlPath): TomlSpan | undefined;
  /** Range of a path's value (or key), or undefined. */
  range(path: TomlPath, part?: 'key' | 'value'): Range | undefined;
  /** A string value's decoded text with each character mapped to its offset, for parsers that report ranges inside it. */
  stringContent(path: TomlPath): Logical | undefined;
}

const id = (path: TomlPath): string => JSON.stringify(path);

export function parseTomlDocument(text: string): TomlDocument {
  const lines = new LineIndex(text);
  let root: Record<string, unknown> = {};
  let error: TomlProblem | undefined;
  let spans = new Map<string, TomlSpan>();
  try {
    root = parseToml(text) as Record<string, unknown>;
    spans = locate(text);
  } catch (err) {
    error = problemOf(err, text, lines);
    root = {};
    spans = new Map();
  }
  const toRange = (s: readonly [number, number]): Range => ({ start: lines.positionAt(s[0]), end: lines.positionAt(s[1]) });
  return {
    text,
    lines,
    root,
    ...(error ? { error } : {}),
    span: (path) => spans.get(id(path)),
    range(path, part = 'value') {
      const s = spans.get(id(path));
      const r = part === 'key' ? s?.key : s?.value;
      return r ? toRange(r) : undefined;
    },
    stringContent(path) {
      const s = spans.get(id(path));
      return s ? decodeString(text, s.value[0], s.value[1], lines) : undefined;
    },
  };
}

function problemOf(err: unknown, text: string, lines: LineIndex): TomlProblem {
  const e = err as { message?: unknown; line?: unknown; column?: unknown };
  const first = typeof e.message === 'string' ? e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '') : String(err);
  if (typeof e.line === 'number' && typeof e.column === 'number') {
    const start = { line: Math.max(0, e.line - 1), character: Math.max(0, e.column - 1) };
    const offset = lines.offsetAt(start);
    const end = lines.positionAt(Math.min(text.length, offset + 1));
    return { message: first, range: { start: lines.positionAt(offset), end: end.line === start.line ? end : lines.positionAt(offset) } };
  }
  return { message: first, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

const BARE = /[A-Za-z0-9_-]/;

/** Records spans of every key and value of a document smol-toml accepted (so the structure is known to be valid). */
function locate(s: string): Map<string, TomlSpan> {
  const spans = new Map<string, TomlSpan>();
  const arrayCounts = new Map<string, number>();
  let p = s.charCodeAt(0) === 0xfeff ? 1 : 0;
  let table: (string | number)[] = [];
  let open: { path: string; start: number; keyEnd: number; keyStart: number } | undefined;

  const skipBlank = (newlines: boolean): void => {
    for (;;) {
      const c = s[p];
      if (c === ' ' || c === '\t' || (newlines && (c === '\n' || c === '\r'))) p++;
      else if (c === '#') while (p < s.length && s[p] !== '\n') p++;
      else return;
    }
  };

  const readKey = (): { keys: string[]; start: number; end: number } => {
    const keys: string[] = [];
    skipBlank(false);
    const start = p;
    let end = p;
    for (;;) {
      skipBlank(false);
      const c = s[p];
      if (c === '"' || c === "'") {
        const q = stringEnd(s, p);
        keys.push(decodeChars(s, p, q).chars.join(''));
        p = q;
      } else {
        const a = p;
        while (p < s.length && BARE.test(s[p]!)) p++;
        keys.push(s.slice(a, p));
      }
      end = p;
      skipBlank(false);
      if (s[p] === '.') p++;
      else return { keys, start, end };
    }
  };

  const value = (path: (string | number)[], key?: readonly [number, number]): void => {
    const start = p;
    const c = s[p];
    if (c === '"' || c === "'") {
      p = stringEnd(s, p);
    } else if (c === '[') {
      p++;
      for (let i = 0; ; i++) {
        skipBlank(true);
        if (s[p] === ']' || p >= s.length) break;
        value([...path, i]);
        skipBlank(true);
        if (s[p] === ',') p++;
      }
      p++;
    } else if (c === '{') {
      p++;
      for (;;) {
        skipBlank(true);
        if (s[p] === '}' || p >= s.length) break;
        const k = readKey();
        skipBlank(false);
        p++; // '='
        skipBlank(false);
        value([...path, ...k.keys], [k.start, k.end]);
        skipBlank(true);
        if (s[p] === ',') p++;
      }
      p++;
    } else {
      while (p < s.length && !',]}#\n\r'.includes(s[p]!)) p++;
      let e = p;
      while (e > start && (s[e - 1] === ' ' || s[e - 1] === '\t')) e--;
      spans.set(id(path), { ...(key ? { key } : {}), value: [start, e] });
      return;
    }
    spans.set(id(path), { ...(key ? { key } : {}), value: [start, p] });
  };

  const closeOpen = (at: number): void => {
    if (!open) return;
    let e = at;
    while (e > open.start && /\s/.test(s[e - 1]!)) e--;
    spans.set(open.path, { key: [open.keyStart, open.keyEnd], value: [open.start, e] });
    open = undefined;
  };

  for (;;) {
    skipBlank(true);
    if (p >= s.length) break;
    if (s[p] === '[') {
      const headerStart = p;
      closeOpen(p);
      const isArray = s[p + 1] === '[';
      p += isArray ? 2 : 1;
      const k = readKey();
      p += isArray ? 2 : 1;
      const out: (string | number)[] = [];
      k.keys.forEach((key, i) => {
        out.push(key);
        const here = id(out);
        if (isArray && i === k.keys.length - 1) {
          const n = arrayCounts.get(here) ?? 0;
          arrayCounts.set(here, n + 1);
          out.push(n);
        } else {
          const n = arrayCounts.get(here);
          if (n !== undefined) out.push(n - 1);
        }
      });
      table = out;
      open = { path: id(out), start: headerStart, keyStart: k.start, keyEnd: k.end };
    } else {
      const k = readKey();
      skipBlank(false);
      p++; // '='
      skipBlank(false);
      value([...table, ...k.keys], [k.start, k.end]);
    }
    // Rest of the line: blanks and a comment.
    skipBlank(false);
  }
  closeOpen(s.length);
  return spans;
}

/** Offset just past the string literal starting at `a` (basic, literal, or their multi-line forms). */
function stringEnd(s: string, a: number): number {
  const q = s[a]!;
  const triple = s.startsWith(q.repeat(3), a);
  if (triple) {
    let p = a + 3;
    for (;;) {
      const i = s.indexOf(q.repeat(3), p);
      if (i < 0) return s.length;
      if (q === '"' && escaped(s, i)) {
        p = i + 1;
        continue;
      }
      // Up to two quotes may close the content right before the delimiter (`""""` ends with one `"` inside).
      let e = i + 3;
      while (s[e] === q && e < i + 5) e++;
      return e;
    }
  }
  let p = a + 1;
  while (p < s.length && s[p] !== q && s[p] !== '\n') {
    if (q === '"' && s[p] === '\\') p++;
    p++;
  }
  return Math.min(s.length, p + 1);
}

/** An odd number of backslashes right before `i`. */
function escaped(s: string, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && s[i - n - 1] === '\\') n++;
  return n % 2 === 1;
}

const ESCAPES: Record<string, string> = { b: '\b', t: '\t', n: '\n', f: '\f', r: '\r', e: '\x1b', '"': '"', '\\': '\\' };

/** Decodes the string literal s[a, b) into a Logical whose characters map to their document offsets. */
function decodeString(s: string, a: number, b: number, lines: LineIndex): Logical {
  const d = decodeChars(s, a, b);
  return new Logical(d.chars.join(''), d.map, lines, d.end);
}

function decodeChars(s: string, a: number, b: number): { chars: string[]; map: number[]; end: number } {
  const q = s[a];
  const triple = q !== undefined && s.startsWith(q.repeat(3), a) && b - a >= 6;
  let p = a + (triple ? 3 : 1);
  const end = Math.max(p, b - (triple ? 3 : 1));
  const chars: string[] = [];
  const map: number[] = [];
  if (triple && s[p] === '\n') p++;
  else if (triple && s[p] === '\r' && s[p + 1] === '\n') p += 2;
  while (p < end) {
    const c = s[p]!;
    if (q === '"' && c === '\\') {
      const n = s[p + 1] ?? '';
      if (n === 'u' || n === 'U' || n === 'x') {
        const len = n === 'u' ? 4 : n === 'U' ? 8 : 2;
        const code = parseInt(s.slice(p + 2, p + 2 + len), 16);
        chars.push(Number.isFinite(code) ? String.fromCodePoint(code) : '');
        map.push(p);
        p += 2 + len;
        continue;
      }
      if (triple && /[ \t\r\n]/.test(n)) {
        // Line-ending backslash: the line break and the blanks after it are dropped.
        p++;
        while (p < end && /[ \t\r\n]/.test(s[p]!)) p++;
        continue;
      }
      chars.push(ESCAPES[n] ?? n);
      map.push(p);
      p += 2;
      continue;
    }
    chars.push(c);
    map.push(p);
    p++;
  }
  return { chars, map, end };
}
