// The CLI's output formats (text, JSON, SARIF 2.1.0); the JSON shape is a public contract documented in the README.
import type { Finding, Severity } from './core/types';
import { ALL_RULES } from './core/rules/registry';

export interface FileFindings {
  /** Path as shown to the user (relative to the working directory when inside it). */
  file: string;
  findings: Finding[];
}

export interface JsonFinding {
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  rule: string;
  name: string;
  severity: Severity;
  message: string;
  /** Other codes of the same fault at this place (added in 0.2; absent when there are none). */
  alsoCodes?: string[];
  fixes: {
    title: string;
    applicability: 'safe' | 'unsafe';
    edits: { line: number; column: number; endLine: number; endColumn: number; newText: string }[];
  }[];
}

export function toJson(results: FileFindings[]): JsonFinding[] {
  const out: JsonFinding[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      out.push({
        file,
        line: f.range.start.line + 1,
        column: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
        rule: f.code,
        name: f.name,
        severity: f.severity,
        message: f.message,
        ...(f.alsoCodes?.length ? { alsoCodes: f.alsoCodes } : {}),
        fixes: f.fixes
          .filter((x) => x.edits.length > 0)
          .map((x) => ({
            title: x.title,
            applicability: x.applicability,
            edits: x.edits.map((e) => ({
              line: e.range.start.line + 1,
              column: e.range.start.character + 1,
              endLine: e.range.end.line + 1,
              endColumn: e.range.end.character + 1,
              newText: e.newText,
            })),
          })),
      });
    }
  }
  return out;
}

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', hint: '\x1b[2m', reset: '\x1b[0m', bold: '\x1b[1m' };

export function toText(results: FileFindings[], color: boolean): string {
  const lines: string[] = [];
  let counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
  let fixable = 0;
  for (const { file, findings } of results) {
    for (const f of findings) {
      counts[f.severity]++;
      if (f.fixes.some((x) => x.applicability === 'safe')) fixable++;
      const sev = color ? `${COLORS[f.severity]}${f.severity}${COLORS.reset}` : f.severity;
      const code = color ? `${COLORS.bold}${f.code}${COLORS.reset}` : f.code;
      lines.push(`${file}:${f.range.start.line + 1}:${f.range.start.character + 1}: ${sev} ${code} ${f.message}${f.alsoCodes?.length ? ` (also ${f.alsoCodes.join(', ')})` : ''}`);
    }
  }
  const total = counts.error + counts.warning + counts.info + counts.hint;
  const parts = (Object.keys(counts) as Severity[]).filter((k) => counts[k] > 0).map((k) => `${counts[k]} ${k}${counts[k] === 1 || k === 'info' ? '' : 's'}`);
  lines.push(
    total === 0
      ? `No findings in ${results.length} file${results.length === 1 ? '' : 's'}.`
      : `${total} finding${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${results.length} file${results.length === 1 ? '' : 's'}${fixable ? `; ${fixable} fixable with \`layerwise lint --fix\`` : ''}.`,
  );
  counts = { error: 0, warning: 0, info: 0, hint: 0 };
  return lines.join('\n') + '\n';
}

const SARIF_LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function toSarif(results: FileFindings[], version: string, docsBase: string): unknown {
  const used = new Map<string, number>();
  const rules: unknown[] = [];
  const ruleIndex = (code: string): number => {
    let i = used.get(code);
    if (i !== undefined) return i;
    const r = ALL_RULES.find((x) => x.meta.code === code);
    i = rules.length;
    used.set(code, i);
    rules.push({
      id: code,
      name: r?.meta.name ?? code,
      shortDescription: { text: r?.meta.docs.whatItDoes ?? code },
      fullDescription: { text: r ? `${r.meta.docs.whatItDoes} ${r.meta.docs.whyItMatters}` : code },
      helpUri: `${docsBase}${code}.md`,
      defaultConfiguration: { level: SARIF_LEVEL[r?.meta.severity ?? 'warning'] },
      properties: { category: r?.meta.category ?? 'correctness', tags: [r?.meta.category ?? 'correctness'] },
    });
    return i;
  };
  const sarifResults: unknown[] = [];
  for (const { file, findings } of results) {
    for (const f of findings) {
      const region = {
        startLine: f.range.start.line + 1,
        startColumn: f.range.start.character + 1,
        endLine: f.range.end.line + 1,
        endColumn: f.range.end.character + 1,
      };
      const result: Record<string, unknown> = {
        ruleId: f.code,
        ruleIndex: ruleIndex(f.code),
        level: SARIF_LEVEL[f.severity],
        message: { text: f.message },
        locations: [{ physicalLocation: { artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' }, region } }],
      };
      const safe = f.fixes.filter((x) => x.edits.length > 0);
      if (safe.length) {
        result['fixes'] = safe.map((x) => ({
          description: { text: x.title },
          artifactChanges: [
            {
              artifactLocation: { uri: encodeURI(file.replace(/\\/g, '/')), uriBaseId: '%SRCROOT%' },
              replacements: x.edits.map((e) => ({
                deletedRegion: { startLine: e.range.start.line + 1, startColumn: e.range.start.character + 1, endLine: e.range.end.line + 1, endColumn: e.range.end.character + 1 },
                insertedContent: { text: e.newText },
              })),
            },
          ],
        }));
      }
      sarifResults.push(result);
    }
  }
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'Layerwise', informationUri: 'https://github.com/layerwise/layerwise', version, semanticVersion: version, rules } },
        columnKind: 'utf16CodeUnits',
        originalUriBaseIds: { '%SRCROOT%': { uri: `file://${process.cwd().replace(/\\/g, '/')}/` } },
        results: sarifResults,
      },
    ],
  };
}
