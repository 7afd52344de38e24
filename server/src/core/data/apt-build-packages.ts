// Which apt/apk packages are only needed to build (compilers, headers), and the runtime library each -dev pairs with.
import type { Sourced } from './provenance';

export type PackageManager = 'apt' | 'apk';
export type BuildOnlyCategory = 'compiler' | 'build-tool' | 'headers' | 'meta' | 'vcs';

export interface BuildOnlyEntry {
  readonly name: string;
  readonly category: BuildOnlyCategory;
  /** Set when the package is sometimes wanted at run time too (e.g. `git` for pip's VCS URLs, then gone). */
  readonly note?: string;
}

export interface DevRuntimePair extends Sourced {
  readonly dev: string;
  /** Runtime packages that keep the built extension working, per Debian release (apk: one list for all). */
  readonly runtime: { readonly bookworm?: readonly string[]; readonly trixie?: readonly string[]; readonly alpine?: readonly string[] };
  /** True when every Debian name here was checked against ../shared/size-data/apt-closure-members.tsv. */
  readonly checkedInData: boolean;
}

const DATA = 'Debian Packages indexes (bookworm and trixie, fetched 2026-11-29)';
const DATA_AS_OF = '2026-11-29';
const KNOWLEDGE_DEB = 'packages.debian.org (from knowledge; not in the size data)';
const KNOWLEDGE_APK = 'pkgs.alpinelinux.org / aports (from knowledge; the size data has no Alpine packages)';

const e = (name: string, category: BuildOnlyCategory, note?: string): BuildOnlyEntry =>
  note ? { name, category, note } : { name, category };

/** apt packages needed only while building wheels or code (beyond the generic `*-dev` rule). */
export const APT_BUILD_ONLY: readonly BuildOnlyEntry[] = [
  e('build-essential', 'meta'),
  e('gcc', 'compiler'),
  e('g++', 'compiler'),
  e('cpp', 'compiler'),
  e('clang', 'compiler'),
  e('gfortran', 'compiler'),
  e('rustc', 'compiler'),
  e('cargo', 'compiler'),
  e('make', 'build-tool'),
  e('cmake', 'build-tool'),
  e('ninja-build', 'build-tool'),
  e('meson', 'build-tool'),
  e('pkg-config', 'build-tool'),
  e('pkgconf', 'build-tool'),
  e('autoconf', 'build-tool'),
  e('automake', 'build-tool'),
  e('libtool', 'build-tool'),
  e('swig', 'build-tool'),
  e('binutils', 'build-tool'),
  e('dpkg-dev', 'build-tool'),
  e('patch', 'build-tool'),
  e('python3-dev', 'headers', 'installs Debian\'s own Python; python:* images already ship headers for /usr/local'),
  e('libpython3-dev', 'headers'),
  e('git', 'vcs', 'needed at build time for `pip install git+https://…`; rarely at run time'),
];

/** apk packages needed only while building. */
export const APK_BUILD_ONLY: readonly BuildOnlyEntry[] = [
  e('build-base', 'meta'),
  e('alpine-sdk', 'meta'),
  e('gcc', 'compiler'),
  e('g++', 'compiler'),
  e('clang', 'compiler'),
  e('gfortran', 'compiler'),
  e('rust', 'compiler'),
  e('cargo', 'compiler'),
  e('musl-dev', 'headers'),
  e('linux-headers', 'headers'),
  e('libc-dev', 'headers'),
  e('python3-dev', 'headers'),
  e('make', 'build-tool'),
  e('cmake', 'build-tool'),
  e('samurai', 'build-tool'),
  e('ninja', 'build-tool'),
  e('pkgconf', 'build-tool'),
  e('pkgconfig', 'build-tool'),
  e('autoconf', 'build-tool'),
  e('automake', 'build-tool'),
  e('libtool', 'build-tool'),
  e('swig', 'build-tool'),
  e('binutils', 'build-tool'),
  e('patch', 'build-tool'),
  e('git', 'vcs', 'needed at build time for `pip install git+https://…`; rarely at run time'),
];

const pair = (
  dev: string,
  bookworm: readonly string[],
  trixie: readonly string[],
  checkedInData = true,
): DevRuntimePair => ({
  dev,
  runtime: { bookworm, trixie },
  checkedInData,
  source: checkedInData ? DATA : KNOWLEDGE_DEB,
  asOf: DATA_AS_OF,
});

/**
 * Debian -dev → runtime library. Names with `t64` are trixie's 64-bit time_t transition renames; every name
 * below is in apt-closure-members.tsv for that dist unless `checkedInData` is false.
 */
