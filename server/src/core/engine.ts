// Runs the registered rules over a model, then applies configuration, suppressions and severities to what they report.
import type { Finding, Severity } from './types';
import { SEVERITY_RANK } from './types';
import type { LayerwiseConfig } from './config';
import { defaultConfig } from './config';
import type { DockerfileModel } from './model/dockerfile';
import { readRequirementsSuppressions, readSuppressions } from './suppressions';
import type { RequirementsModel } from './model/requirements';
import type { ProjectFiles } from './project';
import { NO_FILES } from './project';
import { snapshotFiles } from './model/build-context';
import type { Report, Rule, RuleContext, RuleMeta } from './rules/rule';
import { defaultShellChecker, type ShellChecker } from './shellcheck';
import { notAnalysedFindings } from './not-analysed';

export const DEFAULT_DOCS_BASE = 'https://github.com/layerwise/layerwise/blob/main/docs/rules/';

export interface LintOptions {
  config?: LayerwiseConfig;
  today?: Date;
  files?: ProjectFiles;
  path?: string;
  /** Where rule pages live; `<code>.md` is appended. */
  docsBase?: string;
  /** Rule set to run (defaults to every registered rule for the language). */
  rules?: readonly Rule<unknown>[];
  /**
   * Whether ShellCheck may run on RUN bodies. The language server sets it from workspace trust (false until the
   * client says the workspace is trusted); left undefined (CLI, tests) it runs whenever a checker is available.
   */
  shellcheck?: boolean;
  /** The ShellCheck runner; defaults to the one the Node runtime registered (core/shellcheck.ts). */
  shellChecker?: ShellChecker;
}

/** Effective severity of a rule under a configuration, or `off`. */
export function severityFor(meta: RuleMeta, config: LayerwiseConfig, enabledExperimental: readonly string[] = []): Severity | 'off' {
  const byCode = findKey(config.rules, meta.code);
  const byName = findKey(config.rules, meta.name);
  const override = byCode ?? byName;
  // Another installed tool already shows this rule's findings: never show them twice, whatever the severity settings.
  if ((config.defer ?? []).includes(meta.origin)) return 'off';
  if (config.ignored.some((x) => x.toLowerCase() === meta.code.toLowerCase() || x.toLowerCase() === meta.name.toLowerCase())) return 'off';
  if (override !== undefined) return override;
  if (meta.defaultOff) return 'off';
  if (meta.experimental && !config.experimental && !enabledExperimental.some((e) => e.toLowerCase() === 'all' || e.toLowerCase() === meta.code.toLowerCase())) return 'off';
  return meta.severity;
}

function findKey<T>(record: Record<string, T>, key: string): T | undefined {
  if (key in record) return record[key];
  const lower = key.toLowerCase();
  for (const [k, v] of Object.entries(record)) if (k.toLowerCase() === lower) return v;
  return undefined;
}

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** Runs rules over any model kind and returns raw findings with default severities. */
export function runRules<M>(rules: readonly Rule<M>[], model: M, options: LintOptions, config: LayerwiseConfig, enabledExperimental: readonly string[] = []): Finding[] {
  const findings: Finding[] = [];
  const docsBase = options.docsBase ?? DEFAULT_DOCS_BASE;
  // The rules of one run share one view of the files, so build contexts and traced installs are computed once.
  const files = snapshotFiles(options.files ?? NO_FILES);
  for (const rule of rules) {
    const severity = severityFor(rule.meta, config, enabledExperimental);
    if (severity === 'off') continue;
    const ctx: RuleContext<M> = {
      model,
      config,
      today: options.today ?? new Date(),
      files,
      report: (r: Report) => {
        const f = toFinding(rule.meta, r, forwardedSeverity(rule.meta, r, severity, config), docsBase);
        if (f) findings.push(f);
      },
    };
    if (options.path !== undefined) ctx.path = options.path;
    const checker = options.shellcheck === false ? undefined : (options.shellChecker ?? defaultShellChecker());
    if (checker) ctx.shellChecker = checker;
    try {
      rule.check(ctx);
    } catch (err) {
      // A rule bug must never take the whole lint down; it is reported as an internal finding instead.
      findings.push({
        code: 'LW000',
        name: 'internal-error',
        category: 'correctness',
        severity: 'hint',
        message: `Rule ${rule.meta.code} failed on this file: ${(err as Error).message}`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        fixes: [],
        docsUrl: `${docsBase}LW000.md`,
      });
    }
  }
  return findings;
}

