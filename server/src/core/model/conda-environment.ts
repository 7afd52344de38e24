// What a conda environment.yml asks for: channels, conda packages (`numpy=1.26`), and the pip list, each with its range.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import { normalizeName } from '../parse/requirements';
import { parseRequirementText } from '../parse/requirements/pep508';
import { Logical } from '../parse/requirements/lines';
import type { TomlProblem } from '../parse/toml';
import { LineIndex } from '../text';
import type { Range } from '../types';

export interface CondaDependency {
  /** `conda` for the package list, `pip` for the entries under `- pip:`. */
  installer: 'conda' | 'pip';
  name: string;
  normalizedName: string;
  /** `conda-forge::numpy`: the channel named in the entry. */
  channel?: string;
  /** The version constraint as written (`=1.26`, `>=1.26,<2`, `==3.0.0`), `''` for none. */
  constraint: string;
  nameRange: Range;
  versionRange?: Range;
  range: Range;
}

export interface CondaEnvironment {
  text: string;
  lines: LineIndex;
  name?: string;
  channels: string[];
  dependencies: CondaDependency[];
  problems: TomlProblem[];
}

// A conda match spec's name part: channel (optional), then the package name, then the version and build.
const MATCH_SPEC = /^(?:([^:\s]+)::)?([A-Za-z0-9_][A-Za-z0-9._-]*)\s*(.*)$/;

export function buildCondaEnvironmentModel(text: string): CondaEnvironment {
  const lines = new LineIndex(text);
  const env: CondaEnvironment = { text, lines, channels: [], dependencies: [], problems: [] };
  const toRange = (a: number, b: number): Range => ({ start: lines.positionAt(a), end: lines.positionAt(b) });
  const doc = parseDocument(text, { prettyErrors: false });
  for (const err of doc.errors) env.problems.push({ message: err.message.split('\n')[0]!, range: toRange(err.pos[0], Math.max(err.pos[0], err.pos[1])) });
  const root = doc.contents;
  if (!isMap(root)) return env;
  const get = (key: string): YamlNode | undefined => root.items.find((it) => isScalar(it.key) && it.key.value === key)?.value as YamlNode | undefined;
  const name = get('name');
  if (isScalar(name) && typeof name.value === 'string') env.name = name.value;
  const channels = get('channels');
  if (isSeq(channels)) for (const c of channels.items) if (isScalar(c) && typeof c.value === 'string') env.channels.push(c.value);
  const deps = get('dependencies');
  if (!isSeq(deps)) return env;
  for (const item of deps.items) {
    if (isScalar(item) && item.range) {
      const spec = String(item.value);
      // A plain scalar's source is its text; a quoted one starts one character later.
      const start = item.range[0] + (item.type === 'QUOTE_DOUBLE' || item.type === 'QUOTE_SINGLE' ? 1 : 0);
      const m = MATCH_SPEC.exec(spec);
      if (!m) continue;
      const nameStart = start + (m[1] ? m[1].length + 2 : 0);
      const nameEnd = nameStart + m[2]!.length;
      const rest = m[3]!.trim();
      const restStart = rest ? start + spec.indexOf(rest, m[0].length - m[3]!.length) : nameEnd;
      env.dependencies.push({
        installer: 'conda',
        name: m[2]!,
        normalizedName: normalizeName(m[2]!),
        ...(m[1] ? { channel: m[1] } : {}),
        constraint: rest,
        nameRange: toRange(nameStart, nameEnd),
        ...(rest ? { versionRange: toRange(restStart, restStart + rest.length) } : {}),
        range: toRange(item.range[0], item.range[1]),
      });
    } else if (isMap(item)) {
      const pip = item.items.find((it) => isScalar(it.key) && it.key.value === 'pip')?.value;
      if (!isSeq(pip)) continue;
      for (const p of pip.items) {
        if (!isScalar(p) || typeof p.value !== 'string' || !p.range) continue;
        const quoted = p.type === 'QUOTE_DOUBLE' || p.type === 'QUOTE_SINGLE';
        const s = p.value;
        const base = p.range[0] + (quoted ? 1 : 0);
        const L = new Logical(s, [...Array(s.length).keys()].map((i) => base + i), lines, base + s.length);
        const r = parseRequirementText(L, s.length, [], []);
        if (!r.name || !r.nameRange) continue;
        const first = r.specifiers[0];
        const last = r.specifiers[r.specifiers.length - 1];
        env.dependencies.push({
          installer: 'pip',
          name: r.name,
          normalizedName: normalizeName(r.name),
          constraint: r.specifiers.map((x) => `${x.operator}${x.version}`).join(','),
          nameRange: r.nameRange,
          ...(first && last ? { versionRange: { start: first.range.start, end: last.range.end } } : {}),
          range: toRange(p.range[0], p.range[1]),
        });
      }
    }
  }
  return env;
}
