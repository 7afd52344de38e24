// Project-manager installs (`uv sync`, `poetry install`, `pipenv install`/`sync`, `pdm install`/`sync`): the groups and extras they install, and the packages of the lock those select.
import { basename, type CommandInfo } from './commands';
import type { LockedPackage, LockFileModel } from './lock-files';
import { markerHolds, type MarkerEnvironment } from './markers';
import type { PythonManifest } from './python-manifest';
import { normalizeName } from '../parse/requirements';

export type ProjectTool = 'uv' | 'poetry' | 'pipenv' | 'pdm';

export const LOCK_FILE: Readonly<Record<ProjectTool, string>> = { uv: 'uv.lock', poetry: 'poetry.lock', pipenv: 'Pipfile.lock', pdm: 'pdm.lock' };
export const MANIFEST_FILE: Readonly<Record<ProjectTool, string>> = { uv: 'pyproject.toml', poetry: 'pyproject.toml', pipenv: 'Pipfile', pdm: 'pyproject.toml' };

/** What the command line (and the tool's variables) ask for, before the lock is read. */
export interface GroupSelection {
  /** Only these groups (`--only`, `--only-group`, `--only-dev`): the project's own dependencies are left out unless `main`/`default` is named. */
  only?: string[];
  /** Groups added (`--with`, `--group`, `-G`, `--dev`, `--categories`). */
  with: string[];
  /** Groups left out (`--without`, `--no-group`, `--no-dev`, `--prod`). */
  without: string[];
  /** The tool's default groups are not installed (`--no-default-groups`, uv; `--no-default`, pdm). */
  noDefaultGroups: boolean;
  allGroups: boolean;
  extras: string[];
  allExtras: boolean;
  /** The project itself is not installed (`--no-install-project`, `--no-root`, `--no-self`). */
  noProject: boolean;
}

export interface ProjectInstallCommand {
  tool: ProjectTool;
  sub: string;
  /** `-C`/`--directory`/`--project` (uv, poetry), `-p`/`--project` (pdm): the project folder, as written. */
  projectArg?: string;
  selection: GroupSelection;
  /** Words of the selection as written, for the basis (`--only main`, `--no-dev`). */
  flags: string[];
}

const SUBS: Readonly<Record<ProjectTool, readonly string[]>> = { uv: ['sync'], poetry: ['install'], pipenv: ['install', 'sync'], pdm: ['install', 'sync'] };
const truthy = (v: string | undefined): boolean => v !== undefined && /^(1|true|yes|on)$/i.test(v.trim());
const list = (v: string): string[] => v.split(/[,\s]+/).filter(Boolean).map(normalizeName);

