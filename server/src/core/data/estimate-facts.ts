// Dated constants the size estimator needs beyond the generated tables: apt lists, venv, compression, fallbacks.
import type { Sourced } from './provenance';

/** A figure with a typical value and a range, in bytes or as a factor, with where it comes from. */
export interface RangedFact extends Sourced {
  readonly typical: number;
  readonly low: number;
  readonly high: number;
  /** True when the figure is an estimate or a fallback rather than a measurement. */
  readonly estimated: boolean;
}

const MB = 1_000_000;
// Sources in words a user can check: what was measured or published, by whom, when — never a file of this repository.
const BUILDLAB = 'Layerwise test builds (podman on Debian 12, sizes measured per layer, 2026-11)';
const AS_OF = '2026-11-29';

/**
 * `apt-get update` lists kept in the layer. Debian's official images store them gzip-compressed
 * (`docker-gzip-indexes`): the measured layer of `apt-get update && apt-get install gcc libpq-dev` on
 * python:3.11-bookworm (both already installed) was 19.9 MB; the size-data notes give 20-22 MB compressed and
 * ~59 MB uncompressed for trixie.
 */
export const APT_LISTS_DEBIAN: RangedFact = {
  typical: 20 * MB,
  low: 15 * MB,
  high: 25 * MB,
  estimated: false,
  source: `${BUILDLAB}: a layer holding only the \`apt-get update\` lists measured 19.9 MB; Debian\'s gzip-compressed lists are 20–22 MB`,
  asOf: AS_OF,
};

/** Ubuntu keeps its lists uncompressed: the size-data's uncompressed trixie figure (~59 MB) bounds it. */
export const APT_LISTS_OTHER: RangedFact = {
  typical: 45 * MB,
  low: 20 * MB,
  high: 65 * MB,
  estimated: true,
  source: 'Debian package lists, 2026-11: ~20–22 MB gzip-compressed (as the official images keep them), ~59 MB uncompressed; Ubuntu keeps them uncompressed',
  asOf: AS_OF,
};

/**
 * Debian Installed-Size counts /usr/share/doc, man pages and locales, which Debian's slim images exclude through
 * dpkg path filters: the simulated python-slim base sums to 122-126 MiB while the measured debian:*-slim images
 * are 75-79 MB. Packages added on top lose a smaller share (mostly binaries and headers).
 */
export const DEBIAN_ON_DISK_FACTOR: RangedFact = {
  typical: 0.9,
  low: 0.62,
  high: 1.0,
  estimated: true,
  source: 'Debian Installed-Size sums for a simulated python:*-slim base (122–126 MiB) against the published images (75–79 MB), 2026-11',
  asOf: AS_OF,
};

/**
 * `apt-get install` without `--no-install-recommends`: the data holds closures without recommends only. One
 * measured build gives the factor: python:3.11-slim-bookworm + `apt-get install -y gcc libpq-dev` (recommends on,
 * lists kept) added 271.3 MB, of which ~20 MB lists, against a 197 MB closure without recommends (bookworm,
 * Installed-Size x0.9). Recommends vary a lot by package, hence the wide range.
 */
export const APT_RECOMMENDS_FACTOR: RangedFact = {
  typical: 1.4,
  low: 1.0,
  high: 2.5,
  estimated: true,
  source: `${BUILDLAB}: a slim layer installing gcc + libpq-dev measured 271.3 MB, against the Installed-Size sum of their no-recommends closure in the Debian Packages index`,
  asOf: AS_OF,
};

/** gzip size over uncompressed size for layers Layerwise estimates (what `docker pull` transfers). */
export const LAYER_GZIP_RATIO: RangedFact = {
  typical: 0.38,
  low: 0.25,
  high: 0.55,
  estimated: true,
  source: `${BUILDLAB}: gzip-compressed layers were 37–39 % of the on-disk size for the measured app images`,
  asOf: AS_OF,
};

/** Uncompressed over compressed, for base images whose table row has only the compressed (download) size. */
export const BASE_UNCOMPRESS_RATIO: RangedFact = {
  typical: 2.7,
  low: 2.2,
  high: 3.2,
  estimated: true,
  source: 'docker-library/repo-info published sizes, 2026-11: python + ca-certificates layers ×3.03 from download to disk; debian:trixie-slim 29.8 → 78.6 MB = ×2.64',
  asOf: AS_OF,
};

