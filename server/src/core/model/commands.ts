// Recognises what a shell command does to the image: package installs (apt, apk, pip, uv, poetry, pipenv), removals and permission changes.
import type { Range } from '../types';
import type { ShellCommand, ShellWord } from '../parse/shell';

export interface Token {
  value: string;
  raw: string;
  range: Range;
  dynamic: boolean;
}

export interface AptInfo {
  tool: 'apt-get' | 'apt' | 'aptitude';
  /** `install`, `update`, `purge`, `remove`, `autoremove`, `clean`, `upgrade`, `dist-upgrade`, … */
  sub: string;
  subToken?: Token;
  packages: Token[];
  options: Token[];
  noInstallRecommends: boolean;
  assumeYes: boolean;
}

export interface ApkInfo {
  sub: string;
  subToken?: Token;
  packages: Token[];
  options: Token[];
  noCache: boolean;
  /** `--virtual NAME` / `-t NAME`: the group can be deleted later with `apk del NAME`. */
  virtual?: string;
}

export interface PipInfo {
  tool: 'pip' | 'uv' | 'poetry' | 'pipenv';
  /** `install`, `sync`, `add`, `download`, `wheel`, … */
  sub: string;
  subToken?: Token;
  /** The token after which a flag such as `--no-cache-dir` is inserted (the subcommand). */
  insertAfter?: Token;
  noCacheDir: boolean;
  requirements: Token[];
  constraints: Token[];
  /** Requirement specifiers given inline (`flask==3.0`, `gunicorn`). */
  packages: Token[];
  editables: Token[];
  /** Local paths installed (`.`, `./dist/app.whl`, `/src`). */
  localPaths: Token[];
  user: boolean;
  prefix?: string;
  target?: string;
  options: Token[];
  /** The interpreter or pip executable used (`pip`, `python3 -m pip`, `/opt/venv/bin/pip`). */
  launcher: string;
}

export interface RemoveInfo {
  recursive: boolean;
  paths: Token[];
}

export interface PermissionInfo {
  tool: 'chown' | 'chmod' | 'chgrp';
  recursive: boolean;
  /** Owner or mode argument. */
  spec?: Token;
  paths: Token[];
}

export interface CommandInfo {
  /** Effective command name after wrappers (`sudo`, `env`, …) are skipped. */
  name: Token;
  /** Wrapper words skipped before `name` (`sudo`, `env`, with their options), in order. */
  wrappers: Token[];
  /** `VAR=value` assignments written before the command (`PIP_NO_CACHE_DIR=1 pip install …`). */
  assignments: { name: string; value: string }[];
  args: Token[];
  range: Range;
  /** Position in the RUN body, in source order. */
  index: number;
  substituted: boolean;
  /** File redirections (`> /etc/x.conf`, `>> log`, `< in`) that apply to the command; `range` covers the whole redirection. */
  redirects?: { op: string; target: Token; range: Range }[];
  apt?: AptInfo;
  apk?: ApkInfo;
  pip?: PipInfo;
  rm?: RemoveInfo;
  perm?: PermissionInfo;
}

export type ToRange = (start: number, end: number) => Range;

const WRAPPERS = new Set(['sudo', 'env', 'nice', 'time', 'exec', 'command', 'nohup', 'eatmydata', 'stdbuf']);
const APT_VALUE_OPTS = new Set(['-o', '--option', '-c', '--config-file', '-t', '--target-release', '--default-release', '-a', '--host-architecture']);
const APK_VALUE_OPTS = new Set(['-t', '--virtual', '-X', '--repository', '-p', '--root', '--cache-dir', '--arch', '--keys-dir', '--repositories-file']);
const PIP_VALUE_OPTS = new Set([
  '-r', '--requirement', '-c', '--constraint', '-e', '--editable', '-t', '--target', '--prefix', '--root',
  '-i', '--index-url', '--extra-index-url', '-f', '--find-links', '--platform', '--python-version',
  '--implementation', '--abi', '--no-binary', '--only-binary', '--trusted-host', '--cache-dir', '--src',
  '--upgrade-strategy', '--progress-bar', '--root-user-action', '--config-settings', '-C', '--global-option',
  '--python', '--report', '--log', '--proxy', '--retries', '--timeout', '--exists-action', '--cert',
  '--client-cert', '--keyring-provider', '--use-feature', '--use-deprecated', '--group',
]);
const UV_VALUE_OPTS = new Set([...PIP_VALUE_OPTS, '-p', '--python', '--extra', '--group', '--package', '--only-group', '--no-group', '--index', '--default-index', '--link-mode']);
const POETRY_VALUE_OPTS = new Set(['--only', '--with', '--without', '-E', '--extras', '-C', '--directory', '-P', '--project']);

