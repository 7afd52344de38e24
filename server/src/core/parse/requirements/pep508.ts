// Parses the requirement part of a line (PEP 508, bare URL or local path) with exact ranges; PEP 440 checks via @renovatebot/pep440.
import { valid as pep440Valid, validRange as pep440ValidRange } from '@renovatebot/pep440';

// The library checks with large regular expressions; requirements files repeat the same few specifiers, so each
// distinct string is checked once (bounded, so a generated file cannot grow the cache without end).
const rangeMemo = new Map<string, boolean>();
const versionMemo = new Map<string, boolean>();
function memoCheck(memo: Map<string, boolean>, key: string, check: (k: string) => unknown): boolean {
  let v = memo.get(key);
  if (v === undefined) {
    v = Boolean(check(key));
    if (memo.size >= 4096) memo.delete(memo.keys().next().value as string);
    memo.set(key, v);
  }
  return v;
}
const validRange = (r: string): boolean => memoCheck(rangeMemo, r, pep440ValidRange);
const validVersion = (v: string): boolean => memoCheck(versionMemo, v, pep440Valid);
import { parsePipRequirementsLine } from 'pip-requirements-js';
import type { Range } from '../../types';
import type { Logical } from './lines';
import type { DirectReference, Extra, Marker, ParseError, Specifier, SpecifierOperator } from './types';

/** PEP 503 normalization: runs of `-`, `_` and `.` become one `-`, then lower case. */
export function normalizeName(name: string): string {
  return name.replace(/[-_.]+/g, '-').toLowerCase();
}

const NAME = /^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$/;
const NAME_CHAR = /[A-Za-z0-9._-]/;
const OPERATORS: readonly SpecifierOperator[] = ['===', '~=', '==', '!=', '<=', '>=', '<', '>'];
// pip's is_url: the scheme must be one pip can fetch (plain or VCS).
const URL_SCHEME = /^(?:https?|file|ftp|git|svn|(?:git|hg|svn|bzr)\+[A-Za-z-]+):/i;
const ARCHIVE = /\.(?:whl|zip|tar|tar\.gz|tgz|tar\.bz2|tbz|tar\.xz|txz|tlz|tar\.lz|tar\.lzma)$/i;

export function isUrl(text: string): boolean {
  return URL_SCHEME.test(text);
}

export interface ParsedRequirement {
  form: 'pep508' | 'url' | 'path';
  name?: string;
  nameRange?: Range;
  extras: Extra[];
  extrasRange?: Range;
  specifiers: Specifier[];
  specifierRange?: Range;
  url?: DirectReference;
  marker?: Marker;
  malformed: boolean;
}

/** `${VAR}` spans as logical [start, end) pairs, so scanners can step over them and skip validation. */
export type EnvSpans = readonly (readonly [number, number])[];

class Scanner {
  malformed = false;
  constructor(
    readonly L: Logical,
    readonly env: EnvSpans,
    readonly errors: ParseError[],
  ) {}

  get s(): string {
    return this.L.text;
  }

  /** The `${VAR}` span holding offset i. Binary search over the spans (in source order, not overlapping): a line of 200,000 references made a linear search per character quadratic (fuzz seed 777 #17495). */
  envAt(i: number): readonly [number, number] | undefined {
    const k = this.lastStartAtOrBefore(i);
    const span = k >= 0 ? this.env[k] : undefined;
    return span && i < span[1] ? span : undefined;
  }

  /** Index of the last span starting at or before i, or -1. */
  private lastStartAtOrBefore(i: number): number {
    let lo = 0;
    let hi = this.env.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (this.env[mid]![0] <= i) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return best;
  }

  dynamic(a: number, b: number): boolean {
    // Spans are in source order and do not overlap, so their ends grow too: of those starting before b, the last
    // one reaches furthest, and [a, b) meets a span exactly when that one ends after a.
    const k = this.lastStartAtOrBefore(b - 1);
    return k >= 0 && this.env[k]![1] > a;
  }

  skipWs(i: number, end: number): number {
    while (i < end && /\s/.test(this.s[i]!)) i++;
    return i;
  }

  /** End of the blank-free word at i, for quoting the offending token in a message. */
  wordEnd(i: number, end: number): number {
    let j = i;
    while (j < end && !/\s/.test(this.s[j]!)) j++;
    return Math.max(j, Math.min(i + 1, end));
  }

  fail(code: ParseError['code'], message: string, a: number, b: number): void {
    this.malformed = true;
    this.errors.push({ code, message, range: this.L.range(a, b) });
  }

