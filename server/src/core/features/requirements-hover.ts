// Hover on a requirements-file line: what a requirement's specifier admits, its wheels for glibc and musl, the native libraries it loads, options and includes.
import type { Position, Range } from '../types';
import { containsPosition } from '../types';
import type { RequirementsModel } from '../model/requirements';
import { OPTION_SPECS, specifierAdmits, specifierString, type ParsedOption, type Requirement, type Specifier } from '../parse/requirements';
import { getPackageReleases, type PackageChoice, type WheelTarget } from '../data/wheels';
import { chooseRequirement, pipChoiceInputs, requirementSpecifier } from '../model/pip-choices';
import { gpuDefaultPackage, packageNotice, pythonPackageFacts } from '../data/python-packages';
import { formatBytes } from '../estimate/bytes';
import { installerWheelTarget } from '../rules/requirements/requirements-helpers';
import * as posix from '../path';

export interface RequirementsHover {
  markdown: string;
  range: Range;
  /** The requirement under the cursor, for sections added by the caller (the installed size). */
  requirement?: { name: string; version?: string; specifier?: string; extras: string[] };
  /** The wheel platform the hover used (the installing image's when known), for those sections too. */
  target?: WheelTarget;
}

/**
 * Extra sections appended after the built-in ones, separated by a rule; the size estimate plugs in here
 * (see server/src/lsp/hover.ts).
 */
export type RequirementHoverSection = (req: NonNullable<RequirementsHover['requirement']>, target: WheelTarget) => string | undefined;

const DEFAULT_PYTHON = '3.12';

export function requirementsHoverAt(model: RequirementsModel, position: Position, sections: readonly RequirementHoverSection[] = []): RequirementsHover | undefined {
  for (const e of model.file.entries) {
    const options = 'options' in e ? e.options : [];
    const opt = options.find((o) => containsPosition(o.range, position));
    if (opt) return optionHover(opt);
    if (!containsPosition(e.range, position)) continue;
    if (e.kind === 'option' || e.kind === 'unknown-option') return optionHover(e);
    if (e.kind === 'include') {
      const inc = model.includes.find((i) => i.entry === e);
      const lines = [`**${e.constraint ? 'Constraints' : 'Requirements'} file** \`${e.path}\``, ''];
      if (e.isUrl) lines.push('pip downloads this file when it installs.');
      else if (inc) lines.push(inc.text === undefined ? `Not found: pip looks for \`${inc.path}\`.` : `\`${inc.path}\` — ${count(inc.parsed?.entries.filter((x) => x.kind === 'requirement').length ?? 0, 'requirement')}.`);
      if (e.constraint) lines.push('', 'Constraints limit versions but install nothing by themselves.');
      return { markdown: lines.join('\n'), range: e.pathRange };
    }
    if (e.kind === 'requirement' && e.normalizedName) return requirementHover(model, e, sections);
    return undefined;
  }
  return undefined;
}

