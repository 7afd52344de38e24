// What the apt/apk commands of a RUN install, and which of those packages the same RUN removes again (purge, autoremove after apt-mark, apk del).
//
// One answer for every consumer (LW003, LW005, the size estimate): apt's manual/auto marks are simulated over the
// commands of the RUN in order, the way the official python images use them (`savedAptMark="$(apt-mark
// showmanual)"`, install, build, `apt-mark auto '.*'`, `apt-mark manual $savedAptMark`, `apt-get purge -y
// --auto-remove`). Only packages installed by the RUN itself are followed; what an earlier layer installed is that
// layer's. Where the commands do not say what they mark or remove (a variable the model cannot read), the package's
// fate is "unknown" and no consumer reports on it.
import type { Instruction } from './dockerfile';
import type { CommandInfo, Token } from './commands';
import { basename } from './commands';
import { isBuildOnlyPackage, packageBaseName, type PackageManager } from '../data/apt-build-packages';
import { aptPackage, APT_DISTS } from '../data/apt';

export interface InstalledPackage {
  manager: PackageManager;
  token: Token;
  /** The name without version, release or architecture (`gcc=4:12` → `gcc`). */
  name: string;
  command: CommandInfo;
}

export type PackageFate =
  | { kept: true }
  /** `withDependencies`: the removal also took the packages it had pulled in (autoremove, `--auto-remove`, apk). */
  | { kept: false; by: CommandInfo; how: string; withDependencies: boolean }
  | { kept: 'unknown'; why: string };

export interface RunPackages {
  /** Packages named by the RUN's `apt-get install` / `apk add` commands (not variables), in order. */
  installed: readonly InstalledPackage[];
  /** What became of an installed package by the end of the RUN. */
  fate(p: InstalledPackage): PackageFate;
}

/** Packages an apt `install` or apk `add` command installs (not variables). */
export function installedPackages(command: CommandInfo): InstalledPackage[] {
  if (command.apt && command.apt.sub === 'install') {
    return command.apt.packages.filter((t) => !t.dynamic).map((token) => ({ manager: 'apt' as const, token, name: packageBaseName(token.value), command }));
  }
  if (command.apk && command.apk.sub === 'add') {
    return command.apk.packages.filter((t) => !t.dynamic).map((token) => ({ manager: 'apk' as const, token, name: packageBaseName(token.value), command }));
  }
  return [];
}

/** Package names a command removes by name: `apt-get purge/remove`, `apk del` (apk: also `--virtual` group names). */
export function removedPackages(command: CommandInfo): Set<string> {
  const out = new Set<string>();
  if (command.apt && ['purge', 'remove', 'autoremove'].includes(command.apt.sub)) for (const p of command.apt.packages) if (!p.dynamic) out.add(packageBaseName(p.value));
  if (command.apk && command.apk.sub === 'del') for (const p of command.apk.packages) if (!p.dynamic) out.add(packageBaseName(p.value));
  return out;
}

const cache = new WeakMap<CommandInfo[], RunPackages>();
const NONE: RunPackages = { installed: [], fate: () => ({ kept: true }) };

/** The packages a RUN installs and what the same RUN does to them (computed once per RUN). */
export function runPackages(instr: Instruction): RunPackages {
  const run = instr.run;
  if (!run || run.commands.length === 0) return NONE;
  let out = cache.get(run.commands);
  if (!out) cache.set(run.commands, (out = simulate(instr)));
  return out;
}

interface Entry {
  manager: PackageManager;
  /** apt's mark: installed by name is manual; `unknown` when a mark the model cannot read may have changed it. */
  manual: boolean | 'unknown';
  installedAt: number;
  removed?: { by: CommandInfo; how: string; withDependencies: boolean };
  unknown?: string;
}

const AUTO_REMOVE = new Set(['--auto-remove', '--autoremove']);
/**
 * A word with one of these characters is no package name: APT reads it as a regular expression (`apt-mark auto
 * '.*'`). `.` and `+` alone are not enough: they are in names (`g++`, `libglib2.0-dev`), which APT takes literally.
 */
const REGEX_CHARS = /[?*|[\]^$]/;

