// PyPI release files per package (wheel and sdist sizes) and the wheel pip would pick for a container's Python.
import data from './generated/wheels.json';
import type { TableMeta } from './provenance';
import { validRange } from '@renovatebot/pep440';
import { specifierAdmits } from '../parse/requirements';

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
  /** Requirements of this release (`name[extra]>=1`, with a marker where one applies), where collected. */
  readonly dependencies?: readonly { readonly requirement: string; readonly marker?: string }[];
  /** The release's Requires-Python (`>=3.10`), where a public lock or index recorded it. */
  readonly requiresPython?: string;
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
type ReleaseRow = [string, number | null, number, string, number, WheelRow[], (([string] | [string, string])[] | null)?, string?];

const table = data as unknown as {
  meta: TableMeta;
  sources: string[];
  tags: string[];
  platforms: string[];
  /** Releases newest first (PEP 440). */
  packages: Record<string, ReleaseRow[]>;
};

export const wheelsMeta: TableMeta = table.meta;

/** PEP 503: lower-case, runs of `-`, `_`, `.` become one `-`. */
export function normalizePackageName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

const releasesCache = new Map<string, readonly PackageRelease[]>();

function releaseOf(key: string, row: ReleaseRow): PackageRelease {
  const [version, sdist, src, date, inTarget, wheelRows, deps, requiresPython] = row;
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
  return {
    name: key,
    version,
    sdistBytes: sdist ?? undefined,
    source,
    uploadDate: date,
    inTargetList: inTarget === 1,
    wheels,
    ...(deps ? { dependencies: deps.map(([requirement, marker]) => (marker ? { requirement, marker } : { requirement })) } : {}),
    ...(requiresPython ? { requiresPython } : {}),
  };
}

/** Every release of a package the data holds, newest first (PEP 440 order); empty when the package is unknown. */
export function getPackageReleases(name: string): readonly PackageRelease[] {
  const key = normalizePackageName(name);
  const cached = releasesCache.get(key);
  if (cached) return cached;
  const rows = Object.prototype.hasOwnProperty.call(table.packages, key) ? table.packages[key] : undefined;
  const releases = (rows ?? []).map((r) => releaseOf(key, r));
  releasesCache.set(key, releases);
  return releases;
}