/**
 * What `python -m venv` adds: pip (~14 MB) and, for Python 3.11 and older, setuptools + pkg_resources (~8 MB).
 * Measured: the copied /opt/venv of the buildlab multi-stage image was 30.4 MB, of which app deps ~7 MB.
 */
export const VENV_WITH_SETUPTOOLS: RangedFact = {
  typical: 22 * MB,
  low: 18 * MB,
  high: 26 * MB,
  estimated: false,
  source: `${BUILDLAB}: multi-stage /opt/venv 30.4 MB = pip 14 MB + setuptools/pkg_resources 8 MB + app ~7 MB (Python 3.11)`,
  asOf: AS_OF,
};

export const VENV_PIP_ONLY: RangedFact = {
  typical: 14 * MB,
  low: 11 * MB,
  high: 17 * MB,
  estimated: true,
  source: `${BUILDLAB}: pip 14 MB inside the measured venv; Python 3.12+ venvs no longer include setuptools`,
  asOf: AS_OF,
};

/** pip's cache holds every downloaded file (and every locally built wheel): about 1x the download. */
export const PIP_CACHE_FACTOR: RangedFact = {
  typical: 1.0,
  low: 0.95,
  high: 1.1,
  estimated: false,
  source: 'pip documentation (Caching): the cache keeps downloaded wheels and sdists and the wheels pip built, so ≈ the download',
  asOf: AS_OF,
};

/** uv's cache keeps unpacked wheels: about the installed size (without .pyc). */
export const UV_CACHE_FACTOR: RangedFact = {
  typical: 1.0,
  low: 0.8,
  high: 1.2,
  estimated: true,
  source: 'uv documentation (Caching): the cache keeps unpacked wheels, ≈ the installed size',
  asOf: AS_OF,
};

/** Installed over wheel size for very large native wheels (CUDA libraries, torch), whose .so files barely compress. */
export const LARGE_NATIVE_WHEEL_RATIO: RangedFact = {
  typical: 1.9,
  low: 1.5,
  high: 2.8,
  estimated: true,
  source: 'secondary, public reports: IBM/text-generation-inference PR #50 (cudnn 1.2 GB installed from a 665 MB wheel); devcontainers/images #856 (torch 1.4 GB installed)',
  asOf: AS_OF,
};

/** Wheels at least this big use LARGE_NATIVE_WHEEL_RATIO instead of the measured medians (which come from small wheels). */
export const LARGE_WHEEL_BYTES = 100 * MB;

/** CPU-only torch from download.pytorch.org/whl/cpu: the index publishes no sizes (size-data gap). */
export const TORCH_CPU_WHEEL: RangedFact = {
  typical: 190 * MB,
  low: 175 * MB,
  high: 210 * MB,
  estimated: true,
  source: 'secondary, public reports: "less than 200MB" (pfnet/pytorch-pfn-extras PR #608); ~180 MB for 1.9.1+cpu (pytorch/pytorch #17621)',
  asOf: AS_OF,
};

export const TORCH_CPU_INSTALLED: RangedFact = {
  typical: 800 * MB,
  low: 700 * MB,
  high: 900 * MB,
  estimated: true,
  source: 'secondary: CPU torch wheels from download.pytorch.org install to ~0.7–0.9 GB',
  asOf: AS_OF,
};

/** A pip package the data does not know. Deliberately wide: most packages are small, a few are huge. */
export const UNKNOWN_PIP_PACKAGE: RangedFact = {
  typical: 5 * MB,
  low: 0.1 * MB,
  high: 100 * MB,
  estimated: true,
  source: 'package not in the PyPI size data: sized as a typical PyPI package (wide range)',
  asOf: AS_OF,
};

/** Installed size of a package built from its sdist, as a factor of the sdist size (C sources, tests and docs drop out). */
export const SDIST_INSTALLED_FACTOR: RangedFact = {
  typical: 1.0,
  low: 0.3,
  high: 3.0,
  estimated: true,
  source: 'no wheel, built from the sdist: installed size taken as ~1× the sdist (0.3–3×)',
  asOf: AS_OF,
};