/**
 * Severity of a finding a rule forwards under another code (ShellCheck's `SC2086`): that code's own override or
 * `ignored` entry first, then an override of the whole rule, then the level the tool reported.
 */
function forwardedSeverity(meta: RuleMeta, r: Report, ruleSeverity: Severity, config: LayerwiseConfig): Severity | 'off' {
  if (r.code === undefined) return ruleSeverity;
  if (config.ignored.some((x) => x.toLowerCase() === r.code!.toLowerCase())) return 'off';
  const own = findKey(config.rules, r.code);
  if (own !== undefined) return own;
  const whole = findKey(config.rules, meta.code) ?? findKey(config.rules, meta.name);
  return whole ?? r.severity ?? ruleSeverity;
}

function toFinding(meta: RuleMeta, r: Report, severity: Severity | 'off', docsBase: string): Finding | undefined {
  if (severity === 'off') return undefined;
  const template = meta.messages[r.messageId];
  if (template === undefined) throw new Error(`rule ${meta.code} reported unknown message id ${r.messageId}`);
  const f: Finding = {
    code: r.code ?? meta.code,
    name: meta.name,
    category: meta.category,
    severity,
    message: formatMessage(template, r.data),
    range: r.range,
    fixes: r.fixes ?? [],
    docsUrl: r.docsUrl ?? `${docsBase}${meta.code}.md`,
  };
  if (r.related) f.related = r.related;
  if (r.tags) f.tags = r.tags;
  return f;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort(
    (a, b) =>
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      a.code.localeCompare(b.code),
  );
}

/**
 * A fix that inserts at the very start of a file beginning with a UTF-8 byte order mark inserts after it: a line
 * written before the mark leaves the mark at the start of the next line, where it makes that instruction unknown
 * (a SHELL line added above the first RUN turned `\uFEFFRUN` into an instruction Docker rejects).
 */
function keepBom(findings: Finding[]): void {
  const atStart = (p: { line: number; character: number }): boolean => p.line === 0 && p.character === 0;
  for (const f of findings) {
    for (const fix of f.fixes) {
      for (const e of fix.edits) {
        if (!atStart(e.range.start) || e.newText.charCodeAt(0) === 0xfeff) continue;
        e.range = { start: { line: 0, character: 1 }, end: atStart(e.range.end) ? { line: 0, character: 1 } : e.range.end };
      }
    }
  }
}

/** Lints a Dockerfile model with the given rules, then drops suppressed findings. */
export function lintDockerfileWith(rules: readonly Rule<DockerfileModel>[], model: DockerfileModel, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const suppressions = readSuppressions(model, config.buildkitCheck);
  // A template or another format linted by its name: one finding says so, instead of every rule misreading its lines.
  const active = model.notDockerfile ? rules.filter((r) => r.meta.notDockerfile) : rules;
  const raw = runRules(active, model, options, config, suppressions.experimental);
  if (model.text.charCodeAt(0) === 0xfeff) keepBom(raw);
  const metaOf = new Map(rules.map((r) => [r.meta.code, r.meta]));
  const kept = raw.filter((f) => {
    if (config.disableIgnorePragma) return true;
    const line = f.range.start.line;
    if (suppressions.isSuppressed(f.code, f.name, line, metaOf.get(f.code))) return false;
    // A pragma that names the other code of a same-fault pair judged this fault too; `all` names no fault (an
    // empty code is suppressed only by `all`), so after `# check=skip=all` the hadolint rule still speaks.
    return !sameFaultPartners(f.code).some((p) => {
      const m = metaOf.get(p);
      return m !== undefined && suppressions.isSuppressed(p, m.name, line, m) && !suppressions.isSuppressed('', '', line, m);
    });
  });
  if (suppressions.checkError) {
    for (const f of kept) if (rules.find((r) => r.meta.code === f.code)?.meta.origin === 'buildkit') f.severity = 'error';
  }
  return sortFindings([...mergeSameFault(kept), ...notAnalysedFindings(model, options.docsBase ?? DEFAULT_DOCS_BASE)]);
}

