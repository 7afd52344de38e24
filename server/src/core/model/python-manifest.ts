// What a Python project declares: pyproject.toml (PEP 621, PEP 735, Poetry, uv, PDM) and Pipfile, each dependency with the ranges of its name and version.
import { parseRequirementText } from '../parse/requirements/pep508';
import type { ParseError } from '../parse/requirements/types';
import { normalizeName } from '../parse/requirements';
import { parseTomlDocument, type TomlDocument, type TomlPath, type TomlProblem } from '../parse/toml';
import type { Range } from '../types';

/** Where a dependency is declared: the project's own list, an extra (optional dependencies) or a named group (dev, test, …). */
export type DependencyGroupKind = 'main' | 'extra' | 'group';

export interface ManifestDependency {
  name: string;
  normalizedName: string;
  nameRange: Range;
  /** The PEP 440 specifier set (`>=3.0,<4`), `''` for any version; undefined when the constraint has no PEP 440 form. */
  specifier: string | undefined;
  /** The constraint as written: PEP 440, or Poetry's `^1.2` / `~1.2` / `*`. */
  constraint: string;
  /** The version part of the entry (inside the string), when written. */
  versionRange?: Range;
  extras: string[];
  marker?: string;
  groupKind: DependencyGroupKind;
  /** `main`, the extra's name, or the group's name (Poetry's legacy `dev-dependencies` and uv's and PDM's dev lists: `dev`). */
  group: string;
  /** The whole entry: the string, or key through value. */
  range: Range;
  /** Not from an index: a git URL, a path or a URL (Poetry and Pipfile tables, PEP 508 `name @ url`). */
  direct?: string;
  /** Poetry's `optional = true` (installed only through an extra). */
  optional?: boolean;
  declaredBy: 'project' | 'dependency-groups' | 'poetry' | 'uv' | 'pdm' | 'pipenv';
}

export interface PackageIndex {
  name?: string;
  url: string;
  explicit?: boolean;
  range: Range;
}

export interface PythonManifest {
  kind: 'pyproject' | 'pipfile';
  doc: TomlDocument;
  /** `[project] name`, or `[tool.poetry] name`. */
  projectName?: string;
  /** `requires-python`, Poetry's `python` dependency, or Pipfile's `[requires] python_version` (as `==3.12.*`). */
  requiresPython?: string;
  requiresPythonRange?: Range;
  dependencies: ManifestDependency[];
  /** Group names in declaration order, each once (`main` first when there are project dependencies). */
  groups: string[];
  /** Groups Poetry marks `optional = true` (not installed unless `--with`). */
  optionalGroups: string[];
  /** `[tool.uv.sources]` / Poetry `source =`: package name → index or source the tool takes it from. */
  sources: Record<string, { index?: string; direct?: string; range: Range }>;
  /** `[[tool.uv.index]]`, `[[tool.poetry.source]]`, `[[tool.pdm.source]]`, Pipfile `[[source]]`. */
  indexes: PackageIndex[];
  /** `[tool.poetry] package-mode = false`, `[tool.uv] package = false`, `[tool.pdm] distribution = false`. */
  packageMode?: boolean;
  /** Which tools' tables the file has (`poetry`, `uv`, `pdm`), for telling which manager the project uses. */
  tools: string[];
  problems: TomlProblem[];
}

