// What a project manager's lock file pins: uv.lock, poetry.lock, pdm.lock and Pipfile.lock, each package with its version, groups, files and ranges.
import { parseDocument, isMap, isScalar, type Node as YamlNode } from 'yaml';
import { normalizeName } from '../parse/requirements';
import { parseRequirementText } from '../parse/requirements/pep508';
import { Logical } from '../parse/requirements/lines';
import { parseTomlDocument, type TomlDocument, type TomlPath, type TomlProblem } from '../parse/toml';
import { LineIndex } from '../text';
import type { Range } from '../types';
import { poetryToPep440 } from './python-manifest';

export type LockTool = 'uv' | 'poetry' | 'pdm' | 'pipenv';

export interface LockedDependency {
  name: string;
  normalizedName: string;
  extras: string[];
  marker?: string;
  /** uv: the version, when the lock holds several of the package (forked resolutions). */
  version?: string;
  /** Poetry / PDM: the dependency's own constraint (`>=8.1`). */
  specifier?: string;
}

export interface LockedFile {
  /** The wheel or sdist file name. */
  filename: string;
  url?: string;
  /** Bytes, where the lock records them (uv.lock does). */
  size?: number;
  hash?: string;
  range: Range;
  /** Wheel tags read off the file name; absent for an sdist. */
  tags?: { python: string; abi: string; platform: string };
}

export interface LockedPackage {
  name: string;
  normalizedName: string;
  version?: string;
  nameRange: Range;
  versionRange?: Range;
  /** The package's whole entry (its `[[package]]` table, or its key through value). */
  range: Range;
  /** Poetry (`groups`, or `category` before 1.2), PDM (`groups`), Pipenv (`default`/`develop`); empty for uv. */
  groups: string[];
  /** Poetry: `optional = true`, installed only through an extra. */
  optional?: boolean;
  /** The environment marker the lock puts on the package itself (Poetry, Pipenv). */
  marker?: string;
  /** Where it comes from: `registry` (an index URL), `git`, `path`, `url`, `editable`, `virtual`, `directory`. */
  source?: { kind: string; value: string };
  dependencies: LockedDependency[];
  /** uv: the extras' dependencies (`[package.optional-dependencies]`); Poetry: `[package.extras]`. */
  optionalDependencies: Record<string, LockedDependency[]>;
  /** uv: the dependency groups' dependencies of a project package (`[package.dev-dependencies]`). */
  groupDependencies: Record<string, LockedDependency[]>;
  wheels: LockedFile[];
  sdist?: LockedFile;
  requiresPython?: string;
}

