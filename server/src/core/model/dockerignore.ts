// Reads a `.dockerignore` and answers whether it leaves a context path out, with Docker's rules, in time linear in the path.
//
// Docker (moby/patternmatcher, which BuildKit uses) cleans each pattern, turns it into a regular expression and,
// for a path, asks every pattern about the path and each of its parent folders; the last pattern that matches
// wins, `!` patterns put a path back. Go's regexp engine never backtracks, so a pattern such as
// `*a*a*a*a*a*a*a*a*a*a*b` costs Docker a linear scan; a backtracking engine (JavaScript's) takes seconds on it.
// So this module does not build a RegExp: it compiles a pattern into the same few pieces Docker's expression is
// made of (literal, `[^/]`, `[^/]*`, a class, `(.*/)?`, `.*`) and runs them as a set of states over the path's
// characters (Thompson's construction, what RE2 does), which is O(path × pattern) whatever the pattern. One pass
// also answers for every parent folder: a parent is a prefix of the path that ends before a `/`.
//
// Where Docker's own translation has accidents, this follows what the pattern means rather than the accident, and
// says so where it does: `\d` is a literal `d` (Docker's expression would read a digit class), and `*` or `?`
// inside `[...]` are literal characters (Docker's expression turns them into nonsense).

/** One pattern line that Docker accepts. */
export interface DockerignorePattern {
  /** 1-based line in the file. */
  line: number;
  /** The pattern after Docker's cleaning (`./a/` → `a`, `/a` → `a`), without its `!`. */
  pattern: string;
  /** A `!` line: puts back what earlier lines left out. */
  exclusion: boolean;
}

export type InvalidPatternReason = 'unterminatedClass' | 'badClass' | 'badRange' | 'trailingBackslash' | 'loneExclusion';

/** A pattern line Docker rejects (the build stops with "syntax error in pattern"); here it matches nothing. */
export interface InvalidDockerignorePattern {
  /** 1-based line in the file. */
  line: number;
  /** The line as written, without surrounding blanks. */
  text: string;
  reason: InvalidPatternReason;
}

export interface Dockerignore {
  patterns: readonly DockerignorePattern[];
  invalid: readonly InvalidDockerignorePattern[];
  /** Some valid line starts with `!`. */
  hasExceptions: boolean;
  /** Whether a context path (relative to the context root, `/`-separated) is left out, itself or through a parent folder. */
  ignores(path: string): boolean;
}

/** Human wording of each reason, for diagnostics. */
export const INVALID_PATTERN_REASONS: Record<InvalidPatternReason, string> = {
  unterminatedClass: '`[` is never closed by `]`',
  badClass: 'a `[...]` class is empty, or starts or ends a range with `-` or `]`',
  badRange: 'a `[...]` range runs backwards',
  trailingBackslash: 'it ends with a lone `\\`',
  loneExclusion: '`!` names no pattern',
};

/** Parses `.dockerignore` text as BuildKit reads it (BOM, `#` comments at the start of a line, blank lines, `!`). */
export function parseDockerignore(text: string): Dockerignore {
  const patterns: (DockerignorePattern & { compiled: CompiledPattern })[] = [];
  const invalid: InvalidDockerignorePattern[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    if (raw.endsWith('\r')) raw = raw.slice(0, -1);
    if (i === 0 && raw.startsWith('\uFEFF')) raw = raw.slice(1);
    // Docker takes `#` as a comment only in the first column: ` # x` is a pattern.
    if (raw.startsWith('#')) continue;
    let p = raw.trim();
    if (p === '') continue;
    // ReadAll: strip `!`, clean, drop a leading `/`, put `!` back; NewPatternMatcher then trims, cleans and strips `!` again.
    const invert = p.startsWith('!');
    if (invert) p = p.slice(1).trim();
    if (p !== '') {
      p = cleanPath(p);
      if (p.length > 1 && p.startsWith('/')) p = p.slice(1);
    }
    if (invert) p = `!${p}`;
    p = cleanPath(p.trim());
    const exclusion = p.startsWith('!');
    if (exclusion && p.length === 1) {
      invalid.push({ line: i + 1, text: raw.trim(), reason: 'loneExclusion' });
      continue;
    }
    if (exclusion) p = p.slice(1);
    const compiled = compilePattern(p);
    if ('reason' in compiled) {
      invalid.push({ line: i + 1, text: raw.trim(), reason: compiled.reason });
      continue;
    }
    patterns.push({ line: i + 1, pattern: p, exclusion, compiled });
  }
  const ignores = (path: string): boolean => {
    const file = cleanPath(path).replace(/^\/+/, '');
    let matched = false;
    for (const p of patterns) {
      // As Docker: an include line cannot change a path already left out, nor an exception one not left out.
      if (p.exclusion !== matched) continue;
      if (p.compiled.matchesOrParent(file)) matched = !p.exclusion;
    }
    return matched;
  };
  return {
    patterns: patterns.map(({ line, pattern, exclusion }) => ({ line, pattern, exclusion })),
    invalid,
    hasExceptions: patterns.some((p) => p.exclusion),
    ignores,
  };
}