type Table = Record<string, unknown>;
const isTable = (v: unknown): v is Table => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function buildPyprojectModel(text: string): PythonManifest {
  const doc = parseTomlDocument(text);
  const m = emptyManifest('pyproject', doc);
  const root = doc.root;
  const project = isTable(root['project']) ? root['project'] : undefined;
  const tool = isTable(root['tool']) ? root['tool'] : {};
  const poetry = isTable(tool['poetry']) ? tool['poetry'] : undefined;
  const uv = isTable(tool['uv']) ? tool['uv'] : undefined;
  const pdm = isTable(tool['pdm']) ? tool['pdm'] : undefined;
  m.tools = ['poetry', 'uv', 'pdm'].filter((t) => isTable(tool[t]));
  if (project) {
    m.projectName = str(project['name']);
    const rp = str(project['requires-python']);
    if (rp !== undefined) {
      m.requiresPython = rp;
      m.requiresPythonRange = doc.range(['project', 'requires-python']);
    }
    pep508List(m, ['project', 'dependencies'], project['dependencies'], 'main', 'main', 'project');
    const optional = project['optional-dependencies'];
    if (isTable(optional)) for (const [extra, list] of Object.entries(optional)) pep508List(m, ['project', 'optional-dependencies', extra], list, 'extra', normalizeName(extra), 'project');
  }
  const groups = root['dependency-groups'];
  if (isTable(groups)) for (const [g, list] of Object.entries(groups)) pep508List(m, ['dependency-groups', g], list, 'group', normalizeName(g), 'dependency-groups');
  if (poetry) poetryTables(m, poetry);
  if (uv) {
    pep508List(m, ['tool', 'uv', 'dev-dependencies'], uv['dev-dependencies'], 'group', 'dev', 'uv');
    if (uv['package'] === false) m.packageMode = false;
    const sources = uv['sources'];
    if (isTable(sources)) {
      for (const [name, s] of Object.entries(sources)) {
        if (!isTable(s)) continue;
        const direct = str(s['git']) ?? str(s['path']) ?? str(s['url']) ?? (s['workspace'] === true ? 'workspace' : undefined);
        m.sources[normalizeName(name)] = { ...(str(s['index']) ? { index: str(s['index'])! } : {}), ...(direct ? { direct } : {}), range: doc.range(['tool', 'uv', 'sources', name]) ?? ZERO };
      }
    }
    indexList(m, ['tool', 'uv', 'index'], uv['index']);
  }
  if (pdm) {
    const dev = pdm['dev-dependencies'];
    if (isTable(dev)) for (const [g, list] of Object.entries(dev)) pep508List(m, ['tool', 'pdm', 'dev-dependencies', g], list, 'group', normalizeName(g), 'pdm');
    if (pdm['distribution'] === false) m.packageMode = false;
    indexList(m, ['tool', 'pdm', 'source'], pdm['source']);
  }
  m.groups = [...new Set(m.dependencies.filter((d) => d.groupKind !== 'extra').map((d) => d.group))];
  return m;
}

export function buildPipfileModel(text: string): PythonManifest {
  const doc = parseTomlDocument(text);
  const m = emptyManifest('pipfile', doc);
  const root = doc.root;
  for (const [section, group] of [['packages', 'default'], ['dev-packages', 'develop']] as const) {
    const t = root[section];
    if (isTable(t)) for (const [name, v] of Object.entries(t)) tableDependency(m, [section, name], name, v, group === 'default' ? 'main' : 'group', group, 'pipenv');
  }
  // Pipfile's own custom categories (`[docs]`) are further groups; only the two standard ones are read here.
  const requires = root['requires'];
  if (isTable(requires)) {
    const full = str(requires['python_full_version']);
    const minor = str(requires['python_version']);
    if (full ?? minor) {
      m.requiresPython = full ? `==${full}` : `==${minor}.*`;
      m.requiresPythonRange = doc.range(['requires', full ? 'python_full_version' : 'python_version']);
    }
  }
  indexList(m, ['source'], root['source']);
  m.groups = [...new Set(m.dependencies.map((d) => d.group))];
  return m;
}

function emptyManifest(kind: PythonManifest['kind'], doc: TomlDocument): PythonManifest {
  return { kind, doc, dependencies: [], groups: [], optionalGroups: [], sources: {}, indexes: [], tools: [], problems: doc.error ? [doc.error] : [] };
}

