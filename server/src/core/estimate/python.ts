// Installed and download sizes of pip packages with their dependencies, for the container's Python, libc and CPU.
import { parseRequirements, specifierString } from '../parse/requirements';
import { choosePackage, getPackageReleases, normalizePackageName, selectFromRelease, wheelsMeta, type ChooseOptions, type PackageRelease, type WheelChoice, type WheelTarget } from '../data/wheels';
import { installedMultiplier, measuredRatio, ratiosMeta } from '../data/ratios';
import ratiosData from '../data/generated/ratios.json';
import { dependencyClosure, dependencyClosuresMeta } from '../data/dependency-closures';
import { packageDependencies, splitExtras } from '../data/python-dependencies';
import {
  LARGE_NATIVE_WHEEL_RATIO,
  LARGE_WHEEL_BYTES,
  SDIST_INSTALLED_FACTOR,
  TORCH_CPU_INSTALLED,
  TORCH_CPU_WHEEL,
  UNKNOWN_PIP_PACKAGE,
  type RangedFact,
} from '../data/estimate-facts';
import { add, e, exact, round, scale } from './bytes';
import type { E, ExternalFacts, PackageEstimate } from './types';

export interface PipTarget extends WheelTarget {
  /** pip byte-compiles on install (its default); uv and `--no-compile` do not. */
  pyc: boolean;
  /** torch comes from the CPU index (download.pytorch.org/whl/cpu or a `+cpu` version). */
  cpuTorch: boolean;
  /** Accuracy tests only: ignore per-package measured installed sizes and use the median ratios. */
  medianRatiosOnly?: boolean;
  /** `--only-binary`, `--no-binary` and `--pre` as they apply to each package (`pipChooseOptions`). */
  choose?: (name: string) => ChooseOptions;
  /** The specifiers constraints files (`-c`) put on a package, `''` or undefined for none. */
  constraint?: (name: string) => string | undefined;
  /** `--no-deps` (or pip's `PIP_NO_DEPS`): only the named packages are installed, none of their dependencies. */
  noDeps?: boolean;
}

export interface RequestedPackage {
  name: string;
  /** The pinned version (`==`), for display and the online look-up. */
  version?: string;
  /** The whole PEP 440 specifier set pip applies (the requirement's own and its constraints'), `''` for any. */
  specifier?: string;
  extras: string[];
}

export interface ResolvedPackages {
  packages: PackageEstimate[];
  /** Packages whose dependencies Layerwise does not know (their dependencies are not counted). */
  unknownDependencies: string[];
  installed: E;
  download: E;
}

const fact = (f: RangedFact): E => e(f.typical, f.low, f.high);

type MeasuredRow = [string, string, string, number, number, number, 'pure' | 'binary', string, string];
const measuredRows = Object.values((ratiosData as unknown as { measured: Record<string, MeasuredRow> }).measured);

/**
 * 10th and 90th percentile of installed/wheel over the measured packages of a kind. The IQR the ratios table
 * gives covers only half of the packages, too narrow as the range for one unmeasured package.
 */
function spread(kind: 'pure' | 'binary', pyc: boolean): { low: number; high: number } {
  const rs = measuredRows.filter((r) => r[6] === kind).map((r) => (r[4] + (pyc ? r[5] : 0)) / r[3]).sort((a, b) => a - b);
  const at = (q: number): number => rs[Math.min(rs.length - 1, Math.max(0, Math.round(q * (rs.length - 1))))] ?? 1;
  return { low: at(0.1), high: at(0.9) };
}
// Sources in words a user can check: what was measured, where it was published, when (no repository file names).
const WHEELS_SOURCE = `PyPI file sizes recorded in public uv.lock files, uploads ${wheelsMeta.dates?.from ?? ''}..${wheelsMeta.dates?.to ?? ''}, collected ${wheelsMeta.collected}`;
const RATIOS_SOURCE = `pip installs on CPython 3.11, ${ratiosMeta.collected}`;
/** Marks the source of a package sized from a resolved dependency closure (torch, tensorflow, …). */
export const CLOSURE_SOURCE = 'resolved dependency closure';