/** Go's filepath.Clean on a `/`-separated path: no `.`, no `a/..`, no repeated or trailing `/`; `''` is `.`. */
export function cleanPath(p: string): string {
  if (p === '') return '.';
  const rooted = p.startsWith('/');
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop();
      else if (!rooted) out.push('..');
      continue;
    }
    out.push(seg);
  }
  const body = out.join('/');
  return rooted ? `/${body}` : body === '' ? '.' : body;
}

/** Counts the state-set steps of every match, so a test can check the work stays linear (no timing asserts). */
export const matchStats = { steps: 0 };

/** Whether one cleaned pattern (no `!`) matches `path` or one of its parent folders; an invalid pattern matches nothing. */
export function patternMatches(pattern: string, path: string): boolean {
  const c = compilePattern(pattern);
  return 'reason' in c ? false : c.matchesOrParent(path);
}

/**
 * A matcher for a COPY/ADD source with wildcards: Go's filepath.Match rules (which BuildKit applies to sources;
 * `**` is two `*`, no folder-spanning), for the path itself or anything below it, in linear time. An invalid
 * pattern (BuildKit fails the instruction on it) matches nothing.
 */
export function sourceGlob(pattern: string): (path: string) => boolean {
  const c = compilePattern(pattern, false);
  return 'reason' in c ? () => false : (path) => c.matchesOrParent(path);
}

/** Why a cleaned pattern (no `!`) is one Docker rejects, or undefined when it is valid. */
export function invalidPatternReason(pattern: string): InvalidPatternReason | undefined {
  const c = compilePattern(pattern);
  return 'reason' in c ? c.reason : undefined;
}

type Token =
  | { k: 'lit'; c: number }
  | { k: 'any' } // `?`: one character but `/`
  | { k: 'star' } // `*`: any run without `/`
  | { k: 'class'; negated: boolean; ranges: [number, number][] }
  | { k: 'globMid' } // `**` before more pattern: `(.*/)?`, any number of whole folders, none included
  | { k: 'globEnd' }; // `**` at the end: `.*`

interface CompiledPattern {
  /** Whether the path, or a prefix of it that ends before a `/` (a parent folder), matches. */
  matchesOrParent(path: string): boolean;
}

const SLASH = 0x2f;
const NEWLINE = 0x0a;

/** Splits a cleaned pattern into Docker's pieces and picks the matcher Docker would (exact, prefix, suffix, expression). */
function compilePattern(pattern: string, globstar = true): CompiledPattern | { reason: InvalidPatternReason } {
  const cps = Array.from(pattern, (ch) => ch.codePointAt(0)!);
  const tokens: Token[] = [];
  // Docker's fast paths: no wildcard at all (exact); only a trailing `**` (prefix); only a leading `**` (suffix).
  let kind: 'exact' | 'prefix' | 'suffix' | 'expression' = 'exact';
  let i = 0;
  for (let n = 0; i < cps.length; n++) {
    const ch = cps[i++]!;
    if (ch === 0x2a /* * */) {
      if (globstar && cps[i] === 0x2a) {
        i++;
        // `**/` is read as `**`: the slash belongs to the folders `**` stands for.
        if (cps[i] === SLASH) i++;
        if (i >= cps.length) {
          tokens.push({ k: 'globEnd' });
          kind = kind === 'exact' ? 'prefix' : 'expression';
        } else {
          tokens.push({ k: 'globMid' });
          kind = 'expression';
        }
        if (n === 0) kind = 'suffix';
      } else {
        tokens.push({ k: 'star' });
        kind = 'expression';
      }
    } else if (ch === 0x3f /* ? */) {
      tokens.push({ k: 'any' });
      kind = 'expression';
    } else if (ch === 0x5c /* \ */) {
      if (i >= cps.length) return { reason: 'trailingBackslash' };
      tokens.push({ k: 'lit', c: cps[i++]! });
      kind = 'expression';
    } else if (ch === 0x5b /* [ */) {
      const parsed = parseClass(cps, i);
      if ('reason' in parsed) return parsed;
      tokens.push(parsed.token);
      i = parsed.next;
      kind = 'expression';
    } else if (ch === 0x5d /* ] */) {
      tokens.push({ k: 'lit', c: ch });
      kind = 'expression';
    } else tokens.push({ k: 'lit', c: ch });
  }
  if (kind === 'exact') {
    return { matchesOrParent: (path) => path === pattern || (path.startsWith(pattern) && path.charCodeAt(pattern.length) === SLASH) };
  }
  if (kind === 'prefix') {
    // Any parent that starts with the prefix makes the path start with it too, and the reverse.
    const prefix = pattern.slice(0, -2);
    return { matchesOrParent: (path) => path.startsWith(prefix) };
  }
  if (kind === 'suffix') {
    // Docker: the path ends with what follows `**` (`**/a` keeps its `/`: `x/a`), or is that without its `/` (`a`).
    const suffix = pattern.slice(2);
    const bare = suffix.startsWith('/') ? suffix.slice(1) : undefined;
    return {
      matchesOrParent: (path) => {
        for (let end = 0; end <= path.length; end++) {
          if (end < path.length && path.charCodeAt(end) !== SLASH) continue;
          if (end >= suffix.length && path.startsWith(suffix, end - suffix.length)) return true;
          if (bare !== undefined && end === bare.length && path.startsWith(bare)) return true;
        }
        return false;
      },
    };
  }
  const prog = programOf(tokens);
  return { matchesOrParent: (path) => (prog.kinds.length <= MAX_BITS ? runBits(prog, path) : runStates(prog, path)) };
}

