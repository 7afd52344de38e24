// End-of-life dates for CPython minors and the Debian, Alpine, Ubuntu and CentOS releases base images are built on.
import type { Sourced } from './provenance';

export type EolKind = 'python' | 'debian' | 'alpine' | 'ubuntu' | 'centos';

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

const DEVGUIDE = 'the Python Developer\'s Guide, "Status of Python versions" (devguide.python.org/versions)';
const PY_AS_OF = '2026-11-29';

/** CPython: five years per minor (PEP 602); the devguide gives month-only dates for branches not yet closed. */
export const PYTHON_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '2.6', released: '2008-10-01', eol: '2013-10-29', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '2.7', released: '2010-07-03', eol: '2020-01-01', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.0', released: '2008-12-03', eol: '2009-06-27', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.1', released: '2009-06-27', eol: '2012-04-09', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.2', released: '2011-02-20', eol: '2016-02-20', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.3', released: '2012-09-29', eol: '2017-09-29', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.4', released: '2014-03-16', eol: '2019-03-18', source: DEVGUIDE, asOf: PY_AS_OF },
  { version: '3.5', released: '2015-09-13', eol: '2020-09-30', source: DEVGUIDE, asOf: PY_AS_OF },
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

const DEBIAN = 'Debian\'s release and LTS pages (wiki.debian.org/DebianReleases, wiki.debian.org/LTS), checked against endoflife.date/debian';

/** Debian: about three years of security support, then LTS to five years. */
export const DEBIAN_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '7', codename: 'wheezy', released: '2013-05-04', eol: '2016-04-25', ltsEnd: '2018-05-31', source: DEBIAN, asOf: '2026-12-01' },
  { version: '8', codename: 'jessie', released: '2015-04-25', eol: '2018-06-17', ltsEnd: '2020-06-30', source: DEBIAN, asOf: '2026-12-01' },
  // Security support ended with the last point release (9.13); LTS ran to the end of June 2022.
  { version: '9', codename: 'stretch', released: '2017-06-17', eol: '2020-07-18', ltsEnd: '2022-06-30', source: DEBIAN, asOf: '2026-12-01' },
  { version: '10', codename: 'buster', released: '2019-07-06', eol: '2022-09-10', ltsEnd: '2024-06-30', source: DEBIAN, asOf: '2026-11-29' },
  { version: '11', codename: 'bullseye', released: '2021-08-14', eol: '2024-08-14', ltsEnd: '2026-08-31', source: DEBIAN, asOf: '2026-11-29' },
  // Announced as 2026-06-10 when bookworm became oldstable; later pages give 2026-07-11, the date of the last
  // bookworm point release (the Release file in ../shared/size-data is dated 2026-07-11). The later date is used.
  { version: '12', codename: 'bookworm', released: '2023-06-10', eol: '2026-07-11', ltsEnd: '2028-06-30', source: DEBIAN, asOf: '2026-11-29' },
  { version: '13', codename: 'trixie', released: '2025-08-09', eol: '2028-08-09', ltsEnd: '2030-06-30', planned: true, source: DEBIAN, asOf: '2026-11-29' },
  // forky is "testing": no release date announced; Debian releases roughly every two years.
  { version: '14', codename: 'forky', released: '2027', eol: '2030', planned: true, source: `${DEBIAN} (forky: testing, dates not announced)`, asOf: '2026-11-29' },
];

const ALPINE = 'Alpine Linux releases page (alpinelinux.org/releases: the main repository is supported 2 years from the branch release), checked against endoflife.date/alpine';

export const ALPINE_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '3.4', released: '2016-05-31', eol: '2018-05-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.5', released: '2016-12-22', eol: '2018-11-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.6', released: '2017-05-24', eol: '2019-05-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.7', released: '2017-11-30', eol: '2019-11-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.8', released: '2018-06-26', eol: '2020-05-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.9', released: '2019-01-29', eol: '2020-11-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.10', released: '2019-06-19', eol: '2021-05-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.11', released: '2019-12-19', eol: '2021-11-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.12', released: '2020-05-29', eol: '2022-05-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.13', released: '2021-01-14', eol: '2022-11-01', source: ALPINE, asOf: '2026-12-01' },
  { version: '3.14', released: '2021-06-15', eol: '2023-05-01', source: ALPINE, asOf: '2026-12-01' },
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

const UBUNTU = 'Ubuntu\'s release pages (ubuntu.com/about/release-cycle, wiki.ubuntu.com/Releases: end of standard support), checked against endoflife.date/ubuntu';

