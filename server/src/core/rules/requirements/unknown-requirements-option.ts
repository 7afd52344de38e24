// LW103: an option pip does not accept in a requirements file (`--index_url`, `--no-deps`), or one it has deprecated.
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { OPTION_SPECS, allOptions } from '../../parse/requirements';
import type { Fix } from '../../types';
import { editKeepsLineValid } from './requirements-helpers';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW103',
    name: 'unknown-requirements-option',
    origin: 'layerwise',
    language: 'requirements',
    category: 'correctness',
    severity: 'error',
    messages: {
      unknown: '`{option}` is not an option pip accepts in a requirements file{hint}',
      misplaced: '`{option}` applies to the requirement on its line; alone on a line pip rejects it',
      deprecated: '`{option}` is deprecated by pip and will stop working; use `--config-settings` with a PEP 517 backend',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags options pip does not accept in a requirements file: misspellings (`--index_url`), command-line-only options (`--no-deps`, `--upgrade`, `--user`), and per-requirement options (`--hash`, `--config-settings`) written on a line without a requirement. `--global-option`, which pip has deprecated, is reported too. Abbreviations pip accepts (`--index` for `--index-url`) are not flagged.',
      whyItMatters: 'pip exits with "no such option" on the first unknown option, so the image build fails at `pip install -r`.',
      example: '--index_url https://pypi.org/simple\nflask==3.0.3\n',
      useInstead: '--index-url https://pypi.org/simple\nflask==3.0.3\n',
      fixSafety: 'When the option is one edit away from a known one, and the corrected line parses, the fix replaces it with that option; unsafe, because the misspelled option may have meant something else and the corrected one changes what pip does.',
      references: ['https://pip.pypa.io/en/stable/reference/requirements-file-format/#supported-options'],
    },
  },
  check(ctx) {
    for (const o of allOptions(ctx.model.file)) {
      if (o.known) {
        if (o.deprecated) ctx.report({ range: o.nameRange, messageId: 'deprecated', data: { option: o.spelling } });
        continue;
      }
      const near = closest(o.spelling);
      const edit = { range: o.nameRange, newText: near ?? '' };
      // Offered only when the corrected line still parses: `-ér x` → `--pre x` would leave `x` a stray word.
      const fixes: Fix[] = near && editKeepsLineValid(ctx.model.text, edit, o.nameRange.start.line, 0, ctx.model.lines) ? [{ title: `Replace with \`${near}\``, applicability: 'unsafe', edits: [edit] }] : [];
      ctx.report({ range: o.nameRange, messageId: 'unknown', data: { option: o.spelling, hint: near ? `; did you mean \`${near}\`?` : '' }, fixes });
    }
    for (const e of ctx.model.file.entries) {
      if (e.kind === 'option' && e.scope === 'requirement') ctx.report({ range: e.nameRange, messageId: 'misplaced', data: { option: e.spelling } });
    }
  },
});

/** The known long option within two edits of `spelling` (`_` for `-` counts as one), when exactly one is. */
function closest(spelling: string): string | undefined {
  const s = spelling.replace(/_/g, '-').toLowerCase();
  const hits = OPTION_SPECS.map((o) => o.name).filter((n) => distance(s.startsWith('--') ? s : `--${s.replace(/^-+/, '')}`, n) <= 2);
  return hits.length === 1 ? hits[0] : undefined;
}

function distance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++) d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length]![b.length]!;
}

