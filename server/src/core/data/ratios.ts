// Installed (unpacked) size over wheel size: measured per package, and medians with IQR per kind of wheel.
import data from './generated/ratios.json';
import type { TableMeta } from './provenance';
import { normalizePackageName } from './wheels';

export type WheelKind = 'pure' | 'binary';

export interface Multiplier {
  /** Median of installed/wheel. */
  readonly typical: number;
  /** Lower quartile. */
  readonly low: number;
  /** Upper quartile. */
  readonly high: number;
  /** Sum of installed over sum of wheel bytes: what a large install tends to. */
  readonly sizeWeighted: number;
  /** Number of measured distributions. */
  readonly n: number;
  readonly source: string;
  readonly asOf: string;
}

export interface MeasuredRatio {
  readonly name: string;
  readonly installedVersion: string;
  readonly wheelVersion: string;
  readonly wheelFile: string;
  readonly wheelBytes: number;
  readonly installedBytesNoPyc: number;
  readonly pycBytes: number;
  readonly installedBytesWithPyc: number;
  readonly kind: WheelKind;
  /** `exact version` or `nearby version X`. */
  readonly match: string;
  readonly wheelSizeSource: string;
}

interface Summary {
  n: number;
  median: number;
  low: number;
  high: number;
  weighted: number;
}

type MeasuredRow = [string, string, string, number, number, number, WheelKind, string, string];

const table = data as unknown as {
  meta: TableMeta;
  summaries: Record<WheelKind | 'all', { noPyc: Summary; withPyc: Summary }>;
  measured: Record<string, MeasuredRow>;
  debian: { meta: TableMeta; n: number; median: number; low: number; high: number };
};

export const ratiosMeta: TableMeta = table.meta;

// In words a user can check (the table's own file name and build script are not sources).
const SOURCE = `installed sizes of ${table.summaries.all.withPyc.n} distributions measured with pip on CPython 3.11, wheel sizes from PyPI (${table.meta.collected})`;

/**
 * installed ≈ multiplier × wheel bytes. `pyc: true` is pip's default (byte-compiles on install); uv does not
 * compile unless asked (`UV_COMPILE_BYTECODE`), nor does `pip install --no-compile`.
 */
export function installedMultiplier(kind: WheelKind | 'all', options: { pyc: boolean }): Multiplier {
  const s = table.summaries[kind][options.pyc ? 'withPyc' : 'noPyc'];
  return { typical: s.median, low: s.low, high: s.high, sizeWeighted: s.weighted, n: s.n, source: SOURCE, asOf: table.meta.collected };
}

export function measuredRatio(name: string): MeasuredRatio | undefined {
  const key = normalizePackageName(name);
  const row = Object.prototype.hasOwnProperty.call(table.measured, key) ? table.measured[key] : undefined;
  if (!row) return undefined;
  const [installedVersion, wheelVersion, wheelFile, wheelBytes, installedBytesNoPyc, pycBytes, kind, match, wheelSizeSource] = row;
  return {
    name: key,
    installedVersion,
    wheelVersion,
    wheelFile,
    wheelBytes,
    installedBytesNoPyc,
    pycBytes,
    installedBytesWithPyc: installedBytesNoPyc + pycBytes,
    kind,
    match,
    wheelSizeSource,
  };
}

/** Debian python3-* Installed-Size over .deb size: secondary evidence, for sanity checks only. */
export function debianDebMultiplier(): Multiplier {
  const d = table.debian;
  return {
    typical: d.median,
    low: d.low,
    high: d.high,
    sizeWeighted: d.median,
    n: d.n,
    source: `Debian 13 trixie Packages index: python3-* .deb size against Installed-Size (${d.meta.collected}); secondary evidence`,
    asOf: d.meta.collected,
  };
}
