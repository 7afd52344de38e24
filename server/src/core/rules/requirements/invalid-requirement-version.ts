// LW102: a version or version specifier that is not valid PEP 440 (`flask=3.0`, `~=3`, `>=1.0.*`).
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import type { Fix } from '../../types';
import { editKeepsLineValid } from './requirements-helpers';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW102',
    name: 'invalid-requirement-version',
    origin: 'layerwise',
    language: 'requirements',
    category: 'correctness',
    severity: 'error',
    messages: {
      invalid: '{message}',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags versions that are not PEP 440 versions (`2.0-beta-x`) and specifiers whose operator and version do not go together: `=` instead of `==`, `~=` with a single release segment, a `.*` wildcard after anything but `==`/`!=`, a local label (`+cpu`) after anything but `==`/`!=`. Versions containing `${VAR}` are not checked.',
      whyItMatters: 'pip refuses the whole file with "Invalid requirement", so the image build fails at the install step.',
      example: 'flask=3.0.3\nrequests~=2\n',
      useInstead: 'flask==3.0.3\nrequests~=2.0\n',
      fixSafety: 'A single `=` is replaced with `==` (safe: it is what the line means), and only where that makes the line a valid requirement. An operator written back to front (`torch=>1.0`) gets an unsafe fix to `>=`: the likely meaning, not a certain one. Other cases have no fix.',
      references: ['https://packaging.python.org/en/latest/specifications/version-specifiers/', 'https://peps.python.org/pep-0440/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const e of model.file.errors) {
      if (e.code !== 'invalid-version' && e.code !== 'invalid-specifier') continue;
      const fixes: Fix[] = [];
      const edit = { range: e.range, newText: '==' };
      // Safe only when it makes the line valid: `torch=>1.0` or `pkg=1\t.0` stay invalid with `==`, so no fix there.
      const written = model.lines.slice(e.range);
      if (written === '=' && editKeepsLineValid(model.text, edit, e.range.start.line, 1, model.lines)) fixes.push({ title: 'Replace `=` with `==`', applicability: 'safe', edits: [edit] });
      // `=>` / `=<`: the operator written back to front. Unsafe: `>=` is the likely meaning, not a certain one.
      const swapped = { range: e.range, newText: `${written[1]}=` };
      if ((written === '=>' || written === '=<') && editKeepsLineValid(model.text, swapped, e.range.start.line, 1, model.lines)) {
        fixes.push({ title: `Replace \`${written}\` with \`${swapped.newText}\``, applicability: 'unsafe', edits: [swapped] });
      }
      ctx.report({ range: e.range, messageId: 'invalid', data: { message: e.message }, fixes });
    }
  },
});

