// Shared by the BuildKit checks: Dockerfile word expansion with the variables it looked up, name suggestions, platforms, image references.
import type { Range } from '../../types';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import { KNOWN_OS, parsePlatform as parseSemanticPlatform } from '../../model/semantic';

/** ARGs BuildKit defines for every build; usable in `FROM` without declaring them. */
export const PLATFORM_ARGS: readonly string[] = [
  'TARGETPLATFORM',
  'TARGETOS',
  'TARGETARCH',
  'TARGETVARIANT',
  'BUILDPLATFORM',
  'BUILDOS',
  'BUILDARCH',
  'BUILDVARIANT',
  'TARGETSTAGE',
];

/** Values the platform ARGs take on a typical linux/amd64 builder, for judging what a `FROM` expands to. */
export const DEFAULT_PLATFORM_VALUES: ReadonlyMap<string, string> = new Map([
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
]);

/** One `$NAME` / `${NAME…}` reference inside a word. */
export interface VarRef {
  name: string;
  /** Offsets in the expanded text, `$` included, closing `}` included. */
  start: number;
  end: number;
  /** The text as written (`$foo`, `${foo:-x}`). */
  text: string;
}

export interface Expansion {
  result: string;
  refs: VarRef[];
  /** Names that had a value. */
  matched: Set<string>;
  /** Names looked up without a value (even when a `:-default` then applied). */
  unmatched: Set<string>;
}

/**
 * Expands a Dockerfile word the way BuildKit's word lexer does for ENV, COPY, FROM…: the escape character quotes
 * the next character, single quotes are literal, `$NAME` and `${NAME}` with `:-` `-` `:+` `+` `:?` `?` modifiers.
 */
export function expandWord(text: string, lookup: (name: string) => string | undefined, escapeChar = '\\'): Expansion {
  const out: Expansion = { result: '', refs: [], matched: new Set(), unmatched: new Set() };
  out.result = expandRange(text, 0, text.length, lookup, escapeChar, out, false);
  return out;
}

function expandRange(text: string, from: number, to: number, lookup: (name: string) => string | undefined, esc: string, out: Expansion, inBraces: boolean): string {
  let res = '';
  let i = from;
  let inDouble = false;
  while (i < to) {
    const c = text[i]!;
    if (c === esc && i + 1 < to) {
      res += text[i + 1];
      i += 2;
      continue;
    }
    if (c === "'" && !inDouble && !inBraces) {
      const close = text.indexOf("'", i + 1);
      const end = close < 0 || close >= to ? to : close;
      res += text.slice(i + 1, end);
      i = end + 1;
      continue;
    }
    if (c === '"') {
      inDouble = !inDouble;
      i++;
      continue;
    }
    if (c === '$') {
      const r = readRef(text, i, to);
      if (!r) {
        res += c;
        i++;
        continue;
      }
      const value = lookup(r.name);
      if (value !== undefined) out.matched.add(r.name);
      else out.unmatched.add(r.name);
      out.refs.push({ name: r.name, start: i, end: r.end, text: text.slice(i, r.end) });
      let word = '';
      if (r.wordStart !== undefined) word = expandRange(text, r.wordStart, r.end - 1, lookup, esc, out, true);
      res += applyModifier(value, r.op, word);
      i = r.end;
      continue;
    }
    res += c;
    i++;
  }
  return res;
}

function applyModifier(value: string | undefined, op: string | undefined, word: string): string {
  switch (op) {
    case ':-':
      return value !== undefined && value !== '' ? value : word;
    case '-':
      return value !== undefined ? value : word;
    case ':+':
      return value !== undefined && value !== '' ? word : '';
    case '+':
      return value !== undefined ? word : '';
    default:
      return value ?? '';
  }
}

function readRef(text: string, at: number, to: number): { name: string; end: number; op?: string; wordStart?: number } | undefined {
  const next = text[at + 1];
  if (next === '{') {
    const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at + 2, to));
    if (!m) return undefined;
    const name = m[0];
    let j = at + 2 + name.length;
    let depth = 1;
    let k = j;
    while (k < to && depth > 0) {
      if (text[k] === '{') depth++;
      else if (text[k] === '}') depth--;
      if (depth > 0) k++;
    }
    if (depth > 0) return undefined;
    const end = k + 1;
    if (j === k) return { name, end };
    const opm = /^(:[-+?]|[-+?]|#{1,2}|%{1,2})/.exec(text.slice(j, k));
    if (!opm) return { name, end };
    j += opm[0].length;
    return { name, end, op: opm[0], wordStart: j };
  }
  const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(text.slice(at + 1, to));
  if (!m) return undefined;
  return { name: m[0], end: at + 1 + m[0].length };
}