/** Reads a `[...]` class starting after its `[`, with Go's filepath.Match validity rules (which Docker checks first). */
function parseClass(cps: number[], start: number): { token: Token; next: number } | { reason: InvalidPatternReason } {
  let i = start;
  let negated = false;
  if (cps[i] === 0x5e /* ^ */) {
    negated = true;
    i++;
  }
  const ranges: [number, number][] = [];
  // One character of a class: `-` and `]` cannot start one, `\` quotes the next, and the class must go on after it.
  const one = (): number | InvalidPatternReason => {
    if (i >= cps.length) return 'unterminatedClass';
    let c = cps[i]!;
    if (c === 0x2d /* - */ || c === 0x5d /* ] */) return 'badClass';
    if (c === 0x5c) {
      i++;
      if (i >= cps.length) return 'unterminatedClass';
      c = cps[i]!;
    }
    i++;
    if (i >= cps.length) return 'unterminatedClass';
    return c;
  };
  for (;;) {
    if (i >= cps.length) return { reason: 'unterminatedClass' };
    if (cps[i] === 0x5d && ranges.length > 0) {
      i++;
      break;
    }
    const lo = one();
    if (typeof lo === 'string') return { reason: lo };
    let hi = lo;
    if (cps[i] === 0x2d) {
      i++;
      const h = one();
      if (typeof h === 'string') return { reason: h };
      hi = h;
    }
    // filepath.Match accepts `[z-a]`, but Go's regexp (Docker's second step) rejects it.
    if (lo > hi) return { reason: 'badRange' };
    ranges.push([lo, hi]);
  }
  return { token: { k: 'class', negated, ranges }, next: i };
}

const LIT = 0;
const ANY = 1;
const STAR = 2;
const CLASS = 3;
const GLOB_MID = 4;
const GLOB_END = 5;

/** The pieces as flat arrays (kind, literal character, class), built once per pattern: the loop below runs per character. */
interface Program {
  kinds: Uint8Array;
  chars: Int32Array;
  classes: (Extract<Token, { k: 'class' }> | undefined)[];
}

function programOf(tokens: readonly Token[]): Program {
  const kinds = new Uint8Array(tokens.length);
  const chars = new Int32Array(tokens.length);
  const classes: Program['classes'] = [];
  tokens.forEach((t, j) => {
    kinds[j] = t.k === 'lit' ? LIT : t.k === 'any' ? ANY : t.k === 'star' ? STAR : t.k === 'class' ? CLASS : t.k === 'globMid' ? GLOB_MID : GLOB_END;
    if (t.k === 'lit') chars[j] = t.c;
    classes[j] = t.k === 'class' ? t : undefined;
  });
  return { kinds, chars, classes };
}

/** Pieces that fit one 32-bit integer as a set of states (bit 30 is "all matched"): nearly every real pattern. */
const MAX_BITS = 30;

/**
 * `runStates` with the set of live states as the bits of one integer: the same moves, a few bit operations per
 * character instead of a loop over the pieces (what a cold, unoptimised first call on a long path notices).
 */