export const APT_DEV_RUNTIME: readonly DevRuntimePair[] = [
  pair('libpq-dev', ['libpq5'], ['libpq5']),
  pair('default-libmysqlclient-dev', ['libmariadb3'], ['libmariadb3']),
  pair('libmariadb-dev', ['libmariadb3'], ['libmariadb3']),
  pair('libmariadb-dev-compat', ['libmariadb3'], ['libmariadb3']),
  pair('libjpeg-dev', ['libjpeg62-turbo'], ['libjpeg62-turbo']),
  pair('libjpeg62-turbo-dev', ['libjpeg62-turbo'], ['libjpeg62-turbo']),
  pair('zlib1g-dev', ['zlib1g'], ['zlib1g']),
  // trixie's libxml2 is still called libxml2 (2.12.7+dfsg+really2.9.14); libxml2-16 is not in trixie.
  pair('libxml2-dev', ['libxml2'], ['libxml2']),
  pair('libxslt1-dev', ['libxslt1.1'], ['libxslt1.1']),
  pair('libffi-dev', ['libffi8'], ['libffi8']),
  pair('libssl-dev', ['libssl3'], ['libssl3t64']),
  pair('libgeos-dev', ['libgeos-c1v5'], ['libgeos-c1t64']),
  pair('libgdal-dev', ['libgdal32'], ['libgdal36']),
  pair('libproj-dev', ['libproj25'], ['libproj25']),
  pair('libopenblas-dev', ['libopenblas0'], ['libopenblas0']),
  pair('liblapack-dev', ['liblapack3'], ['liblapack3']),
  pair('libblas-dev', ['libblas3'], ['libblas3']),
  pair('libhdf5-dev', ['libhdf5-103-1'], ['libhdf5-310']),
  pair('libsnappy-dev', ['libsnappy1v5'], ['libsnappy1v5']),
  pair('liblz4-dev', ['liblz4-1'], ['liblz4-1']),
  pair('libzstd-dev', ['libzstd1'], ['libzstd1']),
  pair('libcairo2-dev', ['libcairo2'], ['libcairo2']),
  pair('libpango1.0-dev', ['libpango-1.0-0', 'libpangocairo-1.0-0'], ['libpango-1.0-0', 'libpangocairo-1.0-0']),
  pair('libmagic-dev', ['libmagic1'], ['libmagic1t64']),
  pair('libldap2-dev', ['libldap-2.5-0'], ['libldap2']),
  pair('libldap-dev', ['libldap-2.5-0'], ['libldap2']),
  pair('libsasl2-dev', ['libsasl2-2'], ['libsasl2-2']),
  pair('libkrb5-dev', ['libkrb5-3', 'libgssapi-krb5-2'], ['libkrb5-3', 'libgssapi-krb5-2']),
  pair('freetds-dev', ['libsybdb5'], ['libsybdb5']),
  pair('unixodbc-dev', ['libodbc2', 'libodbcinst2'], ['libodbc2', 'libodbcinst2']),
  pair('libgmp-dev', ['libgmp10'], ['libgmp10']),
  pair('libyaml-dev', ['libyaml-0-2'], ['libyaml-0-2']),
  pair('libpng-dev', ['libpng16-16'], ['libpng16-16t64']),
  pair('libfreetype-dev', ['libfreetype6'], ['libfreetype6']),
  pair('libfreetype6-dev', ['libfreetype6'], ['libfreetype6']),
  pair('libtiff-dev', ['libtiff6'], ['libtiff6']),
  pair('libwebp-dev', ['libwebp7'], ['libwebp7']),
  pair('liblcms2-dev', ['liblcms2-2'], ['liblcms2-2']),
  pair('libopenjp2-7-dev', ['libopenjp2-7'], ['libopenjp2-7']),
  pair('libcurl4-openssl-dev', ['libcurl4'], ['libcurl4t64']),
  pair('libsqlite3-dev', ['libsqlite3-0'], ['libsqlite3-0']),
  pair('libbz2-dev', ['libbz2-1.0'], ['libbz2-1.0']),
  pair('liblzma-dev', ['liblzma5'], ['liblzma5']),
  pair('libreadline-dev', ['libreadline8'], ['libreadline8t64']),
  pair('libncurses-dev', ['libncursesw6', 'libtinfo6'], ['libncursesw6', 'libtinfo6']),
  pair('libzmq3-dev', ['libzmq5'], ['libzmq5']),
  pair('libevent-dev', ['libevent-2.1-7'], ['libevent-2.1-7t64']),
  pair('libdbus-1-dev', ['libdbus-1-3'], ['libdbus-1-3']),
  pair('libsystemd-dev', ['libsystemd0'], ['libsystemd0']),
  pair('libcups2-dev', ['libcups2'], ['libcups2t64']),
  pair('libpcre3-dev', ['libpcre3'], []),
  pair('libpcre2-dev', ['libpcre2-8-0'], ['libpcre2-8-0']),
  pair('libgirepository1.0-dev', ['libgirepository-1.0-1'], ['libgirepository-1.0-1']),
  pair('libglib2.0-dev', ['libglib2.0-0'], ['libglib2.0-0t64']),
  // Not among the packages the data set closed over.
  pair('libgdbm-dev', ['libgdbm6'], ['libgdbm6t64'], false),
  pair('libsnmp-dev', ['libsnmp40'], ['libsnmp40t64'], false),
  pair('librdkafka-dev', ['librdkafka1'], ['librdkafka1'], false),
];

