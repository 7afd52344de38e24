// Debian package sizes and `--no-install-recommends` closures on top of a python:*-slim base, per dist.
import packagesData from './generated/apt-packages.json';
import membersData from './generated/apt-closure-members.json';
import type { TableMeta } from './provenance';

export type AptDist = 'bookworm' | 'trixie';
export const APT_DISTS: readonly AptDist[] = ['bookworm', 'trixie'];

export interface AptPackageInfo {
  readonly name: string;
  readonly dist: AptDist;
  readonly version: string;
  /** Debian Installed-Size of the package alone, KiB. */
  readonly installedKib: number;
  /** Installed-Size of everything `apt-get install --no-install-recommends` adds to a python:*-slim image, KiB. */
  readonly closureKib: number;
  readonly debBytes: number;
  readonly closureDownloadBytes: number;
  /** The packages apt adds (the package itself included), in apt's order. */
  readonly closurePackages: readonly string[];
  readonly source: string;
}

export interface AptClosureMember {
  readonly installedKib: number;
  /** Part of the simulated python:*-slim base: installing it adds nothing. */
  readonly inSlimBase: boolean;
}

export interface AptInstallEstimate {
  readonly dist: AptDist;
  /** Packages the install adds, each counted once, in first-seen order. */
  readonly packages: readonly string[];
  /** Sum of Installed-Size of `packages`, KiB. */
  readonly installedKib: number;
  /** Requested names with a known closure. */
  readonly known: readonly string[];
  /** Requested names only known as closure members: their own size counted, their dependencies not. */
  readonly partial: readonly string[];
  /** Requested names the data does not know: not counted at all. */
  readonly unknown: readonly string[];
  /** Requested names that are already in the slim base or were installed earlier. */
  readonly alreadyPresent: readonly string[];
}

type PackageRow = [string, number, number, number, number, string[]];

const packagesTable = packagesData as unknown as {
  meta: TableMeta;
  dists: Record<AptDist, { source: string; packages: Record<string, PackageRow> }>;
};
const membersTable = membersData as unknown as {
  meta: TableMeta;
  dists: Record<AptDist, Record<string, [number, number]>>;
};

export const aptPackagesMeta: TableMeta = packagesTable.meta;
export const aptMembersMeta: TableMeta = membersTable.meta;

const own = <T>(record: Record<string, T>, key: string): T | undefined =>
  Object.prototype.hasOwnProperty.call(record, key) ? record[key] : undefined;

/** apt accepts `pkg=version` and `pkg/suite`; sizes are per package name. */
function baseName(spec: string): string {
  return spec.trim().toLowerCase().replace(/[=/].*$/, '').replace(/:(amd64|arm64|all)$/, '');
}

export function aptPackage(name: string, dist: AptDist): AptPackageInfo | undefined {
  const pkg = baseName(name);
  const d = packagesTable.dists[dist];
  const row = d ? own(d.packages, pkg) : undefined;
  if (!row) return undefined;
  const [version, installedKib, closureKib, debBytes, closureDownloadBytes, closurePackages] = row;
  return { name: pkg, dist, version, installedKib, closureKib, debBytes, closureDownloadBytes, closurePackages, source: d.source };
}

export function aptClosureMember(name: string, dist: AptDist): AptClosureMember | undefined {
  const d = membersTable.dists[dist];
  const row = d ? own(d, baseName(name)) : undefined;
  return row ? { installedKib: row[0], inSlimBase: row[1] === 1 } : undefined;
}

/**
 * What one `apt-get install --no-install-recommends a b c` adds: the union of the closures, each package counted
 * once, minus packages in the simulated slim base and `alreadyInstalled` (e.g. from earlier layers).
 */
export function aptInstallClosure(
  names: readonly string[],
  dist: AptDist,
  alreadyInstalled: Iterable<string> = [],
): AptInstallEstimate {
  const present = new Set([...alreadyInstalled].map(baseName));
  const added = new Set<string>();
  const known: string[] = [];
  const partial: string[] = [];
  const unknown: string[] = [];
  const alreadyPresent: string[] = [];
  let installedKib = 0;

  const add = (pkg: string): void => {
    if (added.has(pkg) || present.has(pkg)) return;
    const member = aptClosureMember(pkg, dist);
    if (!member || member.inSlimBase) return;
    added.add(pkg);
    installedKib += member.installedKib;
  };

  for (const spec of names) {
    const pkg = baseName(spec);
    const member = aptClosureMember(pkg, dist);
    if (present.has(pkg) || member?.inSlimBase) {
      alreadyPresent.push(pkg);
      continue;
    }
    const info = aptPackage(pkg, dist);
    if (info) {
      known.push(pkg);
      for (const p of info.closurePackages) add(p);
    } else if (member) {
      partial.push(pkg);
      add(pkg);
    } else {
      unknown.push(pkg);
    }
  }
  return { dist, packages: [...added], installedKib, known, partial, unknown, alreadyPresent };
}