function optionHover(o: ParsedOption): RequirementsHover {
  const spec = OPTION_SPECS.find((s) => s.name === o.name);
  const lines = [`**\`${o.name}\`**${spec?.short ? ` (\`${spec.short}\`)` : ''}`, ''];
  if (spec) {
    lines.push(spec.description);
    lines.push('', spec.scope === 'file' ? 'Applies to the whole install.' : 'Applies to the requirement on its line.');
    if (spec.deprecated) lines.push('', 'Deprecated by pip.');
  } else lines.push('pip does not accept this option in a requirements file.');
  return { markdown: lines.join('\n'), range: o.nameRange };
}

function requirementHover(model: RequirementsModel, r: Requirement, sections: readonly RequirementHoverSection[]): RequirementsHover {
  const name = r.normalizedName!;
  const installer = model.installers.find((i) => !i.install.constraint && installerWheelTarget(i));
  const imageTarget = installer ? installerWheelTarget(installer) : undefined;
  const python = imageTarget?.pythonVersion ?? DEFAULT_PYTHON;
  const releases = getPackageReleases(name);
  const release = releases[0];
  // The pip command's constraints files and --only-binary/--no-binary, as pip applies them to this requirement.
  const inputs = installer ? pipChoiceInputs(installer.together, installer.install.command) : undefined;
  const lines: string[] = [`**${r.name}**${r.name !== name ? ` (normalized: \`${name}\`)` : ''} — [PyPI](https://pypi.org/project/${name}/)`, ''];
  if (r.url) lines.push(`Installed from \`${r.url.value}\`${r.url.wheel ? ` (wheel, version ${r.url.wheel.version})` : ''}.`);
  else lines.push(`Version: ${describeSpecifiers(r.specifiers)}.`);
  if (release && !r.url) {
    const admitted = safeAdmits(r.specifiers, release.version);
    lines.push(`Newest release in Layerwise's data: ${release.version} (${release.uploadDate})${admitted === undefined ? '' : admitted ? ', admitted' : ', **not** admitted'}${releases.length > 1 ? `; also ${releases.slice(1, 6).map((x) => x.version).join(', ')}${releases.length > 6 ? '…' : ''}` : ''}.`);
  }
  if (r.extras.length) lines.push(`Extras: ${r.extras.map((x) => `\`${x.normalizedName}\``).join(', ')}.`);
  if (r.marker) lines.push(`Installed only where \`${r.marker.text}\`.`);

  if (release) {
    lines.push('', `**Wheels** for Python ${python}, x86_64${installer ? ` (the Python of \`${installer.stage?.from.image ?? 'the image'}\`)` : ''}:`);
    const base: WheelTarget = imageTarget ?? { pythonVersion: python, libc: 'glibc', arch: 'x86_64' };
    for (const libc of ['glibc', 'musl'] as const) {
      const target: WheelTarget = libc === 'glibc' ? { ...base, arch: base.arch, libc } : { pythonVersion: base.pythonVersion, libc, arch: base.arch };
      lines.push(`- ${libc === 'glibc' ? 'glibc (Debian, Ubuntu)' : 'musl (Alpine)'}: ${describeChoice(chooseRequirement(r, target, inputs), name, libc)}`);
    }
  } else lines.push('', 'Not in Layerwise\'s wheel data: whether wheels exist is not known offline.');

  const facts = pythonPackageFacts(name);
  if (facts?.runtimeRequires) {
    const deb = facts.runtimeRequires.trixie;
    const apk = facts.runtimeRequires.alpine;
    if (deb.length || apk.length) lines.push('', `**Needs at run time:** ${deb.map((p) => `\`${p}\``).join(', ') || 'nothing'} (Debian trixie), ${apk.map((p) => `\`${p}\``).join(', ') || 'nothing'} (Alpine).`);
  } else if (facts?.selfContainedWheel) lines.push('', 'Its wheels bundle their native libraries: no system package needed to run it.');
  if (facts?.note) lines.push('', `Note: ${facts.note}.`);
  const notice = packageNotice(name);
  if (notice) lines.push('', `⚠ \`${r.name}\` ${notice.why}${notice.replacement ? `: use \`${notice.replacement}\`` : ''}.`);
  const gpu = gpuDefaultPackage(name);
  if (gpu) lines.push('', `On Linux x86_64 the PyPI build targets NVIDIA GPUs; the CPU build: ${gpu.cpuIndex ? `\`--extra-index-url ${gpu.cpuIndex}\`` : `\`${gpu.cpuPackage}\``}.`);
  if (model.installers.length) {
    const dir = posix.dirname(model.path ?? '/');
    lines.push('', `Installed by ${[...new Set(model.installers.map((i) => `\`${posix.relative(dir, i.dockerfilePath)}\` (line ${i.install.instr.startLine + 1})`))].join(', ')}.`);
  }

  const pin = r.specifiers.find((s) => (s.operator === '==' && !s.version.endsWith('.*')) || s.operator === '===');
  const specifier = requirementSpecifier(r, inputs);
  const requirement: NonNullable<RequirementsHover['requirement']> = { name, extras: r.extras.map((x) => x.normalizedName), ...(pin ? { version: pin.version } : {}), ...(specifier ? { specifier } : {}) };
  const target: WheelTarget = imageTarget ?? { pythonVersion: python, libc: 'glibc', arch: 'x86_64' };
  let markdown = lines.join('\n');
  for (const s of sections) {
    const extra = s(requirement, target);
    if (extra) markdown += `\n\n---\n\n${extra}`;
  }
  return { markdown, range: r.nameRange ?? r.range, requirement, target };
}

function safeAdmits(specs: readonly Specifier[], version: string): boolean | undefined {
  if (!specs.length) return true;
  if (specs.some((s) => !s.valid || s.dynamic)) return undefined;
  try {
    return specifierAdmits(specs, version);
  } catch {
    return undefined;
  }
}

/** The specifier list in words: `>=2.31,<3` → "2.31 or later, and before 3". */
export function describeSpecifiers(specs: readonly Specifier[]): string {
  if (!specs.length) return 'any (pip installs the newest release it can)';
  if (specs.some((s) => s.dynamic)) return `\`${specifierString(specs)}\` (set from an environment variable when pip runs)`;
  const words = specs.map((s) => {
    const v = s.version;
    switch (s.operator) {
      case '==':
        return v.endsWith('.*') ? `any ${v} release` : `exactly ${v}`;
      case '===':
        return `exactly the string \`${v}\``;
      case '!=':
        return v.endsWith('.*') ? `not ${v}` : `not ${v}`;
      case '>=':
        return `${v} or later`;
      case '>':
        return `later than ${v}`;
      case '<=':
        return `${v} or earlier`;
      case '<':
        return `before ${v}`;
      case '~=': {
        const parts = v.split('.');
        return `${v} or later within ${parts.slice(0, -1).join('.')}.*`;
      }
    }
    return `${s.operator}${v}`;
  });
  return `${words.join(', and ')} (\`${specifierString(specs)}\`)`;
}

/** What pip installs for the requirement on one libc, claiming only what the data proves for that release. */
function describeChoice(choice: PackageChoice | undefined, name: string, libc: 'glibc' | 'musl'): string {
  if (!choice) return 'not known';
  const build = pythonPackageFacts(name)?.buildRequires?.[libc === 'musl' ? 'alpine' : 'trixie'];
  const needs = build?.length ? ` (needs ${build.map((p) => `\`${p}\``).join(', ')})` : '';
  if (choice.basis === 'unknown') return `not known (${choice.reason})`;
  if (choice.basis === 'nearest') {
    if (choice.install === 'sdist') return `**no wheel** (no release of it publishes a Linux wheel): pip builds it from source${needs}`;
    if (choice.install === 'fails') return '**cannot install**: no release of it publishes a Linux wheel, and `--only-binary` refuses the sdist';
    if (choice.requiresPython || choice.passedOver) return `not known: ${choice.reason}`;
    return `not known: \`${choice.requested}\` is not in the data (the nearest release known is ${choice.release.version})`;
  }
  const v = choice.release.version;
  if (choice.install === 'wheel') {
    const w = choice.wheel;
    return choice.pure ? `${v}: pure-Python wheel (${formatBytes(w.bytes)})` : `${v}: wheel \`${w.pythonTag}-${w.abiTag}-${w.platformTag.split('.')[0]}\` (${formatBytes(w.bytes)})`;
  }
  if (choice.install === 'fails') return `${v}: **cannot install**: ${choice.reason}`;
  return `${v}: **no wheel**${choice.neverWheels ? ' (no release of it publishes a Linux wheel)' : ''}: pip builds it from source${needs}`;
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
