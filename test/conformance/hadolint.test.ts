// Runs hadolint's own rule cases (test/fixtures/conformance/hadolint-cases.json) through the real engine and prints a per-rule pass table.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDockerfileModel } from '../../server/src/core/model/dockerfile';
import { lintDockerfileWith } from '../../server/src/core/engine';
import { defaultConfig, mergeConfig, type LayerwiseConfig } from '../../server/src/core/config';
import { DOCKERFILE_RULES } from '../../server/src/core/rules/registry';
import type { Rule } from '../../server/src/core/rules/rule';
import type { DockerfileModel } from '../../server/src/core/model/dockerfile';
import type { Finding } from '../../server/src/core/types';
import { initRuntime } from '../../server/src/node/runtime';
import { DIVERGENCES, type Divergence } from './divergences';

const ROOT = join(__dirname, '..', '..', '..');
const CASES_PATH = join(ROOT, 'test', 'fixtures', 'conformance', 'hadolint-cases.json');
/** Required share of passing cases (divergences excluded) once every hadolint rule exists. */
const MIN_PASS_RATE = 0.98;

interface HadolintCase {
  id: string;
  /** `DLxxxx`, `shellcheck` (any SC finding) or `*` (no finding of any rule). */
  rule: string;
  dockerfile: string;
  dockerfile_onbuild?: string;
  expect: boolean;
  /** null = at least one; a number = exactly that many. */
  count: number | null;
  onbuild: boolean;
  config?: HadolintConfig;
  note: string;
  category: string;
}

interface HadolintConfig {
  allowedRegistries?: string[];
  labelSchema?: Record<string, string>;
  strictLabels?: boolean;
  ignoreRules?: string[];
  [other: string]: unknown;
}

interface CaseResult {
  c: HadolintCase;
  pass: boolean;
  found: Finding[];
  divergence?: Divergence;
  error?: string;
}

const cases: HadolintCase[] = (JSON.parse(readFileSync(CASES_PATH, 'utf8')) as { cases: HadolintCase[] }).cases;

/** hadolint's configuration keys mapped onto Layerwise's; an unknown key is a harness gap and fails loudly. */
export function toLayerwiseConfig(h: HadolintConfig | undefined): LayerwiseConfig {
  const over: Partial<LayerwiseConfig> = {};
  for (const [k, v] of Object.entries(h ?? {})) {
    if (k === 'allowedRegistries') over.trustedRegistries = v as string[];
    else if (k === 'labelSchema') over.labelSchema = v as Record<string, string>;
    else if (k === 'strictLabels') over.strictLabels = v as boolean;
    else if (k === 'ignoreRules') over.ignored = v as string[];
    else throw new Error(`hadolint config key ${k} has no Layerwise equivalent in the conformance harness`);
  }
  return mergeConfig(defaultConfig(), over);
}

const isShellcheckRule = (r: Rule<DockerfileModel>): boolean => /^SC\d{4}$/.test(r.meta.code) || /shellcheck/i.test(r.meta.code) || /shellcheck/.test(r.meta.name);
const isShellcheckFinding = (f: Finding): boolean => /^SC\d{4}$/.test(f.code) || /shellcheck/i.test(f.code);

/** The rules a case runs against, or undefined when none is registered yet. */
function rulesFor(rule: string): Rule<DockerfileModel>[] | undefined {
  let rules: Rule<DockerfileModel>[];
  if (rule === '*') rules = DOCKERFILE_RULES.filter((r) => r.meta.origin === 'hadolint' || isShellcheckRule(r));
  else if (rule === 'shellcheck') rules = DOCKERFILE_RULES.filter(isShellcheckRule);
  else rules = DOCKERFILE_RULES.filter((r) => r.meta.code === rule);
  return rules.length ? rules : undefined;
}

function counted(rule: string, f: Finding): boolean {
  if (rule === '*') return true;
  if (rule === 'shellcheck') return isShellcheckFinding(f);
  return f.code === rule;
}

function divergenceFor(c: HadolintCase): Divergence | undefined {
  return DIVERGENCES.find((d) => d.rule === c.rule && (d.id === c.id || (d.dockerfile !== undefined && d.dockerfile === c.dockerfile)));
}

function runCase(c: HadolintCase, rules: Rule<DockerfileModel>[]): CaseResult {
  const text = (c.onbuild && c.dockerfile_onbuild !== undefined ? c.dockerfile_onbuild : c.dockerfile) + '\n';
  const result: CaseResult = { c, pass: false, found: [] };
  const d = divergenceFor(c);
  if (d) result.divergence = d;
  try {
    const config = toLayerwiseConfig(c.config);
    // hadolint's tests run a rule whatever its default severity; opt-in rules (DL1001) are switched on here.
    for (const r of rules) if (r.meta.defaultOff && c.rule !== '*' && config.rules[r.meta.code] === undefined) config.rules[r.meta.code] = r.meta.severity;
    const model = buildDockerfileModel(text);
    const found = lintDockerfileWith(rules, model, { config }).filter((f) => counted(c.rule, f));
    result.found = found;
    const internal = found.filter((f) => f.code === 'LW000');
    if (internal.length) result.error = internal.map((f) => f.message).join('; ');
    if (!c.expect) result.pass = found.length === 0;
    else result.pass = internal.length === 0 && (c.count === null ? found.length > 0 : found.length === c.count);
  } catch (err) {
    result.error = (err as Error).stack ?? String(err);
  }
  return result;
}