/** The project install a command is, when it is one (a `pipenv install NAME` adds packages and is not: undefined). */
export function projectInstallOf(command: CommandInfo, env: ReadonlyMap<string, string>): ProjectInstallCommand | undefined {
  const tool = basename(command.name.value) as ProjectTool;
  if (!(tool in SUBS) || command.substituted) return undefined;
  const words = command.args.map((a) => a.value);
  const subAt = words.findIndex((w) => !w.startsWith('-'));
  const sub = words[subAt];
  if (sub === undefined || !SUBS[tool].includes(sub)) return undefined;
  const sel: GroupSelection = { with: [], without: [], noDefaultGroups: false, allGroups: false, extras: [], allExtras: false, noProject: false };
  const flags: string[] = [];
  let projectArg: string | undefined;
  const rest = words.slice(subAt + 1);
  for (let i = 0; i < rest.length; i++) {
    const w = rest[i]!;
    if (!w.startsWith('-')) {
      // `pipenv install flask`, `pdm install` takes no names: packages named on the line are not the lock's.
      if (tool === 'pipenv') return undefined;
      continue;
    }
    const eq = w.indexOf('=');
    const flag = w.startsWith('--') && eq > 0 ? w.slice(0, eq) : w;
    const takes = (): string => (eq > 0 && w.startsWith('--') ? w.slice(eq + 1) : (rest[++i] ?? ''));
    const note = (v?: string): void => void flags.push(v === undefined ? flag : `${flag} ${v}`);
    if (tool === 'uv') {
      if (flag === '--no-dev') (sel.without.push('dev'), note());
      else if (flag === '--only-dev') ((sel.only = ['dev']), note());
      else if (flag === '--group') { const v = takes(); sel.with.push(...list(v)); note(v); }
      else if (flag === '--no-group') { const v = takes(); sel.without.push(...list(v)); note(v); }
      else if (flag === '--only-group') { const v = takes(); sel.only = [...(sel.only ?? []), ...list(v)]; note(v); }
      else if (flag === '--all-groups') (sel.allGroups = true), note();
      else if (flag === '--no-default-groups') (sel.noDefaultGroups = true), note();
      else if (flag === '--extra') { const v = takes(); sel.extras.push(...list(v)); note(v); }
      else if (flag === '--all-extras') (sel.allExtras = true), note();
      else if (flag === '--no-install-project') (sel.noProject = true), note();
      else if (flag === '--directory' || flag === '--project') projectArg = takes();
      else if (['--python', '-p', '--package', '--index', '--default-index', '--index-url', '--extra-index-url', '--cache-dir', '--link-mode', '--no-install-package', '--python-platform', '--config-file', '--find-links', '-f', '--index-strategy', '--keyring-provider', '--resolution', '--prerelease', '--exclude-newer', '--refresh-package', '--reinstall-package', '--upgrade-package', '-P', '--color', '--script'].includes(flag) && eq < 0) i++;
    } else if (tool === 'poetry') {
      if (flag === '--no-dev') (sel.without.push('dev'), note());
      else if (flag === '--without') { const v = takes(); sel.without.push(...list(v)); note(v); }
      else if (flag === '--with') { const v = takes(); sel.with.push(...list(v)); note(v); }
      else if (flag === '--only') { const v = takes(); sel.only = [...(sel.only ?? []), ...list(v)]; note(v); }
      else if (flag === '--only-root') ((sel.only = []), note());
      else if (flag === '--all-groups') (sel.allGroups = true), note();
      else if (flag === '-E' || flag === '--extras') { const v = takes(); sel.extras.push(...list(v)); note(v); }
      else if (flag === '--all-extras') (sel.allExtras = true), note();
      else if (flag === '--no-root') (sel.noProject = true), note();
      else if (flag === '-C' || flag === '--directory' || flag === '-P' || flag === '--project') projectArg = takes();
    } else if (tool === 'pipenv') {
      if (flag === '--dev' || flag === '-d') (sel.with.push('develop'), note());
      else if (flag === '--categories') { const v = takes(); sel.only = list(v); note(v); }
    } else {
      if (flag === '--prod' || flag === '--production') (sel.without.push(':dev'), note());
      else if (flag === '-G' || flag === '--group' || flag === '--with') { const v = takes(); if (v === ':all') sel.allGroups = true; else sel.with.push(...list(v)); note(v); }
      else if (flag === '--without') { const v = takes(); sel.without.push(...list(v)); note(v); }
      else if (flag === '--no-default') (sel.noDefaultGroups = true), note();
      else if (flag === '--no-self') (sel.noProject = true), note();
      else if (flag === '-p' || flag === '--project') projectArg = takes();
      else if (flag === '-L' || flag === '--lockfile' || flag === '-v' || flag === '--venv') i++;
    }
  }
  if (tool === 'uv' && truthy(env.get('UV_NO_DEV'))) (sel.without.push('dev'), flags.push('UV_NO_DEV'));
  if (tool === 'pipenv' && truthy(env.get('PIPENV_DEV'))) (sel.with.push('develop'), flags.push('PIPENV_DEV'));
  return { tool, sub, ...(projectArg !== undefined ? { projectArg } : {}), selection: sel, flags };
}

export interface SelectedPackage {
  pkg: LockedPackage;
  /** Named by the project itself (or its selected groups), not only reached as a dependency. */
  direct: boolean;
}

export interface LockSelection {
  /** The packages installed, each once, the project's own package(s) left out. */
  packages: SelectedPackage[];
  /** The groups installed, in words (`main`, `dev`). */
  groups: string[];
  /** The project itself is installed from its source (uv's editable/virtual root, Poetry/PDM package mode). */
  projectInstalled: boolean;
}

/**
 * The packages of the lock a command installs on the target: uv by walking the dependency graph from the
 * project's package, Poetry, PDM and Pipenv by the groups recorded on each package (their markers evaluated).
 */
