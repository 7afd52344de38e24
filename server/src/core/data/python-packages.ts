// Container-relevant facts per PyPI package: what a source build needs, and which system libraries a wheel still loads.
import type { Sourced } from './provenance';
import { normalizePackageName, packagesWithoutMuslWheels } from './wheels';

export interface SystemPackages {
  readonly bookworm: readonly string[];
  readonly trixie: readonly string[];
  readonly alpine: readonly string[];
}

export interface PythonPackageFacts extends Sourced {
  /** PEP 503 normalized. */
  readonly name: string;
  /** Packages needed to compile it when pip builds from the sdist (no wheel for the platform, or sdist-only). */
  readonly buildRequires?: SystemPackages;
  /** System libraries the installed package loads at run time (not bundled in its wheel). */
  readonly runtimeRequires?: SystemPackages;
  /** The wheel bundles its native libraries (auditwheel/delocate), so no system package is needed to run it. */
  readonly selfContainedWheel?: boolean;
  /** A drop-in alternative that avoids the build (`psycopg2` → `psycopg2-binary`). */
  readonly alternative?: string;
  readonly note?: string;
}

const KNOWLEDGE = "project install docs and wheel contents (from knowledge); Debian names checked in apt-closure-members.tsv";
const WHEELS = '../shared/size-data/wheels.tsv (uv.lock file lists) + project install docs';
const AS_OF = '2026-11-29';

const same = (apt: readonly string[], alpine: readonly string[]): SystemPackages => ({ bookworm: apt, trixie: apt, alpine });

