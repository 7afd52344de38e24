// End-of-life dates for CPython minors and the Debian, Alpine and Ubuntu releases base images are built on.
import type { Sourced } from './provenance';

export type EolKind = 'python' | 'debian' | 'alpine' | 'ubuntu';

export interface ReleaseLifecycle extends Sourced {
  readonly version: string;
  /** Codename where the distribution has one (`bookworm`, `noble`). */
  readonly codename?: string;
  /** First release; `YYYY-MM` when only the month is known or planned. */
  readonly released: string;
  /** Last day of regular (security) support; `YYYY-MM` means "during that month" and counts as its last day. */
  readonly eol: string;
  /** End of Debian LTS / Ubuntu's standard support where it differs from `eol`. */
  readonly ltsEnd?: string;
  /** True when the date is a plan or derived from a policy, not an announced fact. */
  readonly planned?: boolean;
}

const DEVGUIDE = 'python/devguide include/release-cycle.json (devguide.python.org/versions)';
const PY_AS_OF = '2026-11-29';

/** CPython: five years per minor (PEP 602); the devguide gives month-only dates for branches not yet closed. */
export const PYTHON_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '3.6', released: '2016-12-23', eol: '2021-12-23', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.7', released: '2018-06-27', eol: '2023-06-27', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.8', released: '2019-10-14', eol: '2024-10-07', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.9', released: '2020-10-05', eol: '2025-10-31', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.10', released: '2021-10-04', eol: '2026-10', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.11', released: '2022-10-24', eol: '2027-10', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.12', released: '2023-10-02', eol: '2028-10', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.13', released: '2024-10-07', eol: '2029-10', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.14', released: '2025-10-07', eol: '2030-10', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.15', released: '2026-10-01', eol: '2031-10', planned: true, source: `${DEVGUIDE}; PEP 790`, asOf: PY_AS_OF },
];

const DEBIAN = 'wiki.debian.org/DebianReleases and wiki.debian.org/LTS (release, security and LTS end dates)';

/** Debian: about three years of security support, then LTS to five years. */
export const DEBIAN_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '10', codename: 'buster', released: '2019-07-06', eol: '2022-09-10', ltsEnd: '2024-06-30', source: DEBIAN, asOf: '2026-11-29' },
  { version: '11', codename: 'bullseye', released: '2021-08-14', eol: '2024-08-14', ltsEnd: '2026-08-31', source: DEBIAN, asOf: '2026-11-29' },
  // Announced as 2026-06-10 when bookworm became oldstable; later pages give 2026-07-11, the date of the last
  // bookworm point release (the Release file in ../shared/size-data is dated 2026-07-11). The later date is used.
  { version: '12', codename: 'bookworm', released: '2023-06-10', eol: '2026-07-11', ltsEnd: '2028-06-30', source: DEBIAN, asOf: '2026-11-29' },
  { version: '13', codename: 'trixie', released: '2025-08-09', eol: '2028-08-09', ltsEnd: '2030-06-30', planned: true, source: DEBIAN, asOf: '2026-11-29' },
  // forky is "testing": no release date announced; Debian releases roughly every two years.
  { version: '14', codename: 'forky', released: '2027', eol: '2030', planned: true, source: `${DEBIAN} (forky: testing, dates not announced)`, asOf: '2026-11-29' },
];

const ALPINE = 'alpinelinux.org/releases (main repository supported 2 years from the branch release)';

export const ALPINE_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '3.15', released: '2021-11-24', eol: '2023-11-01', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.16', released: '2022-05-23', eol: '2024-05-23', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.17', released: '2022-11-22', eol: '2024-11-22', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.18', released: '2023-05-09', eol: '2025-05-09', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.19', released: '2023-12-07', eol: '2025-11-01', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.20', released: '2024-05-22', eol: '2026-04-01', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.21', released: '2024-12-05', eol: '2026-11-01', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.22', released: '2025-05-30', eol: '2027-05-01', source: ALPINE, asOf: '2026-11-29' },
  { version: '3.23', released: '2025-12-03', eol: '2027-11-01', source: ALPINE, asOf: '2026-11-29' },
  // Released in 2026-05 (3.24.2 is in repo-info by 2026-09); end date from the two-year policy.
  { version: '3.24', released: '2026-05', eol: '2028-05', planned: true, source: `${ALPINE}; end derived from the policy`, asOf: '2026-11-29' },
];

const UBUNTU = 'ubuntu.com/about/release-cycle and wiki.ubuntu.com/Releases (end of standard support)';

/** Ubuntu: LTS gets five years of standard support (ESM beyond that is paid), interim releases nine months. */
export const UBUNTU_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '20.04', codename: 'focal', released: '2020-04-23', eol: '2025-05-31', source: UBUNTU, asOf: '2026-11-29' },
  // Sources disagree between April and June 2027; June is Canonical's release-cycle page.
  { version: '22.04', codename: 'jammy', released: '2022-04-21', eol: '2027-06', source: UBUNTU, asOf: '2026-11-29' },
  { version: '24.04', codename: 'noble', released: '2024-04-25', eol: '2029-05', source: UBUNTU, asOf: '2026-11-29' },
  { version: '24.10', codename: 'oracular', released: '2024-10-10', eol: '2025-07-10', source: UBUNTU, asOf: '2026-11-29' },
  { version: '25.04', codename: 'plucky', released: '2025-04-17', eol: '2026-01', source: UBUNTU, asOf: '2026-11-29' },
  { version: '25.10', codename: 'questing', released: '2025-10-09', eol: '2026-07', source: UBUNTU, asOf: '2026-11-29' },
  { version: '26.04', codename: 'resolute', released: '2026-04', eol: '2031-05', planned: true, source: UBUNTU, asOf: '2026-11-29' },
];

const TABLES: Readonly<Record<EolKind, readonly ReleaseLifecycle[]>> = {
  python: PYTHON_RELEASES,
  debian: DEBIAN_RELEASES,
  alpine: ALPINE_RELEASES,
  ubuntu: UBUNTU_RELEASES,
};

/** Accepts `3.12.4`, `bookworm`, `12`, `12.7`, `3.21.3`, `noble`, `24.04.1`. */
export function releaseLifecycle(kind: EolKind, version: string): ReleaseLifecycle | undefined {
  const v = version.trim().toLowerCase();
  const rows = TABLES[kind];
  const byCodename = rows.find((r) => r.codename === v);
  if (byCodename) return byCodename;
  const parts = v.split('.');
  const key = kind === 'debian' ? parts[0] : parts.slice(0, 2).join('.');
  return rows.find((r) => r.version === key);
}

/** First instant after a date given as `YYYY`, `YYYY-MM` or `YYYY-MM-DD` (UTC). */
function endOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  if (y === undefined || Number.isNaN(y)) return Number.NaN;
  if (m === undefined) return Date.UTC(y + 1, 0, 1);
  if (d === undefined) return Date.UTC(y, m, 1);
  return Date.UTC(y, m - 1, d + 1);
}

/**
 * Whether `version` is past its end of life on `today`; undefined when the version is not in the table.
 * `lts: true` counts Debian LTS as support (EOL = LTS end).
 */
export function isEndOfLife(kind: EolKind, version: string, today: Date, options: { lts?: boolean } = {}): boolean | undefined {
  const r = releaseLifecycle(kind, version);
  if (!r) return undefined;
  const end = options.lts && r.ltsEnd ? r.ltsEnd : r.eol;
  return today.getTime() >= endOf(end);
}