function token(w: ShellWord, toRange: ToRange): Token {
  return { value: w.value, raw: w.raw, range: toRange(w.start, w.end), dynamic: w.dynamic };
}

/** Turns a parsed shell command into a CommandInfo with what it installs or removes. */
export function describeCommand(cmd: ShellCommand, toRange: ToRange): CommandInfo {
  let words = [cmd.name, ...cmd.args];
  const skipped: ShellWord[] = [];
  // Skip wrappers: `sudo -E apt-get …`, `env X=1 pip …`.
  while (words.length > 1 && WRAPPERS.has(basename(words[0]!.value))) {
    const w = basename(words[0]!.value);
    skipped.push(words[0]!);
    words = words.slice(1);
    while (words.length > 1 && (words[0]!.value.startsWith('-') || (w === 'env' && /^\w+=/.test(words[0]!.value)))) {
      skipped.push(words[0]!);
      words = words.slice(1);
    }
  }
  const tokens = words.map((w) => token(w, toRange));
  const info: CommandInfo = {
    name: tokens[0]!,
    wrappers: skipped.map((w) => token(w, toRange)),
    assignments: cmd.assignments.map((a) => ({ name: a.name, value: a.value })),
    args: tokens.slice(1),
    range: toRange(cmd.start, cmd.end),
    index: cmd.index,
    substituted: cmd.substituted,
  };
  if (cmd.redirects) info.redirects = cmd.redirects.map((r) => ({ op: r.op, target: token(r.target, toRange), range: toRange(r.start, r.end) }));
  const name = basename(info.name.value);
  if (name === 'apt-get' || name === 'apt' || name === 'aptitude') info.apt = aptInfo(name, info.args);
  else if (name === 'apk') info.apk = apkInfo(info.args);
  else if (name === 'rm') info.rm = rmInfo(info.args);
  else if (name === 'chown' || name === 'chmod' || name === 'chgrp') info.perm = permInfo(name, info.args);
  else {
    const pip = pipInfo(name, info.name, info.args);
    if (pip) info.pip = pip;
  }
  return info;
}

/** The package arguments of an apt (`apt-get`, `apt`, `aptitude`) `install` or an `apk add`; none for any other command. */
export function installArgs(command: CommandInfo): Token[] {
  return command.apt?.sub === 'install' ? command.apt.packages : command.apk?.sub === 'add' ? command.apk.packages : [];
}

export function basename(p: string): string {
  const i = p.lastIndexOf('/');
  return i >= 0 ? p.slice(i + 1) : p;
}

/** An absolute path with `.`, `..` and repeated slashes folded: `/a/./b/../c//d` → `/a/c/d`. */
export function normalizePath(p: string): string {
  const parts: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return `/${parts.join('/')}`;
}

/**
 * Splits apt/apk-style arguments: options (each with the value that follows one of `valueOpts`), the subcommand
 * (the first other word), then the packages. `onOption` sees every option with its separate value, if it took one.
 */