const FACTS: readonly PythonPackageFacts[] = [
  {
    name: 'psycopg2',
    buildRequires: same(['gcc', 'libpq-dev'], ['gcc', 'musl-dev', 'postgresql-dev']),
    runtimeRequires: same(['libpq5'], ['libpq']),
    alternative: 'psycopg2-binary',
    note: 'published as an sdist only: every install compiles',
    source: WHEELS,
    asOf: AS_OF,
  },
  {
    name: 'mysqlclient',
    buildRequires: same(['gcc', 'pkg-config', 'default-libmysqlclient-dev'], ['gcc', 'musl-dev', 'pkgconf', 'mariadb-dev']),
    runtimeRequires: same(['libmariadb3'], ['mariadb-connector-c']),
    note: 'published as an sdist only on Linux: every install compiles',
    source: WHEELS,
    asOf: AS_OF,
  },
  {
    name: 'psycopg',
    runtimeRequires: same(['libpq5'], ['libpq']),
    alternative: 'psycopg[binary]',
    note: 'pure Python; loads libpq at run time unless the binary or c extra is installed',
    source: WHEELS,
    asOf: AS_OF,
  },
  { name: 'psycopg2-binary', selfContainedWheel: true, source: WHEELS, asOf: AS_OF },
  { name: 'psycopg-binary', selfContainedWheel: true, source: WHEELS, asOf: AS_OF },
  {
    name: 'opencv-python',
    runtimeRequires: { bookworm: ['libgl1', 'libglib2.0-0'], trixie: ['libgl1', 'libglib2.0-0t64'], alpine: ['mesa-gl', 'glib'] },
    alternative: 'opencv-python-headless',
    note: 'the GUI build links libGL and GLib from the system; libgl1 alone adds ~200 MiB on Debian',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'opencv-contrib-python',
    runtimeRequires: { bookworm: ['libgl1', 'libglib2.0-0'], trixie: ['libgl1', 'libglib2.0-0t64'], alpine: ['mesa-gl', 'glib'] },
    alternative: 'opencv-contrib-python-headless',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  { name: 'opencv-python-headless', selfContainedWheel: true, source: KNOWLEDGE, asOf: AS_OF },
  {
    name: 'lxml',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'libxml2-dev', 'libxslt1-dev'], ['gcc', 'musl-dev', 'libxml2-dev', 'libxslt-dev']),
    runtimeRequires: { bookworm: [], trixie: [], alpine: [] },
    note: 'wheels bundle libxml2/libxslt; a source build needs libxml2 and libxslt1.1 at run time',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pillow',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'libjpeg-dev', 'zlib1g-dev'], ['gcc', 'musl-dev', 'jpeg-dev', 'zlib-dev']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'cryptography',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'libssl-dev', 'libffi-dev', 'cargo', 'rustc'], ['gcc', 'musl-dev', 'openssl-dev', 'libffi-dev', 'cargo', 'rust']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'cffi',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'libffi-dev'], ['gcc', 'musl-dev', 'libffi-dev']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'numpy',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'g++', 'gfortran', 'libopenblas-dev', 'pkg-config'], ['build-base', 'gfortran', 'openblas-dev', 'pkgconf']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'scipy',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'g++', 'gfortran', 'libopenblas-dev', 'pkg-config'], ['build-base', 'gfortran', 'openblas-dev', 'pkgconf']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pyodbc',
    runtimeRequires: same(['unixodbc'], ['unixodbc']),
    buildRequires: same(['g++', 'unixodbc-dev'], ['g++', 'unixodbc-dev']),
    note: 'the wheel links the system unixODBC driver manager',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pymssql',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'freetds-dev'], ['gcc', 'musl-dev', 'freetds-dev']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'python-ldap',
    buildRequires: same(['gcc', 'libldap2-dev', 'libsasl2-dev'], ['gcc', 'musl-dev', 'openldap-dev', 'cyrus-sasl-dev']),
    runtimeRequires: { bookworm: ['libldap-2.5-0', 'libsasl2-2'], trixie: ['libldap2', 'libsasl2-2'], alpine: ['libldap', 'libsasl'] },
    note: 'published as an sdist only',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'gdal',
    buildRequires: same(['g++', 'libgdal-dev'], ['g++', 'gdal-dev']),
    runtimeRequires: { bookworm: ['libgdal32'], trixie: ['libgdal36'], alpine: ['gdal'] },
    note: 'sdist only; the Python version must match the system GDAL',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pycurl',
    buildRequires: same(['gcc', 'libcurl4-openssl-dev', 'libssl-dev'], ['gcc', 'musl-dev', 'curl-dev', 'openssl-dev']),
    runtimeRequires: { bookworm: ['libcurl4'], trixie: ['libcurl4t64'], alpine: ['libcurl'] },
    note: 'a source build links the system libcurl; the manylinux wheels bundle theirs',
    source: WHEELS,
    asOf: AS_OF,
  },
  {
    name: 'python-magic',
    runtimeRequires: { bookworm: ['libmagic1'], trixie: ['libmagic1t64'], alpine: ['libmagic'] },
    note: 'pure Python; loads libmagic with ctypes',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'weasyprint',
    runtimeRequires: same(['libpango-1.0-0', 'libpangoft2-1.0-0'], ['pango']),
    note: 'pure Python; loads Pango with cffi',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pycairo',
    buildRequires: same(['gcc', 'pkg-config', 'libcairo2-dev'], ['gcc', 'musl-dev', 'pkgconf', 'cairo-dev']),
    runtimeRequires: same(['libcairo2'], ['cairo']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pygobject',
    buildRequires: same(['gcc', 'pkg-config', 'libgirepository1.0-dev', 'libcairo2-dev'], ['gcc', 'musl-dev', 'pkgconf', 'gobject-introspection-dev', 'cairo-dev']),
    runtimeRequires: same(['libgirepository-1.0-1', 'libcairo2'], ['gobject-introspection', 'cairo']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'dbus-python',
    buildRequires: same(['gcc', 'pkg-config', 'libdbus-1-dev', 'libglib2.0-dev'], ['gcc', 'musl-dev', 'pkgconf', 'dbus-dev', 'glib-dev']),
    runtimeRequires: same(['libdbus-1-3'], ['dbus-libs']),
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'lightgbm',
    runtimeRequires: same(['libgomp1'], ['libgomp']),
    note: 'the wheel links the system OpenMP runtime (libgomp.so.1), absent from python:*-slim',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'confluent-kafka',
    selfContainedWheel: true,
    buildRequires: same(['gcc', 'librdkafka-dev'], ['gcc', 'musl-dev', 'librdkafka-dev']),
    note: 'no musllinux wheels in the data: compiles on Alpine',
    source: WHEELS,
    asOf: AS_OF,
  },
  {
    name: 'uwsgi',
    buildRequires: same(['gcc'], ['gcc', 'musl-dev', 'linux-headers']),
    note: 'sdist only',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pdf2image',
    runtimeRequires: same(['poppler-utils'], ['poppler-utils']),
    note: 'calls the pdftoppm binary',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
  {
    name: 'pytesseract',
    runtimeRequires: same(['tesseract-ocr'], ['tesseract-ocr']),
    note: 'calls the tesseract binary',
    source: KNOWLEDGE,
    asOf: AS_OF,
  },
];

const byName = new Map(FACTS.map((f) => [f.name, f]));

export function pythonPackageFacts(name: string): PythonPackageFacts | undefined {
  return byName.get(normalizePackageName(name));
}

export function allPythonPackageFacts(): readonly PythonPackageFacts[] {
  return FACTS;
}

/** True when the data shows manylinux x86_64 wheels but no musllinux or pure wheel: pip compiles it on Alpine. */
export function compilesOnAlpine(name: string): boolean {
  return packagesWithoutMuslWheels().includes(normalizePackageName(name));
}
