// Checks the rule registry against the rule files: every rule registered, tested, documented, with unique codes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ALL_RULES } from '../../../server/src/core/rules/registry';
import { checkDocs } from '../../../server/src/tools/gen-docs';

const ROOT = join(__dirname, '..', '..', '..', '..');
const NOT_RULES = new Set(['util.ts', 'base-image-tag.ts']);

function ruleFiles(lang: string): string[] {
  const dir = join(ROOT, 'server/src/core/rules', lang);
  if (!existsSync(dir)) return [];
  return readdirSync(dir).filter((f) => f.endsWith('.ts') && !NOT_RULES.has(f) && !f.startsWith('_') && !f.endsWith('-helpers.ts') && !f.endsWith('.d.ts'));
}

test('every rule file is registered under its own name', () => {
  const names = new Set(ALL_RULES.map((r) => r.meta.name));
  const files = [...ruleFiles('dockerfile'), ...ruleFiles('requirements')].map((f) => f.replace(/\.ts$/, ''));
  assert.deepEqual(files.filter((f) => !names.has(f)), []);
});

test('every rule has a table test file named after it', () => {
  const missing = ALL_RULES.filter((r) => !existsSync(join(ROOT, 'test/unit/rules', `${r.meta.name}.test.ts`))).map((r) => r.meta.code);
  assert.deepEqual(missing, []);
});

test('codes and names are unique and well formed', () => {
  const codes = ALL_RULES.map((r) => r.meta.code);
  assert.equal(new Set(codes).size, codes.length);
  const names = ALL_RULES.map((r) => r.meta.name);
  assert.equal(new Set(names).size, names.length);
  for (const r of ALL_RULES) {
    assert.match(r.meta.code, /^(DL\d{4}|LW\d{3}|SC\d{4}|[A-Z][A-Za-z]+)$/, r.meta.code);
    assert.match(r.meta.name, /^[a-z0-9]+(-[a-z0-9]+)*$/, r.meta.name);
  }
});

test('no rule has an empty documentation section', () => {
  const empty: string[] = [];
  for (const r of ALL_RULES) {
    const d = r.meta.docs;
    for (const k of ['whatItDoes', 'whyItMatters', 'example', 'useInstead', 'fixSafety'] as const) if (!d[k] || !d[k].trim()) empty.push(`${r.meta.code}.${k}`);
    if (d.references.length === 0) empty.push(`${r.meta.code}.references`);
    if (Object.keys(r.meta.messages).length === 0) empty.push(`${r.meta.code}.messages`);
  }
  assert.deepEqual(empty, []);
});

test('generated docs/rules pages are up to date (run `npm run docs`)', () => {
  assert.deepEqual(checkDocs(join(ROOT, 'docs', 'rules')), []);
});