function splitManagerArgs(
  args: Token[],
  valueOpts: ReadonlySet<string>,
  onOption: (option: string, value: Token | undefined) => void,
): { sub: string; subToken?: Token; packages: Token[]; options: Token[] } {
  const options: Token[] = [];
  const packages: Token[] = [];
  let sub = '';
  let subToken: Token | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.value;
    if (v.startsWith('-')) {
      options.push(a);
      const value = valueOpts.has(v) && i + 1 < args.length ? args[++i]! : undefined;
      if (value) options.push(value);
      onOption(v, value);
      continue;
    }
    if (!sub) {
      sub = v;
      subToken = a;
      continue;
    }
    packages.push(a);
  }
  return subToken ? { sub, subToken, packages, options } : { sub, packages, options };
}

function aptInfo(tool: AptInfo['tool'], args: Token[]): AptInfo {
  let noInstallRecommends = false;
  let assumeYes = false;
  const { sub, subToken, packages, options } = splitManagerArgs(args, APT_VALUE_OPTS, (v, next) => {
    if (v === '--no-install-recommends') noInstallRecommends = true;
    if (v === '-y' || v === '--yes' || v === '--assume-yes' || v === '-qy' || v === '-yq' || /^-[a-z]*y[a-z]*$/.test(v) || v === '--force-yes') assumeYes = true;
    if (v.startsWith('--option=') || v.startsWith('-o')) {
      const val = v.startsWith('-o') && v.length > 2 ? v.slice(2) : v.split('=').slice(1).join('=');
      if (/APT::Install-Recommends=(false|0|no)/i.test(val)) noInstallRecommends = true;
      if (/APT::Get::Assume-Yes=(true|1|yes)/i.test(val)) assumeYes = true;
    }
    if (next && (v === '-o' || v === '--option') && /APT::Install-Recommends=(false|0|no)/i.test(next.value)) noInstallRecommends = true;
    if (next && (v === '-o' || v === '--option') && /APT::Get::Assume-Yes=(true|1|yes)/i.test(next.value)) assumeYes = true;
  });
  const out: AptInfo = { tool, sub, packages, options, noInstallRecommends, assumeYes };
  if (subToken) out.subToken = subToken;
  return out;
}

function apkInfo(args: Token[]): ApkInfo {
  let noCache = false;
  let virtual: string | undefined;
  const { sub, subToken, packages, options } = splitManagerArgs(args, APK_VALUE_OPTS, (v, next) => {
    if (v === '--no-cache') noCache = true;
    if (v.startsWith('--virtual=')) virtual = v.slice(10);
    if (next && (v === '-t' || v === '--virtual')) virtual = next.value;
  });
  const out: ApkInfo = { sub, packages, options, noCache };
  if (subToken) out.subToken = subToken;
  if (virtual !== undefined) out.virtual = virtual;
  return out;
}

function rmInfo(args: Token[]): RemoveInfo {
  let recursive = false;
  const paths: Token[] = [];
  let endOfOptions = false;
  for (const a of args) {
    if (!endOfOptions && a.value === '--') {
      endOfOptions = true;
      continue;
    }
    if (!endOfOptions && a.value.startsWith('-')) {
      if (/^-[a-zA-Z]*[rR]/.test(a.value) || a.value === '--recursive') recursive = true;
      continue;
    }
    paths.push(a);
  }
  return { recursive, paths };
}

function permInfo(tool: PermissionInfo['tool'], args: Token[]): PermissionInfo {
  let recursive = false;
  const rest: Token[] = [];
  for (const a of args) {
    if (a.value.startsWith('-') && !/^-[rwxXst]+$/.test(a.value)) {
      if (/^-[a-zA-Z]*R/.test(a.value) || a.value === '--recursive') recursive = true;
      continue;
    }
    rest.push(a);
  }
  const out: PermissionInfo = { tool, recursive, paths: rest.slice(1) };
  if (rest[0]) out.spec = rest[0];
  return out;
}

function isPythonExe(name: string): boolean {
  return /^python(\d(\.\d+)?)?$/.test(name);
}

function isPipExe(name: string): boolean {
  return /^pip(\d(\.\d+)?)?$/.test(name);
}

