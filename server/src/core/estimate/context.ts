// Pure helpers over a listing of build-context files: which files COPY sources match, largest entries, droppable junk.
import { DOCKERIGNORE_CANDIDATES } from '../data/estimate-facts';
import type { ContextMeasure, LargestEntry } from './types';
import { sourceMatcher } from '../model/build-context';

// COPY-source matching lives with the build context; re-exported for the estimator's callers.
export { normalizeSource, sourceMatcher } from '../model/build-context';

export interface ContextFile {
  /** Relative to the context root, `/`-separated, no leading `./`. */
  path: string;
  bytes: number;
  /** Excluded by `.dockerignore` (still listed so the hover can say how much it already saves). */
  ignored?: boolean;
}

/** Whether a candidate junk pattern matches a path (by any path segment, or a `*.ext` suffix). */
function junkMatch(pattern: string, path: string): string | undefined {
  const segs = path.split('/');
  if (pattern.startsWith('*')) {
    const suffix = pattern.slice(1);
    const i = segs.findIndex((s) => s.endsWith(suffix));
    return i >= 0 ? segs.slice(0, i + 1).join('/') : undefined;
  }
  const i = segs.indexOf(pattern);
  // `build`, `dist`, `env` only at the top level: deeper folders of that name are often real code.
  if (i < 0 || (['build', 'dist', 'env'].includes(pattern) && i !== 0)) return undefined;
  return segs.slice(0, i + 1).join('/');
}

export interface SummarizeOptions {
  hasDockerignore: boolean;
  ignoreFileName?: string;
  truncated: boolean;
  top?: number;
}

/** Sizes of what `sources` copy from a listed context. */
export function summarizeContext(files: readonly ContextFile[], sources: readonly string[], options: SummarizeOptions): ContextMeasure {
  const top = options.top ?? 5;
  const matchers = sources.map((s) => ({ src: s, match: sourceMatcher(s), hit: false }));
  let bytes = 0;
  let count = 0;
  let ignoredBytes = 0;
  const dirs = new Map<string, number>();
  const largest: LargestEntry[] = [];
  const junk = new Map<string, { pattern: string; why: string; bytes: number; files: number }>();
  for (const f of files) {
    let matched = false;
    for (const m of matchers) {
      if (m.match(f.path)) {
        m.hit = true;
        matched = true;
      }
    }
    if (!matched) continue;
    if (f.ignored) {
      ignoredBytes += f.bytes;
      continue;
    }
    bytes += f.bytes;
    count++;
    largest.push({ path: f.path, bytes: f.bytes });
    const segs = f.path.split('/');
    for (let i = 1; i < segs.length; i++) {
      const d = `${segs.slice(0, i).join('/')}/`;
      dirs.set(d, (dirs.get(d) ?? 0) + f.bytes);
    }
    for (const c of DOCKERIGNORE_CANDIDATES) {
      if (junkMatch(c.pattern, f.path) === undefined) continue;
      const j = junk.get(c.pattern) ?? { pattern: c.pattern, why: c.why, bytes: 0, files: 0 };
      j.bytes += f.bytes;
      j.files++;
      junk.set(c.pattern, j);
      break;
    }
  }
  largest.sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path));
  // Only top-level and second-level folders: deeper ones repeat their parents.
  const largestDirs = [...dirs.entries()]
    .filter(([d]) => d.split('/').length <= 3)
    .map(([path, b]) => ({ path, bytes: b }))
    .sort((a, b) => b.bytes - a.bytes || a.path.localeCompare(b.path))
    .slice(0, top);
  return {
    bytes,
    files: count,
    largestFiles: largest.slice(0, top),
    largestDirs,
    droppable: [...junk.values()].filter((j) => j.bytes > 0).sort((a, b) => b.bytes - a.bytes),
    ignoredBytes,
    hasDockerignore: options.hasDockerignore,
    ...(options.ignoreFileName ? { ignoreFileName: options.ignoreFileName } : {}),
    truncated: options.truncated,
    unmatched: matchers.filter((m) => !m.hit).map((m) => m.src),
  };
}

/** An in-memory context for tests and callers that already hold the listing. */
export function memoryContext(files: readonly ContextFile[], hasDockerignore = false): { measure(dir: string, sources: readonly string[]): ContextMeasure } {
  return { measure: (_dir, sources) => summarizeContext(files, sources, { hasDockerignore, truncated: false }) };
}
