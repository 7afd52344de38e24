// Every repository-relative link on a rule page leads to a page the editor can open offline: another rule page (the server renders those from the rules' metadata) or a page the .vsix ships.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { ruleDocMarkdown } from '../../server/src/lsp/commands';

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
  assert.equal(shipped('docs/split.md'), true);
  // Rule pages are rendered by the server (lsp/commands.ts ruleDocMarkdown), not shipped as files.
  assert.equal(shipped('docs/rules/DL3042.md'), false);
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
      const served = /^docs\/rules\/[A-Za-z0-9]+\.md$/.test(target);
      if (!existsSync(join(ROOT, target)) || !(served || shipped(target))) dead.push(`${page} → ${href}`);
    }
  }
  assert.deepEqual(dead, []);
});

test('LW003 links the split page, and that page ships', () => {
  assert.match(readFileSync(join(RULES, 'LW003.md'), 'utf8'), /\]\(\.\.\/split\.md\)/);
  assert.equal(shipped('docs/split.md'), true);
});

test('the server renders each rule page exactly as the repository holds it, the index too', () => {
  for (const code of ['DL3042', 'LW003', 'LW000', 'JSONArgsRecommended']) {
    assert.equal(ruleDocMarkdown(code), readFileSync(join(RULES, `${code}.md`), 'utf8'), code);
  }
  assert.equal(ruleDocMarkdown('README'), readFileSync(join(RULES, 'README.md'), 'utf8'));
  assert.equal(ruleDocMarkdown('dl3042'), readFileSync(join(RULES, 'DL3042.md'), 'utf8'));
  assert.equal(ruleDocMarkdown('XX9999'), null);
});