function simulate(instr: Instruction): RunPackages {
  const run = instr.run!;
  const commands = run.commands;
  const installed: InstalledPackage[] = [];
  const entries = new Map<string, Entry>();
  // The entry each install token stands for: an install after a removal starts a new one.
  const entryOf = new Map<Token, Entry>();
  const groups = new Map<string, Set<string>>();
  const live = (): [string, Entry][] => [...entries].filter(([, e]) => !e.removed && e.unknown === undefined);
  const saved = savedManualLists(instr);
  // Whether an earlier command lists which packages own files (`dpkg-query --search`): a list piped from it into
  // `xargs apt-mark manual` names the packages of shared libraries that programs load.
  let ownersListed = false;

  for (const c of commands) {
    const name = basename(c.name.value);
    for (const p of installedPackages(c)) {
      installed.push(p);
      let e = entries.get(p.name);
      if (!e || e.manager !== p.manager || e.removed || e.unknown !== undefined) entries.set(p.name, (e = { manager: p.manager, manual: true, installedAt: c.index }));
      else e.manual = true;
      entryOf.set(p.token, e);
      if (p.manager === 'apk' && c.apk?.virtual !== undefined) {
        let g = groups.get(c.apk.virtual);
        if (!g) groups.set(c.apk.virtual, (g = new Set()));
        g.add(p.name);
      }
    }
    if (name === 'dpkg-query' || (name === 'xargs' && c.args.some((a) => a.value === 'dpkg-query'))) {
      if (c.args.some((a) => a.value === '--search' || a.value === '-S')) ownersListed = true;
    }
    if (name === 'apt-mark') mark(c.args, false);
    else if (name === 'xargs') {
      const i = c.args.findIndex((a) => basename(a.value) === 'apt-mark');
      if (i >= 0) mark(c.args.slice(i + 1), true);
    }
    if (c.apt && ['purge', 'remove', 'autoremove'].includes(c.apt.sub)) {
      const how = `${c.apt.tool} ${c.apt.sub}`;
      const auto = c.apt.sub === 'autoremove' || c.apt.options.some((o) => AUTO_REMOVE.has(o.value));
      if (c.apt.packages.some((t) => t.dynamic)) {
        for (const [, e] of live()) if (e.manager === 'apt') e.unknown = `\`${how}\` removes packages named by a variable`;
      }
      for (const n of removedPackages(c)) {
        const e = entries.get(n);
        if (e && e.manager === 'apt' && !e.removed) e.removed = { by: c, how: `\`${how}\``, withDependencies: auto };
      }
      if (auto) autoremove(c, c.apt.sub === 'autoremove' ? `\`${how}\`` : `\`${how} --auto-remove\``);
    }
    if (c.apk?.sub === 'del') {
      if (c.apk.packages.some((t) => t.dynamic)) {
        for (const [, e] of live()) if (e.manager === 'apk') e.unknown = '`apk del` removes packages named by a variable';
      }
      for (const n of removedPackages(c)) {
        for (const m of [n, ...(groups.get(n) ?? [])]) {
          const e = entries.get(m);
          if (e && e.manager === 'apk' && !e.removed) e.removed = { by: c, how: '`apk del`', withDependencies: true };
        }
      }
    }
  }

  /** `apt-mark auto|manual ARGS`; `piped`: the arguments are completed from standard input (`xargs`). */
  function mark(args: readonly Token[], piped: boolean): void {
    const words = args.filter((a) => !a.value.startsWith('-'));
    const sub = words[0]?.value;
    const manual = sub === 'manual' || sub === 'unmarkauto' ? true : sub === 'auto' || sub === 'markauto' ? false : undefined;
    if (manual === undefined) return;
    const aptLive = live().filter(([, e]) => e.manager === 'apt');
    if (piped) {
      // ldd | dpkg-query --search | xargs apt-mark manual keeps the owners of loaded shared libraries; compilers
      // and headers own none a program loads. Any other list read from a pipe could name anything.
      for (const [n, e] of aptLive) if (!(manual && ownersListed && isBuildOnlyPackage(n, 'apt'))) e.manual = 'unknown';
    }
    for (const w of words.slice(1)) {
      const savedAt = w.dynamic ? saved.get(variableOf(w.value) ?? '') : undefined;
      if (savedAt !== undefined) {
        // The list saved before the install: the packages that were manual then, none installed after it.
        for (const [, e] of aptLive) if (e.installedAt < savedAt) e.manual = manual;
        continue;
      }
      if (w.dynamic) {
        for (const [, e] of aptLive) e.manual = 'unknown';
        continue;
      }
      if (REGEX_CHARS.test(w.value)) {
        let re: RegExp | undefined;
        try {
          re = new RegExp(w.value, 'i');
        } catch {
          re = undefined;
        }
        for (const [n, e] of aptLive) if (!re || re.test(n)) e.manual = re ? manual : 'unknown';
        continue;
      }
      const e = entries.get(packageBaseName(w.value));
      if (e && e.manager === 'apt' && !e.removed) e.manual = manual;
    }
  }

  /** apt removes the automatically installed packages no manually installed one depends on. */
  function autoremove(c: CommandInfo, how: string): void {
    const aptLive = live().filter(([, e]) => e.manager === 'apt');
    const keptNames = aptLive.filter(([, e]) => e.manual === true).map(([n]) => n);
    for (const [n, e] of aptLive) {
      if (e.manual === 'unknown') e.unknown = 'an `apt-mark` the model cannot read may have kept it';
      else if (e.manual === false) {
        const holder = keptNames.find((k) => dependsOn(k, n));
        if (holder) e.unknown = `\`${holder}\`, kept, may depend on it`;
        else e.removed = { by: c, how, withDependencies: true };
      }
    }
  }

  return {
    installed,
    fate(p) {
      const e = entryOf.get(p.token);
      if (!e) return { kept: true };
      if (e.removed) return { kept: false, ...e.removed };
      if (e.unknown !== undefined) return { kept: 'unknown', why: e.unknown };
      return { kept: true };
    },
  };
}

/** Whether `pkg` is in what `holder` pulls in (the Debian closure data of any release known). */
function dependsOn(holder: string, pkg: string): boolean {
  return APT_DISTS.some((d) => aptPackage(holder, d)?.closurePackages.includes(pkg) ?? false);
}

/** `$NAME` / `${NAME}` → `NAME`; undefined for any other word. */
function variableOf(word: string): string | undefined {
  return /^\$(?:\{(\w+)\}|(\w+))$/.exec(word)?.slice(1).find((x) => x !== undefined);
}

/**
 * Shell variables that hold `apt-mark showmanual`'s output (`savedAptMark="$(apt-mark showmanual)"`), with the
 * position of that command in the RUN: the list is of the packages that were manual at that point.
 */
function savedManualLists(instr: Instruction): Map<string, number> {
  const out = new Map<string, number>();
  const script = instr.run?.script;
  if (!script?.assignments) return out;
  for (const c of script.commands) {
    if (!c.substituted || basename(c.name.value) !== 'apt-mark' || !c.args.some((a) => a.value === 'showmanual')) continue;
    const a = script.assignments.find((x) => x.start <= c.start && c.end <= x.end);
    if (a) out.set(a.name, c.index);
  }
  return out;
}
