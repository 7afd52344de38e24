// The core's front door: which kind a file is, lint a text, apply fixes. Used by the server, the CLI and tests.
import type { Finding, Fix, TextEdit } from './types';
import type { LayerwiseConfig } from './config';
import { defaultConfig } from './config';
import { buildDockerfileModel, type DockerfileModel } from './model/dockerfile';
import { lintDockerfileWith, lintRequirementsWith, type LintOptions } from './engine';
import { DOCKERFILE_RULES, REQUIREMENTS_RULES } from './rules/registry';
import type { Rule } from './rules/rule';
import { buildRequirementsModel, requirementsDependencies, type RequirementsModel } from './model/requirements';
import { installedProjectFiles, installedRequirementsFiles } from './model/installs';
import { snapshotFiles } from './model/build-context';
import { applyEdits, editsOverlap } from './text';
import { notAnalysedFinding } from './not-analysed';
import type { ProjectFiles } from './project';
import { checkEdits, type ContractResult } from './rewrite-contract';

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
  /** The requirements-file model, for requirements files. */
  requirements?: RequirementsModel;
  /** Other project files the findings were computed from (requirements files a Dockerfile installs, includes, Dockerfiles installing a requirements file). */
  dependencies?: string[];
}

/** Files bigger than this are not analysed (a clear finding says so) so a huge paste never stalls the editor. */
export const MAX_TEXT_LENGTH = 2_000_000;
/**
 * The longest line of a Dockerfile Layerwise reads: no real Dockerfile has one near it, and dockerfile-ast spends
 * seconds on a megabyte-long instruction (a 1 MB `ENV` line took 3.7 s to model). Long RUN bodies over several
 * lines are read up to their own limit instead (parse/shell.ts MAX_RUN_SHELL).
 */
export const MAX_LINE_LENGTH = 65_536;

/** Why Layerwise does not analyse this text at all (binary, too large, a line too long), or undefined. */
export function declineReason(text: string, kind: FileKind): { message: string; line: number } | undefined {
  if (text.includes('\u0000')) return { message: 'File is binary: Layerwise did not analyse it', line: 0 };
  if (text.length > MAX_TEXT_LENGTH) return { message: `File is larger than ${MAX_TEXT_LENGTH.toLocaleString('en-US')} characters: Layerwise did not analyse it`, line: 0 };
  if (kind === 'dockerfile' && text.length > MAX_LINE_LENGTH) {
    let line = 0;
    let start = 0;
    for (;;) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      if (end - start > MAX_LINE_LENGTH) {
        return { message: `Line ${line + 1} is ${(end - start).toLocaleString('en-US')} characters long, more than the ${MAX_LINE_LENGTH.toLocaleString('en-US')} Layerwise reads on one line: it did not analyse the file`, line };
      }
      if (nl < 0) break;
      start = nl + 1;
      line++;
    }
  }
  return undefined;
}

export function lintText(text: string, request: LintRequest): LintResult {
  const config: LayerwiseConfig = request.config ?? defaultConfig();
  const declined = declineReason(text, request.kind);
  if (declined) {
    const at = { line: declined.line, character: 0 };
    return { findings: [notAnalysedFinding({ start: at, end: at }, declined.message, request.docsBase ?? '')] };
  }
  // One view of the other files for this lint: every rule and the dependency list read each file once and share
  // the traced installs; a new lint (an edit, another fix-all pass) sees the files afresh.
  const files = request.files ? snapshotFiles(request.files) : undefined;
  if (request.kind === 'dockerfile') {
    const model = buildDockerfileModel(text, config.target !== undefined ? { target: config.target } : {});
    const rules = (request.rules as readonly Rule<DockerfileModel>[] | undefined) ?? DOCKERFILE_RULES;
    const result: LintResult = { model, findings: lintDockerfileWith(rules, model, { ...request, ...(files ? { files } : {}), config }) };
    if (request.path !== undefined && files) {
      const loc = { path: request.path, config };
      result.dependencies = [...new Set([...installedRequirementsFiles(model, files, loc).map((f) => f.path), ...installedProjectFiles(model, files, loc)])];
    }
    return result;
  }
  const requirements = buildRequirementsModel(text, {
    ...(request.path !== undefined ? { path: request.path } : {}),
    ...(files ? { files } : {}),
    ...(config.context !== undefined ? { context: config.context } : {}),
    ...(config.buildArgs ? { buildArgs: config.buildArgs } : {}),
  });
  return {
    requirements,
    findings: lintRequirementsWith(REQUIREMENTS_RULES as readonly Rule<RequirementsModel>[], requirements, { ...request, ...(files ? { files } : {}), config }),
    dependencies: requirementsDependencies(requirements),
  };
}

export interface FixAllResult {
  text: string;
  /** Fixes applied, in order. */
  applied: { code: string; title: string }[];
  passes: number;
  /** New contents of other files the applied fixes changed (`.dockerignore`), when `fileEdits` was asked for. */
  files: { path: string; text: string; created: boolean }[];
  /** Fixes left out because their rewrite would break the rewrite contract (core/rewrite-contract.ts), with why. */
  refused: { code: string; title: string; reason: string }[];
}