function pep508List(m: PythonManifest, path: TomlPath, list: unknown, groupKind: DependencyGroupKind, group: string, declaredBy: ManifestDependency['declaredBy']): void {
  if (!Array.isArray(list)) return;
  list.forEach((item, i) => {
    if (typeof item !== 'string') return; // PEP 735 `{ include-group = "…" }`: followed by the installer, not a dependency itself
    const at = [...path, i];
    const L = m.doc.stringContent(at);
    const range = m.doc.range(at) ?? ZERO;
    if (!L) return;
    const errors: ParseError[] = [];
    const r = parseRequirementText(L, L.text.length, [], errors);
    for (const e of errors) m.problems.push({ message: `\`${L.text}\`: ${e.message}`, range: e.range });
    if (!r.name || !r.nameRange) return;
    const specifier = r.specifiers.map((s) => `${s.operator}${s.version}`).join(',');
    const first = r.specifiers[0];
    const last = r.specifiers[r.specifiers.length - 1];
    m.dependencies.push({
      name: r.name,
      normalizedName: normalizeName(r.name),
      nameRange: r.nameRange,
      specifier,
      constraint: specifier,
      ...(first && last ? { versionRange: { start: first.range.start, end: last.range.end } } : {}),
      extras: r.extras.map((x) => x.normalizedName),
      ...(r.marker ? { marker: r.marker.text } : {}),
      groupKind,
      group,
      range,
      ...(r.url ? { direct: r.url.value } : {}),
      declaredBy,
    });
  });
}

function poetryTables(m: PythonManifest, poetry: Table): void {
  if (!m.projectName) m.projectName = str(poetry['name']);
  if (poetry['package-mode'] === false) m.packageMode = false;
  const deps = poetry['dependencies'];
  if (isTable(deps)) for (const [name, v] of Object.entries(deps)) tableDependency(m, ['tool', 'poetry', 'dependencies', name], name, v, 'main', 'main', 'poetry');
  const legacy = poetry['dev-dependencies'];
  if (isTable(legacy)) for (const [name, v] of Object.entries(legacy)) tableDependency(m, ['tool', 'poetry', 'dev-dependencies', name], name, v, 'group', 'dev', 'poetry');
  const groups = poetry['group'];
  if (isTable(groups)) {
    for (const [g, t] of Object.entries(groups)) {
      if (!isTable(t)) continue;
      if (t['optional'] === true) m.optionalGroups.push(g);
      const gd = t['dependencies'];
      if (isTable(gd)) for (const [name, v] of Object.entries(gd)) tableDependency(m, ['tool', 'poetry', 'group', g, 'dependencies', name], name, v, 'group', g, 'poetry');
    }
  }
  indexList(m, ['tool', 'poetry', 'source'], poetry['source']);
}

/** A `name = "constraint"` or `name = { version = …, extras = […], … }` entry (Poetry, Pipfile). */
function tableDependency(m: PythonManifest, path: TomlPath, name: string, v: unknown, groupKind: DependencyGroupKind, group: string, declaredBy: ManifestDependency['declaredBy']): void {
  const doc = m.doc;
  const span = doc.span(path);
  const range = span ? { start: doc.lines.positionAt(span.key?.[0] ?? span.value[0]), end: doc.lines.positionAt(span.value[1]) } : ZERO;
  const nameRange = doc.range(path, 'key') ?? range;
  // Poetry's multiple-constraints form: a list of tables, each for some Python or platform. The first is kept.
  const entry = Array.isArray(v) ? v[0] : v;
  const entryPath = Array.isArray(v) ? [...path, 0] : path;
  let constraint = '*';
  let versionPath: TomlPath | undefined;
  let extras: string[] = [];
  let marker: string | undefined;
  let direct: string | undefined;
  let optional: boolean | undefined;
  if (typeof entry === 'string') {
    constraint = entry;
    versionPath = entryPath;
  } else if (isTable(entry)) {
    if (typeof entry['version'] === 'string') {
      constraint = entry['version'];
      versionPath = [...entryPath, 'version'];
    }
    if (Array.isArray(entry['extras'])) extras = entry['extras'].filter((x): x is string => typeof x === 'string').map(normalizeName);
    marker = str(entry['markers']);
    direct = str(entry['git']) ?? str(entry['path']) ?? str(entry['url']) ?? str(entry['file']);
    if (entry['optional'] === true) optional = true;
    const source = str(entry['source']) ?? str(entry['index']);
    if (source) m.sources[normalizeName(name)] = { index: source, range };
  }
  if (declaredBy === 'poetry' && normalizeName(name) === 'python') {
    m.requiresPython ??= poetryToPep440(constraint) ?? constraint;
    m.requiresPythonRange ??= versionPath ? doc.range(versionPath) : range;
    return;
  }
  const versionRange = versionPath ? inner(doc, versionPath) : undefined;
  m.dependencies.push({
    name,
    normalizedName: normalizeName(name),
    nameRange,
    specifier: declaredBy === 'pipenv' ? (constraint.trim() === '*' ? '' : constraint.trim()) : poetryToPep440(constraint),
    constraint,
    ...(versionRange ? { versionRange } : {}),
    extras,
    ...(marker ? { marker } : {}),
    groupKind,
    group,
    range,
    ...(direct ? { direct } : {}),
    ...(optional ? { optional } : {}),
    declaredBy,
  });
}