export function selectLockedPackages(cmd: ProjectInstallCommand, lock: LockFileModel, manifest: PythonManifest | undefined, target: MarkerEnvironment): LockSelection {
  const sel = cmd.selection;
  if (lock.tool === 'uv') return uvSelection(sel, lock, manifest, target);
  const holds = (p: LockedPackage): boolean => p.marker === undefined || markerHolds(p.marker, { ...target, extras: sel.extras }) !== false;
  let groups: string[];
  if (lock.tool === 'poetry') {
    const declared = new Set(['main', ...lock.packages.flatMap((p) => p.groups), ...(manifest?.groups ?? [])]);
    const optional = new Set(manifest?.optionalGroups ?? []);
    groups = sel.only ?? (sel.allGroups ? [...declared] : [...declared].filter((g) => !optional.has(g) || sel.with.includes(g)));
    groups = groups.filter((g) => !sel.without.includes(g));
  } else if (lock.tool === 'pdm') {
    const all = lock.groups ?? [...new Set(lock.packages.flatMap((p) => p.groups))];
    // Groups PDM installs by default: `default` and the dev groups; optional-dependencies groups need `-G`.
    const extras = new Set((manifest?.dependencies ?? []).filter((d) => d.groupKind === 'extra').map((d) => d.group));
    const dev = all.filter((g) => g !== 'default' && !extras.has(normalizeName(g)));
    groups = [...(sel.noDefaultGroups ? [] : ['default']), ...(sel.without.includes(':dev') ? [] : dev), ...(sel.allGroups ? all : sel.with)];
    groups = [...new Set(groups)].filter((g) => !sel.without.includes(normalizeName(g)));
  } else {
    groups = sel.only ?? ['default', ...sel.with];
  }
  const want = new Set(groups.map(normalizeName));
  const packages = lock.packages
    .filter((p) => p.groups.some((g) => want.has(normalizeName(g))) && holds(p))
    .filter((p) => !(lock.tool === 'poetry' && p.optional && !sel.allExtras && sel.extras.length === 0));
  const directNames = new Set((manifest?.dependencies ?? []).filter((d) => want.has(d.group) || (d.groupKind === 'main' && (want.has('main') || want.has('default')))).map((d) => d.normalizedName));
  return {
    packages: packages.map((pkg) => ({ pkg, direct: directNames.size ? directNames.has(pkg.normalizedName) : true })),
    groups,
    projectInstalled: !sel.noProject && lock.tool !== 'pipenv' && manifest?.packageMode !== false && (sel.only === undefined || want.has('main') || want.has('default')),
  };
}

function uvSelection(sel: GroupSelection, lock: LockFileModel, manifest: PythonManifest | undefined, target: MarkerEnvironment): LockSelection {
  const isRoot = (p: LockedPackage): boolean => (p.source?.kind === 'editable' || p.source?.kind === 'virtual') && p.source.value === '.';
  const roots = lock.packages.filter(isRoot);
  if (roots.length === 0 && manifest?.projectName) roots.push(...lock.packages.filter((p) => p.normalizedName === normalizeName(manifest.projectName!)));
  const byName = new Map<string, LockedPackage[]>();
  for (const p of lock.packages) byName.set(p.normalizedName, [...(byName.get(p.normalizedName) ?? []), p]);
  const rootGroups = [...new Set(roots.flatMap((r) => Object.keys(r.groupDependencies)))];
  const rootExtras = [...new Set(roots.flatMap((r) => Object.keys(r.optionalDependencies)))];
  // uv's default groups are `["dev"]` unless `[tool.uv] default-groups` says otherwise.
  const defaults = sel.noDefaultGroups ? [] : ['dev'];
  let groups = sel.only ?? [...new Set([...(sel.allGroups ? rootGroups : []), ...defaults, ...sel.with])];
  groups = groups.filter((g) => !sel.without.includes(g) || sel.only?.includes(g));
  const extras = sel.allExtras ? rootExtras : sel.extras;
  const seen = new Set<LockedPackage>(roots);
  const out: SelectedPackage[] = [];
  const queue: { pkg: LockedPackage; direct: boolean; extras: string[] }[] = [];
  const push = (d: { normalizedName: string; version?: string; marker?: string; extras: string[] }, direct: boolean, activeExtras: readonly string[]): void => {
    if (d.marker !== undefined && markerHolds(d.marker, { ...target, extras: activeExtras }) === false) return;
    const candidates = byName.get(d.normalizedName) ?? [];
    const pkg = (d.version ? candidates.find((c) => c.version === d.version) : undefined) ?? candidates[0];
    if (!pkg) return;
    if (seen.has(pkg)) {
      // Reached again with extras: their dependencies are installed too.
      if (d.extras.length) queue.push({ pkg, direct, extras: d.extras });
      return;
    }
    seen.add(pkg);
    if (!roots.includes(pkg)) out.push({ pkg, direct });
    queue.push({ pkg, direct, extras: d.extras });
  };
  for (const r of roots) {
    if (sel.only === undefined) for (const d of r.dependencies) push(d, true, extras);
    for (const x of extras) for (const d of r.optionalDependencies[x] ?? []) push(d, true, extras);
    for (const g of groups) for (const d of r.groupDependencies[g] ?? []) push(d, true, extras);
  }
  const expanded = new Set<string>();
  while (queue.length) {
    const { pkg, extras: xs } = queue.shift()!;
    const key = `${pkg.normalizedName}@${pkg.version}[${xs.join(',')}]`;
    if (expanded.has(key)) continue;
    expanded.add(key);
    for (const d of pkg.dependencies) push(d, false, xs);
    for (const x of xs) for (const d of pkg.optionalDependencies[x] ?? []) push(d, false, xs);
  }
  return {
    packages: out,
    groups: [...(sel.only === undefined ? ['main'] : []), ...extras.map((x) => `extra ${x}`), ...groups],
    projectInstalled: roots.length > 0 && !sel.noProject && roots.some((r) => r.source?.kind === 'editable') && sel.only === undefined,
  };
}