  failAt(message: string, i: number, end: number): void {
    const j = this.wordEnd(i, end);
    this.fail('syntax', message.replace('{tok}', this.s.slice(i, j)), i, j);
  }

  /** Name-like run: name characters and whole `${VAR}` references. */
  nameEnd(i: number, end: number): number {
    while (i < end) {
      const env = this.envAt(i);
      if (env) i = env[1];
      else if (NAME_CHAR.test(this.s[i]!)) i++;
      else break;
    }
    return i;
  }
}

/** Parses text[0, end) of a logical line that holds a requirement (options already split off). */
export function parseRequirementText(L: Logical, end: number, env: EnvSpans, errors: ParseError[]): ParsedRequirement {
  const sc = new Scanner(L, env, errors);
  const s = L.text;
  const text = s.slice(0, end);
  const urlLine = isUrl(text);
  // pip splits the marker off first: at `; ` for a URL (URLs may contain `;`), at the first `;` otherwise.
  const sep = urlLine ? '; ' : ';';
  const k = text.indexOf(sep);
  let reqEnd = k >= 0 ? k : end;
  while (reqEnd > 0 && /\s/.test(s[reqEnd - 1]!)) reqEnd--;
  const result: ParsedRequirement = { form: 'pep508', extras: [], specifiers: [], malformed: false };

  const nameAtUrl = /^[A-Za-z0-9._${}-]+\s*(?:\[[^\]]*\]\s*)?@/.test(text);
  const req = s.slice(0, reqEnd);
  if (urlLine) {
    result.form = 'url';
    result.url = directReference(sc, 0, reqEnd, true);
    nameFromReference(sc, result, 0, reqEnd);
  } else if (!nameAtUrl && (/[/\\]/.test(req) || req.startsWith('.') || ARCHIVE.test(req.replace(/\[[^\]]+\]$/, '')))) {
    result.form = 'path';
    // pip strips a trailing `[extras]` from a path.
    const m = /^(.+)(\[[^\]]+\])$/.exec(req);
    const pathEnd = m ? m[1]!.length : reqEnd;
    result.url = directReference(sc, 0, pathEnd, false);
    nameFromReference(sc, result, 0, pathEnd);
    if (m) parseExtras(sc, result, pathEnd, reqEnd);
  } else {
    parsePep508(sc, result, reqEnd);
  }

  if (k >= 0) {
    const a = sc.skipWs(k + sep.length, end);
    let b = end;
    while (b > a && /\s/.test(s[b - 1]!)) b--;
    // pip treats an empty marker after `;` as no marker.
    if (b > a) result.marker = parseMarker(sc, a, b);
  }
  result.malformed = sc.malformed;
  return result;
}

function parsePep508(sc: Scanner, r: ParsedRequirement, end: number): void {
  const s = sc.s;
  let i = 0;
  const nameEnd = sc.nameEnd(0, end);
  if (nameEnd === 0) {
    sc.failAt('Expected a package name, found `{tok}`', 0, end);
    return;
  }
  const name = s.slice(0, nameEnd);
  r.name = name;
  r.nameRange = sc.L.range(0, nameEnd);
  if (!sc.dynamic(0, nameEnd) && !NAME.test(name)) {
    sc.fail('invalid-name', `\`${name}\` is not a valid package name: it must start and end with a letter or digit`, 0, nameEnd);
  }
  i = sc.skipWs(nameEnd, end);
  if (s[i] === '[') {
    const close = s.indexOf(']', i);
    if (close < 0 || close >= end) {
      sc.fail('syntax', 'Expected `]` to close the extras', i, end);
      return;
    }
    parseExtras(sc, r, i, close + 1);
    i = sc.skipWs(close + 1, end);
  }
  if (i >= end) return;
  if (s[i] === '@') {
    const a = sc.skipWs(i + 1, end);
    if (a >= end) {
      sc.fail('syntax', 'Expected a URL after `@`', i, i + 1);
      return;
    }
    const b = sc.wordEnd(a, end);
    r.url = directReference(sc, a, b, isUrl(s.slice(a, b)));
    const rest = sc.skipWs(b, end);
    if (rest < end) sc.failAt('Unexpected `{tok}` after the URL', rest, end);
    return;
  }
  parseSpecifiers(sc, r, i, end, name);
}

