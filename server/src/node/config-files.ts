// Finds and reads configuration files (`.layerwise.toml`, `[tool.layerwise]` in pyproject.toml, JSON) for the CLI and the server.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse as parseToml } from 'smol-toml';
import { defaultConfig, mergeConfig, readConfigObject, type LayerwiseConfig } from '../core/config';

export interface LoadedConfig {
  config: LayerwiseConfig;
  /** Files that contributed, nearest last. */
  sources: string[];
  problems: string[];
}

/** Reads one config file: TOML (`.layerwise.toml`, `pyproject.toml` → `[tool.layerwise]`) or JSON. */
export function readConfigFile(path: string): { config: Partial<LayerwiseConfig>; problems: string[] } {
  const text = readFileSync(path, 'utf8');
  let obj: unknown;
  try {
    if (path.endsWith('.json')) obj = JSON.parse(text);
    else {
      const toml = parseToml(text) as Record<string, unknown>;
      obj = path.endsWith('pyproject.toml') ? (toml['tool'] as Record<string, unknown> | undefined)?.['layerwise'] : toml;
    }
  } catch (err) {
    return { config: {}, problems: [`${path}: ${(err as Error).message.split('\n')[0]}`] };
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

export function loadConfig(startDir: string, explicit?: string, extra?: Partial<LayerwiseConfig>): LoadedConfig {
  let config = defaultConfig();
  const sources: string[] = [];
  const problems: string[] = [];
  const file = explicit ?? findProjectConfig(startDir);
  if (file) {
    const r = readConfigFile(file);
    config = mergeConfig(config, r.config);
    sources.push(file);
    problems.push(...r.problems);
  }
  if (extra) config = mergeConfig(config, extra);
  return { config, sources, problems };
}
