// Table-driven rule tests: valid inputs stay quiet; invalid inputs report at the text they cover, and fixes give the expected output.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Rule } from '../../server/src/core/rules/rule';
import { buildDockerfileModel, type DockerfileModel } from '../../server/src/core/model/dockerfile';
import { lintDockerfileWith, lintRequirementsWith } from '../../server/src/core/engine';
import { buildRequirementsModel, type RequirementsModel } from '../../server/src/core/model/requirements';
import { defaultConfig, mergeConfig, type LayerwiseConfig } from '../../server/src/core/config';
import { memoryFiles } from '../../server/src/core/project';
import { applyEdits, LineIndex } from '../../server/src/core/text';
import type { Finding } from '../../server/src/core/types';
import { initRuntime } from '../../server/src/node/runtime';

export interface CaseOptions {
  config?: Partial<LayerwiseConfig>;
  /** Other project files, by path relative to the Dockerfile's folder (`/ctx`). */
  files?: Record<string, string>;
  today?: string;
  name?: string;
}

export interface ValidCase extends CaseOptions {
  code: string;
}

export interface ExpectedFinding {
  /** The exact text the finding's range covers. */
  text: string;
  /** Which occurrence of `text` (0-based) when it appears more than once. */
  occurrence?: number;
  /** Look for `text` inside the first occurrence of this longer text (e.g. `.` within `COPY . .`). */
  within?: string;
  messageId?: string;
  /** A substring the message must contain. */
  message?: string;
}

export interface InvalidCase extends CaseOptions {
  code: string;
  errors: ExpectedFinding[];
  /** Text after applying the first fix of every finding; `null` = no fix offered. */
  output?: string | null;
  /** Applicability of the first fix. */
  applicability?: 'safe' | 'unsafe';
}

const CTX = '/ctx';

export function lintWith(rule: Rule<DockerfileModel>, code: string, opts: CaseOptions = {}): Finding[] {
  const config = mergeConfig(defaultConfig(), opts.config ?? {});
  const model = buildDockerfileModel(code, config.target !== undefined ? { target: config.target } : {});
  const files = memoryFiles(Object.fromEntries(Object.entries(opts.files ?? {}).map(([k, v]) => [`${CTX}/${k}`, v])));
  return lintDockerfileWith([rule], model, { config, files, path: `${CTX}/Dockerfile`, ...(opts.today ? { today: new Date(opts.today) } : {}) }).filter(
    (f) => f.code === rule.meta.code,
  );
}

function rangeText(code: string, f: Finding): string {
  return new LineIndex(code).slice(f.range);
}

function offsetOf(code: string, text: string, occurrence: number): number {
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = code.indexOf(text, at + 1);
    if (at < 0) return -1;
  }
  return at;
}

export function ruleTester(rule: Rule<DockerfileModel>, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  tableTests(rule, (code, opts) => lintWith(rule, code, opts), cases);
}

/** The same tables for a requirements-file rule: `code` is the requirements file (`/ctx/requirements.txt` unless `path` says otherwise). */
export function requirementsRuleTester(rule: Rule<RequirementsModel>, cases: { valid: (string | RequirementsValidCase)[]; invalid: RequirementsInvalidCase[] }): void {
  tableTests(rule, (code, opts) => lintRequirementsRule(rule, code, opts), cases);
}

export interface RequirementsCaseOptions extends CaseOptions {
  /** Path of the linted file relative to `/ctx` (default `requirements.txt`). */
  path?: string;
}
export type RequirementsValidCase = ValidCase & RequirementsCaseOptions;
export type RequirementsInvalidCase = InvalidCase & RequirementsCaseOptions;

