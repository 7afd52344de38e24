// What pip's resolver applies to one requirement besides its own specifier: constraints files, --only-binary/--no-binary/--pre; and the release it picks.
import type { CommandInfo } from './commands';
import type { InstalledFile } from './installs';
import type { Requirement } from '../parse/requirements';
import { parseRequirements, specifierString } from '../parse/requirements';
import { pythonPackageFacts } from '../data/python-packages';
import { choosePackage, getPackageReleases, normalizePackageName, pipChooseOptions, pipOptionPairs, type ChooseOptions, type PackageChoice, type WheelTarget } from '../data/wheels';

export interface PipChoiceInputs {
  /** The specifiers constraints files put on a package (joined), undefined for none. */
  constraint(name: string): string | undefined;
  /** Format control and `--pre` for a package, from the files' option lines then the command line (pip's order). */
  choose(name: string): ChooseOptions;
}

/**
 * One pip command's constraints and format control, read off the files it reads (`requirementsFilesOf`), its
 * environment (`PIP_ONLY_BINARY`, `PIP_NO_BINARY`, `PIP_PRE`: pip's configuration, which options override) and
 * its arguments.
 */
export function pipChoiceInputs(
  files: readonly Pick<InstalledFile, 'parsed' | 'constraint'>[],
  command: CommandInfo | undefined,
  env?: ReadonlyMap<string, string>,
): PipChoiceInputs {
  const constraints = new Map<string, string>();
  const options: { name: string; value?: string }[] = [];
  const fromEnv = (v: string, name: string): void => {
    const value = env?.get(v);
    if (value !== undefined && value !== '') options.push({ name, value });
  };
  fromEnv('PIP_ONLY_BINARY', '--only-binary');
  fromEnv('PIP_NO_BINARY', '--no-binary');
  if (/^(1|true|yes|on)$/i.test(env?.get('PIP_PRE') ?? '')) options.push({ name: '--pre' });
  for (const f of files) {
    for (const e of f.parsed?.entries ?? []) {
      if (e.kind === 'option') options.push({ name: e.name, ...(e.value !== undefined ? { value: e.value } : {}) });
      else if (f.constraint && e.kind === 'requirement' && e.normalizedName && e.specifiers.length && !e.dynamic) {
        const spec = specifierString(e.specifiers);
        const had = constraints.get(e.normalizedName);
        constraints.set(e.normalizedName, had ? `${had},${spec}` : spec);
      }
    }
  }
  options.push(...pipOptionPairs((command?.args ?? []).map((a) => a.value)));
  const choose = pipChooseOptions(options);
  return { constraint: (name) => constraints.get(normalizePackageName(name)), choose };
}

/** The requirement's own specifier joined with its constraints (`''` for any version). */
export function requirementSpecifier(req: Pick<Requirement, 'specifiers' | 'url' | 'normalizedName'>, inputs?: PipChoiceInputs): string {
  const own = req.url?.wheel ? `==${req.url.wheel.version}` : specifierString(req.specifiers);
  const extra = req.normalizedName ? inputs?.constraint(req.normalizedName) : undefined;
  return [own, extra].filter(Boolean).join(',');
}

/** The release pip would pick for a requirement on `target`, and what the data proves of it. */
export function chooseRequirement(req: Requirement, target: WheelTarget, inputs?: PipChoiceInputs): PackageChoice | undefined {
  if (!req.normalizedName || req.dynamic) return undefined;
  return choosePackage(req.normalizedName, requirementSpecifier(req, inputs), target, inputs?.choose(req.normalizedName));
}

/** An inline requirement (`numpy==1.26.4` on the command line) as the requirements parser reads it. */
export function inlineRequirement(text: string): Requirement | undefined {
  const e = parseRequirements(text).entries[0];
  return e?.kind === 'requirement' && e.form === 'pep508' && !e.malformed ? e : undefined;
}

/**
 * What the data proves about building from source for a choice: `compiles` (pip builds the sdist, and the package
 * has native code), `fails` (`--only-binary` or no file pip can use), or undefined (a wheel, or nothing certain:
 * an old pin whose files the data does not hold).
 */
export function sourceBuild(choice: PackageChoice | undefined, name?: string): 'compiles' | 'fails' | undefined {
  if (!choice) return undefined;
  if (choice.basis === 'unknown') {
    // A package the data does not hold but the curated facts say never ships a Linux wheel (true of every version).
    return !choice.release && name !== undefined && /sdist only|every install compiles/.test(pythonPackageFacts(name)?.note ?? '') ? 'compiles' : undefined;
  }
  if (choice.install === 'fails') return 'fails';
  if (choice.install !== 'sdist') return undefined;
  // Compiling needs native code: a binary wheel of some release (for another Python or platform) or known build
  // packages prove it. An sdist-only package without either may be pure Python, which builds without a compiler.
  const native = getPackageReleases(choice.release.name).some((r) => r.wheels.some((w) => w.platformTag !== 'any'));
  return native || pythonPackageFacts(choice.release.name)?.buildRequires ? 'compiles' : undefined;
}
