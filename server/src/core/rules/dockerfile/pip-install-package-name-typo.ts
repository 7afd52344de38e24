// LW022: `pip install reqeusts` names no known package but is one typo away from a popular one: a typosquatting guard.
import { defineRule } from '../rule';
import type { Token } from '../../model/commands';
import type { Range } from '../../types';
import { parseRequirements, type Requirement } from '../../parse/requirements';
import { likelyTypoOf } from '../../data/popular-packages';
import { TYPO_DOCS_COMMON } from '../requirements/requirement-name-typo';
import { runs } from './util';

/** The package name inside a pip argument (`reqeusts[socks]==2.0`), located in the document when the token is one line. */
function nameOf(t: Token): { name: string; range: Range } | undefined {
  const entry = parseRequirements(t.value).entries[0];
  if (entry?.kind !== 'requirement') return undefined;
  const r = entry as Requirement;
  if (r.form !== 'pep508' || r.url || !r.name || !r.nameRange || r.dynamic) return undefined;
  const quote = t.raw.indexOf(t.value);
  if (quote < 0 || t.range.start.line !== t.range.end.line) return { name: r.name, range: t.range };
  const at = t.range.start.character + quote;
  return { name: r.name, range: { start: { line: t.range.start.line, character: at + r.nameRange.start.character }, end: { line: t.range.start.line, character: at + r.nameRange.end.character } } };
}

export default defineRule({
  meta: {
    code: 'LW022',
    name: 'pip-install-package-name-typo',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: {
      typo: '`{name}` is not a known package: did you mean `{suggestion}`?',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags a package named on a `pip install` (also `pip3`, `python -m pip`, `uv pip install`) line whose name the embedded package data does not know and that is one edit (a letter added, dropped, changed, or two letters swapped) from one of the 1,000 most-downloaded PyPI projects, or two edits for names of 8 letters or more: `reqeusts` → `requests`. LW114 is the same check for requirements files. Names of fewer than 5 letters (`yaml` is one letter from `yarl` and two from `pyyaml`), URLs, paths and names with variables are not judged.',
      whyItMatters: TYPO_DOCS_COMMON.whyItMatters,
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir reqeusts==2.32.3\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir requests==2.32.3\n',
      fixSafety: TYPO_DOCS_COMMON.fixSafety,
      references: ['https://hugovk.github.io/top-pypi-packages/', 'https://peps.python.org/pep-0541/'],
      divergences: TYPO_DOCS_COMMON.divergences,
    },
  },
  check(ctx) {
    for (const { command } of runs(ctx.model)) {
      const pip = command.pip;
      if (!pip || (pip.tool !== 'pip' && pip.tool !== 'uv') || !/install|add/.test(pip.sub)) continue;
      for (const t of pip.packages) {
        if (t.dynamic || t.value.includes('$')) continue;
        const found = nameOf(t);
        if (!found) continue;
        const suggestion = likelyTypoOf(found.name);
        if (!suggestion) continue;
        ctx.report({
          range: found.range,
          messageId: 'typo',
          data: { name: found.name, suggestion },
          fixes: [{ title: `Replace with \`${suggestion}\``, applicability: 'unsafe', edits: [{ range: found.range, newText: suggestion }] }],
        });
      }
    }
  },
});