/** Edit distance with adjacent transpositions counted once (`PAHT` → `PATH` is 1). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/** The closest known name to a misspelt one, when it is close enough to be a likely typo. */
export function suggestName(name: string, options: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  const limit = Math.max(1, Math.floor(name.length / 3));
  for (const o of options) {
    // Only a name a `$NAME` reference can spell: `ARG BASE\uFFFD=…` declares a name no reference reaches, and
    // suggesting it wrote `${BASE\uFFFD}`, which is still `${BASE}` plus a character (fix-all never converged).
    if (o === name || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(o)) continue;
    const d = o.toLowerCase() === name.toLowerCase() ? 0.5 : editDistance(name, o);
    if (d <= limit && d < bestD) {
      best = o;
      bestD = d;
    }
  }
  return best;
}

/** Parses `os[/arch[/variant]]` or a bare architecture or OS, as the semantic layer reads it; undefined when the text is not a platform. */
export function parsePlatform(s: string): { os: string; arch?: string; variant?: string } | undefined {
  const parts = s.trim().toLowerCase().split('/');
  if (parts.some((p) => !/^[a-z0-9_.-]+$/.test(p)) || parts.length > 3) return undefined;
  if (parts.length > 1 && !KNOWN_OS.has(parts[0]!)) return undefined;
  const p = parseSemanticPlatform(s, true);
  return { os: p.os, ...(parts.length > 1 || !KNOWN_OS.has(parts[0]!) ? { arch: p.arch } : {}), ...(p.variant ? { variant: p.variant } : {}) };
}

const NAME_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN = '(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(`^(?:${DOMAIN}/)?${NAME_COMPONENT}(?:/${NAME_COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`);

/** True when a text is a valid image reference by the distribution reference grammar (what `docker pull` accepts). */
export function isValidImageReference(ref: string): boolean {
  if (ref === '' || ref.length > 255 + 128) return false;
  if (/^[a-f0-9]{64}$/.test(ref)) return false;
  return REFERENCE.test(ref);
}

/** The keyword as written in the file (`from`, `Copy`), which the model upper-cases. */
export function writtenKeyword(model: DockerfileModel, instr: Instruction): string {
  return model.lines.slice(instr.keywordRange);
}

/** Offset range of an instruction's text in the document. */
export function offsets(model: DockerfileModel, r: Range): [number, number] {
  return [model.lines.offsetAt(r.start), model.lines.offsetAt(r.end)];
}

/** The value of an instruction's `--name=value` flag, with its range. */
export function flagOf(instr: Instruction, name: string): { value: string; valueRange: Range; range: Range } | undefined {
  const f = instr.flags.find((x) => x.name.toLowerCase() === name);
  if (!f || f.value === undefined || !f.valueRange) return undefined;
  return { value: f.value, valueRange: f.valueRange, range: f.range };
}

/** The FROM image exactly as written (variables not substituted). */
export function writtenImage(model: DockerfileModel, instr: Instruction): string | undefined {
  return instr.from ? model.lines.slice(instr.from.imageRange) : undefined;
}

/** Global ARG defaults as BuildKit evaluates them with no build arguments given: in order, each default expanded. */
export function globalArgDefaults(model: DockerfileModel): Map<string, string> {
  const values = new Map<string, string>(DEFAULT_PLATFORM_VALUES);
  for (const a of model.globalArgs) {
    const v = a.valueRange ? expandWord(a.value, (n) => values.get(n), model.escapeChar).result : '';
    values.set(a.key, a.valueRange ? v : (values.get(a.key) ?? ''));
  }
  return values;
}

/** Range of a part of a one-line value, by offsets into the value's text. */
export function subRange(model: DockerfileModel, valueRange: Range, start: number, end: number): Range {
  const base = model.lines.offsetAt(valueRange.start);
  return model.lines.rangeOf(base + start, base + end);
}