/** A string value's range without its quotes. */
function inner(doc: TomlDocument, path: TomlPath): Range | undefined {
  const L = doc.stringContent(path);
  if (!L) return undefined;
  return L.text.length ? L.range(0, L.text.length) : doc.range(path);
}

function indexList(m: PythonManifest, path: TomlPath, list: unknown): void {
  if (!Array.isArray(list)) return;
  list.forEach((t, i) => {
    if (!isTable(t) || typeof t['url'] !== 'string') return;
    m.indexes.push({
      ...(str(t['name']) ? { name: str(t['name'])! } : {}),
      url: t['url'],
      ...(t['explicit'] === true || t['priority'] === 'explicit' ? { explicit: true } : {}),
      range: m.doc.range([...path, i]) ?? ZERO,
    });
  });
}

/**
 * Poetry's constraint syntax in PEP 440: `^1.2.3` → `>=1.2.3,<2.0.0`, `~1.2` → `>=1.2,<1.3`, `1.2.3` → `==1.2.3`,
 * `*` → `''`; PEP 440 operators pass through. Undefined for what has no PEP 440 form (`||` unions).
 */
export function poetryToPep440(constraint: string): string | undefined {
  const c = constraint.trim();
  if (c === '' || c === '*') return '';
  if (c.includes('||')) return undefined;
  const parts = c.split(/\s*,\s*|\s+(?=[<>=!~^])/).filter(Boolean);
  const out: string[] = [];
  for (const p of parts) {
    const caret = /^\^\s*(\d+(?:\.\d+)*)$/.exec(p);
    const tilde = /^~(?!=)\s*(\d+(?:\.\d+)*)$/.exec(p);
    if (caret) {
      const v = caret[1]!.split('.').map(Number);
      const i = v.findIndex((x) => x !== 0);
      const k = i < 0 ? v.length - 1 : i;
      const upper = v.slice(0, k + 1).map((x, j) => (j === k ? x + 1 : x));
      out.push(`>=${caret[1]}`, `<${upper.join('.')}${v.length > k + 1 ? '.0'.repeat(v.length - k - 1) : ''}`);
    } else if (tilde) {
      const v = tilde[1]!.split('.').map(Number);
      const k = v.length >= 2 ? 1 : 0;
      const upper = v.slice(0, k + 1).map((x, j) => (j === k ? x + 1 : x));
      out.push(`>=${tilde[1]}`, `<${upper.join('.')}`);
    } else if (/^\d/.test(p)) out.push(`==${p}`);
    else if (/^(===|~=|==|!=|<=|>=|<|>)\s*\S+$/.test(p)) out.push(p.replace(/\s+/g, ''));
    else if (/^=\s*\d/.test(p)) out.push(`=${p.replace(/\s+/g, '')}`);
    else return undefined;
  }
  return out.join(',');
}
