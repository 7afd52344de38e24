// PyPI release files per package (wheel and sdist sizes) and the wheel pip would pick for a container's Python.
import data from './generated/wheels.json';
import type { TableMeta } from './provenance';

export interface WheelFile {
  readonly pythonTag: string;
  readonly abiTag: string;
  readonly platformTag: string;
  readonly bytes: number;
  readonly source: string;
  readonly uploadDate: string;
}

export interface PackageRelease {
  /** PEP 503 normalized name. */
  readonly name: string;
  readonly version: string;
  /** Undefined when the lock files recorded no sdist. */
  readonly sdistBytes: number | undefined;
  readonly source: string;
  readonly uploadDate: string;
  /** One of the ~400 popular / data-science packages the data collection targeted. */
  readonly inTargetList: boolean;
  readonly wheels: readonly WheelFile[];
}

export interface WheelTarget {
  /** `3.12`, `3.12.4` (the patch is ignored). */
  readonly pythonVersion: string;
  readonly libc: 'glibc' | 'musl';
  readonly arch: 'x86_64' | 'aarch64';
  /** e.g. `2.36` (bookworm) or `2.41` (trixie): excludes manylinux wheels needing a newer glibc. Unset: any. */
  readonly glibcVersion?: string;
}

export type WheelChoice =
  /** pip installs this wheel. */
  | { readonly kind: 'wheel'; readonly release: PackageRelease; readonly wheel: WheelFile; readonly pure: boolean }
  /** No compatible wheel: pip builds from the sdist (needs a compiler and headers). */
  | { readonly kind: 'sdist'; readonly release: PackageRelease; readonly sdistBytes: number | undefined }
  /** The data cannot tell (files for this target were not collected). */
  | { readonly kind: 'unknown'; readonly release: PackageRelease; readonly reason: string };

type WheelRow = [number, number, number] | [number, number, number, number, string];
type PackageRow = [string, number | null, number, string, number, WheelRow[]];

const table = data as unknown as {
  meta: TableMeta;
  sources: string[];
  tags: string[];
  platforms: string[];
  packages: Record<string, PackageRow>;
};

export const wheelsMeta: TableMeta = table.meta;

/** PEP 503: lower-case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePackageName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

const releaseCache = new Map<string, PackageRelease>();

export function getPackageRelease(name: string): PackageRelease | undefined {
  const key = normalizePackageName(name);
  const cached = releaseCache.get(key);
  if (cached) return cached;
  const row = Object.prototype.hasOwnProperty.call(table.packages, key) ? table.packages[key] : undefined;
  if (!row) return undefined;
  const [version, sdist, src, date, inTarget, wheelRows] = row;
  const source = table.sources[src] ?? '';
  const wheels = wheelRows.map((w): WheelFile => {
    const [pythonTag = '', abiTag = ''] = (table.tags[w[0]] ?? '').split('-');
    return {
      pythonTag,
      abiTag,
      platformTag: table.platforms[w[1]] ?? '',
      bytes: w[2],
      source: w.length === 5 ? (table.sources[w[3]] ?? '') : source,
      uploadDate: w.length === 5 ? w[4] : date,
    };
  });
  const release: PackageRelease = {
    name: key,
    version,
    sdistBytes: sdist ?? undefined,
    source,
    uploadDate: date,
    inTargetList: inTarget === 1,
    wheels,
  };
  releaseCache.set(key, release);
  return release;
}

/** All package names in the table (normalized). */
export function knownPackages(): string[] {
  return Object.keys(table.packages);
}

function pythonMinor(version: string): number | undefined {
  const m = /^3\.(\d+)/.exec(version.trim());
  return m?.[1] ? Number(m[1]) : undefined;
}

/**
 * Rank of an interpreter/abi pair in pip's preference (packaging.tags order), lower is better; undefined when
 * incompatible. `cp312-cp312` < `cp312-abi3` < `cp312-none` < older `cp3x-abi3` < `py3x-none-<platform>` <
 * `cp312-none-any` < `py312-none-any` < `py3-none-any` < older `py3x-none-any`.
 */
function interpreterRank(pythonTag: string, abiTag: string, minor: number, anyPlatform: boolean): number | undefined {
  const cp = /^cp3(\d+)$/.exec(pythonTag);
  const py = /^py3(\d*)$/.exec(pythonTag);
  if (!anyPlatform) {
    if (cp?.[1] !== undefined) {
      const v = Number(cp[1]);
      if (v === minor && abiTag === `cp3${minor}`) return 0;
      if (v === minor && abiTag === 'abi3') return 1;
      if (v === minor && abiTag === 'none') return 2;
      if (v < minor && v >= 2 && abiTag === 'abi3') return 3 + (minor - v);
      return undefined;
    }
    if (py && abiTag === 'none') {
      if (py[1] === '') return 101;
      const v = Number(py[1]);
      return v === minor ? 100 : v < minor ? 101 + (minor - v) : undefined;
    }
    return undefined;
  }
  if (abiTag !== 'none') return undefined;
  if (cp?.[1] !== undefined) return Number(cp[1]) === minor ? 200 : undefined;
  if (py) {
    if (py[1] === '') return 202;
    const v = Number(py[1]);
    return v === minor ? 201 : v < minor ? 202 + (minor - v) : undefined;
  }
  return undefined;
}

