// Inline pragmas that silence findings: hadolint's `ignore=`, BuildKit's `# check=skip=`, and Layerwise's own.
import type { Range } from './types';
import type { DockerfileModel } from './model/dockerfile';

export interface Suppression {
  /** Codes or names (lower-case); `all` matches every rule. */
  codes: string[];
  scope: 'next' | 'file' | 'stage';
  /** Line of the pragma comment. */
  line: number;
  /** Lines the pragma covers: the instruction that follows it (scope `next`), or the rest of the stage it opens or sits in (scope `stage`). */
  appliesTo?: { startLine: number; endLine: number };
  range: Range;
  /** Which syntax was used, so a code action can write the same kind. */
  syntax: 'hadolint' | 'layerwise' | 'buildkit';
}

export interface Suppressions {
  items: Suppression[];
  /** BuildKit `# check=error=true`. */
  checkError: boolean;
  /** BuildKit `# check=experimental=…` names, or `all`. */
  experimental: string[];
  /** `rule` tells which rules a BuildKit `skip=all` covers (BuildKit's own, non-experimental checks); without it `all` covers every rule. */
  isSuppressed(code: string, name: string, line: number, rule?: RuleKind): boolean;
}

/** What the suppression logic needs to know about the rule behind a finding. */
export interface RuleKind {
  origin: string;
  experimental?: boolean;
}

// `# hadolint ignore=DL3008,DL3015`, `# hadolint global ignore=…`, `# hadolint stage ignore=…`; a `# comment` may follow.
const PRAGMA = /^#\s*(hadolint|layerwise)\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*(?:#.*)?$/i;
/** hadolint rejects a whole ignore pragma that lists something other than rule codes; so does Layerwise for that syntax. */
const RULE_CODE = /^[a-z]+\d+$/i;

/**
 * Reads every pragma of a Dockerfile. `override` is a `# check=` value given from outside (BuildKit's
 * `BUILDKIT_DOCKERFILE_CHECK` build argument); it replaces the file's own directive.
 */
export function readSuppressions(model: DockerfileModel, override?: string): Suppressions {
  const items: Suppression[] = [];
  let checkError = false;
  const experimental: string[] = [];
  for (let line = 0; line < model.lines.lineCount; line++) {
    const text = model.lines.lineText(line).trim();
    if (!text.startsWith('#')) continue;
    const m = PRAGMA.exec(text);
    if (m) {
      const codes = m[3]!.split(/[,\s]+/).filter(Boolean).map((c) => c.toLowerCase());
      const syntax = m[1]!.toLowerCase() as 'hadolint' | 'layerwise';
      if (syntax === 'hadolint' && !codes.every((c) => RULE_CODE.test(c))) continue;
      const range = { start: { line, character: 0 }, end: { line, character: model.lines.lineText(line).length } };
      const kind = m[2]?.toLowerCase();
      const s: Suppression = { codes, scope: kind === 'global' ? 'file' : kind === 'stage' ? 'stage' : 'next', line, range, syntax };
      const next = model.instructions.find((i) => i.startLine > line);
      // hadolint ties an inline pragma to the line right below it (a blank or comment line in between voids it);
      // Layerwise's own pragma applies to the next instruction wherever it starts.
      if (s.scope === 'next' && next && (syntax === 'layerwise' || next.startLine === line + 1)) s.appliesTo = { startLine: next.startLine, endLine: next.endLine };
      if (s.scope === 'stage') {
        // The stage the pragma sits in, or the one the FROM right after it opens.
        const stage = model.stages[next && next.stage >= 0 ? next.stage : -1] ?? model.stages.find((st) => st.range.start.line > line);
        if (stage) s.appliesTo = { startLine: line + 1, endLine: stage.range.end.line };
      }
      items.push(s);
    }
  }
  readBuildkitChecks(model, items, override, (v) => (checkError = v), experimental);
  return {
    items,
    checkError,
    experimental,
    isSuppressed(code: string, name: string, line: number, rule?: RuleKind): boolean {
      const c = code.toLowerCase();
      const n = name.toLowerCase();
      return items.some(
        (s) =>
          (s.codes.includes(c) || s.codes.includes(n) || (s.codes.includes('all') && coveredByAll(s, rule))) &&
          (s.scope === 'file' || (s.appliesTo !== undefined && line >= s.appliesTo.startLine && line <= s.appliesTo.endLine)),
      );
    },
  };
}

/** `# check=skip=all` is BuildKit's: it silences BuildKit's non-experimental checks, not hadolint's or Layerwise's rules. */
function coveredByAll(s: Suppression, rule: RuleKind | undefined): boolean {
  if (s.syntax !== 'buildkit' || rule === undefined) return true;
  return rule.origin === 'buildkit' && !rule.experimental;
}

interface CheckOptions {
  skip: string[];
  error?: boolean;
  experimental: string[];
}

