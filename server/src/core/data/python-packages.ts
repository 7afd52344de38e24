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

const KNOWLEDGE = "the projects' install docs and wheel contents (from knowledge); Debian package names checked against the Debian Packages index (2026-11)";
const WHEELS = "PyPI file lists recorded in public uv.lock files (collected 2026-11) and the projects' install docs";
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

// --- requirements files (issue 4): packages to replace, and GPU-by-default wheels ---

/** A PyPI name that should not be installed any more: a placeholder for another name, abandoned, or unsafe. */
export interface PackageNotice extends Sourced {
  /** PEP 503 normalized. */
  readonly name: string;
  readonly kind: 'renamed' | 'abandoned' | 'unsafe' | 'backport';
  /** What to install instead; undefined when the standard library covers it (backports). */
  readonly replacement?: string;
  /** The replacement installs the same import package with the same API, so renaming changes nothing else. */
  readonly dropIn: boolean;
  /** The old name's versions mean nothing for the replacement (a placeholder package): a rename drops the specifiers. */
  readonly placeholder?: boolean;
  /** One clause for messages: why not this name. */
  readonly why: string;
}

const NOTICE_AS_OF = '2026-11-29';

const NOTICES: readonly PackageNotice[] = [
  { name: 'sklearn', kind: 'renamed', replacement: 'scikit-learn', dropIn: true, placeholder: true, why: 'is a deprecated placeholder for `scikit-learn` whose install fails on purpose since December 2023', source: 'https://github.com/scikit-learn/sklearn-pypi-package (README: brownout schedule, final failure from 2023-12-01)', asOf: NOTICE_AS_OF },
  { name: 'bs4', kind: 'renamed', replacement: 'beautifulsoup4', dropIn: true, placeholder: true, why: 'is a placeholder that only depends on `beautifulsoup4`', source: 'https://pypi.org/project/bs4/ (project description; from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'pil', kind: 'renamed', replacement: 'pillow', dropIn: true, placeholder: true, why: 'is not installable from PyPI; `pillow` is the maintained fork that provides the `PIL` import', source: 'https://pillow.readthedocs.io/en/stable/installation/basic-installation.html (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'pycrypto', kind: 'unsafe', replacement: 'pycryptodome', dropIn: false, why: 'has had no release since 2013, has known vulnerabilities (CVE-2013-7459, CVE-2018-6594) and no wheels, so it compiles', source: 'https://pypi.org/project/pycrypto/ (last release 2.6.1, 2013-10-17); https://nvd.nist.gov/vuln/detail/CVE-2013-7459 (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'tensorflow-gpu', kind: 'renamed', replacement: 'tensorflow', dropIn: false, placeholder: true, why: 'is no longer published: since TensorFlow 2.12 the `tensorflow` package itself supports GPUs (`tensorflow[and-cuda]`)', source: 'https://www.tensorflow.org/install/pip (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'mysql-python', kind: 'abandoned', replacement: 'mysqlclient', dropIn: true, why: 'supports only Python 2 and has had no release since 2014; `mysqlclient` is its maintained fork with the same `MySQLdb` import', source: 'https://pypi.org/project/MySQL-python/ (last release 1.2.5, 2014); https://pypi.org/project/mysqlclient/ (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'pep8', kind: 'renamed', replacement: 'pycodestyle', dropIn: false, why: 'was renamed to `pycodestyle` in 2016 and gets no updates', source: 'https://pypi.org/project/pep8/ (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'nose', kind: 'abandoned', replacement: 'pytest', dropIn: false, why: 'has had no release since 2015 and fails to import on Python 3.10 and later', source: 'https://pypi.org/project/nose/ (last release 1.3.7, 2015-06-02; from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'enum34', kind: 'backport', dropIn: false, why: 'is a Python 2 backport of `enum`; on Python 3 it shadows the standard module and breaks imports (`enum` has no attribute `IntFlag`)', source: 'https://pypi.org/project/enum34/ (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'typing', kind: 'backport', dropIn: false, why: 'is a backport for Python before 3.5; on current Python it shadows the standard `typing` module with an old copy', source: 'https://pypi.org/project/typing/ (from knowledge)', asOf: NOTICE_AS_OF },
  { name: 'futures', kind: 'backport', dropIn: false, why: 'is a Python 2 backport of `concurrent.futures` and does not install on Python 3', source: 'https://pypi.org/project/futures/ (python_requires <3; from knowledge)', asOf: NOTICE_AS_OF },
];

const noticeByName = new Map(NOTICES.map((n) => [n.name, n]));

export function packageNotice(name: string): PackageNotice | undefined {
  return noticeByName.get(normalizePackageName(name));
}

export function allPackageNotices(): readonly PackageNotice[] {
  return NOTICES;
}

/** A package whose default PyPI build targets NVIDIA GPUs, and how to ask for its CPU-only build. */
export interface GpuDefaultPackage extends Sourced {
  readonly name: string;
  /** Which build is GPU by default on PyPI. */
  readonly platform: 'linux x86_64';
  /** An index that serves the CPU builds under the same name (versions carry `+cpu`). */
  readonly cpuIndex?: string;
  /** A separately published CPU-only package. */
  readonly cpuPackage?: string;
  /** An extra that adds the CUDA libraries (`tensorflow[and-cuda]`). */
  readonly cudaExtra?: string;
}

const GPU_DEFAULTS: readonly GpuDefaultPackage[] = [
  { name: 'torch', platform: 'linux x86_64', cpuIndex: 'https://download.pytorch.org/whl/cpu', source: 'https://pytorch.org/get-started/locally/ (pip, Linux, CPU: `--index-url https://download.pytorch.org/whl/cpu`); closure sizes from public uv.lock files', asOf: NOTICE_AS_OF },
  { name: 'tensorflow', platform: 'linux x86_64', cpuPackage: 'tensorflow-cpu', cudaExtra: 'and-cuda', source: 'https://www.tensorflow.org/install/pip (`tensorflow[and-cuda]` for GPU; `tensorflow-cpu` CPU-only package; from knowledge); wheel sizes from public uv.lock files', asOf: NOTICE_AS_OF },
];

export function gpuDefaultPackage(name: string): GpuDefaultPackage | undefined {
  const n = normalizePackageName(name);
  return GPU_DEFAULTS.find((g) => g.name === n);
}
