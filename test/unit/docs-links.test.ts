// Every repository-relative link on a rule page leads to a page that exists and that the .vsix ships (a rule's link opens offline, in the editor).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..');
const RULES = join(ROOT, 'docs', 'rules');

/** The files `.vscodeignore` lets in: it ignores everything (`**`) and re-includes paths with `!`. */
function shipped(path: string): boolean {
  const allow = readFileSync(join(ROOT, '.vscodeignore'), 'utf8').split(/\r?\n/).filter((l) => l.startsWith('!')).map((l) => l.slice(1).trim());
  return allow.some((glob) => {
    const re = new RegExp(`^${glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*\*/g, '\u0000').replace(/\*/g, '[^/]*').replace(/\u0000/g, '.*')}$`);
    return re.test(path);
  });
}

test('the .vsix allow-list reading is right on known paths', () => {
  assert.equal(shipped('docs/rules/DL3042.md'), true);
  assert.equal(shipped('docs/estimate.md'), false);
  assert.equal(shipped('server/src/cli.ts'), false);
});

test('rule pages link only to pages that exist and ship', () => {
  const dead: string[] = [];
  for (const page of readdirSync(RULES).filter((f) => f.endsWith('.md'))) {
    const text = readFileSync(join(RULES, page), 'utf8');
    for (const m of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      const href = m[1]!;
      if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#')) continue;
      const target = relative(ROOT, normalize(join(dirname(join(RULES, page)), href.split('#')[0]!))).split('\\').join('/');
      if (!existsSync(join(ROOT, target)) || !shipped(target)) dead.push(`${page} → ${href}`);
    }
  }
  assert.deepEqual(dead, []);
});

test('LW003 links the split page, and that page ships', () => {
  assert.match(readFileSync(join(RULES, 'LW003.md'), 'utf8'), /\]\(\.\.\/split\.md\)/);
  assert.equal(shipped('docs/split.md'), true);
});
