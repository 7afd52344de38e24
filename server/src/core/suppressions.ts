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
  isSuppressed(code: string, name: string, line: number): boolean;
}

// `# hadolint ignore=DL3008,DL3015`, `# hadolint global ignore=…`, `# hadolint stage ignore=…`; a `# comment` may follow.
const PRAGMA = /^#\s*(hadolint|layerwise)\s+(?:(global|stage)\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*(?:#.*)?$/i;
/** hadolint rejects a whole ignore pragma that lists something other than rule codes; so does Layerwise for that syntax. */
const RULE_CODE = /^[a-z]+\d+$/i;

export function readSuppressions(model: DockerfileModel): Suppressions {
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
      if (s.scope === 'next' && next) s.appliesTo = { startLine: next.startLine, endLine: next.endLine };
      if (s.scope === 'stage') {
        // The stage the pragma sits in, or the one the FROM right after it opens.
        const stage = model.stages[next && next.stage >= 0 ? next.stage : -1] ?? model.stages.find((st) => st.range.start.line > line);
        if (stage) s.appliesTo = { startLine: line + 1, endLine: stage.range.end.line };
      }
      items.push(s);
    }
  }
  const check = model.directives.check;
  if (check !== undefined && model.directives.checkRange) {
    for (const part of check.split(';')) {
      const eq = part.indexOf('=');
      if (eq < 0) continue;
      const key = part.slice(0, eq).trim().toLowerCase();
      const value = part.slice(eq + 1).trim();
      if (key === 'skip') {
        const codes = value.split(',').map((c) => c.trim().toLowerCase()).filter(Boolean);
        items.push({ codes, scope: 'file', line: model.directives.checkRange.start.line, range: model.directives.checkRange, syntax: 'buildkit' });
      } else if (key === 'error') checkError = value.toLowerCase() === 'true';
      else if (key === 'experimental') experimental.push(...value.split(',').map((c) => c.trim()).filter(Boolean));
    }
  }
  return {
    items,
    checkError,
    experimental,
    isSuppressed(code: string, name: string, line: number): boolean {
      const c = code.toLowerCase();
      const n = name.toLowerCase();
      return items.some(
        (s) =>
          (s.codes.includes(c) || s.codes.includes(n) || s.codes.includes('all')) &&
          (s.scope === 'file' || (s.appliesTo !== undefined && line >= s.appliesTo.startLine && line <= s.appliesTo.endLine)),
      );
    },
  };
}
