// LW104: the same package required twice (in the file or through its `-r` includes), repeated as is or with specifiers that cannot both hold.
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { specifierAdmits, specifierString, type Requirement } from '../../parse/requirements';
import { deleteEntryLines, requirements } from './requirements-helpers';
import * as posix from '../../path';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW104',
    name: 'duplicate-requirement',
    origin: 'layerwise',
    language: 'requirements',
    category: 'correctness',
    severity: 'warning',
    messages: {
      redundant: '`{name}` is already required on line {line}{where}: this line repeats it',
      conflicting: '`{name}{spec}` conflicts with `{name}{other}` on line {line}{where}: no version satisfies both, so pip cannot resolve the install',
      combined: '`{name}` is also required on line {line}{where} (`{other}`): pip applies both, so keep one line with the whole specifier',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags a package that appears more than once among the requirements pip installs together: in the same file, or in a file it includes with `-r`. An exact repeat is redundant; two pins that no version satisfies together (`==1.0` and `==2.0`, `==1.0` and `>=2`) conflict; two different ranges are merged by pip and are better written once. Lines with different environment markers (`; python_version < "3.12"`) are alternatives and are not flagged.',
      whyItMatters:
        'A conflict fails the image build with "ResolutionImpossible". A repeat is harmless until someone updates one of the two lines and not the other; then the build fails, or installs a version nobody chose.',
      example: 'flask==3.0.3\nrequests==2.32.3\nflask==3.0.3\n',
      useInstead: 'flask==3.0.3\nrequests==2.32.3\n',
      fixSafety: 'An exact repeat (same name spelling aside, extras, specifiers and marker) in the same file is deleted: safe, pip installs the same thing. Conflicts and differing ranges need a decision and have no fix.',
      references: ['https://pip.pypa.io/en/stable/topics/dependency-resolution/', 'https://packaging.python.org/en/latest/specifications/name-normalization/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const seen = new Map<string, { req: Requirement; file?: string }>();
    const key = (r: Requirement): string => `${r.normalizedName}\u0000${r.marker?.text.replace(/\s+/g, '') ?? ''}`;
    // Included files first: pip reads an include at its line, but a duplicate is reported in this file either way.
    for (const inc of model.included) {
      if (inc.constraint) continue;
      for (const r of inc.parsed.entries) {
        if (r.kind === 'requirement' && r.normalizedName && !r.malformed && !seen.has(key(r))) seen.set(key(r), { req: r, file: inc.path });
      }
    }
    const own = new Map<string, Requirement>();
    for (const r of requirements(model)) {
      if (!r.normalizedName || r.malformed || r.dynamic || r.form !== 'pep508') continue;
      const k = key(r);
      const first = own.get(k) ?? seen.get(k)?.req;
      const file = own.has(k) ? undefined : seen.get(k)?.file;
      if (!first) {
        own.set(k, r);
        continue;
      }
      const where = file ? ` of \`${posix.relative(posix.dirname(model.path ?? '/'), file)}\`` : '';
      const data = { name: r.name!, line: first.line + 1, where, spec: specifierString(r.specifiers), other: specifierString(first.specifiers) };
      const related = file ? [{ path: file, range: first.range, message: `\`${first.text}\` is required here` }] : [{ range: first.range, message: `\`${first.text}\` is required here` }];
      if (same(first, r)) {
        const fixes = file ? [] : [{ title: `Delete the repeated \`${r.name}\``, applicability: 'safe' as const, edits: [deleteEntryLines(model, r)] }];
        ctx.report({ range: r.range, messageId: 'redundant', data, fixes, related, tags: ['unnecessary'] });
      } else if (conflict(first, r)) {
        ctx.report({ range: r.specifierRange ?? r.range, messageId: 'conflicting', data, related });
      } else {
        ctx.report({ range: r.nameRange ?? r.range, messageId: 'combined', data: { ...data, other: first.text }, related });
      }
    }
  },
});

function canonical(r: Requirement): string {
  const specs = r.specifiers.map((s) => `${s.operator}${s.version}`).sort().join(',');
  const extras = r.extras.map((e) => e.normalizedName).sort().join(',');
  return `${extras}|${specs}|${r.url?.value ?? ''}|${r.hashes.map((h) => h.digest).sort().join(',')}|${r.options.map((o) => `${o.name}=${o.value ?? ''}`).sort().join(',')}`;
}

function same(a: Requirement, b: Requirement): boolean {
  return canonical(a) === canonical(b);
}

/** Each side pins a version (`==`, `===`) the other side's specifiers exclude. */
function conflict(a: Requirement, b: Requirement): boolean {
  if (a.specifiers.some((s) => !s.valid || s.dynamic) || b.specifiers.some((s) => !s.valid || s.dynamic)) return false;
  const pin = (r: Requirement): string | undefined => r.specifiers.find((s) => (s.operator === '==' && !s.version.endsWith('.*')) || s.operator === '===')?.version;
  const admits = (specs: Requirement['specifiers'], v: string): boolean => {
    try {
      return specifierAdmits(specs, v, { prereleases: true });
    } catch {
      return true;
    }
  };
  const pa = pin(a);
  const pb = pin(b);
  if (pa !== undefined && !admits(b.specifiers, pa)) return true;
  if (pb !== undefined && !admits(a.specifiers, pb)) return true;
  return false;
}
