// Full wheel closures of a few heavy packages (torch CUDA, tensorflow, transformers, opencv) for linux x86_64 cp312.
import data from './generated/dependency-closures.json';
import type { TableMeta } from './provenance';
import { normalizePackageName } from './wheels';

export interface ClosureWheel {
  readonly name: string;
  readonly version: string;
  readonly wheelBytes: number;
  readonly wheelFile: string;
}

export interface DependencyClosure {
  readonly root: string;
  readonly version: string;
  /** Sum of all wheels in the closure, the root included. */
  readonly totalBytes: number;
  readonly packages: readonly ClosureWheel[];
  /** Target the closure was resolved for. */
  readonly target: 'linux x86_64 cp312';
  readonly source: string;
}

const table = data as unknown as {
  meta: TableMeta;
  roots: Record<string, { version: string; source: string; totalBytes: number; packages: [string, string, number, string][] }>;
};

export const dependencyClosuresMeta: TableMeta = table.meta;

export function dependencyClosure(root: string): DependencyClosure | undefined {
  const key = normalizePackageName(root);
  const e = Object.prototype.hasOwnProperty.call(table.roots, key) ? table.roots[key] : undefined;
  if (!e) return undefined;
  return {
    root: key,
    version: e.version,
    totalBytes: e.totalBytes,
    packages: e.packages.map(([name, version, wheelBytes, wheelFile]) => ({ name, version, wheelBytes, wheelFile })),
    target: 'linux x86_64 cp312',
    source: e.source,
  };
}

export function dependencyClosureRoots(): string[] {
  return Object.keys(table.roots);
}