interface Pick {
  code: string;
  fix: Fix;
  next: { path: string; text: string; created: boolean }[];
}

/**
 * Applies every safe fix (unsafe too when asked), re-linting between passes until nothing more applies, so fixes
 * that touch the same lines are applied one after another instead of being dropped. With `fileEdits`, fixes that
 * also change other files are applied too: their new contents come back in `files` (the caller writes them) and
 * later passes read them, so such a fix is applied once.
 */
export function fixAll(text: string, request: LintRequest, options: { unsafe?: boolean; maxPasses?: number; fileEdits?: boolean } = {}): FixAllResult {
  const applied: FixAllResult['applied'] = [];
  let current = text;
  let passes = 0;
  const max = options.maxPasses ?? 10;
  const overlay = new Map<string, { text: string; created: boolean }>();
  const base = request.files;
  const files: ProjectFiles = {
    read: (p) => overlay.get(p)?.text ?? base?.read(p),
    ...(base?.list ? { list: (d: string) => base.list!(d) } : {}),
  };
  const refused: FixAllResult['refused'] = [];
  const refusedKeys = new Set<string>();
  while (passes < max) {
    passes++;
    const { findings, model } = lintText(current, { ...request, files });
    const picks: Pick[] = [];
    const chosen: TextEdit[] = [];
    const touched = new Set<string>();
    for (const f of findings) {
      const fix: Fix | undefined = f.fixes.find((x) => x.applicability === 'safe' || (options.unsafe && x.applicability === 'unsafe'));
      if (!fix || (fix.edits.length === 0 && !fix.fileEdits?.length)) continue;
      if (fix.fileEdits?.length && (!options.fileEdits || fix.fileEdits.some((fe) => touched.has(fe.path)))) continue;
      if (editsOverlap(chosen, fix.edits)) continue;
      if (model && refusedKeys.has(fixKey(model, f.code, fix))) continue;
      const next = (fix.fileEdits ?? []).map((fe) => {
        const old = files.read(fe.path);
        return old === undefined && !fe.create ? undefined : { path: fe.path, text: applyEdits(old ?? '', fe.edits), created: old === undefined || overlay.get(fe.path)?.created === true };
      });
      if (next.some((n) => n === undefined)) continue;
      for (const n of next) touched.add(n!.path);
      chosen.push(...fix.edits);
      picks.push({ code: f.code, fix, next: next as Pick['next'] });
    }
    if (picks.length === 0) break;
    const kept = model ? keptByContract(model, picks, request, files, (p, reason) => {
      refusedKeys.add(fixKey(model, p.code, p.fix));
      refused.push({ code: p.code, title: p.fix.title, reason });
    }) : picks;
    if (kept.length === 0) continue;
    for (const p of kept) {
      for (const n of p.next) overlay.set(n.path, { text: n.text, created: n.created });
      applied.push({ code: p.code, title: p.fix.title });
    }
    current = applyEdits(current, kept.flatMap((p) => p.fix.edits));
  }
  return { text: current, applied, passes, files: [...overlay].map(([path, v]) => ({ path, text: v.text, created: v.created })), refused };
}

/** What identifies a fix across passes (its edits move when others apply): its code, title, and the text it replaces with what. */
function fixKey(model: DockerfileModel, code: string, fix: Fix): string {
  return JSON.stringify([code, fix.title, fix.edits.map((e) => [model.lines.slice(e.range), e.newText])]);
}

/**
 * The fixes of one fix-all pass that keep the rewrite contract. The pass is checked as one rewrite (one model of
 * the new text); only when it fails is each fix checked alone, the failing ones refused, and the rest checked
 * together once more (if that still fails, they are added one by one while the set holds; the others wait for the
 * next pass).
 */
function keptByContract(model: DockerfileModel, picks: Pick[], request: LintRequest, files: ProjectFiles, refuse: (p: Pick, reason: string) => void): Pick[] {
  const ctx = { files, ...(request.path !== undefined ? { path: request.path } : {}), ...(request.config ? { config: request.config } : {}) };
  const together = (list: Pick[]): ContractResult => {
    const edits = list.flatMap((p) => p.fix.edits);
    return checkEdits(model, edits, { ...ctx, safe: list.some((p) => p.fix.applicability === 'safe') });
  };
  if (together(picks).ok) return picks;
  const alone: Pick[] = [];
  for (const p of picks) {
    const r = checkEdits(model, p.fix.edits, { ...ctx, safe: p.fix.applicability === 'safe' });
    if (r.ok) alone.push(p);
    else refuse(p, r.reason);
  }
  if (alone.length <= 1 || together(alone).ok) return alone;
  // Each holds alone but not all together: keep the ones that hold with those kept before them (the rest wait for the next pass).
  const kept: Pick[] = [alone[0]!];
  for (const p of alone.slice(1)) if (together([...kept, p]).ok) kept.push(p);
  return kept;
}

export { buildDockerfileModel, buildRequirementsModel };
export type { DockerfileModel, RequirementsModel };