/** Each dependency the data has no size for, when a package's dependency list is not known at all. */
export const UNKNOWN_DEPENDENCIES_HIGH_FACTOR = 1.0;

/** A Debian/Ubuntu package the apt data does not know. */
export const UNKNOWN_APT_PACKAGE: RangedFact = {
  typical: 10 * MB,
  low: 0.2 * MB,
  high: 150 * MB,
  estimated: true,
  source: 'package not in the Debian package data (bookworm and trixie closures over python-slim)',
  asOf: AS_OF,
};

/**
 * An Alpine package: the size-data has no Alpine package sizes. Known names use their Debian equivalent's closure
 * scaled by this factor (musl and busybox builds are leaner); unknown names use UNKNOWN_APK_PACKAGE.
 */
export const APK_FROM_DEBIAN_FACTOR: RangedFact = {
  typical: 0.7,
  low: 0.3,
  high: 1.2,
  estimated: true,
  source: 'estimate: no Alpine package data; the Debian equivalent\'s trixie closure scaled 0.3–1.2×',
  asOf: AS_OF,
};

export const UNKNOWN_APK_PACKAGE: RangedFact = {
  typical: 3 * MB,
  low: 0.1 * MB,
  high: 60 * MB,
  estimated: true,
  source: 'no Alpine package data',
  asOf: AS_OF,
};

/** apk without `--no-cache` keeps the APKINDEX files of each repository in /var/cache/apk. */
export const APK_INDEX_CACHE: RangedFact = {
  typical: 2.5 * MB,
  low: 1 * MB,
  high: 4 * MB,
  estimated: true,
  source: 'estimate: APKINDEX.*.tar.gz of the main and community repositories (about 1-3 MB each)',
  asOf: AS_OF,
};

/** Alpine name → Debian name whose closure stands in for it. */
export const APK_DEBIAN_EQUIVALENTS: Readonly<Record<string, string>> = {
  'build-base': 'build-essential',
  gcc: 'gcc',
  'g++': 'g++',
  make: 'make',
  'musl-dev': 'libc6-dev',
  'libffi-dev': 'libffi-dev',
  'openssl-dev': 'libssl-dev',
  'postgresql-dev': 'libpq-dev',
  'libpq-dev': 'libpq-dev',
  libpq: 'libpq5',
  'mariadb-dev': 'default-libmysqlclient-dev',
  'mariadb-connector-c-dev': 'default-libmysqlclient-dev',
  git: 'git',
  curl: 'curl',
  'python3-dev': 'python3-dev',
  'jpeg-dev': 'libjpeg-dev',
  'zlib-dev': 'zlib1g-dev',
  'libxml2-dev': 'libxml2-dev',
  'libxslt-dev': 'libxslt1-dev',
  'linux-headers': 'linux-libc-dev',
  cargo: 'cargo',
  rust: 'rustc',
};

/** Unknown base image: a wide range by what the name suggests. */
export const UNKNOWN_BASE: Readonly<Record<'python' | 'alpine' | 'debian' | 'other', RangedFact>> = {
  python: {
    typical: 400 * MB,
    low: 50 * MB,
    high: 1200 * MB,
    estimated: true,
    source: 'Python tag not in the published image sizes (range spans the alpine to the full official images)',
    asOf: AS_OF,
  },
  alpine: {
    typical: 50 * MB,
    low: 7 * MB,
    high: 150 * MB,
    estimated: true,
    source: 'Alpine-based image not in the published image sizes',
    asOf: AS_OF,
  },
  debian: {
    typical: 120 * MB,
    low: 70 * MB,
    high: 1100 * MB,
    estimated: true,
    source: 'Debian/Ubuntu-based image not in the published image sizes',
    asOf: AS_OF,
  },
  other: {
    typical: 200 * MB,
    low: 5 * MB,
    high: 2000 * MB,
    estimated: true,
    source: 'image not in the published image sizes',
    asOf: AS_OF,
  },
};

