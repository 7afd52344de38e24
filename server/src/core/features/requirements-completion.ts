// Completion in a requirements file: pip's options where a line starts with `-`, well-known package names where a requirement is being typed.
import type { Position, Range } from '../types';
import { OPTION_SPECS } from '../parse/requirements';
import { knownPackages, getPackageRelease } from '../data/wheels';
import { packageNotice } from '../data/python-packages';

export interface RequirementsCompletion {
  label: string;
  kind: 'option' | 'package';
  detail?: string;
  documentation?: string;
  /** Text to insert in place of `range`. */
  insertText: string;
  range: Range;
  /** Sort key so popular packages come first. */
  sortText?: string;
}

const MAX_PACKAGES = 200;

/** Completions at `position` of `text`; empty where nothing fits (inside a version, a marker, a comment). */
export function requirementsCompletions(text: string, position: Position): RequirementsCompletion[] {
  const line = text.split(/\r?\n/)[position.line] ?? '';
  const before = line.slice(0, position.character);
  if (/(^|\s)#/.test(before)) return [];
  // The word being typed: from the last blank to the cursor.
  const m = /(\S*)$/.exec(before)!;
  const word = m[1]!;
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const lineStart = before.trim() === word;
  if (word.startsWith('-')) {
    // Per-requirement options only after a requirement; file options only at the start of a line.
    return OPTION_SPECS.filter((o) => (lineStart ? true : o.scope === 'requirement'))
      .filter((o) => o.name.startsWith(word) || (o.short !== undefined && o.short.startsWith(word)))
      .map((o) => ({
        label: o.name,
        kind: 'option' as const,
        detail: o.short ? `${o.short}, ${o.name}` : o.name,
        documentation: o.description,
        insertText: o.takesValue ? (o.name === '--hash' ? `${o.name}=sha256:` : `${o.name} `) : o.name,
        range,
      }));
  }
  if (!lineStart || /[^A-Za-z0-9._-]/.test(word)) return [];
  const prefix = word.toLowerCase().replace(/[-_.]+/g, '-');
  const out: RequirementsCompletion[] = [];
  for (const name of knownPackages()) {
    if (!name.startsWith(prefix) || packageNotice(name)) continue;
    const release = getPackageRelease(name);
    out.push({
      label: name,
      kind: 'package',
      ...(release ? { detail: `${release.version} (${release.uploadDate})` } : {}),
      insertText: name,
      range,
      // Packages the data collection targeted (popular ones) first, then alphabetical.
      sortText: `${release?.inTargetList ? '0' : '1'}${name}`,
    });
    if (out.length >= MAX_PACKAGES) break;
  }
  return out;
}