function describeFailure(r: CaseResult): string {
  const want = r.c.expect ? (r.c.count === null ? 'at least 1' : `exactly ${r.c.count}`) : '0';
  const got = r.found.map((f) => `${f.code}@${f.range.start.line + 1}:${f.range.start.character + 1}`).join(', ') || 'none';
  const text = (r.c.onbuild && r.c.dockerfile_onbuild !== undefined ? r.c.dockerfile_onbuild : r.c.dockerfile).replace(/\n/g, '⏎');
  return `${r.c.id} ${r.c.rule} want ${want}, got ${r.found.length} [${got}]${r.error ? ` ERROR ${r.error.split('\n')[0]}` : ''}\n      ${r.c.note}\n      ${text.length > 160 ? `${text.slice(0, 157)}…` : text}`;
}

const codes = [...new Set(cases.map((c) => c.rule))].sort((a, b) => (a === '*' ? 1 : b === '*' ? -1 : a.localeCompare(b)));
const results = new Map<string, CaseResult[]>();

describe('hadolint conformance', () => {
  before(async () => {
    await initRuntime();
    for (const code of codes) {
      const rules = rulesFor(code);
      if (!rules) continue;
      results.set(code, cases.filter((c) => c.rule === code).map((c) => runCase(c, rules)));
    }
    printTable();
  });

  for (const code of codes) {
    test(`${code}: every case passes except listed divergences`, (t) => {
      const rs = results.get(code);
      if (!rs) {
        t.skip(`${code} not implemented`);
        return;
      }
      const failures = rs.filter((r) => !r.pass && !r.divergence);
      assert.equal(failures.length, 0, `${failures.length} failing case(s):\n    ${failures.map(describeFailure).join('\n    ')}`);
      // A listed divergence that no longer diverges must be removed from the list (and the docs).
      const stale = rs.filter((r) => r.pass && r.divergence).map((r) => r.c.id);
      assert.deepEqual(stale, [], 'listed divergences that now pass: remove them from divergences.ts and the rule docs');
    });
  }

  test('every listed divergence names a real case and is explained in its rule docs', () => {
    const problems: string[] = [];
    for (const d of DIVERGENCES) {
      if (!cases.some((c) => c.rule === d.rule && (c.id === d.id || (d.dockerfile !== undefined && c.dockerfile === d.dockerfile)))) problems.push(`${d.rule} ${d.id ?? d.dockerfile}: no such case`);
      const rule = DOCKERFILE_RULES.find((r) => r.meta.code === d.rule || (d.rule === 'shellcheck' && isShellcheckRule(r)));
      if (!rule) continue;
      const docs = rule.meta.docs.divergences ?? '';
      if (!docs.toLowerCase().includes(d.topic.toLowerCase())) problems.push(`${d.rule}: docs divergences do not mention "${d.topic}" (${d.reason})`);
    }
    assert.deepEqual(problems, []);
  });

  test(`pass rate is at least ${MIN_PASS_RATE * 100}% once every hadolint rule exists`, (t) => {
    const { passed, total, missing } = totals();
    if (missing.length > 0) {
      t.diagnostic(`not yet asserted: ${missing.length} rule(s) not implemented (${missing.join(', ')})`);
      return;
    }
    assert.ok(total > 0 && passed / total >= MIN_PASS_RATE, `pass rate ${((100 * passed) / total).toFixed(1)}% < ${MIN_PASS_RATE * 100}%`);
  });
});

function totals(): { passed: number; total: number; divergent: number; missing: string[] } {
  let passed = 0;
  let total = 0;
  let divergent = 0;
  const missing: string[] = [];
  for (const code of codes) {
    const rs = results.get(code);
    if (!rs) {
      missing.push(code);
      continue;
    }
    for (const r of rs) {
      if (r.divergence) divergent++;
      else {
        total++;
        if (r.pass) passed++;
      }
    }
  }
  return { passed, total, divergent, missing };
}

function printTable(): void {
  const rows: string[][] = [['rule', 'cases', 'passed', 'failed', 'divergences', 'status']];
  for (const code of codes) {
    const all = cases.filter((c) => c.rule === code).length;
    const rs = results.get(code);
    if (!rs) {
      rows.push([code, String(all), '-', '-', '-', 'not implemented']);
      continue;
    }
    const div = rs.filter((r) => r.divergence).length;
    const passed = rs.filter((r) => r.pass && !r.divergence).length;
    const failed = rs.filter((r) => !r.pass && !r.divergence).length;
    rows.push([code, String(all), String(passed), String(failed), String(div), failed ? 'FAILING' : 'ok']);
  }
  const { passed, total, divergent, missing } = totals();
  const implementedCases = cases.length - cases.filter((c) => missing.includes(c.rule)).length;
  rows.push(['total', String(implementedCases), String(passed), String(total - passed), String(divergent), `${codes.length - missing.length}/${codes.length} implemented`]);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [line(rows[0]!), `|${widths.map((w, i) => (i === 0 || i === 5 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`, ...rows.slice(1).map(line)];
  const rate = total ? ((100 * passed) / total).toFixed(1) : 'n/a';
  out.push('', `hadolint conformance: ${passed}/${total} cases of implemented rules pass (${rate}%), ${divergent} expected divergence(s) excluded, ${missing.length} rule(s) not implemented (${cases.filter((c) => missing.includes(c.rule)).length} cases)`);
  process.stdout.write(`${out.join('\n')}\n`);
}
