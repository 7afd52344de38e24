// The core's front door: which kind a file is, lint a text, apply fixes. Used by the server, the CLI and tests.
import type { Finding, Fix, TextEdit } from './types';
import type { LayerwiseConfig } from './config';
import { defaultConfig } from './config';
import { buildDockerfileModel, type DockerfileModel } from './model/dockerfile';
import { lintDockerfileWith, type LintOptions } from './engine';
import { DOCKERFILE_RULES } from './rules/registry';
import { applyEdits, editsOverlap } from './text';

export type FileKind = 'dockerfile' | 'requirements';

/** Decides from a path whether Layerwise lints it and as what. */
export function fileKind(path: string): FileKind | undefined {
  const name = path.replace(/\\/g, '/').split('/').pop() ?? '';
  const lower = name.toLowerCase();
  if (/^(docker|container)file(\..+)?$/i.test(name) || lower.endsWith('.dockerfile') || lower.endsWith('.containerfile')) return 'dockerfile';
  if (/^(requirements|constraints).*\.(txt|in)$/i.test(name)) return 'requirements';
  if (/\/requirements\/[^/]+\.(txt|in)$/i.test(path.replace(/\\/g, '/'))) return 'requirements';
  return undefined;
}

export interface LintRequest extends LintOptions {
  kind: FileKind;
}

export interface LintResult {
  findings: Finding[];
  model?: DockerfileModel;
}

/** Files bigger than this are not analysed (a clear finding says so) so a huge paste never stalls the editor. */
export const MAX_TEXT_LENGTH = 2_000_000;

export function lintText(text: string, request: LintRequest): LintResult {
  const config: LayerwiseConfig = request.config ?? defaultConfig();
  if (text.length > MAX_TEXT_LENGTH || text.includes('\u0000')) {
    return {
      findings: [
        {
          code: 'LW000',
          name: 'not-analysed',
          category: 'correctness',
          severity: 'info',
          message: text.includes('\u0000') ? 'File is binary: Layerwise did not analyse it' : `File is larger than ${MAX_TEXT_LENGTH} characters: Layerwise did not analyse it`,
          range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
          fixes: [],
          docsUrl: `${request.docsBase ?? ''}LW000.md`,
        },
      ],
    };
  }
  if (request.kind === 'dockerfile') {
    const model = buildDockerfileModel(text, config.target !== undefined ? { target: config.target } : {});
    return { model, findings: lintDockerfileWith(DOCKERFILE_RULES, model, { ...request, config }) };
  }
  return { findings: [] };
}

export interface FixAllResult {
  text: string;
  /** Fixes applied, in order. */
  applied: { code: string; title: string }[];
  passes: number;
}

/**
 * Applies every safe fix (unsafe too when asked), re-linting between passes until nothing more applies, so fixes
 * that touch the same lines are applied one after another instead of being dropped.
 */
export function fixAll(text: string, request: LintRequest, options: { unsafe?: boolean; maxPasses?: number } = {}): FixAllResult {
  const applied: FixAllResult['applied'] = [];
  let current = text;
  let passes = 0;
  const max = options.maxPasses ?? 10;
  while (passes < max) {
    passes++;
    const { findings } = lintText(current, request);
    const chosen: TextEdit[] = [];
    let any = false;
    for (const f of findings) {
      const fix: Fix | undefined = f.fixes.find((x) => x.applicability === 'safe' || (options.unsafe && x.applicability === 'unsafe'));
      if (!fix || fix.edits.length === 0 || fix.fileEdits?.length) continue;
      if (editsOverlap(chosen, fix.edits)) continue;
      chosen.push(...fix.edits);
      applied.push({ code: f.code, title: fix.title });
      any = true;
    }
    if (!any) break;
    current = applyEdits(current, chosen);
  }
  return { text: current, applied, passes };
}

export { buildDockerfileModel };
export type { DockerfileModel };