/** The newest release the data holds (what every consumer read before releases were kept per version). */
export function getPackageRelease(name: string): PackageRelease | undefined {
  return getPackageReleases(name)[0];
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
 * The file pip would install for `name` on `target` from the newest release in the data, following pip's tag
 * preference; undefined when the package is not in the data. Ignores the requirement's specifier: use
 * `choosePackage` for what a requirement installs.
 */
export function selectWheel(name: string, target: WheelTarget): WheelChoice | undefined {
  const release = getPackageRelease(name);
  return release ? selectFromRelease(release, target) : undefined;
}

/** The file of one release pip would install on `target` (wheel by tag preference, else the sdist, else unknown). */
export function selectFromRelease(release: PackageRelease, target: WheelTarget): WheelChoice {
  const best = bestWheel(release, target);
  if (best) return { kind: 'wheel', release, wheel: best, pure: !isBinary(best) };
  const gap = collectionGap(release, target);
  if (gap) return { kind: 'unknown', release, reason: gap };
  return { kind: 'sdist', release, sdistBytes: release.sdistBytes };
}

function bestWheel(release: PackageRelease, target: WheelTarget): WheelFile | undefined {
  const minor = pythonMinor(target.pythonVersion);
  if (minor === undefined) return undefined;
  let best: { wheel: WheelFile; rank: number } | undefined;
  for (const wheel of release.wheels) {
    const rank = wheelRank(wheel, target, minor);
    if (rank !== undefined && (best === undefined || rank < best.rank)) best = { wheel, rank };
  }
  return best?.wheel;
}

/** Why the data cannot tell whether a release has a wheel for `target` (files of that kind were not collected), if so. */
function collectionGap(release: PackageRelease, target: WheelTarget): string | undefined {
  const minor = pythonMinor(target.pythonVersion);
  if (minor === undefined) return `unsupported Python version ${target.pythonVersion}`;
  // Before saying "builds from source", rule out gaps in what was collected.
  // (The first collection kept cp310+ and no musllinux aarch64; releases collected later may hold them.)
  const cp = new RegExp(`(^|\\.)cp3${minor}($|\\.)`);
  if (minor < 10 && release.wheels.some(isBinary) && !release.wheels.some((w) => cp.test(w.pythonTag))) {
    return 'wheels for Python before 3.10 were not collected';
  }
  const muslArm = release.wheels.some((w) => /musllinux[^.]*_aarch64/.test(w.platformTag));
  if (target.libc === 'musl' && target.arch === 'aarch64' && !muslArm && bestWheel(release, { ...target, arch: 'x86_64' })) {
    return 'musllinux aarch64 wheels were not collected';
  }
  return undefined;
}

export type SpecifierInput = string | readonly { readonly operator: string; readonly version: string }[];

export interface ChooseOptions {
  /** `--only-binary` covers this package (`:all:` or its name): pip refuses sdists. */
  readonly onlyBinary?: boolean;
  /** `--no-binary` covers this package: pip builds from the sdist even where a wheel exists. */
  readonly noBinary?: boolean;
  /** `--pre`: pre-releases are candidates. */
  readonly pre?: boolean;
}

/**
 * What pip installs for a requirement, and how sure the data is of it:
 * - `exact`: the release pip would pick is in the data; `install` is what the data proves for it.
 * - `nearest`: no release in the data matches (an old pin): `release` is the nearest known one, whose figures
 *   size it; nothing is claimed about its wheels, except for a package no release of which has a wheel.
 * - `unknown`: the package is not in the data, or the data cannot tell (`reason`).
 */
export type PackageChoice =
  | {
      readonly basis: 'exact';
      readonly install: 'wheel';
      readonly release: PackageRelease;
      readonly wheel: WheelFile;
      readonly pure: boolean;
    }
  | {
      readonly basis: 'exact';
      /** `sdist`: pip builds from source; `fails`: no compatible wheel and `--only-binary` refuses the sdist. */
      readonly install: 'sdist' | 'fails';
      readonly release: PackageRelease;
      readonly sdistBytes: number | undefined;
      /** No release in the data has any Linux wheel (psycopg2): true of every version, pinned or not. */
      readonly neverWheels: boolean;
      /** `--no-binary` made pip build it although a wheel exists. */
      readonly forced?: boolean;
      readonly reason: string;
    }
  | {
      readonly basis: 'nearest';
      /** `sdist`/`fails` only when no release in the data has any Linux wheel; else `unknown` (no wheel claim). */
      readonly install: 'sdist' | 'fails' | 'unknown';
      /** The nearest known release, whose figures are used. */
      readonly release: PackageRelease;
      /** The nearest release's own file for the target (sizes only: it says nothing of the requested version). */
      readonly figures: WheelChoice;
      /** What was asked for (`==1.26.4`, `<1`). */
      readonly requested: string;
      /**
       * Set when releases matching the specifier are in the data but their Requires-Python excludes the target's
       * Python (`>=3.12`): pip takes an older release the data does not hold, or, for a pin, cannot install it.
       */
      readonly requiresPython?: string;
      /** A newer matching release pip passes over for this Python (Requires-Python or wheels): `release` is older. */
      readonly passedOver?: PackageRelease;
      readonly reason: string;
    }
  | { readonly basis: 'unknown'; readonly release?: PackageRelease; readonly reason: string };

function specifierText(spec: SpecifierInput): string {
  return (typeof spec === 'string' ? spec : spec.map((s) => s.operator + s.version).join(',')).trim();
}

/** A wheel pip could install on some Linux: pure, manylinux or musllinux (not Windows or macOS). */
export const isLinuxWheel = (w: WheelFile): boolean => w.platformTag === 'any' || w.platformTag.includes('linux');

/** Whether every release in the data has an sdist and no Linux or pure wheel (the package publishes none: psycopg2). */
export function neverWheels(releases: readonly PackageRelease[]): boolean {
  return releases.length > 0 && releases.every((r) => !r.wheels.some(isLinuxWheel) && r.sdistBytes !== undefined);
}

/**
 * The release pip would install for `name` under a PEP 440 specifier set (`==1.26.4`, `>=2,<3`, `''`) on `target`:
 * the newest matching release with a compatible wheel, else (no matching release has one) the newest matching
 * release's sdist — pip picks by version first, but a newest release lacking a wheel for this Python usually
 * excludes it by Requires-Python, which the data does not hold. `--only-binary` without a wheel fails.
 */
export function choosePackage(name: string, specifier: SpecifierInput, target: WheelTarget, options: ChooseOptions = {}): PackageChoice {
  const releases = getPackageReleases(name);
  if (!releases.length) return { basis: 'unknown', reason: `${normalizePackageName(name)} is not in the data` };
  const spec = specifierText(specifier);
  let matching: PackageRelease[];
  try {
    if (spec !== '' && !validRange(spec)) throw new Error('invalid specifier');
    matching = releases.filter((r) => admits(spec, r.version, options.pre));
  } catch {
    return { basis: 'unknown', release: releases[0], reason: `the specifier \`${spec}\` could not be read` };
  }
  const never = neverWheels(releases);
  // Requires-Python, where the data has it, excludes a release before its files are looked at (as pip does).
  const admitted = matching.filter((r) => pythonAdmitted(r.requiresPython, target.pythonVersion));
  if (matching.length && !admitted.length) {
    const release = matching[0]!;
    const rp = release.requiresPython!;
    return {
      basis: 'nearest',
      install: 'unknown',
      release,
      figures: selectFromRelease(release, target),
      requested: spec,
      requiresPython: rp,
      reason: pinsOne(spec)
        ? `${release.name} ${release.version} requires Python ${rp}: pip cannot install it on Python ${target.pythonVersion}`
        : `${release.name} ${release.version} requires Python ${rp}: for Python ${target.pythonVersion} pip takes an older release, which the data does not hold`,
    };
  }
  const before = matching;
  matching = admitted;
  if (!matching.length) {
    const release = nearestRelease(releases, spec);
    const install = never ? (options.onlyBinary ? 'fails' : 'sdist') : 'unknown';
    return {
      basis: 'nearest',
      install,
      release,
      figures: selectFromRelease(release, target),
      requested: spec,
      reason: `no release matching \`${spec}\` in the data: sized from ${release.name} ${release.version}, the nearest release known`,
    };
  }
  if (!options.noBinary) {
    // The newest release that admits this Python (by Requires-Python, or by the wheels it ships) is what pip takes.
    // When a newer matching release was passed over, pip's pick lies between the two and may be one the data does
    // not hold: size it from the release found, and claim nothing about its files.
    const skipped = matching.length < before.length ? before[0] : undefined;
    for (let i = 0; i < matching.length; i++) {
      const release = matching[i]!;
      const wheel = bestWheel(release, target);
      if (!wheel) continue;
      const passed = i > 0 ? matching[0] : skipped;
      if (!passed) return { basis: 'exact', install: 'wheel', release, wheel, pure: !isBinary(wheel) };
      const why = passed.requiresPython && !pythonAdmitted(passed.requiresPython, target.pythonVersion)
        ? `requires Python ${passed.requiresPython}`
        : `ships no wheel for Python ${target.pythonVersion} on this platform`;
      return {
        basis: 'nearest',
        install: 'unknown',
        release,
        figures: { kind: 'wheel', release, wheel, pure: !isBinary(wheel) },
        requested: spec,
        passedOver: passed,
        reason: `${passed.name} ${passed.version} ${why}: pip takes the newest release that admits Python ${target.pythonVersion}, which may be newer than ${release.version}, the newest the data holds`,
      };
    }
  }
  const newest = matching[0]!;
  if (!options.noBinary) {
    const gap = collectionGap(newest, target);
    if (gap) return { basis: 'unknown', release: newest, reason: gap };
  }
  const platform = `${target.libc === 'musl' ? 'musllinux' : 'manylinux'} ${target.arch}`;
  const withSdist = matching.find((r) => r.sdistBytes !== undefined);
  // A range (not one pinned version) whose newest release ships this platform's wheels only for newer Pythons:
  // Requires-Python most likely excludes this one, and pip takes an older release the data may not hold.
  const oldest = oldestWheelPython(newest, target);
  const minor = pythonMinor(target.pythonVersion);
  if (!options.noBinary && !pinsOne(spec) && oldest !== undefined && minor !== undefined && minor < oldest) {
    return {
      basis: 'unknown',
      release: newest,
      reason: `${newest.name} ${newest.version} ships ${platform} wheels for Python 3.${oldest} and later only: pip takes an older release for Python ${target.pythonVersion}, which the data does not hold`,
    };
  }
  if (options.onlyBinary) {
    return {
      basis: 'exact',
      install: 'fails',
      release: newest,
      sdistBytes: undefined,
      neverWheels: never,
      reason: `no ${platform} wheel for Python ${target.pythonVersion} and \`--only-binary\` refuses the sdist`,
    };
  }
  // Lock files do not always record the sdist: its absence from the data proves nothing.
  if (!withSdist) return { basis: 'unknown', release: newest, reason: `no ${platform} wheel for Python ${target.pythonVersion} in the data, and no sdist recorded` };
  const forced = options.noBinary === true && matching.some((r) => bestWheel(r, target) !== undefined);
  return {
    basis: 'exact',
    install: 'sdist',
    release: withSdist,
    sdistBytes: withSdist.sdistBytes,
    neverWheels: never,
    ...(forced ? { forced } : {}),
    reason: forced
      ? '`--no-binary`: pip builds it from the sdist'
      : never
        ? 'published as an sdist only: every install compiles'
        : `no ${platform} wheel for Python ${target.pythonVersion}: pip builds it from the sdist`,
  };
}

/**
 * Whether a Requires-Python specifier admits the target's Python. With only a minor version known (`3.11`), it is
 * admitted when some patch release of it is; an unreadable specifier admits (no claim without proof).
 */
export function pythonAdmitted(requiresPython: string | undefined, pythonVersion: string): boolean {
  if (!requiresPython) return true;
  const spec = requiresPython.trim();
  try {
    if (!validRange(spec)) return true;
    if (/^\d+\.\d+\.\d+/.test(pythonVersion)) return specifierAdmits(spec, pythonVersion, {});
    return specifierAdmits(spec, `${pythonVersion}.0`, {}) || specifierAdmits(spec, `${pythonVersion}.99`, {});
  } catch {
    return true;
  }
}

/** The lowest CPython minor a release ships wheels for on the target's platform (libc, arch, glibc), if any. */
function oldestWheelPython(release: PackageRelease, target: WheelTarget): number | undefined {
  let oldest: number | undefined;
  for (const w of release.wheels) {
    if (!w.platformTag.split('.').some((p) => p !== 'any' && platformRank(p, target) !== undefined)) continue;
    for (const py of w.pythonTag.split('.')) {
      const m = /^cp3(\d+)$/.exec(py);
      if (m?.[1] && (oldest === undefined || Number(m[1]) < oldest)) oldest = Number(m[1]);
    }
  }
  return oldest;
}

/** `==1.26.4` or `===x` (with nothing else but other clauses): the specifier names one version. */
function pinsOne(spec: string): boolean {
  return spec.split(',').some((c) => /^\s*(===|==)\s*[^*\s]+\s*$/.test(c) && !c.trim().endsWith('.*'));
}

function admits(spec: string, version: string, pre?: boolean): boolean {
  if (spec === '') return pre || !isPrerelease(version);
  return specifierAdmits(spec, version, pre ? { prereleases: true } : {});
}

function isPrerelease(version: string): boolean {
  return /\d(?:a|b|rc|c|alpha|beta|pre|preview|dev)\d*/i.test(version);
}

/** Release segments of a version (`1.26.4` → [1, 26, 4]); epochs and suffixes ignored. */
function segments(version: string): number[] {
  const m = /^\s*v?(?:\d+!)?(\d+(?:\.\d+)*)/i.exec(version);
  return m?.[1] ? m[1].split('.').map(Number) : [];
}

/**
 * The known release closest to what the specifier names (its `==`/`~=` version, else its first bound): the one
 * sharing the longest leading run of release segments, then the smallest difference at the first that differs.
 */
function nearestRelease(releases: readonly PackageRelease[], spec: string): PackageRelease {
  const m = /(?:===|==|~=|<=|>=|<|>|!=)\s*([^,;\s]+)/.exec(spec);
  const want = segments((m?.[1] ?? '').replace(/\.\*$/, ''));
  let best = releases[0]!;
  let bestKey: [number, number] | undefined;
  for (const r of releases) {
    const have = segments(r.version);
    let i = 0;
    while (i < want.length && i < have.length && want[i] === have[i]) i++;
    const key: [number, number] = [-i, Math.abs((want[i] ?? 0) - (have[i] ?? 0))];
    if (!bestKey || key[0] < bestKey[0] || (key[0] === bestKey[0] && key[1] < bestKey[1])) {
      best = r;
      bestKey = key;
    }
  }
  return best;
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

/**
 * pip's format control from `--only-binary`, `--no-binary` (comma lists of names, `:all:`, `:none:`, later ones
 * overriding earlier) and `--pre`, in the order given (the command line after the requirements files' options):
 * the choose options for each package.
 */
export function pipChooseOptions(options: readonly { readonly name: string; readonly value?: string }[]): (name: string) => ChooseOptions {
  let onlyAll = false;
  let noAll = false;
  const only = new Set<string>();
  const no = new Set<string>();
  let pre = false;
  for (const o of options) {
    if (o.name === '--pre') pre = true;
    if (o.name !== '--only-binary' && o.name !== '--no-binary') continue;
    const binaryOnly = o.name === '--only-binary';
    for (const raw of (o.value ?? '').split(',')) {
      const v = raw.trim();
      if (!v) continue;
      if (v === ':all:') {
        if (binaryOnly) [onlyAll, noAll] = [true, false];
        else [noAll, onlyAll] = [true, false];
        (binaryOnly ? no : only).clear();
      } else if (v === ':none:') {
        if (binaryOnly) onlyAll = false;
        else noAll = false;
        (binaryOnly ? only : no).clear();
      } else {
        const n = normalizePackageName(v);
        (binaryOnly ? only : no).add(n);
        (binaryOnly ? no : only).delete(n);
      }
    }
  }
  return (name) => {
    const n = normalizePackageName(name);
    const noBinary = no.has(n) || (noAll && !only.has(n));
    const onlyBinary = !noBinary && (only.has(n) || onlyAll);
    return { ...(onlyBinary ? { onlyBinary } : {}), ...(noBinary ? { noBinary } : {}), ...(pre ? { pre } : {}) };
  };
}

/** `--only-binary :all:` / `--only-binary=:all:` command-line tokens as (name, value) pairs for `pipChooseOptions`. */
export function pipOptionPairs(tokens: readonly string[]): { name: string; value?: string }[] {
  const out: { name: string; value?: string }[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const eq = t.indexOf('=');
    const name = t.startsWith('--') && eq > 0 ? t.slice(0, eq) : t;
    if (name === '--pre') out.push({ name });
    else if (name === '--only-binary' || name === '--no-binary') {
      const value = eq > 0 ? t.slice(eq + 1) : tokens[i + 1];
      if (eq < 0) i++;
      out.push(value !== undefined ? { name, value } : { name });
    }
  }
  return out;
}
