// Turns data/size-data/*.tsv into the compact JSON tables under server/src/core/data/generated/ (`--check` only compares).
//
// Usage: node scripts/build-data.mjs [--check]
//   The TSV files live in the repository (data/size-data/, sources and dates in its README): to update the tables,
//   replace those files and rerun.
// The generated JSON is committed: the extension never reads the TSV files at run time.
import { readFileSync, writeFileSync, mkdirSync, existsSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { compare as pep440Compare, valid as pep440Valid } from '@renovatebot/pep440';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const dataDir = join(root, 'data', 'size-data');
const outDir = join(root, 'server', 'src', 'core', 'data', 'generated');
const check = process.argv.includes('--check');

// The collection date of the whole data set (README: "Collected 2026-11-29").
const COLLECTED = '2026-11-29';

/** Reads a TSV file into an array of objects keyed by the header row. */
function readTsv(name) {
  const text = readFileSync(join(dataDir, name), 'utf8').replace(/\r\n/g, '\n').replace(/\n+$/, '');
  const [header, ...lines] = text.split('\n');
  const cols = header.split('\t');
  return lines.map((line) => {
    const cells = line.split('\t');
    return Object.fromEntries(cols.map((c, i) => [c, cells[i] ?? '']));
  });
}

const int = (s) => (s === '' || s === undefined ? null : Number.parseInt(s, 10));
const normalizeName = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');

/** Index of `value` in `table`, appending it when new (keeps repeated long strings out of the rows). */
function intern(table, value) {
  let i = table.indexOf(value);
  if (i < 0) {
    i = table.length;
    table.push(value);
  }
  return i;
}

function dateRange(dates) {
  const ds = dates.filter((d) => /^\d{4}-\d{2}/.test(d)).sort();
  return ds.length ? { from: ds[0], to: ds[ds.length - 1] } : undefined;
}

function meta(file, sources, dates, extra = {}) {
  return { file, collected: COLLECTED, ...(dates ? { dates } : {}), sources, ...extra };
}

// ---------------------------------------------------------------------------------------------- base images

function buildBaseImages() {
  const rows = readTsv('base-images.tsv');
  const sources = [];
  const images = rows.map((r) => {
    const notes = r.notes || undefined;
    const layersMatch = /layers\(amd64\)=([\d+]+)/.exec(r.notes);
    let kind = r.kind;
    let uncompressedEstimated = /uncompressed ESTIMATED/.test(r.notes) || kind === 'derived' || kind === 'estimate';
    if (kind === 'measured-compressed/estimated-uncompressed') {
      kind = 'measured';
      uncompressedEstimated = true;
    }
    if (!['measured', 'derived', 'estimate', 'secondary'].includes(kind)) throw new Error(`unknown kind ${kind}`);
    const e = {
      image: r.image,
      tag: r.tag,
      platform: r.platform,
      compressed: int(r.compressed_bytes),
      uncompressed: int(r.uncompressed_bytes),
      kind,
      date: r.date,
      source: intern(sources, r.source),
    };
    if (e.uncompressed !== null && uncompressedEstimated) e.uncompressedEstimated = true;
    if (r.resolved_version) e.resolved = r.resolved_version;
    if (layersMatch) e.layers = layersMatch[1].split('+').map(Number);
    if (notes) e.notes = notes;
    return e;
  });
  return {
    meta: meta(
      'base-images.tsv',
      'docker-library/repo-info (official-images bot output) read through a stored GitHub index: remote/<tag>.md ' +
        '"Total Size" = compressed bytes per platform; local/<tag>.md "Virtual Size" = uncompressed amd64 (decimal MB, ' +
        '+-0.05 MB). "derived" rows are layer arithmetic from measured layers (+-2 MB slim/alpine, +-10 MB full); ' +
        '"secondary" = vendor pages (Chainguard); "estimate" = summed Debian Installed-Size (distroless).',
      dateRange(rows.map((r) => r.date)),
    ),
    sources,
    images,
  };
}

// ---------------------------------------------------------------------------------------------- wheels

function buildWheels() {
  const rows = readTsv('wheels.tsv');
  // Dependencies per release, where collected (h10data's release-dependencies.tsv; optional).
  const depRows = existsSync(join(dataDir, 'release-dependencies.tsv')) ? readTsv('release-dependencies.tsv') : [];
  const depsOf = new Map();
  for (const d of depRows) {
    const key = `${normalizeName(d.package)}\u0000${d.version}`;
    if (!depsOf.has(key)) depsOf.set(key, []);
    // [dependency (name, extras and specifier as written), marker]
    depsOf.get(key).push(d.marker ? [d.dependency, d.marker] : [d.dependency]);
  }
  // Requires-Python per release, where a public lock or index recorded it (release-requires-python.tsv; optional).
  const rpRows = existsSync(join(dataDir, 'release-requires-python.tsv')) ? readTsv('release-requires-python.tsv') : [];
  const requiresPythonOf = new Map();
  for (const r of rpRows) {
    const v = (r.requires_python ?? '').trim();
    if (v && v !== '*') requiresPythonOf.set(`${normalizeName(r.package)}\u0000${r.version}`, v);
  }
  const sources = [];
  const tags = [];
  const platforms = [];
  const packages = {};
  const byName = new Map();
  for (const r of rows) {
    const name = normalizeName(r.package);
    if (!byName.has(name)) byName.set(name, new Map());
    const versions = byName.get(name);
    if (!versions.has(r.version)) versions.set(r.version, []);
    versions.get(r.version).push(r);
  }
  let releases = 0;
  for (const name of [...byName.keys()].sort()) {
    const versions = byName.get(name);
    // Newest first in PEP 440 order, so index 0 is the newest release (what getPackageRelease has always returned).
    const ordered = [...versions.keys()].sort((a, b) => (pep440Valid(a) && pep440Valid(b) ? pep440Compare(b, a) : b.localeCompare(a)));
    packages[name] = ordered.map((version) => {
      releases++;
      const rs = versions.get(version);
      const sdist = rs.find((r) => r.platform_tag === 'sdist');
      const head = sdist ?? rs[0];
      const src = intern(sources, head.source);
      const date = head.upload_date;
      // [version, sdistBytes|null, sourceIndex, uploadDate, inTargetList 0|1, wheels, dependencies?]
      // wheel: [tagIndex, platformIndex, bytes] + [sourceIndex, uploadDate] only where they differ from the release's.
      const wheels = rs
        .filter((r) => r.platform_tag !== 'sdist')
        .map((r) => {
          const w = [intern(tags, `${r.python_tag}-${r.abi_tag}`), intern(platforms, r.platform_tag), int(r.wheel_bytes)];
          const s = intern(sources, r.source);
          if (s !== src || r.upload_date !== date) w.push(s, r.upload_date);
          return w;
        });
      const row = [version, sdist ? int(sdist.wheel_bytes) : null, src, date, rs.some((r) => r.in_target_list === 'yes') ? 1 : 0, wheels];
      const deps = depsOf.get(`${name}\u0000${version}`);
      const requiresPython = requiresPythonOf.get(`${name}\u0000${version}`);
      if (deps || requiresPython) row.push(deps ?? null);
      if (requiresPython) row.push(requiresPython);
      return row;
    });
  }
  return {
    meta: meta(
      'wheels.tsv',
      'uv.lock files of public repositories; sizes are PyPI (files.pythonhosted.org) file sizes recorded in each ' +
        "lock's `size = N`, upload dates from `upload-time`. Several releases per package where collected (every " +
        'version seen); rows kept: sdist, manylinux x86_64/aarch64, musllinux x86_64 (no musllinux aarch64 was ' +
        'collected), any; cp310+, abi3, py3.' +
        (depRows.length ? ` Dependencies of ${depsOf.size} releases from release-dependencies.tsv.` : '') +
        (requiresPythonOf.size ? ` Requires-Python of ${requiresPythonOf.size} releases from release-requires-python.tsv.` : ''),
      dateRange(rows.map((r) => r.upload_date)),
      {
        packageCount: byName.size,
        releaseCount: releases,
        layout:
          'packages[name] = releases newest first (PEP 440), each [version, sdistBytes|null, sourceIndex, uploadDate, ' +
          'inTargetList, wheels, dependencies|null?, requiresPython?]; wheel = [tagIndex ("python-abi"), platformIndex, bytes, sourceIndex?, ' +
          'uploadDate?]; dependency = [requirement, marker?]',
      },
    ),
    sources,
    tags,
    platforms,
    packages,
  };
}

// ---------------------------------------------------------------------------------------------- apt

function buildApt() {
  const rows = readTsv('apt-packages.tsv');
  const dists = {};
  for (const r of rows) {
    const d = (dists[r.dist] ??= { source: r.source, packages: {} });
    if (d.source !== r.source) throw new Error(`apt ${r.dist}: several sources`);
    if (r.error) continue;
    // [version, installedKib, closureKib, debBytes, closureDownloadBytes, closurePackages]
    d.packages[r.package] = [
      r.version,
      int(r.installed_size_kib),
      int(r.depends_closure_installed_kib),
      int(r.deb_size_bytes),
      int(r.closure_download_bytes),
      r.closure_packages.split(' ').filter(Boolean),
    ];
  }
  return {
    meta: meta(
      'apt-packages.tsv',
      'Debian Packages indexes fetched 2026-11-29 (bookworm Release 2026-07-11, trixie Release 2026-11-21, security ' +
        '2026-11-26); closure = `apt-get -s --no-install-recommends install <pkg>` against a fake dpkg status holding ' +
        'the packages of a python:*-slim image. Installed-Size counts docs/man pages, so real layers are somewhat smaller.',
      { from: '2026-07-11', to: '2026-11-29' },
      { layout: 'packages[name] = [version, installedKib, closureKib, debBytes, closureDownloadBytes, closurePackages]' },
    ),
    dists,
  };
}

function buildAptMembers() {
  const rows = readTsv('apt-closure-members.tsv');
  const dists = {};
  for (const r of rows) {
    const d = (dists[r.dist] ??= {});
    // [installedKib, inSimulatedSlimBase 0|1]
    d[r.package] = [int(r.installed_size_kib), r.in_simulated_slim_base === 'yes' ? 1 : 0];
  }
  return {
    meta: meta(
      'apt-closure-members.tsv',
      'Every Debian package in a closure of apt-packages.tsv or in the simulated python:*-slim base, with its own ' +
        'Installed-Size from the Debian Packages indexes (same fetch as apt-packages.tsv).',
      { from: '2026-07-11', to: '2026-11-29' },
      { layout: 'dists[dist][package] = [installedKib, inSimulatedSlimBase]' },
    ),
    dists,
  };
}

// ---------------------------------------------------------------------------------------------- ratios

/** Quantile with the "exclusive" method (Python's statistics.quantiles default), which the README's IQRs use. */
function quantile(values, p) {
  const a = [...values].sort((x, y) => x - y);
  const n = a.length;
  if (n === 1) return a[0];
  const h = (n + 1) * p - 1;
  const lo = Math.min(Math.max(Math.floor(h), 0), n - 1);
  const hi = Math.min(lo + 1, n - 1);
  return a[lo] + (a[hi] - a[lo]) * Math.max(0, h - Math.floor(h));
}

const round3 = (x) => Math.round(x * 1000) / 1000;

function summary(rows, field) {
  const ratios = rows.map((r) => r[field] / r.wheel);
  const sumInstalled = rows.reduce((a, r) => a + r[field], 0);
  const sumWheel = rows.reduce((a, r) => a + r.wheel, 0);
  return {
    n: rows.length,
    median: round3(quantile(ratios, 0.5)),
    low: round3(quantile(ratios, 0.25)),
    high: round3(quantile(ratios, 0.75)),
    weighted: round3(sumInstalled / sumWheel),
  };
}

function buildRatios() {
  const rows = readTsv('installed-vs-wheel-measured.tsv');
  const parsed = rows.map((r) => ({
    name: normalizeName(r.package),
    kind: r.kind,
    wheel: int(r.wheel_bytes),
    noPyc: int(r.installed_bytes_no_pyc),
    withPyc: int(r.installed_bytes_with_pyc),
    r,
  }));
  const measured = {};
  for (const p of parsed) {
    if (p.kind !== 'pure' && p.kind !== 'binary') throw new Error(`unknown kind ${p.kind}`);
    // [installedVersion, wheelVersion, wheelFile, wheelBytes, installedNoPyc, pycBytes, kind, match, source]
    measured[p.name] = [
      p.r.installed_version,
      p.r.wheel_version,
      p.r.wheel_file,
      p.wheel,
      p.noPyc,
      int(p.r.pyc_bytes),
      p.kind,
      p.r.match,
      p.r.wheel_size_source,
    ];
  }
  const kinds = { pure: parsed.filter((p) => p.kind === 'pure'), binary: parsed.filter((p) => p.kind === 'binary'), all: parsed };
  const summaries = {};
  for (const [k, set] of Object.entries(kinds)) summaries[k] = { noPyc: summary(set, 'noPyc'), withPyc: summary(set, 'withPyc') };

  const deb = readTsv('debian-python-deb-vs-installed.tsv');
  const debRatios = deb.map((r) => int(r.installed_bytes) / int(r.deb_bytes));
  return {
    meta: meta(
      'installed-vs-wheel-measured.tsv',
      '81 distributions pip-installed into a CPython 3.11 site-packages on the research machine, matched to the ' +
        'identical wheel (9 rows: same major.minor, other patch; see `match`). Installed bytes = sum of RECORD file ' +
        'sizes, split into .pyc (pip byte-compiles by default) and the rest. Wheel sizes from uv.lock (PyPI). ' +
        'Medians and IQR (low/high = quartiles, exclusive method) computed by scripts/build-data.mjs.',
      { from: '2026-11-29', to: '2026-11-29' },
      {
        layout:
          'measured[name] = [installedVersion, wheelVersion, wheelFile, wheelBytes, installedBytesNoPyc, pycBytes, kind, match, wheelSizeSource]',
      },
    ),
    summaries,
    measured,
    debian: {
      meta: meta(
        'debian-python-deb-vs-installed.tsv',
        'Debian 13 trixie Packages index (Size, Installed-Size x1024), 2026-11: python3-* .deb vs installed size. ' +
          'Secondary evidence only (.deb is xz-compressed and Debian splits native libs out).',
        { from: '2026-11', to: '2026-11' },
      ),
      n: deb.length,
      median: round3(quantile(debRatios, 0.5)),
      low: round3(quantile(debRatios, 0.25)),
      high: round3(quantile(debRatios, 0.75)),
    },
  };
}

// ---------------------------------------------------------------------------------------------- closures

function buildClosures() {
  const rows = readTsv('dependency-closures.tsv');
  const roots = {};
  for (const r of rows) {
    const root = normalizeName(r.root);
    const e = (roots[root] ??= { version: r.root_version, source: r.source, totalBytes: 0, packages: [] });
    if (e.source !== r.source) throw new Error(`closure ${root}: several sources`);
    // [name, version, wheelBytes, wheelFile]
    e.packages.push([normalizeName(r.package), r.version, int(r.wheel_bytes), r.wheel_file]);
    e.totalBytes += int(r.wheel_bytes);
  }
  return {
    meta: meta(
      'dependency-closures.tsv',
      'Full wheel closure (default extras) of torch (CUDA default index), tensorflow, transformers and ' +
        'opencv-python-headless for linux x86_64 cp312, read from uv.lock files (docling, kserve); sizes are PyPI file sizes.',
      { from: '2026-08', to: '2026-08' },
      { layout: 'roots[name] = { version, source, totalBytes, packages: [name, version, wheelBytes, wheelFile][] }' },
    ),
    roots,
  };
}

// ---------------------------------------------------------------------------------------------- output

/** JSON with one line per table entry (objects nest onto lines, arrays stay on one line): small, readable diffs. */
function serialize(value, depth = 0) {
  if (Array.isArray(value)) {
    if (depth === 1 && value.length > 3) return `[\n${value.map((x) => JSON.stringify(x)).join(',\n')}\n]`;
    return JSON.stringify(value);
  }
  if (value && typeof value === 'object' && depth < 4) {
    const inner = Object.entries(value).map(([k, v]) => `${JSON.stringify(k)}:${k === 'meta' ? JSON.stringify(v) : serialize(v, depth + 1)}`);
    return `{\n${inner.join(',\n')}\n}`;
  }
  return JSON.stringify(value);
}

export function generate() {
  return {
    'base-images.json': buildBaseImages(),
    'wheels.json': buildWheels(),
    'apt-packages.json': buildApt(),
    'apt-closure-members.json': buildAptMembers(),
    'ratios.json': buildRatios(),
    'dependency-closures.json': buildClosures(),
  };
}

if (!existsSync(dataDir)) {
  console.error(`size data not found at ${dataDir}`);
  process.exit(2);
}

const outputs = generate();
let stale = [];
let total = 0;
mkdirSync(outDir, { recursive: true });
for (const [file, obj] of Object.entries(outputs)) {
  const text = `${serialize(obj)}\n`;
  JSON.parse(text); // the serializer must stay valid JSON
  total += Buffer.byteLength(text);
  const path = join(outDir, file);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (check) {
    if (current !== text) stale.push(file);
  } else if (current !== text) {
    writeFileSync(path, text);
    console.log(`wrote ${file} (${Buffer.byteLength(text)} bytes)`);
  }
}
if (check) {
  if (stale.length) {
    console.error(`out of date: ${stale.join(', ')} - run \`node scripts/build-data.mjs\``);
    process.exit(1);
  }
  console.log('generated data is up to date');
} else {
  console.log(`total ${total} bytes`);
}