/** Ubuntu: LTS gets five years of standard support (ESM beyond that is paid), interim releases nine months. */
export const UBUNTU_RELEASES: readonly ReleaseLifecycle[] = [
  // The LTS pages give only the month for 14.04 and 16.04 (paid ESM continues beyond it).
  { version: '14.04', codename: 'trusty', released: '2014-04-17', eol: '2019-04', source: UBUNTU, asOf: '2026-12-01' },
  { version: '16.04', codename: 'xenial', released: '2016-04-21', eol: '2021-04', source: UBUNTU, asOf: '2026-12-01' },
  { version: '16.10', codename: 'yakkety', released: '2016-10-13', eol: '2017-07-20', source: UBUNTU, asOf: '2026-12-01' },
  { version: '17.04', codename: 'zesty', released: '2017-04-13', eol: '2018-01-13', source: UBUNTU, asOf: '2026-12-01' },
  { version: '17.10', codename: 'artful', released: '2017-10-19', eol: '2018-07-19', source: UBUNTU, asOf: '2026-12-01' },
  { version: '18.04', codename: 'bionic', released: '2018-04-26', eol: '2023-05-31', source: UBUNTU, asOf: '2026-12-01' },
  { version: '18.10', codename: 'cosmic', released: '2018-10-18', eol: '2019-07-18', source: UBUNTU, asOf: '2026-12-01' },
  { version: '19.04', codename: 'disco', released: '2019-04-18', eol: '2020-01-23', source: UBUNTU, asOf: '2026-12-01' },
  { version: '19.10', codename: 'eoan', released: '2019-10-17', eol: '2020-07-06', source: UBUNTU, asOf: '2026-12-01' },
  { version: '20.04', codename: 'focal', released: '2020-04-23', eol: '2025-05-31', source: UBUNTU, asOf: '2026-11-29' },
  // Sources disagree between April and June 2027; June is Canonical's release-cycle page.
  { version: '20.10', codename: 'groovy', released: '2020-10-22', eol: '2021-07-22', source: UBUNTU, asOf: '2026-12-01' },
  { version: '21.04', codename: 'hirsute', released: '2021-04-22', eol: '2022-01-20', source: UBUNTU, asOf: '2026-12-01' },
  { version: '21.10', codename: 'impish', released: '2021-10-14', eol: '2022-07-14', source: UBUNTU, asOf: '2026-12-01' },
  { version: '22.04', codename: 'jammy', released: '2022-04-21', eol: '2027-06', source: UBUNTU, asOf: '2026-11-29' },
  { version: '22.10', codename: 'kinetic', released: '2022-10-20', eol: '2023-07-20', source: UBUNTU, asOf: '2026-12-01' },
  { version: '23.04', codename: 'lunar', released: '2023-04-20', eol: '2024-01-20', source: UBUNTU, asOf: '2026-12-01' },
  { version: '23.10', codename: 'mantic', released: '2023-10-12', eol: '2024-07-12', source: UBUNTU, asOf: '2026-12-01' },
  { version: '24.04', codename: 'noble', released: '2024-04-25', eol: '2029-05', source: UBUNTU, asOf: '2026-11-29' },
  { version: '24.10', codename: 'oracular', released: '2024-10-10', eol: '2025-07-10', source: UBUNTU, asOf: '2026-11-29' },
  { version: '25.04', codename: 'plucky', released: '2025-04-17', eol: '2026-01', source: UBUNTU, asOf: '2026-11-29' },
  { version: '25.10', codename: 'questing', released: '2025-10-09', eol: '2026-07', source: UBUNTU, asOf: '2026-11-29' },
  { version: '26.04', codename: 'resolute', released: '2026-04', eol: '2031-05', planned: true, source: UBUNTU, asOf: '2026-11-29' },
];

const CENTOS = 'CentOS project announcements (blog.centos.org, centos.org/centos-linux-eol), checked against endoflife.date/centos and endoflife.date/centos-stream';

/** CentOS Linux (every release is past its end; the `centos` image is no longer updated) and CentOS Stream. */
export const CENTOS_RELEASES: readonly ReleaseLifecycle[] = [
  { version: '5', released: '2007-04-12', eol: '2017-03-31', source: CENTOS, asOf: '2026-12-01' },
  { version: '6', released: '2011-07-10', eol: '2020-11-30', source: CENTOS, asOf: '2026-12-01' },
  { version: '7', released: '2014-07-07', eol: '2024-06-30', source: CENTOS, asOf: '2026-12-01' },
  // Cut short when CentOS moved to Stream: announced 2020-12-08.
  { version: '8', released: '2019-09-24', eol: '2021-12-31', source: CENTOS, asOf: '2026-12-01' },
  { version: 'stream8', released: '2019-09-24', eol: '2024-05-31', source: CENTOS, asOf: '2026-12-01' },
  { version: 'stream9', released: '2021-12-03', eol: '2027-05-31', planned: true, source: CENTOS, asOf: '2026-12-01' },
];

const TABLES: Readonly<Record<EolKind, readonly ReleaseLifecycle[]>> = {
  python: PYTHON_RELEASES,
  debian: DEBIAN_RELEASES,
  alpine: ALPINE_RELEASES,
  ubuntu: UBUNTU_RELEASES,
  centos: CENTOS_RELEASES,
};

/** Accepts `3.12.4`, `bookworm`, `12`, `12.7`, `3.21.3`, `noble`, `24.04.1`. */
export function releaseLifecycle(kind: EolKind, version: string): ReleaseLifecycle | undefined {
  const v = version.trim().toLowerCase();
  const rows = TABLES[kind];
  const byCodename = rows.find((r) => r.codename === v);
  if (byCodename) return byCodename;
  const parts = v.split('.');
  const key = kind === 'debian' || kind === 'centos' ? parts[0] : parts.slice(0, 2).join('.');
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