function runBits(prog: Program, path: string): boolean {
  const { kinds, chars, classes } = prog;
  const m = kinds.length;
  const accept = 1 << m;
  let starMask = 0;
  let endMask = 0;
  let midMask = 0;
  for (let j = 0; j < m; j++) {
    if (kinds[j] === STAR) starMask |= 1 << j;
    else if (kinds[j] === GLOB_END) endMask |= 1 << j;
    else if (kinds[j] === GLOB_MID) midMask |= 1 << j;
  }
  const epsMask = starMask | endMask | midMask;
  const close = (s: number): number => {
    for (;;) {
      const n = s | ((s & epsMask) << 1);
      if (n === s) return s;
      s = n;
    }
  };
  // The pieces that consume character c and move on, per ASCII character computed once.
  const ascii = new Int32Array(128).fill(-1);
  const consumes = (c: number): number => {
    if (c < 128 && ascii[c] !== -1) return ascii[c]!;
    let bits = 0;
    for (let j = 0; j < m; j++) {
      const k = kinds[j];
      if (k === LIT ? c === chars[j] : k === ANY ? c !== SLASH : k === CLASS ? classMatches(classes[j]!, c) : false) bits |= 1 << j;
    }
    if (c < 128) ascii[c] = bits;
    return bits;
  };
  let s = close(1);
  let g = s & midMask;
  for (let p = 0; p < path.length; ) {
    const c = path.codePointAt(p)!;
    if (c === SLASH && p > 0 && (s & accept) !== 0) return true;
    matchStats.steps++;
    let ns = (s & consumes(c)) << 1;
    if (c !== SLASH) ns |= s & starMask;
    if (c !== NEWLINE) ns |= s & endMask;
    // Inside a middle `**`: any character but a newline keeps it there; a `/` may also leave it.
    const ng = c !== NEWLINE ? g : 0;
    if (c === SLASH) ns |= g << 1;
    if (ns === 0 && ng === 0) return false;
    s = close(ns);
    g = ng | (s & midMask);
    p += c > 0xffff ? 2 : 1;
  }
  return (s & accept) !== 0;
}

function classMatches(t: Extract<Token, { k: 'class' }>, c: number): boolean {
  let inside = false;
  for (const [lo, hi] of t.ranges) if (c >= lo && c <= hi) inside = true;
  return inside !== t.negated;
}

/**
 * Runs the pieces as a set of live states over the path, one character at a time: state j is "pieces before j
 * matched", and `inGlob[j]` is "inside the folders a middle `**` at j stands for". Each character costs one pass
 * over the pieces, so a path of n characters costs O(n × pieces), never more. True when the whole path, or a prefix
 * that ends before a `/`, leaves the last state live.
 */
function runStates(prog: Program, path: string): boolean {
  const { kinds, chars, classes } = prog;
  const m = kinds.length;
  let cur = new Uint8Array(m + 1);
  let inGlob = new Uint8Array(m);
  let next = new Uint8Array(m + 1);
  let nextGlob = new Uint8Array(m);
  // The empty moves all go forward, so one pass in order closes the set.
  const close = (s: Uint8Array, g: Uint8Array): void => {
    for (let j = 0; j < m; j++) {
      if (s[j] === 0) continue;
      const k = kinds[j]!;
      if (k === STAR || k === GLOB_END) s[j + 1] = 1;
      else if (k === GLOB_MID) {
        s[j + 1] = 1;
        g[j] = 1;
      }
    }
  };
  cur[0] = 1;
  close(cur, inGlob);
  for (let p = 0; p < path.length; ) {
    const c = path.codePointAt(p)!;
    // A parent folder: the path so far, before this `/`.
    if (c === SLASH && p > 0 && cur[m] === 1) return true;
    next.fill(0);
    nextGlob.fill(0);
    let live = false;
    matchStats.steps++;
    for (let j = 0; j < m; j++) {
      if (inGlob[j] === 1 && c !== NEWLINE) {
        // Go's `.` stops at a newline; `.*/` leaves the folders on any `/`, or keeps going.
        nextGlob[j] = 1;
        live = true;
        if (c === SLASH) next[j + 1] = 1;
      }
      if (cur[j] === 0) continue;
      const k = kinds[j]!;
      if (k === LIT) {
        if (c === chars[j]) {
          next[j + 1] = 1;
          live = true;
        }
      } else if (k === ANY) {
        if (c !== SLASH) {
          next[j + 1] = 1;
          live = true;
        }
      } else if (k === STAR) {
        if (c !== SLASH) {
          next[j] = 1;
          live = true;
        }
      } else if (k === GLOB_END) {
        if (c !== NEWLINE) {
          next[j] = 1;
          live = true;
        }
      } else if (k === CLASS) {
        if (classMatches(classes[j]!, c)) {
          next[j + 1] = 1;
          live = true;
        }
      }
    }
    if (!live) return false;
    p += c > 0xffff ? 2 : 1;
    close(next, nextGlob);
    const s = cur;
    cur = next;
    next = s;
    const g = inGlob;
    inGlob = nextGlob;
    nextGlob = g;
  }
  return cur[m] === 1;
}
