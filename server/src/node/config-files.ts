// Finds and reads configuration files (`.hadolint.yaml`, `.layerwise.toml`, `[tool.layerwise]` in pyproject.toml, JSON) for the CLI and the server.
import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { parse as parseYaml } from 'yaml';
import { defaultConfig, mergeConfig, parseSeverity, readConfigObject, type LayerwiseConfig } from '../core/config';
import { readTextFile } from './safe-write';

export interface LoadedConfig {
  config: LayerwiseConfig;
  /** Files that contributed, nearest last. */
  sources: string[];
  problems: string[];
  /** Settings a configuration file may not make (see `dropUserOnly`): dropped, each with where it was written. */
  ignored: TrustNotice[];
}

/**
 * A setting a file asked for and did not get: `online` (only the user turns it on: editor user settings,
 * `--online`), or a `context` outside the folders the build context may lie in.
 */
export interface TrustNotice {
  file: string;
  key: 'online' | 'context';
  /** 0-based line of the setting in the file (0 when it cannot be found). */
  line: number;
  /** For `context`: the folder the setting resolved to. */
  resolved?: string;
}

/** Reads one config file: TOML (`.layerwise.toml`, `pyproject.toml` → `[tool.layerwise]`) or JSON. */
export function readConfigFile(path: string): { config: Partial<LayerwiseConfig>; problems: string[] } {
  const read = readTextFile(path);
  if (!read.ok) return { config: {}, problems: [`${path}: cannot read the configuration: ${read.reason}`] };
  const text = read.text;
  let obj: unknown;
  try {
    if (path.endsWith('.json')) obj = JSON.parse(text);
    else {
      const toml = parseToml(text) as Record<string, unknown>;
      obj = path.endsWith('pyproject.toml') ? (toml['tool'] as Record<string, unknown> | undefined)?.['layerwise'] : toml;
    }
  } catch (err) {
    // smol-toml keeps the position apart from the first line of its message.
    const line = (err as { line?: unknown }).line;
    const at = typeof line === 'number' ? ` (line ${line})` : '';
    return { config: {}, problems: [`${path}: ${(err as Error).message.split('\n')[0]}${at}`] };
  }
  const r = readConfigObject(obj);
  return { config: r.config, problems: r.problems.map((p) => `${path}: ${p}`) };
}

