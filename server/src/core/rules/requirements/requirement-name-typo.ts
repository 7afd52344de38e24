// LW114: a requirement names no known package but is one typo away from a popular one (`reqeusts`): a typosquatting guard.
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { likelyTypoOf } from '../../data/popular-packages';
import { requirements } from './requirements-helpers';

export const TYPO_DOCS_COMMON = {
  whyItMatters:
    'A misspelt name either fails the build (no such project) or, worse, installs a project someone registered under the misspelling: typosquatting is a known way to get malicious code into images (`python3-dateutil` and `jeIlyfish`, removed from PyPI in 2019, stole SSH keys). Either way the package the application imports is not the one installed.',
  fixSafety:
    'Unsafe: replacing the name installs a different project; check that the suggested package is the one meant. The specifiers and extras are kept.',
  divergences:
    'The known names are the 15,000 most-downloaded PyPI projects (those close to a popular name) and the packages of the embedded wheel and facts tables; a real but rarely downloaded project one letter away from a popular one is also reported: suppress the finding on that line.',
};

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW114',
    name: 'requirement-name-typo',
    origin: 'layerwise',
    language: 'requirements',
    category: 'security',
    severity: 'warning',
    messages: {
      typo: '`{name}` is not a known package: did you mean `{suggestion}`?',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags a requirement whose name the embedded package data does not know and that is one edit (a letter added, dropped, changed, or two letters swapped) from one of the 1,000 most-downloaded PyPI projects, or two edits for names of 8 letters or more: `reqeusts` → `requests`, `djangorestframwork` → `djangorestframework`. Names of fewer than 5 letters (`yaml` is one letter from `yarl` and two from `pyyaml`), URLs, paths and names with `${VAR}` are not judged.',
      whyItMatters: TYPO_DOCS_COMMON.whyItMatters,
      example: 'reqeusts==2.32.3\ndjangorestframwork==3.15.2\n',
      useInstead: 'requests==2.32.3\ndjangorestframework==3.15.2\n',
      fixSafety: TYPO_DOCS_COMMON.fixSafety,
      references: ['https://hugovk.github.io/top-pypi-packages/', 'https://peps.python.org/pep-0541/'],
      divergences: TYPO_DOCS_COMMON.divergences,
    },
  },
  check(ctx) {
    for (const r of requirements(ctx.model)) {
      if (!r.name || !r.nameRange || r.form !== 'pep508' || r.url || r.dynamic) continue;
      const suggestion = likelyTypoOf(r.name);
      if (!suggestion) continue;
      ctx.report({
        range: r.nameRange,
        messageId: 'typo',
        data: { name: r.name, suggestion },
        fixes: [{ title: `Replace with \`${suggestion}\``, applicability: 'unsafe', edits: [{ range: r.nameRange, newText: suggestion }] }],
      });
    }
  },
});
