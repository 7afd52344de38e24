// PEP 508 environment markers evaluated for a container's interpreter and platform, on the tree pip-requirements-js parses.
import { parsePipRequirementsLine, type EnvironmentMarker } from 'pip-requirements-js';
import { satisfies } from '@renovatebot/pep440';

/** The marker variables of a Linux CPython target. */
export interface MarkerEnvironment {
  /** `3.12` (or `3.12.7`: the minor is taken for `python_version`). */
  pythonVersion: string;
  /** `x86_64` or `aarch64`. */
  machine: string;
  /** The extras being installed (for `extra == "…"`). */
  extras?: readonly string[];
}

const trees = new Map<string, EnvironmentMarker | null>();

function treeOf(marker: string): EnvironmentMarker | null {
  let t = trees.get(marker);
  if (t === undefined) {
    try {
      const parsed = parsePipRequirementsLine(`x;${marker}`);
      t = parsed && 'environmentMarkerTree' in parsed ? (parsed.environmentMarkerTree ?? null) : null;
    } catch {
      t = null;
    }
    if (trees.size >= 4096) trees.delete(trees.keys().next().value as string);
    trees.set(marker, t);
  }
  return t;
}

/** Whether a marker holds on the target; undefined when it does not parse (callers then count the dependency). */
export function markerHolds(marker: string, env: MarkerEnvironment): boolean | undefined {
  const tree = treeOf(marker);
  if (!tree) return undefined;
  return evaluate(tree, env);
}

function variable(name: string, env: MarkerEnvironment): string | undefined {
  const minor = /^(\d+\.\d+)/.exec(env.pythonVersion)?.[1] ?? env.pythonVersion;
  const full = /^\d+\.\d+\.\d+/.test(env.pythonVersion) ? env.pythonVersion : `${minor}.0`;
  switch (name) {
    case 'python_version':
      return minor;
    case 'python_full_version':
    case 'implementation_version':
      return full;
    case 'os_name':
      return 'posix';
    case 'sys_platform':
      return 'linux';
    case 'platform_system':
      return 'Linux';
    case 'platform_machine':
      return env.machine;
    case 'platform_python_implementation':
      return 'CPython';
    case 'implementation_name':
      return 'cpython';
    default:
      return undefined;
  }
}

const VERSION_VARS = new Set(['python_version', 'python_full_version', 'implementation_version']);

function evaluate(t: EnvironmentMarker, env: MarkerEnvironment): boolean {
  if ('left' in t && typeof t.left === 'object') {
    const node = t as Extract<EnvironmentMarker, { operator: 'and' | 'or' }>;
    const l = evaluate(node.left, env);
    const r = evaluate(node.right, env);
    return node.operator === 'and' ? l && r : l || r;
  }
  const leaf = t as Extract<EnvironmentMarker, { left: string }>;
  const quoted = (s: string): string | undefined => (/^(['"]).*\1$/s.test(s) ? s.slice(1, -1) : undefined);
  const left = String(leaf.left);
  const right = String(leaf.right);
  const op = String(leaf.operator);
  const varName = quoted(left) === undefined ? left : right;
  const literal = quoted(left) ?? quoted(right) ?? '';
  const literalOnLeft = quoted(left) !== undefined;
  if (varName === 'extra') {
    const extras = env.extras ?? [];
    const norm = literal.replace(/[-_.]+/g, '-').toLowerCase();
    const has = extras.includes(norm);
    return op === '==' ? has : op === '!=' ? !has : false;
  }
  const value = variable(varName, env);
  if (value === undefined) return true;
  const [a, b] = literalOnLeft ? [literal, value] : [value, literal];
  if (op === 'in') return b.includes(a);
  if (op === 'not in') return !b.includes(a);
  if (VERSION_VARS.has(varName) && /^[\d.*]+$/.test(literal)) {
    // `python_version < '3.11'`: a version comparison (flipped when the literal is written first).
    const flip: Record<string, string> = { '<': '>', '>': '<', '<=': '>=', '>=': '<=' };
    const o = literalOnLeft ? (flip[op] ?? op) : op;
    try {
      return satisfies(value, `${o}${literal}`);
    } catch {
      return true;
    }
  }
  if (op === '==' || op === '===') return a === b;
  if (op === '!=') return a !== b;
  return true;
}