function pipInfo(name: string, nameToken: Token, args: Token[]): PipInfo | undefined {
  if (isPipExe(name)) return pipArgs('pip', nameToken.value, args, PIP_VALUE_OPTS);
  if (isPythonExe(name)) {
    // python -m pip …  /  python3 -m pip …  /  python -m uv pip …
    let i = 0;
    while (i < args.length && args[i]!.value.startsWith('-') && args[i]!.value !== '-m') i++;
    if (args[i]?.value === '-m' && args[i + 1]?.value === 'pip') {
      return pipArgs('pip', `${nameToken.value} -m pip`, args.slice(i + 2), PIP_VALUE_OPTS);
    }
    if (/^-m(pip)$/.test(args[i]?.value ?? '')) return pipArgs('pip', `${nameToken.value} -m pip`, args.slice(i + 1), PIP_VALUE_OPTS);
    return undefined;
  }
  if (name === 'uv') {
    if (args[0]?.value === 'pip') return pipArgs('uv', 'uv pip', args.slice(1), UV_VALUE_OPTS);
    if (args[0] && ['sync', 'add'].includes(args[0].value)) return pipArgs('uv', 'uv', args, UV_VALUE_OPTS);
    return undefined;
  }
  if (name === 'poetry') {
    if (args[0]?.value === 'install' || args[0]?.value === 'add') return pipArgs('poetry', 'poetry', args, POETRY_VALUE_OPTS);
    return undefined;
  }
  if (name === 'pipenv') {
    if (args[0]?.value === 'install' || args[0]?.value === 'sync') return pipArgs('pipenv', 'pipenv', args, POETRY_VALUE_OPTS);
    return undefined;
  }
  return undefined;
}

function pipArgs(tool: PipInfo['tool'], launcher: string, args: Token[], valueOpts: Set<string>): PipInfo {
  const info: PipInfo = {
    tool,
    sub: '',
    noCacheDir: false,
    requirements: [],
    constraints: [],
    packages: [],
    editables: [],
    localPaths: [],
    user: false,
    options: [],
    launcher,
  };
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const v = a.value;
    if (!info.sub && !v.startsWith('-')) {
      info.sub = v;
      info.subToken = a;
      info.insertAfter = a;
      continue;
    }
    if (v.startsWith('-') && v.length > 1) {
      info.options.push(a);
      const eq = v.indexOf('=');
      const flag = v.startsWith('--') && eq > 0 ? v.slice(0, eq) : v;
      let value: Token | undefined;
      if (v.startsWith('--') && eq > 0) {
        value = { ...a, value: v.slice(eq + 1) };
      } else if (/^-[rce]./.test(v) && !v.startsWith('--')) {
        // Short option glued to its value: -rrequirements.txt
        value = { ...a, value: v.slice(2) };
        handleValue(info, v.slice(0, 2), value);
        continue;
      } else if (valueOpts.has(flag) && i + 1 < args.length) {
        value = args[++i]!;
        info.options.push(value);
      }
      if (flag === '--no-cache-dir' || flag === '--no-cache' || flag === '-n' && tool === 'uv') info.noCacheDir = true;
      if (flag === '--user') info.user = true;
      if (value) handleValue(info, flag, value);
      continue;
    }
    if (!info.sub) continue;
    if (isLocalPath(v)) info.localPaths.push(a);
    else info.packages.push(a);
  }
  return info;
}

function handleValue(info: PipInfo, flag: string, value: Token): void {
  switch (flag) {
    case '-r':
    case '--requirement':
      info.requirements.push(value);
      break;
    case '-c':
    case '--constraint':
      info.constraints.push(value);
      break;
    case '-e':
    case '--editable':
      info.editables.push(value);
      break;
    case '--prefix':
      info.prefix = value.value;
      break;
    case '-t':
    case '--target':
      info.target = value.value;
      break;
  }
}

function isLocalPath(v: string): boolean {
  return v === '.' || v.startsWith('./') || v.startsWith('../') || v.startsWith('/') || /\.(whl|tar\.gz|zip)$/.test(v);
}