const LEGACY_MANYLINUX: Readonly<Record<string, number>> = { manylinux1: 5, manylinux2010: 12, manylinux2014: 17 };

/** Rank of one platform tag for the target, lower is better (newest compatible glibc/musl first); undefined if incompatible. */
function platformRank(tag: string, target: WheelTarget): number | undefined {
  if (tag === 'any') return 0;
  const suffix = `_${target.arch}`;
  if (!tag.endsWith(suffix)) return undefined;
  const base = tag.slice(0, -suffix.length);
  if (target.libc === 'glibc') {
    let glibcMinor: number | undefined;
    const modern = /^manylinux_2_(\d+)$/.exec(base);
    if (modern?.[1]) glibcMinor = Number(modern[1]);
    else glibcMinor = LEGACY_MANYLINUX[base];
    if (glibcMinor === undefined) return undefined;
    const limit = target.glibcVersion ? /^2\.(\d+)/.exec(target.glibcVersion) : null;
    if (limit?.[1] && glibcMinor > Number(limit[1])) return undefined;
    return 100 - glibcMinor;
  }
  const musl = /^musllinux_1_(\d+)$/.exec(base);
  return musl?.[1] ? 100 - Number(musl[1]) : undefined;
}

/** Best rank over a wheel's compressed tag sets (`py2.py3`, `manylinux2014_x86_64.manylinux_2_17_x86_64`). */
function wheelRank(wheel: WheelFile, target: WheelTarget, minor: number): number | undefined {
  let best: number | undefined;
  for (const plat of wheel.platformTag.split('.')) {
    const p = platformRank(plat, target);
    if (p === undefined) continue;
    for (const py of wheel.pythonTag.split('.')) {
      for (const abi of wheel.abiTag.split('.')) {
        const i = interpreterRank(py, abi, minor, plat === 'any');
        if (i === undefined) continue;
        const rank = i * 1000 + p;
        if (best === undefined || rank < best) best = rank;
      }
    }
  }
  return best;
}

const isBinary = (w: WheelFile): boolean => w.platformTag !== 'any';

/**
 * The file pip would install for `name` on `target`, following pip's tag preference; undefined when the package
 * is not in the data.
 */
export function selectWheel(name: string, target: WheelTarget): WheelChoice | undefined {
  const release = getPackageRelease(name);
  if (!release) return undefined;
  const minor = pythonMinor(target.pythonVersion);
  if (minor === undefined) {
    return { kind: 'unknown', release, reason: `unsupported Python version ${target.pythonVersion}` };
  }
  let best: { wheel: WheelFile; rank: number } | undefined;
  for (const wheel of release.wheels) {
    const rank = wheelRank(wheel, target, minor);
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = { wheel, rank };
  }
  if (best) return { kind: 'wheel', release, wheel: best.wheel, pure: !isBinary(best.wheel) };

  // No match. Before saying "builds from source", rule out gaps in what was collected.
  if (minor < 10 && release.wheels.some(isBinary)) {
    return { kind: 'unknown', release, reason: 'wheels for Python before 3.10 were not collected' };
  }
  if (target.libc === 'musl' && target.arch === 'aarch64') {
    const x86 = selectWheel(name, { ...target, arch: 'x86_64' });
    if (x86?.kind === 'wheel') {
      return { kind: 'unknown', release, reason: 'musllinux aarch64 wheels were not collected' };
    }
  }
  return { kind: 'sdist', release, sdistBytes: release.sdistBytes };
}

/** Whether the release has any platform-specific (compiled) wheel. */
export function hasBinaryWheel(name: string): boolean {
  return getPackageRelease(name)?.wheels.some(isBinary) ?? false;
}

let noMusl: readonly string[] | undefined;

/**
 * Packages that ship a manylinux x86_64 wheel but neither a musllinux wheel nor a pure wheel: on Alpine pip
 * compiles them from the sdist.
 */
export function packagesWithoutMuslWheels(): readonly string[] {
  if (!noMusl) {
    noMusl = knownPackages().filter((n) => {
      const wheels = getPackageRelease(n)?.wheels ?? [];
      const manylinux = wheels.some((w) => /manylinux[^.]*_x86_64/.test(w.platformTag));
      const musl = wheels.some((w) => w.platformTag.includes('musllinux'));
      const pure = wheels.some((w) => w.platformTag === 'any');
      return manylinux && !musl && !pure;
    });
  }
  return noMusl;
}
