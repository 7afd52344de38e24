// LW111: a package name that is a placeholder for another, abandoned, unsafe, or a Python 2 backport (`sklearn`, `pycrypto`, `enum34`).
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { packageNotice } from '../../data/python-packages';
import type { Fix } from '../../types';
import { deleteEntryLines, requirements } from './requirements-helpers';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW111',
    name: 'deprecated-python-package',
    origin: 'layerwise',
    language: 'requirements',
    category: 'correctness',
    severity: 'warning',
    messages: {
      replace: '`{name}` {why}: install `{replacement}` instead',
      backport: '`{name}` {why}: delete it',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags requirements on PyPI names that should no longer be installed, from a dated list: placeholders for the real package (`sklearn` → `scikit-learn`, `bs4` → `beautifulsoup4`), names no longer published (`tensorflow-gpu`), abandoned or vulnerable packages (`pycrypto` → `pycryptodome`, `MySQL-python` → `mysqlclient`, `nose`), and Python 2 backports that break Python 3 (`enum34`, `typing`, `futures`).',
      whyItMatters:
        'Some of these fail the image build outright (`sklearn` refuses to install since December 2023, `futures` does not install on Python 3); others install code with known vulnerabilities, compile from source because they never shipped wheels, or shadow standard-library modules and break imports at run time.',
      example: 'sklearn\npycrypto==2.6.1\n',
      useInstead: 'scikit-learn==1.5.2\npycryptodome==3.21.0\n',
      fixSafety:
        'Renaming a placeholder to the package it stands for (`sklearn`, `bs4`, `PIL`) is safe: the same code gets installed; its specifiers, which number the placeholder, are dropped. Other replacements (`pycrypto` → `pycryptodome`, `nose` → `pytest`) differ in API or version numbers and are unsafe; so is deleting a backport.',
      references: ['https://github.com/scikit-learn/sklearn-pypi-package', 'https://www.pycryptodome.org/src/vs_pycrypto', 'https://pypi.org/project/enum34/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const r of requirements(model)) {
      if (!r.normalizedName || !r.nameRange || r.form !== 'pep508' || r.malformed) continue;
      const n = packageNotice(r.normalizedName);
      if (!n) continue;
      if (n.replacement) {
        const safe = n.dropIn && n.placeholder === true;
        // A placeholder's versions number the placeholder: keep name and extras, drop the specifiers.
        const end = n.placeholder && r.specifierRange ? r.specifierRange.end : r.nameRange.end;
        const fix: Fix = { title: `Replace with \`${n.replacement}\``, applicability: safe ? 'safe' : 'unsafe', edits: [{ range: { start: r.nameRange.start, end }, newText: n.replacement }] };
        if (n.placeholder && r.specifierRange && r.extrasRange) {
          // Extras sit between name and specifiers: rename, and delete the specifiers separately.
          fix.edits = [{ range: r.nameRange, newText: n.replacement }, { range: { start: r.extrasRange.end, end: r.specifierRange.end }, newText: '' }];
        }
        ctx.report({ range: r.nameRange, messageId: 'replace', data: { name: r.name!, why: n.why, replacement: n.replacement }, fixes: [fix], tags: ['deprecated'] });
      } else {
        ctx.report({ range: r.nameRange, messageId: 'backport', data: { name: r.name!, why: n.why }, fixes: [{ title: `Delete \`${r.name}\``, applicability: 'unsafe', edits: [deleteEntryLines(model, r)] }], tags: ['deprecated'] });
      }
    }
  },
});