const apkPair = (dev: string, alpine: readonly string[]): DevRuntimePair => ({
  dev,
  runtime: { alpine },
  checkedInData: false,
  source: KNOWLEDGE_APK,
  asOf: DATA_AS_OF,
});

/** Alpine -dev → runtime library. */
export const APK_DEV_RUNTIME: readonly DevRuntimePair[] = [
  apkPair('postgresql-dev', ['libpq']),
  apkPair('libpq-dev', ['libpq']),
  apkPair('mariadb-dev', ['mariadb-connector-c']),
  apkPair('mariadb-connector-c-dev', ['mariadb-connector-c']),
  apkPair('jpeg-dev', ['libjpeg-turbo']),
  apkPair('libjpeg-turbo-dev', ['libjpeg-turbo']),
  apkPair('zlib-dev', ['zlib']),
  apkPair('libffi-dev', ['libffi']),
  apkPair('openssl-dev', ['libssl3', 'libcrypto3']),
  apkPair('libxml2-dev', ['libxml2']),
  apkPair('libxslt-dev', ['libxslt']),
  apkPair('geos-dev', ['geos']),
  apkPair('gdal-dev', ['gdal']),
  apkPair('proj-dev', ['proj']),
  apkPair('openblas-dev', ['openblas']),
  apkPair('freetype-dev', ['freetype']),
  apkPair('libpng-dev', ['libpng']),
  apkPair('tiff-dev', ['tiff']),
  apkPair('libwebp-dev', ['libwebp']),
  apkPair('lcms2-dev', ['lcms2']),
  apkPair('openjpeg-dev', ['openjpeg']),
  apkPair('yaml-dev', ['yaml']),
  apkPair('cairo-dev', ['cairo']),
  apkPair('pango-dev', ['pango']),
  apkPair('unixodbc-dev', ['unixodbc']),
  apkPair('freetds-dev', ['freetds']),
  apkPair('krb5-dev', ['krb5-libs']),
  apkPair('openldap-dev', ['libldap']),
  apkPair('cyrus-sasl-dev', ['libsasl']),
  apkPair('gmp-dev', ['gmp']),
  apkPair('file-dev', ['libmagic']),
  apkPair('snappy-dev', ['snappy']),
  apkPair('lz4-dev', ['lz4-libs']),
  apkPair('zstd-dev', ['zstd-libs']),
  apkPair('hdf5-dev', ['hdf5']),
  apkPair('librdkafka-dev', ['librdkafka']),
  apkPair('sqlite-dev', ['sqlite-libs']),
  apkPair('bzip2-dev', ['libbz2']),
  apkPair('xz-dev', ['xz-libs']),
  apkPair('readline-dev', ['readline']),
  apkPair('ncurses-dev', ['ncurses-libs']),
  apkPair('curl-dev', ['libcurl']),
];

/** `pkg=1.2-3`, `pkg/bookworm-backports`, `pkg:amd64`, `pkg>1.2` → `pkg`. */
export function packageBaseName(spec: string): string {
  return spec.trim().toLowerCase().replace(/[=<>~/].*$/, '').replace(/:[a-z0-9]+$/, '');
}

function buildOnlyList(manager: PackageManager): readonly BuildOnlyEntry[] {
  return manager === 'apt' ? APT_BUILD_ONLY : APK_BUILD_ONLY;
}

/** Why `name` is build-only, or undefined when it may be needed at run time. */
export function buildOnlyCategory(name: string, manager: PackageManager): BuildOnlyCategory | undefined {
  const pkg = packageBaseName(name);
  const listed = buildOnlyList(manager).find((b) => b.name === pkg);
  if (listed) return listed.category;
  // Versioned toolchains: gcc-12, g++-14, clang-19, python3.11-dev, llvm-17.
  if (/^(gcc|g\+\+|cpp|gfortran|clang|llvm)-\d+(\.\d+)?$/.test(pkg)) return 'compiler';
  // The generic rule: headers and static libraries for linking.
  if (pkg.endsWith('-dev') || /-dev-compat$/.test(pkg)) return 'headers';
  return undefined;
}

/** True for compilers, build tools and `*-dev` headers: nothing the running app needs. */
export function isBuildOnlyPackage(name: string, manager: PackageManager): boolean {
  return buildOnlyCategory(name, manager) !== undefined;
}

/**
 * Runtime packages to keep when `devName` is dropped from the final stage, or undefined when unknown.
 * `dist` selects the Debian release (default trixie, what `python:3.x` uses); it is ignored for apk.
 */
export function runtimePackageFor(
  devName: string,
  manager: PackageManager,
  dist: 'bookworm' | 'trixie' = 'trixie',
): readonly string[] | undefined {
  const pkg = packageBaseName(devName);
  if (manager === 'apk') return APK_DEV_RUNTIME.find((p) => p.dev === pkg)?.runtime.alpine;
  const runtime = APT_DEV_RUNTIME.find((p) => p.dev === pkg)?.runtime[dist];
  return runtime && runtime.length > 0 ? runtime : undefined;
}