/** Searches from a file's folder upwards for `.layerwise.toml` or a pyproject.toml with `[tool.layerwise]`. */
export function findProjectConfig(startDir: string): string | undefined {
  let dir = resolve(startDir);
  for (;;) {
    const own = join(dir, '.layerwise.toml');
    if (existsSync(own)) return own;
    const py = join(dir, 'pyproject.toml');
    if (existsSync(py)) {
      try {
        if (/^\s*\[tool\.layerwise(\.|\])/m.test(readFileSync(py, 'utf8'))) return py;
      } catch {
        /* unreadable: keep searching */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Where hadolint looks for its configuration, outside the project (in its order). */
export interface HadolintSearch {
  cwd?: string;
  home?: string;
  xdgConfigHome?: string;
}

/**
 * Finds a hadolint configuration the way hadolint does, with the project first: `.hadolint.yaml`/`.yml` in the
 * file's folder or a parent, then in the working directory, then `$XDG_CONFIG_HOME/hadolint.yaml`,
 * `~/.config/hadolint.yaml`, `~/.hadolint/hadolint.yaml`, `~/hadolint/hadolint.yaml`, `~/.hadolint.yaml`.
 * Like hadolint, only the first file found is used.
 */
export function findHadolintConfig(startDir: string, search: HadolintSearch = {}): string | undefined {
  const names = ['.hadolint.yaml', '.hadolint.yml'];
  for (let dir = resolve(startDir); ; ) {
    for (const n of names) if (existsSync(join(dir, n))) return join(dir, n);
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const cwd = search.cwd ?? process.cwd();
  for (const n of names) if (existsSync(join(cwd, n))) return join(cwd, n);
  const home = search.home ?? homedir();
  const xdg = search.xdgConfigHome ?? process.env['XDG_CONFIG_HOME'];
  const globals = [
    ...(xdg ? [join(xdg, 'hadolint.yaml')] : []),
    join(home, '.config', 'hadolint.yaml'),
    join(home, '.hadolint', 'hadolint.yaml'),
    join(home, 'hadolint', 'hadolint.yaml'),
    join(home, '.hadolint.yaml'),
  ];
  return globals.find((g) => existsSync(g));
}

const OVERRIDE_LEVELS = ['error', 'warning', 'info', 'style'] as const;

/** Translates hadolint's configuration (`override`, `ignored`, `failure-threshold`, …) into Layerwise's. */
export function readHadolintObject(obj: unknown): { config: Partial<LayerwiseConfig>; problems: string[] } {
  if (obj === null || obj === undefined) return { config: {}, problems: [] };
  if (typeof obj !== 'object' || Array.isArray(obj)) return { config: {}, problems: ['configuration is not a mapping'] };
  const { override, ['disable-ignore-pragma']: disablePragma, ...rest } = obj as Record<string, unknown>;
  const r = readConfigObject(rest);
  const problems = [...r.problems];
  const config = r.config;
  if (override !== undefined) {
    if (typeof override !== 'object' || override === null || Array.isArray(override)) problems.push('`override` must map error/warning/info/style to lists of rule codes');
    else {
      const rules: Record<string, 'error' | 'warning' | 'info' | 'hint'> = {};
      for (const [level, codes] of Object.entries(override as Record<string, unknown>)) {
        const sev = parseSeverity(level);
        if (!(OVERRIDE_LEVELS as readonly string[]).includes(level) || !sev || sev === 'off') {
          problems.push(`\`override\`: unknown level ${JSON.stringify(level)} (use ${OVERRIDE_LEVELS.join(', ')})`);
          continue;
        }
        if (!Array.isArray(codes) || !codes.every((c) => typeof c === 'string')) {
          problems.push(`\`override.${level}\` must be a list of rule codes`);
          continue;
        }
        for (const c of codes as string[]) rules[c] = sev;
      }
      config.rules = { ...rules, ...(config.rules ?? {}) };
    }
  }
  if (typeof disablePragma === 'boolean') config.disableIgnorePragma = disablePragma;
  return { config, problems };
}

/** Reads a `.hadolint.yaml`. */
export function readHadolintFile(path: string): { config: Partial<LayerwiseConfig>; problems: string[] } {
  // A folder, FIFO or binary file where the configuration should be is reported, not thrown (or blocked on).
  const read = readTextFile(path);
  if (!read.ok) return { config: {}, problems: [`${path}: cannot read the configuration: ${read.reason}`] };
  let obj: unknown;
  try {
    obj = parseYaml(read.text);
  } catch (err) {
    return { config: {}, problems: [`${path}: ${(err as Error).message.split('\n')[0]}`] };
  }
  const r = readHadolintObject(obj);
  return { config: r.config, problems: r.problems.map((p) => `${path}: ${p}`) };
}

/**
 * The configuration for a file: hadolint's file first, then Layerwise's own (explicit or found), then `extra`
 * (editor settings, command-line options) — later sources win.
 */
export function loadConfig(startDir: string, explicit?: string, extra?: Partial<LayerwiseConfig>, search: HadolintSearch = {}, trust: ContextRoots = {}): LoadedConfig {
  let config = defaultConfig();
  const sources: string[] = [];
  const problems: string[] = [];
  const ignored: TrustNotice[] = [];
  let contextFrom: string | undefined;
  const hadolint = findHadolintConfig(startDir, search);
  if (hadolint) {
    const r = readHadolintFile(hadolint);
    dropUserOnly(hadolint, r.config, ignored);
    if (r.config.context !== undefined) contextFrom = hadolint;
    config = mergeConfig(config, r.config);
    sources.push(hadolint);
    problems.push(...r.problems);
  }
  const file = explicit ?? findProjectConfig(startDir);
  if (file) {
    const r = readConfigFile(file);
    dropUserOnly(file, r.config, ignored);
    if (r.config.context !== undefined) contextFrom = file;
    config = mergeConfig(config, r.config);
    sources.push(file);
    problems.push(...r.problems);
  }
  if (extra) config = mergeConfig(config, extra);
  if (extra?.context !== undefined) contextFrom = undefined;
  const confined = confineContext(config, startDir, trust.roots ?? [repositoryRoot(startDir)]);
  if (confined.refused && contextFrom) ignored.push({ file: contextFrom, key: 'context', line: settingLine(contextFrom, 'context'), resolved: confined.refused });
  return { config: confined.config, sources, problems, ignored };
}

const printedNotices = new Set<string>();

/** The CLI's one line per ignored setting (once per file and setting, however many Dockerfiles share the file). */
export function printTrustNotices(notices: readonly TrustNotice[], write: (line: string) => void = (l) => void process.stderr.write(l)): void {
  for (const n of notices) {
    const line =
      n.key === 'online'
        ? `layerwise: ${n.file}:${n.line + 1}: ignored: online can only be turned on with --online or LAYERWISE_ONLINE=1, not in a configuration file\n`
        : `layerwise: ${n.file}:${n.line + 1}: ignored: context ${n.resolved ?? ''} is outside the repository; the Dockerfile's folder is used\n`;
    if (printedNotices.has(line)) continue;
    printedNotices.add(line);
    write(line);
  }
}

/** Folders a build context may lie in; the repository holding the Dockerfile (or the working directory) by default. */
export interface ContextRoots {
  roots?: readonly string[];
}

/**
 * A repository's files may narrow what Layerwise does, never widen it: `online` is dropped from every file
 * (the user turns it on in user settings or with `--online`), with a notice when a file asked for it.
 */
function dropUserOnly(file: string, config: Partial<LayerwiseConfig>, ignored: TrustNotice[]): void {
  if (config.online === undefined) return;
  if (config.online) ignored.push({ file, key: 'online', line: settingLine(file, 'online') });
  delete config.online;
}

/** Where `key` is set in a config file, for the notice's position; a text search is enough to point at it. */
function settingLine(file: string, key: string): number {
  try {
    const lines = readFileSync(file, 'utf8').split(/\r?\n/);
    const at = lines.findIndex((l) => new RegExp(`^\\s*["']?${key}["']?\\s*[=:]`).test(l));
    return Math.max(at, 0);
  } catch {
    return 0;
  }
}

/**
 * The build context may not lie outside `roots` (the workspace folders and the user's extra roots; in the CLI
 * the repository): a `context` that resolves elsewhere (`../../outside`, or a link that leads out) is dropped, so
 * the Dockerfile's folder is used, and `refused` says where it pointed.
 */
export function confineContext(config: LayerwiseConfig, dockerfileDir: string, roots: readonly string[]): { config: LayerwiseConfig; refused?: string } {
  if (config.context === undefined) return { config };
  const target = realOrResolved(resolve(dockerfileDir, config.context));
  if (roots.some((r) => isInside(target, realOrResolved(resolve(r))))) return { config };
  const { context: _dropped, ...rest } = config;
  return { config: rest, refused: target };
}

export function isInside(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
}

function realOrResolved(p: string): string {
  try {
    return realpathSync.native(p);
  } catch {
    return p;
  }
}

/** The repository a path is in (nearest folder with `.git`), else the working directory when the path is inside it, else the path's own folder. */
export function repositoryRoot(startDir: string): string {
  for (let dir = resolve(startDir); ; ) {
    if (existsSync(join(dir, '.git'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  const cwd = process.cwd();
  return isInside(resolve(startDir), cwd) ? cwd : resolve(startDir);
}