export function lintRequirementsRule(rule: Rule<RequirementsModel>, code: string, opts: RequirementsCaseOptions = {}): Finding[] {
  const config = mergeConfig(defaultConfig(), opts.config ?? {});
  const files = memoryFiles(Object.fromEntries(Object.entries(opts.files ?? {}).map(([k, v]) => [`${CTX}/${k}`, v])));
  const path = `${CTX}/${opts.path ?? 'requirements.txt'}`;
  const overlay = { read: (p: string) => (p === path ? code : files.read(p)), list: (d: string) => files.list!(d) };
  const model = buildRequirementsModel(code, { path, files: overlay, ...(config.context !== undefined ? { context: config.context } : {}) });
  return lintRequirementsWith([rule], model, { config, files: overlay, path, ...(opts.today ? { today: new Date(opts.today) } : {}) }).filter((f) => f.code === rule.meta.code);
}

function tableTests<M>(
  rule: Rule<M>,
  lint: (code: string, opts: CaseOptions) => Finding[],
  cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] },
): void {
  const lintWith = (_rule: Rule<M>, code: string, opts: CaseOptions = {}): Finding[] => lint(code, opts);
  describe(`${rule.meta.code} ${rule.meta.name}`, () => {
    before(async () => initRuntime());
    cases.valid.forEach((c, i) => {
      const vc = typeof c === 'string' ? { code: c } : c;
      test(vc.name ?? `valid #${i + 1}: ${firstLines(vc.code)}`, () => {
        const found = lintWith(rule, vc.code, vc);
        assert.deepEqual(found.map((f) => `${f.code} ${rangeText(vc.code, f)}: ${f.message}`), []);
      });
    });
    cases.invalid.forEach((c, i) => {
      test(c.name ?? `invalid #${i + 1}: ${firstLines(c.code)}`, () => {
        const found = lintWith(rule, c.code, c);
        const index = new LineIndex(c.code);
        const actual = found.map((f) => ({ text: rangeText(c.code, f), start: index.offsetAt(f.range.start), message: f.message }));
        const expected = c.errors.map((e) => {
          const base = e.within !== undefined ? offsetOf(c.code, e.within, 0) : 0;
          assert.ok(base >= 0, `context ${JSON.stringify(e.within)} is not in the input`);
          const inner = offsetOf(e.within !== undefined ? e.within : c.code, e.text, e.occurrence ?? 0);
          const start = inner < 0 ? -1 : base + inner;
          assert.ok(start >= 0, `expected text ${JSON.stringify(e.text)} is not in the input`);
          return { text: e.text, start, message: e.message };
        });
        assert.deepEqual(
          actual.map((a, k) => ({ text: a.text, start: a.start, message: expected[k]?.message !== undefined && a.message.includes(expected[k]!.message!) ? expected[k]!.message : a.message })),
          expected.map((e, k) => ({ text: e.text, start: e.start, message: e.message ?? actual[k]?.message })),
        );
        if (c.output !== undefined) {
          const edits = found.flatMap((f) => f.fixes[0]?.edits ?? []);
          if (c.output === null) assert.equal(edits.length, 0, 'no fix expected');
          else assert.equal(applyEdits(c.code, edits), c.output);
        }
        if (c.applicability) assert.equal(found[0]?.fixes[0]?.applicability, c.applicability);
      });
    });
    test('docs example fires and "use instead" does not', () => {
      const docsConfig: Partial<LayerwiseConfig> = { ...(rule.meta.docs.exampleConfig ?? {}) };
      if (rule.meta.defaultOff) docsConfig.rules = { ...(docsConfig.rules ?? {}), [rule.meta.code]: rule.meta.severity };
      const docsFiles = rule.meta.docs.exampleFiles ?? {};
      assert.ok(lintWith(rule, rule.meta.docs.example, { config: docsConfig, files: docsFiles }).length > 0, 'example must fire');
      assert.deepEqual(lintWith(rule, rule.meta.docs.useInstead, { config: docsConfig, files: docsFiles }).map((f) => f.message), []);
    });
  });
}

function firstLines(code: string): string {
  const t = code.replace(/\n/g, ' ⏎ ');
  return t.length > 70 ? `${t.slice(0, 67)}…` : t;
}