/** Files copied from another image (`COPY --from=image:tag`) or from a path a stage did not visibly create. */
export const UNKNOWN_COPY: RangedFact = {
  typical: 10 * MB,
  low: 0,
  high: 300 * MB,
  estimated: true,
  source: 'the copied path\'s contents are not known to Layerwise',
  asOf: AS_OF,
};

/** ADD of a URL: the download is not known offline. */
export const UNKNOWN_DOWNLOAD: RangedFact = {
  typical: 10 * MB,
  low: 0,
  high: 500 * MB,
  estimated: true,
  source: 'remote file size not known offline',
  asOf: AS_OF,
};

/** A local project installed with `pip install .` (the project's own code, not its dependencies). */
export const LOCAL_PROJECT: RangedFact = {
  typical: 1 * MB,
  low: 0.02 * MB,
  high: 50 * MB,
  estimated: true,
  source: 'a local project\'s installed size is not measured (its dependencies are not read)',
  asOf: AS_OF,
};

/**
 * Packages in the full (non-slim) official python images: buildpack-deps curl + scm + full (docker-library/
 * buildpack-deps debian/<suite>/{curl,scm,}/Dockerfile). `apt-get install` of these (and of their dependencies)
 * adds nothing on a full image.
 */
export const BUILDPACK_DEPS_PACKAGES: Sourced & { readonly packages: readonly string[] } = {
  source: 'docker-library/buildpack-deps debian/{bookworm,trixie}/{curl,scm,}/Dockerfile',
  asOf: AS_OF,
  packages: [
    'ca-certificates', 'curl', 'gnupg', 'netbase', 'wget', 'sq',
    'git', 'mercurial', 'openssh-client', 'subversion', 'procps',
    'autoconf', 'automake', 'bzip2', 'default-libmysqlclient-dev', 'dpkg-dev', 'file', 'g++', 'gcc', 'imagemagick',
    'libbz2-dev', 'libc6-dev', 'libcurl4-openssl-dev', 'libdb-dev', 'libevent-dev', 'libffi-dev', 'libgdbm-dev',
    'libglib2.0-dev', 'libgmp-dev', 'libjpeg-dev', 'libkrb5-dev', 'liblzma-dev', 'libmagickcore-dev',
    'libmagickwand-dev', 'libmaxminddb-dev', 'libncurses5-dev', 'libncursesw5-dev', 'libpng-dev', 'libpq-dev',
    'libreadline-dev', 'libsqlite3-dev', 'libssl-dev', 'libtool', 'libwebp-dev', 'libxml2-dev', 'libxslt-dev',
    'libxslt1-dev', 'libyaml-dev', 'make', 'patch', 'unzip', 'xz-utils', 'zlib1g-dev', 'build-essential', 'libpq5',
  ],
};

/** Paths commonly sent to the build context that an image rarely needs (what `.dockerignore` could drop). */
export const DOCKERIGNORE_CANDIDATES: readonly { readonly pattern: string; readonly why: string }[] = [
  { pattern: '.git', why: 'version-control history' },
  { pattern: '.venv', why: 'a local virtual environment (the image builds its own)' },
  { pattern: 'venv', why: 'a local virtual environment (the image builds its own)' },
  { pattern: 'env', why: 'a local virtual environment' },
  { pattern: 'node_modules', why: 'JavaScript dependencies installed on the host' },
  { pattern: '__pycache__', why: 'compiled bytecode of the host\'s Python' },
  { pattern: '*.pyc', why: 'compiled bytecode' },
  { pattern: '.pytest_cache', why: 'test cache' },
  { pattern: '.mypy_cache', why: 'type-checker cache' },
  { pattern: '.ruff_cache', why: 'linter cache' },
  { pattern: '.tox', why: 'tox environments' },
  { pattern: '.nox', why: 'nox environments' },
  { pattern: 'dist', why: 'built distributions' },
  { pattern: 'build', why: 'build output' },
  { pattern: '*.egg-info', why: 'packaging metadata' },
  { pattern: '.idea', why: 'editor settings' },
  { pattern: '.vscode', why: 'editor settings' },
  { pattern: '.coverage', why: 'coverage data' },
  { pattern: 'htmlcov', why: 'coverage report' },
  { pattern: '.DS_Store', why: 'macOS folder metadata' },
  { pattern: '.env', why: 'local secrets and settings' },
];
