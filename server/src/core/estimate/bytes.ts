// Arithmetic and formatting for byte estimates (typical with a low–high range).
import type { E } from './types';

export const ZERO: E = { typical: 0, low: 0, high: 0 };

export function exact(n: number): E {
  return { typical: n, low: n, high: n };
}

export function e(typical: number, low: number, high: number): E {
  return { typical, low: Math.min(low, typical), high: Math.max(high, typical) };
}

export function add(...xs: E[]): E {
  const out = { typical: 0, low: 0, high: 0 };
  for (const x of xs) {
    out.typical += x.typical;
    out.low += x.low;
    out.high += x.high;
  }
  return out;
}

export function sub(a: E, b: E): E {
  return { typical: Math.max(0, a.typical - b.typical), low: Math.max(0, a.low - b.high), high: Math.max(0, a.high - b.low) };
}

/** `x` times a factor with its own range. */
export function scale(x: E, f: { typical: number; low: number; high: number }): E {
  return { typical: x.typical * f.typical, low: x.low * f.low, high: x.high * f.high };
}

export function round(x: E): E {
  return { typical: Math.round(x.typical), low: Math.round(x.low), high: Math.round(x.high) };
}

/** Decimal units, as `docker images` prints them: `1.2 GB`, `430 MB`, `12.5 kB`. */
export function formatBytes(n: number): string {
  const abs = Math.abs(n);
  if (abs >= 1e9) return `${trim(n / 1e9, 2)} GB`;
  if (abs >= 1e6) return `${trim(n / 1e6, abs >= 1e8 ? 0 : 1)} MB`;
  if (abs >= 1e3) return `${trim(n / 1e3, abs >= 1e5 ? 0 : 1)} kB`;
  return `${Math.round(n)} B`;
}

function trim(v: number, digits: number): string {
  return v.toFixed(digits).replace(/\.0+$/, '').replace(/(\.\d*?)0+$/, '$1');
}

/** How wide a range may be and still tell the user something: beyond high = 4 × low the size is "unknown". */
export const USEFUL_RANGE_FACTOR = 4;

/** A range too wide to be an estimate (high more than 4× low, or a zero low under a non-zero high). */
export function uselessRange(x: E): boolean {
  return x.high > USEFUL_RANGE_FACTOR * x.low;
}

/**
 * `≈ 430 MB (380–520 MB)`; a single value when the range is empty; `unknown size (…)` with the span and why when
 * the range is too wide to mean anything.
 */
export function formatE(x: E): string {
  if (x.low === x.high) return formatBytes(x.typical);
  if (uselessRange(x)) return `unknown size (${formatBytes(x.low)}–${formatBytes(x.high)}: the data does not narrow it further)`;
  return `≈ ${formatBytes(x.typical)} (${formatBytes(x.low)}–${formatBytes(x.high)})`;
}

/** Parses `500MB`, `1.5 GB`, `700M`, `2GiB`, `123456` (bytes). */
export function parseSize(text: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kmgt]?i?b?)?\s*$/i.exec(text);
  if (!m) return undefined;
  const v = Number(m[1]);
  const unit = (m[2] ?? '').toLowerCase();
  const binary = unit.includes('i');
  const p = unit.replace(/i?b?$/, '');
  const pow = { '': 0, k: 1, m: 2, g: 3, t: 4 }[p];
  if (pow === undefined) return undefined;
  return Math.round(v * (binary ? 1024 : 1000) ** pow);
}