/**
 * Pairs of codes that name the same fault (a hadolint rule and the BuildKit check with its meaning): when both
 * report the same range, only the first is shown (BuildKit's, the check `docker build` itself runs). Either one
 * alone (the other off or deferred, or silenced by `# check=skip=all`) still speaks; a pragma that names either
 * code silences both. Each rule's docs say so in `divergences`.
 */
export const SAME_FAULT: readonly (readonly [keep: string, drop: string])[] = [
  ['SecretsUsedInArgOrEnv', 'DL3064'],
  ['JSONArgsRecommended', 'DL3025'],
  ['WorkdirRelativePath', 'DL3000'],
  ['MultipleInstructionsDisallowed', 'DL3012'],
  ['MultipleInstructionsDisallowed', 'DL4003'],
  ['MultipleInstructionsDisallowed', 'DL4004'],
  ['DuplicateStageName', 'DL3024'],
  ['ReservedStageName', 'DL3063'],
  ['MaintainerDeprecated', 'DL4000'],
  // A build-only package left in the image: the answer is to take it out, not to pin it.
  ['LW003', 'DL3008'],
];

/** The codes SAME_FAULT pairs with `code`. */
function sameFaultPartners(code: string): string[] {
  return SAME_FAULT.flatMap(([a, b]) => (a === code ? [b] : b === code ? [a] : []));
}

/** One finding per fault: drops the second code of a SAME_FAULT pair at the range of the first; the survivor keeps the more severe level and any fix only the dropped one offered. */
function mergeSameFault(findings: Finding[]): Finding[] {
  const at = (f: Finding): string => `${f.range.start.line}:${f.range.start.character}:${f.range.end.line}:${f.range.end.character}`;
  const byPlace = new Map<string, Finding>();
  for (const f of findings) byPlace.set(`${f.code}@${at(f)}`, f);
  const dropped = new Set<Finding>();
  for (const f of findings) {
    for (const [keep, drop] of SAME_FAULT) {
      if (f.code !== drop) continue;
      const survivor = byPlace.get(`${keep}@${at(f)}`);
      if (!survivor) continue;
      dropped.add(f);
      if (!survivor.alsoCodes?.includes(f.code)) survivor.alsoCodes = [...(survivor.alsoCodes ?? []), f.code];
      if (SEVERITY_RANK[f.severity] > SEVERITY_RANK[survivor.severity]) survivor.severity = f.severity;
      const offered = new Set(survivor.fixes.map((x) => JSON.stringify(x.edits)));
      const extra = f.fixes.filter((x) => !offered.has(JSON.stringify(x.edits)));
      if (extra.length) survivor.fixes = [...survivor.fixes, ...extra];
    }
  }
  return dropped.size ? findings.filter((f) => !dropped.has(f)) : findings;
}

/** Lints a requirements-file model with the given rules, then drops findings silenced by `# layerwise ignore=` pragmas. */
export function lintRequirementsWith(rules: readonly Rule<RequirementsModel>[], model: RequirementsModel, options: LintOptions = {}): Finding[] {
  const config = options.config ?? defaultConfig();
  const raw = runRules(rules, model, options, config);
  if (config.disableIgnorePragma) return sortFindings(raw);
  const suppressions = readRequirementsSuppressions(model);
  return sortFindings(raw.filter((f) => !suppressions.isSuppressed(f.code, f.name, f.range.start.line)));
}