function installedFromWheel(name: string, wheelBytes: number, pure: boolean, pyc: boolean, medianOnly = false): { installed: E; source: string } {
  if (wheelBytes >= LARGE_WHEEL_BYTES) {
    return { installed: round(scale(exact(wheelBytes), LARGE_NATIVE_WHEEL_RATIO)), source: LARGE_NATIVE_WHEEL_RATIO.source };
  }
  const measured = medianOnly ? undefined : measuredRatio(name);
  if (measured) {
    const ratio = (pyc ? measured.installedBytesWithPyc : measured.installedBytesNoPyc) / measured.wheelBytes;
    const t = wheelBytes * ratio;
    return {
      installed: round(e(t, t * 0.9, t * 1.1)),
      source: `installed size = wheel × ${ratio.toFixed(2)}, measured for ${measured.name} ${measured.installedVersion} (${RATIOS_SOURCE})`,
    };
  }
  const m = installedMultiplier(pure ? 'pure' : 'binary', { pyc });
  const p = spread(pure ? 'pure' : 'binary', pyc);
  return {
    installed: round(scale(exact(wheelBytes), { typical: m.typical, low: Math.min(p.low, m.low), high: Math.max(p.high, m.high) })),
    source: `installed size = wheel × ${m.typical.toFixed(2)}, the median of ${m.n} measured ${pure ? 'pure-Python' : 'binary'} wheels (10th–90th percentile ×${p.low.toFixed(2)}–×${p.high.toFixed(2)}, from ${RATIOS_SOURCE.replace(ratiosMeta.collected, m.asOf)})`,
  };
}

/** Best-effort wheel choice among files the PyPI JSON API listed (online look-ups only). */
function externalWheel(files: { filename: string; bytes: number; packagetype: string }[], target: PipTarget): { bytes: number; pure: boolean } | undefined {
  const minor = /^3\.(\d+)/.exec(target.pythonVersion)?.[1];
  const arch = target.arch;
  const libcTag = target.libc === 'musl' ? 'musllinux' : 'manylinux';
  const wheels = files.filter((f) => f.packagetype === 'bdist_wheel' || f.filename.endsWith('.whl'));
  const native = wheels.find((f) => f.filename.includes(libcTag) && f.filename.includes(arch) && (f.filename.includes(`cp3${minor}-`) || f.filename.includes('abi3')));
  if (native) return { bytes: native.bytes, pure: false };
  const pure = wheels.find((f) => f.filename.endsWith('-none-any.whl'));
  return pure ? { bytes: pure.bytes, pure: true } : undefined;
}

// How far another release's figures may be off for the requested one (releases of one package rarely differ by more).
const NEAREST_LOW = 0.6;
const NEAREST_HIGH = 1.6;

/** Installed and download size of one release's file for the target, with its basis in words. */
function sizeOfFile(name: string, file: WheelChoice, target: PipTarget): { installed: E; download: number; source: string } | undefined {
  if (file.kind === 'wheel') {
    const { installed, source } = installedFromWheel(name, file.wheel.bytes, file.pure, target.pyc, target.medianRatiosOnly);
    return { installed, download: file.wheel.bytes, source: `its wheel ${file.wheel.pythonTag}-${file.wheel.abiTag}-${file.wheel.platformTag}, ${file.wheel.bytes} B (${WHEELS_SOURCE}); ${source}` };
  }
  if (file.kind === 'sdist' && file.sdistBytes !== undefined) {
    return { installed: round(scale(exact(file.sdistBytes), SDIST_INSTALLED_FACTOR)), download: file.sdistBytes, source: `its sdist, ${file.sdistBytes} B (${WHEELS_SOURCE}); ${SDIST_INSTALLED_FACTOR.source}` };
  }
  const biggest = [...file.release.wheels].sort((a, b) => b.bytes - a.bytes)[0];
  if (!biggest) return undefined;
  const { installed, source } = installedFromWheel(name, biggest.bytes, biggest.platformTag === 'any', target.pyc);
  return { installed, download: biggest.bytes, source: `its largest wheel, ${biggest.bytes} B (${WHEELS_SOURCE}); ${source}` };
}