/**
 * Parses a `# check=` value the way BuildKit does: `;`-separated `skip=`, `error=`, `experimental=` with
 * comma-separated names; keys and `all` are read case-insensitively and blanks around names are ignored. Text after
 * a blank that follows the names (`skip=Foo // why`) is a comment.
 */
export function parseCheckValue(value: string): CheckOptions {
  const out: CheckOptions = { skip: [], experimental: [] };
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const names = (part.slice(eq + 1).trim().replace(/\s*,\s*/g, ',').split(/\s+/)[0] ?? '')
      .split(',')
      .map((c) => c.trim())
      .filter(Boolean);
    if (key === 'skip') out.skip.push(...names.map((c) => c.toLowerCase()));
    else if (key === 'experimental') out.experimental.push(...names);
    else if (key === 'error') out.error = /^(true|1|t)$/i.test(names[0] ?? '');
  }
  return out;
}

/** True when a line sits in the parser-directive block at the top of the file (no blank line, comment or instruction before it). */
function inDirectiveBlock(model: DockerfileModel, line: number): boolean {
  for (let l = 0; l < line; l++) if (!/^\s*#\s*[a-zA-Z][a-zA-Z0-9]*\s*=/.test(model.lines.lineText(l))) return false;
  return true;
}

const CHECK_COMMENT = /^\s*#\s*check\s*=(.*)$/i;

function readBuildkitChecks(model: DockerfileModel, items: Suppression[], override: string | undefined, setError: (v: boolean) => void, experimental: string[]): void {
  let fileLine: number | undefined;
  for (let line = 0; line < model.lines.lineCount; line++) {
    const m = CHECK_COMMENT.exec(model.lines.lineText(line));
    if (!m) continue;
    const range = { start: { line, character: 0 }, end: { line, character: model.lines.lineText(line).length } };
    if (fileLine === undefined && inDirectiveBlock(model, line)) {
      // The file-wide directive; a check configuration given from outside replaces it.
      fileLine = line;
      if (override !== undefined) continue;
      const opts = parseCheckValue(m[1]!);
      if (opts.skip.length) items.push({ codes: opts.skip, scope: 'file', line, range, syntax: 'buildkit' });
      if (opts.error !== undefined) setError(opts.error);
      experimental.push(...opts.experimental);
      continue;
    }
    // Anywhere else, `# check=skip=…` silences the instruction right after the comment.
    const opts = parseCheckValue(m[1]!);
    const next = model.instructions.find((i) => i.startLine > line);
    if (!opts.skip.length || !next) continue;
    items.push({ codes: opts.skip, scope: 'next', line, range, syntax: 'buildkit', appliesTo: { startLine: next.startLine, endLine: next.endLine } });
  }
  if (override !== undefined) {
    const opts = parseCheckValue(override);
    const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    if (opts.skip.length) items.push({ codes: opts.skip, scope: 'file', line: 0, range, syntax: 'buildkit' });
    if (opts.error !== undefined) setError(opts.error);
    experimental.push(...opts.experimental);
  }
}

/**
 * Pragmas of a requirements file: `# layerwise ignore=CODE` silences the next requirement or option line (blank
 * and comment lines in between allowed, the whole logical line covered); `# layerwise global ignore=CODE` the file.
 */
export function readRequirementsSuppressions(model: { lines: { lineCount: number; lineText(line: number): string }; file: { entries: readonly { line: number; range: Range }[] } }): Pick<Suppressions, 'items' | 'isSuppressed'> {
  const items: Suppression[] = [];
  for (let line = 0; line < model.lines.lineCount; line++) {
    const text = model.lines.lineText(line).trim();
    const m = text.startsWith('#') ? PRAGMA.exec(text) : null;
    if (!m || m[1]!.toLowerCase() !== 'layerwise' || m[2]?.toLowerCase() === 'stage') continue;
    const codes = m[3]!.split(/[,\s]+/).filter(Boolean).map((c) => c.toLowerCase());
    const range = { start: { line, character: 0 }, end: { line, character: model.lines.lineText(line).length } };
    const s: Suppression = { codes, scope: m[2] ? 'file' : 'next', line, range, syntax: 'layerwise' };
    if (!m[2]) {
      const next = model.file.entries.filter((e) => e.line > line).sort((a, b) => a.line - b.line)[0];
      if (next) s.appliesTo = { startLine: next.line, endLine: Math.max(next.line, next.range.end.line) };
    }
    items.push(s);
  }
  return {
    items,
    isSuppressed(code: string, name: string, line: number): boolean {
      const c = code.toLowerCase();
      const n = name.toLowerCase();
      return items.some(
        (s) => (s.codes.includes(c) || s.codes.includes(n) || s.codes.includes('all')) && (s.scope === 'file' || (s.appliesTo !== undefined && line >= s.appliesTo.startLine && line <= s.appliesTo.endLine)),
      );
    },
  };
}
