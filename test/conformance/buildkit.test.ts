// Runs BuildKit's own check cases (test/fixtures/conformance/buildkit-cases.json) through the real engine and prints a per-rule pass table.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDockerfileModel, type DockerfileModel } from '../../server/src/core/model/dockerfile';
import { lintDockerfileWith } from '../../server/src/core/engine';
import { defaultConfig, mergeConfig, type LayerwiseConfig } from '../../server/src/core/config';
import { memoryFiles } from '../../server/src/core/project';
import { DOCKERFILE_RULES } from '../../server/src/core/rules/registry';
import type { Rule } from '../../server/src/core/rules/rule';
import type { Finding } from '../../server/src/core/types';
import { initRuntime } from '../../server/src/node/runtime';
import { BUILDKIT_DIVERGENCES, type BuildkitDivergence } from './buildkit-divergences';

const ROOT = join(__dirname, '..', '..', '..');
const CASES_PATH = join(ROOT, 'test', 'fixtures', 'conformance', 'buildkit-cases.json');
/** Required share of passing cases (divergences excluded) once every BuildKit rule exists. */
const MIN_PASS_RATE = 0.95;

interface Warning {
  rule: string;
  line: number;
  detail: string;
}

interface CheckCase {
  id: string;
  test: string;
  dockerfile: string;
  dockerignore?: string;
  frontend_attrs?: Record<string, string>;
  expected_check_warnings: Warning[];
  expected_rules: string[];
  check_lines_asserted_upstream?: boolean;
  note?: string;
}

interface DocExample {
  id: string;
  rule: string;
  expect: boolean;
  dockerfile: string;
  dockerignore?: string;
  note: string;
}

interface CaseFile {
  meta: { semantics: Record<string, string>; line_caveat: string; omitted: string };
  rules: { name: string; experimental: boolean }[];
  cases: CheckCase[];
  doc_examples: DocExample[];
}

interface Result {
  id: string;
  /** Rules the case is about (expected ones, or `(no warning)`). */
  rules: string[];
  pass: boolean;
  problem?: string;
  divergence?: BuildkitDivergence;
}

const data = JSON.parse(readFileSync(CASES_PATH, 'utf8')) as CaseFile;
const BUILDKIT_RULES: Rule<DockerfileModel>[] = DOCKERFILE_RULES.filter((r) => r.meta.origin === 'buildkit');
const results: Result[] = [];

/** `build-arg:NAME` attributes as Layerwise settings; BUILDKIT_DOCKERFILE_CHECK is the only one that changes the checks. */
function configFor(attrs: Record<string, string> | undefined, extra: Partial<LayerwiseConfig> = {}): LayerwiseConfig {
  const over: Partial<LayerwiseConfig> = { ...extra };
  const check = attrs?.['build-arg:BUILDKIT_DOCKERFILE_CHECK'];
  if (check !== undefined) over.buildkitCheck = check;
  return mergeConfig(defaultConfig(), over);
}

function lint(text: string, dockerignore: string | undefined, config: LayerwiseConfig): Finding[] {
  const files = memoryFiles(dockerignore !== undefined ? { '/ctx/.dockerignore': dockerignore } : {});
  return lintDockerfileWith(BUILDKIT_RULES, buildDockerfileModel(text), { config, files, path: '/ctx/Dockerfile' });
}

/** The first quoted token of BuildKit's detail (`'$foo'`, `"Dockerfile"`), which Layerwise's message must name too. */
function keyToken(detail: string): string | undefined {
  return /["'](\$?[\w./:[\]-]+)["']/.exec(detail)?.[1];
}

function runCase(c: CheckCase): Result {
  const rules = c.expected_rules.length ? c.expected_rules : ['(no warning)'];
  const r: Result = { id: c.id, rules, pass: false };
  const d = BUILDKIT_DIVERGENCES.find((x) => x.id === c.id);
  if (d) r.divergence = d;
  const found = lint(c.dockerfile, c.dockerignore, configFor(c.frontend_attrs));
  const internal = found.filter((f) => f.code === 'LW000');
  const linesAsserted = c.check_lines_asserted_upstream !== false;
  const key = (rule: string, line: number): string => (linesAsserted ? `${rule}@${line}` : rule);
  const want = c.expected_check_warnings.map((w) => key(w.rule, w.line)).sort();
  const got = found.map((f) => key(f.code, f.range.start.line + 1)).sort();
  const problems: string[] = [];
  if (internal.length) problems.push(`internal error: ${internal.map((f) => f.message).join('; ')}`);
  if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`want [${want.join(', ')}] got [${got.join(', ')}]`);
  else {
    // Same rules on the same lines: the detail's key token must be named by a finding of that rule and line.
    for (const w of c.expected_check_warnings) {
      const token = keyToken(w.detail);
      if (!token) continue;
      const same = found.filter((f) => f.code === w.rule && (!linesAsserted || f.range.start.line + 1 === w.line));
      if (!same.some((f) => f.message.includes(token))) problems.push(`${w.rule}@${w.line}: no message names ${token} (${same.map((f) => f.message).join(' | ')})`);
    }
  }
  r.pass = problems.length === 0;
  if (!r.pass) r.problem = problems.join('; ');
  return r;
}

