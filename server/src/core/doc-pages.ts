// The documentation pages, by file name (`DL3042.md`, `LW000.md`, `README.md`): what `npm run docs` writes to docs/rules and what the server shows in the editor, from one list.
import { ALL_RULES } from './rules/registry';
import { renderRuleDoc, renderRuleIndex } from './docs';
import { NOT_ANALYSED_META } from './not-analysed';

/** Every page: one per rule, LW000 (not a rule, but linked from its findings), and the index. */
export function docPages(): Map<string, string> {
  const pages = new Map<string, string>();
  for (const r of ALL_RULES) pages.set(`${r.meta.code}.md`, renderRuleDoc(r.meta));
  pages.set(`${NOT_ANALYSED_META.code}.md`, renderRuleDoc(NOT_ANALYSED_META));
  pages.set('README.md', renderRuleIndex(ALL_RULES.map((r) => r.meta)));
  return pages;
}

let byCode: Map<string, string> | undefined;

/** One page by code, case-insensitive (`README` for the index), or null for a code no page has. */
export function docPage(code: string): string | null {
  byCode ??= new Map([...docPages()].map(([file, text]) => [file.replace(/\.md$/, '').toLowerCase(), text]));
  return byCode.get(code.toLowerCase()) ?? null;
}