/** Size of one package as pip installs it on `target`. */
export function packageSize(req: RequestedPackage, target: PipTarget, dependency: boolean, external?: ExternalFacts): PackageEstimate {
  const name = normalizePackageName(req.name);
  const base = { name, dependency } as const;
  const withVersion = (p: Omit<PackageEstimate, 'name' | 'dependency'>): PackageEstimate => ({ ...base, ...p });
  if (name === 'torch' && target.cpuTorch) {
    return withVersion({
      version: req.version ?? 'CPU build',
      installed: fact(TORCH_CPU_INSTALLED),
      download: fact(TORCH_CPU_WHEEL),
      source: `${TORCH_CPU_INSTALLED.source} (secondary, ${TORCH_CPU_INSTALLED.asOf})`,
      fallback: true,
      note: 'CPU wheel from download.pytorch.org: sizes are secondary figures',
    });
  }
  const own = req.specifier ?? (req.version ? `==${req.version}` : '');
  const specifier = [own, target.constraint?.(name) ?? ''].filter(Boolean).join(',');
  const choice = choosePackage(name, specifier, target, target.choose?.(name));
  if (choice.basis === 'exact' && choice.install === 'wheel') {
    const { installed, source } = installedFromWheel(name, choice.wheel.bytes, choice.pure, target.pyc, target.medianRatiosOnly);
    return withVersion({
      version: choice.release.version,
      installed,
      download: exact(choice.wheel.bytes),
      source: `wheel ${choice.wheel.pythonTag}-${choice.wheel.abiTag}-${choice.wheel.platformTag} of ${name} ${choice.release.version}, ${choice.wheel.bytes} B (${WHEELS_SOURCE}, uploaded ${choice.wheel.uploadDate}); ${source}`,
      fallback: false,
    });
  }
  if (choice.basis === 'exact' && choice.install === 'sdist' && choice.sdistBytes !== undefined) {
    return withVersion({
      version: choice.release.version,
      installed: round(scale(exact(choice.sdistBytes), SDIST_INSTALLED_FACTOR)),
      download: exact(choice.sdistBytes),
      source: `sdist of ${name} ${choice.release.version}, ${choice.sdistBytes} B (${WHEELS_SOURCE}); ${SDIST_INSTALLED_FACTOR.source}`,
      fallback: true,
      note: `${choice.reason} (needs a compiler and headers)`,
    });
  }
  if (choice.basis === 'exact') {
    return withVersion({
      version: choice.release.version,
      installed: exact(0),
      download: exact(0),
      source: `${WHEELS_SOURCE}: ${choice.reason}`,
      fallback: true,
      note: `pip cannot install it: ${choice.reason}`,
    });
  }
  if (choice.basis === 'nearest') {
    // Another release's figures: the range widens, and nothing is said about the requested version's files.
    const sized = sizeOfFile(name, choice.figures, target);
    if (sized) {
      const basis = choice.requiresPython || choice.passedOver
        ? `sized from ${name} ${choice.release.version}: ${choice.reason}`
        : `sized from ${name} ${choice.release.version}: the nearest release known (\`${choice.requested}\` is not in the data)`;
      return withVersion({
        ...(req.version ? { version: req.version } : {}),
        installed: e(sized.installed.typical, sized.installed.low * NEAREST_LOW, sized.installed.high * NEAREST_HIGH),
        download: e(sized.download, sized.download * NEAREST_LOW, sized.download * NEAREST_HIGH),
        source: `${basis}; ${sized.source}`,
        fallback: true,
        note: basis,
      });
    }
  }
  if (choice.basis === 'unknown' && choice.release) {
    const biggest = [...choice.release.wheels].sort((a, b) => b.bytes - a.bytes)[0];
    if (biggest) {
      const { installed } = installedFromWheel(name, biggest.bytes, biggest.platformTag === 'any', target.pyc);
      return withVersion({
        version: choice.release.version,
        installed: e(installed.typical, installed.low * 0.5, installed.high * 1.5),
        download: e(biggest.bytes, biggest.bytes * 0.5, biggest.bytes * 1.5),
        source: `${choice.reason}: sized from the largest wheel of ${name} ${choice.release.version} (${WHEELS_SOURCE})`,
        fallback: true,
        note: choice.reason,
      });
    }
  }
  const ext = external?.pypi(name, req.version);
  if (ext) {
    const w = externalWheel(ext.files, target);
    const sdist = ext.files.find((f) => f.packagetype === 'sdist');
    if (w) {
      const { installed, source } = installedFromWheel(name, w.bytes, w.pure, target.pyc);
      return withVersion({ version: ext.version, installed, download: exact(w.bytes), source: `${ext.source} (fetched ${ext.fetched}); ${source}`, fallback: false });
    }
    if (sdist) {
      return withVersion({
        version: ext.version,
        installed: round(scale(exact(sdist.bytes), SDIST_INSTALLED_FACTOR)),
        download: exact(sdist.bytes),
        source: `${ext.source} (fetched ${ext.fetched}); ${SDIST_INSTALLED_FACTOR.source}`,
        fallback: true,
        note: 'no compatible wheel on PyPI: built from the sdist',
      });
    }
  }
  return withVersion({
    ...(req.version ? { version: req.version } : {}),
    installed: fact(UNKNOWN_PIP_PACKAGE),
    download: round(scale(fact(UNKNOWN_PIP_PACKAGE), { typical: 0.3, low: 0.3, high: 0.3 })),
    source: `${UNKNOWN_PIP_PACKAGE.source} (${UNKNOWN_PIP_PACKAGE.asOf})`,
    fallback: true,
    notInData: true,
    note: 'not in the embedded data',
  });
}