function parseExtras(sc: Scanner, r: ParsedRequirement, open: number, afterClose: number): void {
  const s = sc.s;
  r.extrasRange = sc.L.range(open, afterClose);
  const close = afterClose - 1;
  let i = open + 1;
  for (;;) {
    i = sc.skipWs(i, close);
    const a = i;
    while (i < close && s[i] !== ',' && !/\s/.test(s[i]!)) i++;
    const b = i;
    i = sc.skipWs(i, close);
    if (a === b) {
      // `[]` is allowed; an empty item between commas is not.
      if (i < close || s[a - 1] === ',') sc.fail('invalid-extra', 'Expected an extra name', a, Math.max(a + 1, b));
    } else {
      const extra = s.slice(a, b);
      if (!sc.dynamic(a, b) && !NAME.test(extra)) {
        sc.fail('invalid-extra', `\`${extra}\` is not a valid extra name`, a, b);
      }
      r.extras.push({ name: extra, normalizedName: normalizeName(extra), range: sc.L.range(a, b) });
    }
    if (i >= close) break;
    if (s[i] !== ',') {
      sc.failAt('Expected `,` between extras, found `{tok}`', i, close);
      break;
    }
    i++;
  }
}

function parseSpecifiers(sc: Scanner, r: ParsedRequirement, i: number, end: number, name: string): void {
  const s = sc.s;
  const paren = s[i] === '(';
  const first = i;
  if (paren) i = sc.skipWs(i + 1, end);
  if (!paren && !/[<>=!~]/.test(s[i]!)) {
    const j = sc.wordEnd(i, end);
    const tok = s.slice(i, j);
    const hint = /^\d/.test(tok) ? `; write \`${name}==${tok}\`` : ': expected a version specifier, `[extras]`, `@ url` or `; marker`';
    sc.fail('syntax', `Unexpected \`${tok}\` after \`${name}\`${hint}`, i, j);
    return;
  }
  let last = i;
  for (;;) {
    const opStart = i;
    const op = OPERATORS.find((o) => s.startsWith(o, i));
    if (!op) {
      if (s[i] === '=' && (s[i + 1] === '>' || s[i + 1] === '<')) {
        sc.fail('invalid-specifier', `\`=${s[i + 1]}\` is not a version operator: write \`${s[i + 1]}=\``, i, i + 2);
      } else if (s[i] === '=' && s[i + 1] !== '=') {
        sc.fail('invalid-specifier', '`=` is not a version operator; use `==`', i, i + 1);
      } else if (i >= end || (paren && s[i] === ')')) {
        sc.fail('syntax', 'Expected a version specifier after `,`', Math.max(first, i - 1), i);
      } else {
        sc.failAt('Expected a version operator (`==`, `>=`, `~=`, …), found `{tok}`', i, end);
      }
      return;
    }
    i = sc.skipWs(i + op.length, end);
    const vStart = i;
    while (i < end && !/[\s,;)]/.test(s[i]!)) i++;
    if (i === vStart) {
      sc.fail('invalid-specifier', `\`${op}\` needs a version`, opStart, opStart + op.length);
      return;
    }
    const version = s.slice(vStart, i);
    const dynamic = sc.dynamic(vStart, i);
    const problem = dynamic ? undefined : specifierProblem(op, version);
    if (problem) sc.fail(problem.code, problem.message, problem.onVersion ? vStart : opStart, i);
    r.specifiers.push({
      operator: op,
      version,
      range: sc.L.range(opStart, i),
      operatorRange: sc.L.range(opStart, opStart + op.length),
      versionRange: sc.L.range(vStart, i),
      valid: !problem,
      dynamic,
    });
    last = i;
    i = sc.skipWs(i, end);
    if (s[i] === ',') {
      i = sc.skipWs(i + 1, end);
      continue;
    }
    if (paren) {
      if (s[i] === ')') {
        last = i + 1;
        i = sc.skipWs(i + 1, end);
      } else {
        sc.fail('syntax', 'Expected `)` to close `(`', first, first + 1);
        r.specifierRange = sc.L.range(first, last);
        return;
      }
    }
    break;
  }
  r.specifierRange = sc.L.range(first, last);
  if (i < end) sc.failAt('Expected `,` or `;` after a version specifier, found `{tok}`', i, end);
}