function runDoc(e: DocExample, experimental: boolean): Result {
  const r: Result = { id: e.id, rules: [e.rule], pass: false };
  const d = BUILDKIT_DIVERGENCES.find((x) => x.id === e.id);
  if (d) r.divergence = d;
  const found = lint(e.dockerfile, e.dockerignore, configFor(undefined, experimental ? { experimental: true } : {})).filter((f) => f.code === e.rule);
  r.pass = e.expect ? found.length > 0 : found.length === 0;
  if (!r.pass) r.problem = e.expect ? 'Bad example: rule did not fire' : `Good example: rule fired (${found.map((f) => `${f.range.start.line + 1}: ${f.message}`).join(' | ')})`;
  return r;
}

describe('BuildKit conformance', () => {
  const implemented = new Set(BUILDKIT_RULES.map((r) => r.meta.code));
  const missing = data.rules.map((r) => r.name).filter((n) => !implemented.has(n));

  before(async () => {
    await initRuntime();
    process.stdout.write(`BuildKit cases: ${data.meta.semantics['expected_check_warnings']}\nline caveat: ${data.meta.line_caveat}\nomitted upstream: ${data.meta.omitted}\n\n`);
    for (const c of data.cases) results.push(runCase(c));
    const experimental = new Set(data.rules.filter((r) => r.experimental).map((r) => r.name));
    for (const e of data.doc_examples) results.push(runDoc(e, experimental.has(e.rule)));
    printTable();
  });

  test('every BuildKit rule of the case file is registered with its experimental flag', () => {
    assert.deepEqual(missing, []);
    const flags = data.rules.filter((r) => BUILDKIT_RULES.find((x) => x.meta.code === r.name && Boolean(x.meta.experimental) !== r.experimental)).map((r) => r.name);
    assert.deepEqual(flags, []);
  });

  test('every case passes except listed divergences', () => {
    const failures = results.filter((r) => !r.pass && !r.divergence);
    assert.equal(failures.length, 0, `${failures.length} failing case(s):\n    ${failures.map((r) => `${r.id} [${r.rules.join(', ')}] ${r.problem}`).join('\n    ')}`);
    const stale = results.filter((r) => r.pass && r.divergence).map((r) => r.id);
    assert.deepEqual(stale, [], 'listed divergences that now pass: remove them from buildkit-divergences.ts and the rule docs');
  });

  test('every listed divergence names a real case and is explained in its rule docs', () => {
    const problems: string[] = [];
    const ids = new Set([...data.cases.map((c) => c.id), ...data.doc_examples.map((e) => e.id)]);
    for (const d of BUILDKIT_DIVERGENCES) {
      if (!ids.has(d.id)) problems.push(`${d.id}: no such case`);
      const rule = BUILDKIT_RULES.find((r) => r.meta.code === d.rule);
      if (!rule) problems.push(`${d.id}: rule ${d.rule} is not registered`);
      else if (!(rule.meta.docs.divergences ?? '').toLowerCase().includes(d.topic.toLowerCase())) problems.push(`${d.rule}: docs divergences do not mention "${d.topic}"`);
    }
    assert.deepEqual(problems, []);
  });

  test(`pass rate is at least ${MIN_PASS_RATE * 100}%`, () => {
    const { passed, total } = totals();
    assert.ok(total > 0 && passed / total >= MIN_PASS_RATE, `pass rate ${((100 * passed) / total).toFixed(1)}% < ${MIN_PASS_RATE * 100}%`);
  });
});

function totals(): { passed: number; total: number; divergent: number } {
  const counted = results.filter((r) => !r.divergence);
  return { passed: counted.filter((r) => r.pass).length, total: counted.length, divergent: results.length - counted.length };
}

function printTable(): void {
  const names = [...new Set(results.flatMap((r) => r.rules))].sort((a, b) => (a.startsWith('(') ? 1 : b.startsWith('(') ? -1 : a.localeCompare(b)));
  const rows: string[][] = [['rule', 'cases', 'passed', 'failed', 'divergences', 'status']];
  for (const n of names) {
    const rs = results.filter((r) => r.rules.includes(n));
    const div = rs.filter((r) => r.divergence).length;
    const passed = rs.filter((r) => r.pass && !r.divergence).length;
    const failed = rs.filter((r) => !r.pass && !r.divergence).length;
    rows.push([n, String(rs.length), String(passed), String(failed), String(div), failed ? 'FAILING' : 'ok']);
  }
  const { passed, total, divergent } = totals();
  rows.push(['total', String(results.length), String(passed), String(total - passed), String(divergent), '']);
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (r: string[]): string => `| ${r.map((c, i) => (i === 0 || i === 5 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ')} |`;
  const out = [line(rows[0]!), `|${widths.map((w, i) => (i === 0 || i === 5 ? `-${'-'.repeat(w)}-` : `-${'-'.repeat(w)}:`)).join('|')}|`, ...rows.slice(1).map(line)];
  const rate = total ? ((100 * passed) / total).toFixed(1) : 'n/a';
  out.push('', `BuildKit conformance: ${passed}/${total} cases pass (${rate}%), ${divergent} expected divergence(s) excluded (check cases and doc examples; a case with several rules counts once in the total)`);
  for (const r of results.filter((x) => !x.pass)) out.push(`  ${r.divergence ? 'divergence' : 'FAIL'} ${r.id} [${r.rules.join(', ')}]: ${r.problem}`);
  process.stdout.write(`${out.join('\n')}\n`);
}