export interface LockFileModel {
  tool: LockTool;
  text: string;
  lines: LineIndex;
  packages: LockedPackage[];
  /** The hash of the manifest the lock was made from: Poetry `content-hash`, PDM `content_hash`, Pipenv `_meta.hash.sha256`. */
  contentHash?: string;
  contentHashRange?: Range;
  /** uv `requires-python`, Poetry `python-versions`, PDM `requires_python`. */
  requiresPython?: string;
  /** uv `version`, Poetry `lock-version`, PDM `lock_version`, Pipenv `pipfile-spec`. */
  lockVersion?: string;
  /** PDM `[metadata] groups`: the groups the lock was made for. */
  groups?: string[];
  problems: TomlProblem[];
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** Name and tags of a wheel file name (`name-version(-build)?-python-abi-platform.whl`). */
export function wheelTags(filename: string): { python: string; abi: string; platform: string } | undefined {
  if (!filename.endsWith('.whl')) return undefined;
  const parts = filename.slice(0, -4).split('-');
  if (parts.length < 5) return undefined;
  const [python, abi, platform] = parts.slice(-3) as [string, string, string];
  return { python, abi, platform };
}

const fileName = (url: string): string => decodeURIComponent(url.replace(/[?#].*$/, '').split('/').pop() ?? url);

function tomlLock(tool: LockTool, text: string): { doc: TomlDocument; model: LockFileModel } {
  const doc = parseTomlDocument(text);
  return { doc, model: { tool, text, lines: doc.lines, packages: [], problems: doc.error ? [doc.error] : [] } };
}

function lockedPackage(doc: TomlDocument, at: TomlPath, t: Table): LockedPackage | undefined {
  const name = str(t['name']);
  if (!name) return undefined;
  const version = str(t['version']);
  const versionRange = version !== undefined ? doc.range([...at, 'version']) : undefined;
  return {
    name,
    normalizedName: normalizeName(name),
    ...(version !== undefined ? { version } : {}),
    nameRange: doc.range([...at, 'name']) ?? ZERO,
    ...(versionRange ? { versionRange } : {}),
    range: doc.range(at) ?? ZERO,
    groups: [],
    dependencies: [],
    optionalDependencies: {},
    groupDependencies: {},
    wheels: [],
    ...(str(t['requires-python'] ?? t['requires_python']) ? { requiresPython: str(t['requires-python'] ?? t['requires_python'])! } : {}),
  };
}

function lockedFile(doc: TomlDocument, at: TomlPath, t: unknown): LockedFile | undefined {
  if (!isTable(t)) return undefined;
  const url = str(t['url']);
  const filename = str(t['file']) ?? str(t['filename']) ?? (url ? fileName(url) : undefined) ?? str(t['path']);
  if (!filename) return undefined;
  const tags = wheelTags(filename);
  return {
    filename,
    ...(url ? { url } : {}),
    ...(typeof t['size'] === 'number' ? { size: t['size'] } : {}),
    ...(str(t['hash']) ? { hash: str(t['hash'])! } : {}),
    range: doc.range(at) ?? ZERO,
    ...(tags ? { tags } : {}),
  };
}

/** uv's dependency entries: `{ name = "click" }`, with `extra = [...]`, `marker`, `version` where needed. */
function uvDependencies(list: unknown): LockedDependency[] {
  if (!Array.isArray(list)) return [];
  const out: LockedDependency[] = [];
  for (const d of list) {
    if (!isTable(d) || typeof d['name'] !== 'string') continue;
    const extras = Array.isArray(d['extra']) ? d['extra'].filter((x): x is string => typeof x === 'string').map(normalizeName) : [];
    out.push({
      name: d['name'],
      normalizedName: normalizeName(d['name']),
      extras,
      ...(str(d['marker']) ? { marker: str(d['marker'])! } : {}),
      ...(str(d['version']) ? { version: str(d['version'])! } : {}),
    });
  }
  return out;
}

export function buildUvLockModel(text: string): LockFileModel {
  const { doc, model } = tomlLock('uv', text);
  const root = doc.root;
  if (typeof root['version'] === 'number') model.lockVersion = String(root['version']);
  if (str(root['requires-python'])) model.requiresPython = str(root['requires-python'])!;
  const packages = Array.isArray(root['package']) ? root['package'] : [];
  packages.forEach((t, i) => {
    if (!isTable(t)) return;
    const at = ['package', i];
    const p = lockedPackage(doc, at, t);
    if (!p) return;
    const source = t['source'];
    if (isTable(source)) {
      const [kind, value] = Object.entries(source)[0] ?? [];
      if (kind && typeof value === 'string') p.source = { kind, value };
    }
    p.dependencies = uvDependencies(t['dependencies']);
    for (const [key, field] of [['optional-dependencies', 'optionalDependencies'], ['dev-dependencies', 'groupDependencies']] as const) {
      const table = t[key];
      if (isTable(table)) for (const [g, list] of Object.entries(table)) p[field][normalizeName(g)] = uvDependencies(list);
    }
    const wheels = t['wheels'];
    if (Array.isArray(wheels)) wheels.forEach((w, j) => {
      const f = lockedFile(doc, [...at, 'wheels', j], w);
      if (f) p.wheels.push(f);
    });
    const sdist = lockedFile(doc, [...at, 'sdist'], t['sdist']);
    if (sdist) p.sdist = sdist;
    model.packages.push(p);
  });
  return model;
}

/** Poetry's and PDM's `name = "constraint"` / `name = { version = …, markers = … }` dependency tables. */
function tableDependencies(v: unknown): LockedDependency[] {
  if (!isTable(v)) return [];
  return Object.entries(v).map(([name, c]) => {
    const entry = Array.isArray(c) ? c[0] : c;
    const constraint = typeof entry === 'string' ? entry : isTable(entry) ? str(entry['version']) ?? '*' : '*';
    const marker = isTable(entry) ? str(entry['markers']) : undefined;
    const extras = isTable(entry) && Array.isArray(entry['extras']) ? entry['extras'].filter((x): x is string => typeof x === 'string').map(normalizeName) : [];
    const specifier = poetryToPep440(constraint);
    return { name, normalizedName: normalizeName(name), extras, ...(marker ? { marker } : {}), ...(specifier !== undefined ? { specifier } : {}) };
  });
}

/** PEP 508 strings (PDM's `dependencies`, Poetry's `[package.extras]`), read by the requirements parser. */
function pep508Dependencies(list: unknown): LockedDependency[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((s) => (typeof s === 'string' ? pep508String(s) : []));
}

function pep508String(s: string): LockedDependency[] {
  const L = new Logical(s, [...Array(s.length).keys()], new LineIndex(s), s.length);
  const r = parseRequirementText(L, s.length, [], []);
  if (!r.name) return [];
  const specifier = r.specifiers.map((x) => `${x.operator}${x.version}`).join(',');
  return [{ name: r.name, normalizedName: normalizeName(r.name), extras: r.extras.map((x) => x.normalizedName), ...(r.marker ? { marker: r.marker.text } : {}), ...(specifier ? { specifier } : {}) }];
}

export function buildPoetryLockModel(text: string): LockFileModel {
  const { doc, model } = tomlLock('poetry', text);
  const root = doc.root;
  const meta = isTable(root['metadata']) ? root['metadata'] : {};
  if (str(meta['content-hash'])) {
    model.contentHash = str(meta['content-hash'])!;
    model.contentHashRange = doc.range(['metadata', 'content-hash']) ?? ZERO;
  }
  if (str(meta['lock-version'])) model.lockVersion = str(meta['lock-version'])!;
  if (str(meta['python-versions'])) model.requiresPython = str(meta['python-versions'])!;
  // Poetry before 1.2 listed files under `[metadata.files]`, keyed by package name.
  const metaFiles = isTable(meta['files']) ? meta['files'] : {};
  const packages = Array.isArray(root['package']) ? root['package'] : [];
  packages.forEach((t, i) => {
    if (!isTable(t)) return;
    const at = ['package', i];
    const p = lockedPackage(doc, at, t);
    if (!p) return;
    const groups = Array.isArray(t['groups']) ? t['groups'].filter((g): g is string => typeof g === 'string') : str(t['category']) ? [str(t['category'])!] : ['main'];
    p.groups = groups;
    if (t['optional'] === true) p.optional = true;
    const markers = t['markers'];
    if (typeof markers === 'string') p.marker = markers;
    const source = t['source'];
    if (isTable(source) && str(source['type'])) p.source = { kind: str(source['type'])!, value: str(source['url']) ?? '' };
    p.dependencies = tableDependencies(t['dependencies']);
    const extras = t['extras'];
    if (isTable(extras)) for (const [x, list] of Object.entries(extras)) p.optionalDependencies[normalizeName(x)] = (Array.isArray(list) ? list : []).flatMap((s) => (typeof s === 'string' ? pep508String(s) : []));
    const files = Array.isArray(t['files']) ? { list: t['files'], path: [...at, 'files'] } : Array.isArray(metaFiles[p.name]) ? { list: metaFiles[p.name] as unknown[], path: ['metadata', 'files', p.name] } : undefined;
    files?.list.forEach((f, j) => addFile(doc, p, [...files.path, j], f));
    model.packages.push(p);
  });
  return model;
}

function addFile(doc: TomlDocument, p: LockedPackage, at: TomlPath, f: unknown): void {
  const file = lockedFile(doc, at, f);
  if (!file) return;
  if (file.tags) p.wheels.push(file);
  else p.sdist ??= file;
}

export function buildPdmLockModel(text: string): LockFileModel {
  const { doc, model } = tomlLock('pdm', text);
  const root = doc.root;
  const meta = isTable(root['metadata']) ? root['metadata'] : {};
  if (str(meta['content_hash'])) {
    model.contentHash = str(meta['content_hash'])!;
    model.contentHashRange = doc.range(['metadata', 'content_hash']) ?? ZERO;
  }
  if (str(meta['lock_version'])) model.lockVersion = str(meta['lock_version'])!;
  if (str(meta['requires_python'])) model.requiresPython = str(meta['requires_python'])!;
  if (Array.isArray(meta['groups'])) model.groups = meta['groups'].filter((g): g is string => typeof g === 'string');
  const packages = Array.isArray(root['package']) ? root['package'] : [];
  packages.forEach((t, i) => {
    if (!isTable(t)) return;
    const at = ['package', i];
    const p = lockedPackage(doc, at, t);
    if (!p) return;
    p.groups = Array.isArray(t['groups']) ? t['groups'].filter((g): g is string => typeof g === 'string') : ['default'];
    if (str(t['marker'])) p.marker = str(t['marker'])!;
    p.dependencies = pep508Dependencies(t['dependencies']);
    const direct = str(t['git']) ?? str(t['path']) ?? str(t['url']);
    if (direct) p.source = { kind: t['git'] ? 'git' : t['path'] ? 'path' : 'url', value: direct };
    if (Array.isArray(t['files'])) t['files'].forEach((f, j) => addFile(doc, p, [...at, 'files', j], f));
    model.packages.push(p);
  });
  return model;
}

/**
 * Pipfile.lock is JSON. JSON.parse says whether it is valid and where it is not; the yaml library (JSON is YAML
 * 1.2) then gives each key and value its offsets.
 */
export function buildPipfileLockModel(text: string): LockFileModel {
  const lines = new LineIndex(text);
  const model: LockFileModel = { tool: 'pipenv', text, lines, packages: [], problems: [] };
  const toRange = (a: number, b: number): Range => ({ start: lines.positionAt(a), end: lines.positionAt(b) });
  try {
    JSON.parse(text);
  } catch (err) {
    const msg = (err as Error).message;
    const at = /position (\d+)/.exec(msg)?.[1];
    const off = at !== undefined ? Number(at) : text.length;
    model.problems.push({ message: msg.replace(/ in JSON at position \d+.*$/, '').replace(/^JSON\.parse: /, ''), range: toRange(off, Math.min(text.length, off + 1)) });
    return model;
  }
  const doc = parseDocument(text, { uniqueKeys: false });
  const root = doc.contents;
  if (!isMap(root)) return model;
  const get = (map: YamlNode | null | undefined, key: string): YamlNode | undefined => {
    if (!isMap(map)) return undefined;
    const pair = map.items.find((it) => isScalar(it.key) && it.key.value === key);
    return (pair?.value ?? undefined) as YamlNode | undefined;
  };
  const meta = get(root, '_meta');
  const sha = get(get(meta, 'hash'), 'sha256');
  if (isScalar(sha) && typeof sha.value === 'string' && sha.range) {
    model.contentHash = sha.value;
    model.contentHashRange = toRange(sha.range[0], sha.range[1]);
  }
  const spec = get(meta, 'pipfile-spec');
  if (isScalar(spec)) model.lockVersion = String(spec.value);
  for (const group of ['default', 'develop']) {
    const section = get(root, group);
    if (!isMap(section)) continue;
    for (const pair of section.items) {
      if (!isScalar(pair.key) || typeof pair.key.value !== 'string' || !pair.key.range) continue;
      const name = pair.key.value;
      const value = pair.value as YamlNode | null;
      const v = get(value, 'version');
      const versionText = isScalar(v) && typeof v.value === 'string' ? v.value : undefined;
      const marker = get(value, 'markers');
      const end = value?.range?.[1] ?? pair.key.range[1];
      const existing = model.packages.find((p) => p.normalizedName === normalizeName(name));
      if (existing) {
        existing.groups.push(group);
        continue;
      }
      const p: LockedPackage = {
        name,
        normalizedName: normalizeName(name),
        // Pipenv writes `==3.0.0`: the pin is the version.
        ...(versionText !== undefined ? { version: versionText.replace(/^===?/, '') } : {}),
        // The key's range includes its quotes; the name is inside them.
        nameRange: toRange(pair.key.range[0] + 1, pair.key.range[1] - 1),
        ...(isScalar(v) && v.range ? { versionRange: toRange(v.range[0] + 1 + (versionText?.match(/^===?/)?.[0].length ?? 0), v.range[1] - 1) } : {}),
        range: toRange(pair.key.range[0], end),
        groups: [group],
        ...(isScalar(marker) && typeof marker.value === 'string' ? { marker: marker.value } : {}),
        dependencies: [],
        optionalDependencies: {},
        groupDependencies: {},
        wheels: [],
      };
      const git = get(value, 'git');
      const path = get(value, 'path') ?? get(value, 'file');
      if (isScalar(git)) p.source = { kind: 'git', value: String(git.value) };
      else if (isScalar(path)) p.source = { kind: 'path', value: String(path.value) };
      const index = get(value, 'index');
      if (!p.source && isScalar(index)) p.source = { kind: 'registry', value: String(index.value) };
      model.packages.push(p);
    }
  }
  return model;
}

/** The lock model for a file name (`uv.lock`, `poetry.lock`, `pdm.lock`, `Pipfile.lock`), or undefined for another file. */
export function buildLockModel(fileName: string, text: string): LockFileModel | undefined {
  const base = fileName.split(/[\\/]/).pop() ?? fileName;
  if (base === 'uv.lock') return buildUvLockModel(text);
  if (base === 'poetry.lock') return buildPoetryLockModel(text);
  if (base === 'pdm.lock') return buildPdmLockModel(text);
  if (base === 'Pipfile.lock') return buildPipfileLockModel(text);
  return undefined;
}

/** The package whose entry holds a position (for hovers). */
export function lockedPackageAt(model: LockFileModel, p: { line: number; character: number }): LockedPackage | undefined {
  const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character <= b.character);
  return model.packages.find((k) => before(k.range.start, p) && before(p, k.range.end));
}