/** Why `op version` is not a valid PEP 440 specifier, or undefined when it is. */
export function specifierProblem(
  op: SpecifierOperator,
  version: string,
): { code: 'invalid-version' | 'invalid-specifier'; message: string; onVersion: boolean } | undefined {
  if (validRange(op + version)) return undefined;
  if (op === '===') return undefined;
  const wildcard = version.endsWith('.*');
  const base = wildcard ? version.slice(0, -2) : version;
  if (!validVersion(base)) {
    return { code: 'invalid-version', message: `\`${version}\` is not a valid PEP 440 version`, onVersion: true };
  }
  if (wildcard && op !== '==' && op !== '!=') {
    return { code: 'invalid-specifier', message: `\`${op}${version}\`: only \`==\` and \`!=\` accept a \`.*\` wildcard`, onVersion: false };
  }
  if (op === '~=' && !/^(?:\d+!)?\d+\.\d+/.test(base.replace(/^v/i, ''))) {
    return { code: 'invalid-specifier', message: `\`~=${version}\` needs at least two release segments, like \`~=${base}.0\``, onVersion: false };
  }
  if (base.includes('+') && op !== '==' && op !== '!=') {
    return { code: 'invalid-specifier', message: `\`${op}${version}\`: a local version label (\`+…\`) is only allowed with \`==\` and \`!=\``, onVersion: false };
  }
  return { code: 'invalid-specifier', message: `\`${op}${version}\` is not a valid version specifier`, onVersion: false };
}

function directReference(sc: Scanner, a: number, b: number, url: boolean): DirectReference {
  const ref: DirectReference = { value: sc.s.slice(a, b), range: sc.L.range(a, b), isUrl: url };
  // A wheel file name is `{name}-{version}(-{build})?-{python}-{abi}-{platform}.whl`; pip pins to its version.
  const path = ref.value.replace(/[?#].*$/, '');
  const slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  const file = path.slice(slash + 1);
  const whl = /^([^-]+)-([^-]+)-(?:[^-]+-)?[^-]+-[^-]+-[^-]+\.whl$/i.exec(file);
  if (whl) {
    const n = a + slash + 1;
    const v = n + whl[1]!.length + 1;
    ref.wheel = {
      name: whl[1]!,
      version: whl[2]!,
      nameRange: sc.L.range(n, n + whl[1]!.length),
      versionRange: sc.L.range(v, v + whl[2]!.length),
    };
  }
  return ref;
}

/** A URL or path names its project through `#egg=name` or a wheel file name. */
function nameFromReference(sc: Scanner, r: ParsedRequirement, a: number, b: number): void {
  // `#egg=name[extras]` is deprecated by pip but still seen; the name is the part before `[`.
  const egg = /[#&]egg=([A-Za-z0-9._-]+)/.exec(sc.s.slice(a, b));
  if (egg && NAME.test(egg[1]!)) {
    const n = a + egg.index + 5;
    r.name = egg[1]!;
    r.nameRange = sc.L.range(n, n + egg[1]!.length);
  } else if (r.url?.wheel) {
    r.name = r.url.wheel.name;
    r.nameRange = r.url.wheel.nameRange;
  }
}

const MARKER_VARIABLES = /"extra"|"python_version"/;

/** Validates a marker with pip-requirements-js (an Ohm port of the PEP 508 marker grammar) for its tree. */
function parseMarker(sc: Scanner, a: number, b: number): Marker {
  const text = sc.s.slice(a, b);
  const marker: Marker = { text, range: sc.L.range(a, b) };
  if (sc.dynamic(a, b)) return marker;
  const prefix = 'x;';
  try {
    const parsed = parsePipRequirementsLine(prefix + text);
    if (parsed && 'environmentMarkerTree' in parsed && parsed.environmentMarkerTree) {
      marker.tree = parsed.environmentMarkerTree;
    }
  } catch (e) {
    const msg = e instanceof Error ? e.message : String(e);
    const m = /col (\d+): (.*)$/s.exec(msg);
    let at = a;
    let detail = 'not a valid PEP 508 marker';
    if (m) {
      at = Math.min(b, Math.max(a, a + Number(m[1]) - 1 - prefix.length));
      // Ohm lists every alternative; name the kinds instead of dozens of quoted words.
      detail = MARKER_VARIABLES.test(m[2]!)
        ? 'expected a marker variable (`python_version`, `sys_platform`, …) or a quoted string'
        : m[2]!.replace(/"/g, '`').replace(/\s+/g, ' ').trim();
      if (at >= b) detail = detail.replace(/^expected/, 'the marker ends early: expected');
    }
    const end = at >= b ? b : sc.wordEnd(at, b);
    const start = at >= b ? Math.max(a, b - 1) : at;
    sc.fail('invalid-marker', `Invalid environment marker: ${detail}`, start, end);
  }
  return marker;
}
