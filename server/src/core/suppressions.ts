// Inline pragmas that silence findings: hadolint's `ignore=`, BuildKit's `# check=skip=`, and Layerwise's own.
import type { Range } from './types';
import type { DockerfileModel } from './model/dockerfile';

export interface Suppression {
  /** Codes or names (lower-case); `all` matches every rule. */
  codes: string[];
  scope: 'next' | 'file';
  /** Line of the pragma comment. */
  line: number;
  /** Lines the pragma covers (scope `next`): the instruction that follows it. */
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

const PRAGMA = /^#\s*(hadolint|layerwise)\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+?)\s*$/i;

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
      const range = { start: { line, character: 0 }, end: { line, character: model.lines.lineText(line).length } };
      const s: Suppression = { codes, scope: m[2] ? 'file' : 'next', line, range, syntax: m[1]!.toLowerCase() as 'hadolint' | 'layerwise' };
      if (!m[2]) {
        const next = model.instructions.find((i) => i.startLine > line);
        if (next) s.appliesTo = { startLine: next.startLine, endLine: next.endLine };
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