/** Unconditional requirement names from PyPI's `requires_dist` (entries behind an `extra ==` marker skipped). */
function requiresFromDist(requiresDist: readonly string[]): string[] {
  const out: string[] = [];
  for (const r of requiresDist) {
    const [spec, marker = ''] = r.split(';');
    if (/extra\s*==/.test(marker) || /sys_platform\s*==\s*["'](win32|darwin)/.test(marker) || /platform_system\s*==\s*["'](Windows|Darwin)/.test(marker)) continue;
    const m = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?/.exec(spec ?? '');
    if (m) out.push(`${m[1]}${m[2] ?? ''}`);
  }
  return out;
}

/**
 * Whether a marker's `python_version` comparisons hold for the target's Python (a marker joined with `or`, or
 * without such a comparison, is taken to hold: the dependency is counted).
 */
function pythonVersionHolds(marker: string, pythonVersion: string): boolean {
  if (/\bor\b/.test(marker)) return true;
  const have = pythonVersion.split('.').slice(0, 2).map(Number);
  for (const m of marker.matchAll(/python_version\s*(<=|>=|<|>|==|!=)\s*["'](\d+)\.(\d+)["']/g)) {
    const cmp = (have[0]! - Number(m[2])) || (have[1]! - Number(m[3]));
    const ok = { '<': cmp < 0, '<=': cmp <= 0, '>': cmp > 0, '>=': cmp >= 0, '==': cmp === 0, '!=': cmp !== 0 }[m[1] as '<'];
    if (!ok) return false;
  }
  return true;
}

/** The requirements of the release chosen for `req` (version `version`), when the data holds them. */
function releaseDependencies(req: RequestedPackage, version: string | undefined, target: PipTarget): RequestedPackage[] | undefined {
  const release = version ? getPackageReleases(req.name).find((r) => r.version === version) : undefined;
  if (!release?.dependencies) return undefined;
  const out: RequestedPackage[] = [];
  for (const d of release.dependencies) {
    const marker = d.marker ?? '';
    const extra = /extra\s*==\s*["']([^"']+)["']/.exec(marker)?.[1];
    if (extra !== undefined && !req.extras.includes(normalizePackageName(extra))) continue;
    if (/sys_platform\s*==\s*["'](win32|darwin)|platform_system\s*==\s*["'](Windows|Darwin)/.test(marker)) continue;
    if (!pythonVersionHolds(marker, target.pythonVersion)) continue;
    const parsed = parseRequirements(d.requirement).entries[0];
    if (parsed?.kind !== 'requirement' || !parsed.normalizedName) continue;
    out.push({
      name: parsed.normalizedName,
      extras: parsed.extras.map((x) => x.normalizedName),
      specifier: specifierString(parsed.specifiers),
    });
  }
  return out;
}

/**
 * The packages pip installs for `requested` (dependencies included, each once), skipping names in `present`
 * (installed earlier into the same place).
 */
export function resolvePackages(requested: readonly RequestedPackage[], target: PipTarget, present: ReadonlySet<string> = new Set(), external?: ExternalFacts): ResolvedPackages {
  const seen = new Set<string>(present);
  const packages: PackageEstimate[] = [];
  const unknownDependencies: string[] = [];
  const queue: { req: RequestedPackage; dependency: boolean }[] = requested.map((r) => ({ req: { ...r, name: normalizePackageName(r.name) }, dependency: false }));
  while (queue.length) {
    const { req, dependency } = queue.shift()!;
    if (seen.has(req.name)) continue;
    seen.add(req.name);
    // Full closures resolved for linux x86_64 cp312 (torch's CUDA stack, tensorflow, transformers, opencv).
    const closure = target.libc === 'glibc' && target.arch === 'x86_64' && !(req.name === 'torch' && target.cpuTorch) ? dependencyClosure(req.name) : undefined;
    if (closure) {
      for (const w of closure.packages) {
        const n = normalizePackageName(w.name);
        const own = w.name === closure.root || n === req.name;
        if (target.noDeps && !own) continue;
        if (seen.has(n) && n !== req.name) continue;
        seen.add(n);
        const { installed, source } = installedFromWheel(n, w.wheelBytes, /-none-any\.whl$/.test(w.wheelFile), target.pyc);
        packages.push({
          name: n,
          version: w.version,
          dependency: own ? dependency : true,
          installed,
          download: exact(w.wheelBytes),
          source: `${w.wheelFile} ${w.wheelBytes} B (${CLOSURE_SOURCE} from ${closure.source.replace(/^uv\.lock github:([^:]+):uv\.lock/, 'the uv.lock of $1')}, collected ${dependencyClosuresMeta.collected}); ${source}`,
          fallback: false,
        });
      }
      continue;
    }
    const pkg = packageSize(req, target, dependency, external);
    packages.push(pkg);
    if (target.noDeps) continue;
    // The chosen release's own requirements (with their specifiers) where collected, else the curated lists.
    const own = releaseDependencies(req, pkg.version, target);
    if (own) {
      for (const d of own) if (!seen.has(d.name)) queue.push({ req: d, dependency: true });
      continue;
    }
    const deps = packageDependencies(req.name);
    let names: string[] | undefined;
    if (deps) names = [...deps.requires, ...req.extras.flatMap((x) => deps.extras?.[x] ?? [])];
    else {
      const ext = external?.pypi(req.name, req.version);
      if (ext) names = requiresFromDist(ext.requiresDist);
    }
    if (!names) {
      unknownDependencies.push(req.name);
      continue;
    }
    for (const d of names) {
      const { name, extras } = splitExtras(d);
      if (!seen.has(name)) queue.push({ req: { name, extras }, dependency: true });
    }
  }
  return {
    packages,
    unknownDependencies,
    installed: add(...packages.map((p) => p.installed)),
    download: add(...packages.map((p) => p.download)),
  };
}

/** A package as a lock file pins it: exact version, and the files the lock records (sizes where it has them). */
export interface LockedPackageInput {
  name: string;
  version?: string;
  wheels: readonly { filename: string; size?: number; tags?: { python: string; abi: string; platform: string } }[];
  sdist?: { filename: string; size?: number };
}

/**
 * Size of a locked package on `target`: from the wheel sizes the lock records (the wheel pip/uv would pick for the
 * target, by tag preference), else from the embedded data by the exact version pinned, else by name (`packageSize`).
 * `lockName` names the lock in the basis (`uv.lock`).
 */
export function lockedPackageSize(p: LockedPackageInput, lockName: string, target: PipTarget, dependency: boolean, external?: ExternalFacts): PackageEstimate {
  const name = normalizePackageName(p.name);
  const sized = p.wheels.filter((w) => w.size !== undefined && w.tags);
  if (sized.length && !(name === 'torch' && target.cpuTorch)) {
    const release: PackageRelease = {
      name,
      version: p.version ?? '',
      sdistBytes: p.sdist?.size,
      source: lockName,
      uploadDate: '',
      inTargetList: false,
      wheels: sized.map((w) => ({ pythonTag: w.tags!.python, abiTag: w.tags!.abi, platformTag: w.tags!.platform, bytes: w.size!, source: lockName, uploadDate: '' })),
    };
    const choice = selectFromRelease(release, target);
    if (choice.kind === 'wheel') {
      const { installed, source } = installedFromWheel(name, choice.wheel.bytes, choice.pure, target.pyc, target.medianRatiosOnly);
      const file = p.wheels.find((w) => w.tags?.python === choice.wheel.pythonTag && w.tags.abi === choice.wheel.abiTag && w.tags.platform === choice.wheel.platformTag)?.filename;
      return {
        name,
        dependency,
        ...(p.version ? { version: p.version } : {}),
        installed,
        download: exact(choice.wheel.bytes),
        source: `${file ?? `wheel ${choice.wheel.pythonTag}-${choice.wheel.abiTag}-${choice.wheel.platformTag}`}, ${choice.wheel.bytes} B (wheel size recorded in ${lockName}); ${source}`,
        fallback: false,
      };
    }
    if (choice.kind === 'sdist' && p.sdist?.size !== undefined) {
      return {
        name,
        dependency,
        ...(p.version ? { version: p.version } : {}),
        installed: round(scale(exact(p.sdist.size), SDIST_INSTALLED_FACTOR)),
        download: exact(p.sdist.size),
        source: `sdist ${p.sdist.filename}, ${p.sdist.size} B (size recorded in ${lockName}); ${SDIST_INSTALLED_FACTOR.source}`,
        fallback: true,
        note: `${lockName} records no wheel for this image: built from the sdist (needs a compiler and headers)`,
      };
    }
  }
  const est = packageSize({ name, ...(p.version ? { version: p.version, specifier: `==${p.version}` } : {}), extras: [] }, target, dependency, external);
  return est;
}
