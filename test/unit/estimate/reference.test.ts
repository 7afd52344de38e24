// Accuracy: estimates against sizes measured on real images and real installs (never against the estimator itself).
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage } from '../../../server/src/core/estimate/estimate';
import { memoryContext } from '../../../server/src/core/estimate/context';
import { memoryFiles } from '../../../server/src/core/project';
import { initRuntime } from '../../../server/src/node/runtime';
import { getPackageReleases, normalizePackageName } from '../../../server/src/core/data/wheels';
import { measuredRatio } from '../../../server/src/core/data/ratios';

before(async () => initRuntime());

const MB = 1_000_000;

/**
 * Where the reference figures come from:
 * - buildlab: test/fixtures/buildlab-app/README.md, images built with podman on Debian 12 and measured; the
 *   "Docker-overlay2-like" column (what `docker images` would show).
 * - repo-info: docker-library/repo-info `local/<tag>.md` "Virtual Size" of the official image (the row is marked
 *   `measured` without an estimated on-disk figure in data/size-data/base-images.tsv).
 * - pip-measured: data/size-data/installed-vs-wheel-measured.tsv, `installed_bytes_with_pyc` of each package
 *   installed by pip into a CPython site-packages (sum over the packages pip installs).
 */
type Basis = 'buildlab' | 'repo-info' | 'pip-measured' | 'debian-files' | 'reported';

/**
 * What a row can tell (the README's headline is the independent rows' median error):
 * - lookup: the reference is the very figure the estimator reads (repo-info sizes, a package's own measured
 *   installed/wheel ratio): it checks the look-up, not the model;
 * - calibration: the measurement set a constant the estimate uses (`calibrates` names it), so agreement is partly
 *   by construction;
 * - independent: nothing in the estimator's data or constants came from this measurement.
 */
type Kind = 'lookup' | 'calibration' | 'independent';

interface Scenario {
  name: string;
  dockerfile: string;
  files?: Record<string, string>;
  /** Reference bytes. */
  reference: number;
  basis: Basis;
  kind: Kind;
  /** For `calibration` rows: the constant this measurement set. */
  calibrates?: string;
  /** What is compared: the final image, or the bytes one RUN adds (for package stacks, so the base does not hide errors). */
  compare: 'image' | 'last-run';
  /** Largest error accepted; rows without one are judged by their range alone (independent package rows). */
  tolerance?: number;
  note?: string;
  /** Estimate with median installed/wheel ratios only, as for a package without its own measurement. */
  medianOnly?: boolean;
  /** A documented outlier of the generic model: shown in the table, not held to the tolerance. */
  outlier?: string;
}

// installed_bytes_with_pyc from installed-vs-wheel-measured.tsv (pip default: byte-compiled).
const M = {
  flask: 748957, werkzeug: 1763695, jinja2: 1214986, markupsafe: 93706, itsdangerous: 100585, click: 931334, blinker: 52052,
  requests: 501574, urllib3: 930793, idna: 605538, certifi: 249015, charsetNormalizer: 859788,
  pydantic: 3974846, pydanticCore: 5231317, annotatedTypes: 73275, typingExtensions: 357751, typingInspection: 90436,
  boto3: 1339363, botocore: 21194020, s3transfer: 687745, jmespath: 159407, dateutil: 766261, six: 84669,
  numpy: 71405328, scipy: 142954760, sympy: 75516535, mpmath: 4868486,
  jsonschema: 1010357, attrs: 460848, jsonschemaSpecifications: 52364, referencing: 283993, rpdsPy: 1063543,
  pytest: 3097818, iniconfig: 39326, packaging: 809551, pluggy: 144033, pygments: 8478326,
};

const sum = (...xs: number[]): number => xs.reduce((a, b) => a + b, 0);
const pipOnSlim = (pkgs: string): string => `FROM python:3.12-slim\nRUN pip install --no-cache-dir ${pkgs}\n`;

const BUILDLAB_REQUIREMENTS = 'flask==2.2.2\ngunicorn==20.1.0\npsycopg2==2.9.10\n';
const APP_FILES = { '/ctx/requirements.txt': BUILDLAB_REQUIREMENTS };
// The buildlab app folder (test/fixtures/buildlab-app): app.py, requirements.txt and a Dockerfile, sizes rounded up.
const APP_CONTEXT = memoryContext([
  { path: 'app.py', bytes: 404 },
  { path: 'requirements.txt', bytes: 48 },
  { path: 'Dockerfile', bytes: 520 },
]);

export const SCENARIOS: Scenario[] = [
  { name: 'python:3.11-slim-bookworm alone', dockerfile: 'FROM python:3.11-slim-bookworm\n', reference: 129.5 * MB, basis: 'buildlab', kind: 'independent', compare: 'image', tolerance: 0.1 },
  { name: 'python:3.11-bookworm alone', dockerfile: 'FROM python:3.11-bookworm\n', reference: 1024.2 * MB, basis: 'buildlab', kind: 'independent', compare: 'image', tolerance: 0.1 },
  { name: 'debian:bookworm-slim alone', dockerfile: 'FROM debian:bookworm-slim\n', reference: 74.9 * MB, basis: 'buildlab', kind: 'independent', compare: 'image', tolerance: 0.1 },
  { name: 'debian:bookworm alone', dockerfile: 'FROM debian:bookworm\n', reference: 116.6 * MB, basis: 'buildlab', kind: 'independent', compare: 'image', tolerance: 0.1 },
  { name: 'buildpack-deps:bookworm alone', dockerfile: 'FROM buildpack-deps:bookworm\n', reference: 941.7 * MB, basis: 'buildlab', kind: 'independent', compare: 'image', tolerance: 0.15, note: 'data has only the download size: on-disk = download × 2.7' },
  { name: 'python:3.12-slim alone', dockerfile: 'FROM python:3.12-slim\n', reference: 119.2 * MB, basis: 'repo-info', kind: 'lookup', compare: 'image', tolerance: 0.05 },
  { name: 'python:3.12 alone', dockerfile: 'FROM python:3.12\n', reference: 1110 * MB, basis: 'repo-info', kind: 'lookup', compare: 'image', tolerance: 0.05 },
  { name: 'ubuntu:24.04 alone', dockerfile: 'FROM ubuntu:24.04\n', reference: 78.16 * MB, basis: 'repo-info', kind: 'lookup', compare: 'image', tolerance: 0.05 },
  { name: 'alpine:3.21 alone', dockerfile: 'FROM alpine:3.21\n', reference: 7.8 * MB, basis: 'repo-info', kind: 'lookup', compare: 'image', tolerance: 0.05 },
  {
    name: 'app single-stage on python:3.11-bookworm (Flask, gunicorn, psycopg2)',
    dockerfile: 'FROM python:3.11-bookworm\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    files: APP_FILES,
    reference: 1065.3 * MB,
    basis: 'buildlab',
    kind: 'calibration',
    calibrates: 'APT_LISTS_DEBIAN (the apt lists layer of this build, 19.9 MB)',
    compare: 'image',
    tolerance: 0.1,
  },
  {
    name: 'app single-stage on python:3.11-slim-bookworm + gcc, libpq-dev',
    dockerfile: 'FROM python:3.11-slim-bookworm\nWORKDIR /app\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\n',
    files: APP_FILES,
    reference: 419.6 * MB,
    basis: 'buildlab',
    kind: 'calibration',
    calibrates: 'APT_RECOMMENDS_FACTOR (the gcc + libpq-dev layer of this build)',
    compare: 'image',
    tolerance: 0.2,
  },
  {
    name: 'app multi-stage: venv built on full, copied onto slim + libpq5',
    dockerfile:
      'FROM python:3.11-bookworm AS builder\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev \\\n    && rm -rf /var/lib/apt/lists/*\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n\nFROM python:3.11-slim-bookworm\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 \\\n    && rm -rf /var/lib/apt/lists/*\nCOPY --from=builder /opt/venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nWORKDIR /app\nCOPY . .\n',
    files: APP_FILES,
    reference: 160.6 * MB,
    basis: 'buildlab',
    kind: 'calibration',
    calibrates: "VENV_WITH_SETUPTOOLS (this build's /opt/venv, 30.4 MB)",
    compare: 'image',
    tolerance: 0.15,
  },
  { name: 'pip install flask (Flask stack)', dockerfile: pipOnSlim('flask'), reference: sum(M.flask, M.werkzeug, M.jinja2, M.markupsafe, M.itsdangerous, M.click, M.blinker), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install requests', dockerfile: pipOnSlim('requests'), reference: sum(M.requests, M.urllib3, M.idna, M.certifi, M.charsetNormalizer), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install pydantic', dockerfile: pipOnSlim('pydantic'), reference: sum(M.pydantic, M.pydanticCore, M.annotatedTypes, M.typingExtensions, M.typingInspection), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install boto3', dockerfile: pipOnSlim('boto3'), reference: sum(M.boto3, M.botocore, M.s3transfer, M.jmespath, M.dateutil, M.six, M.urllib3), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install numpy scipy', dockerfile: pipOnSlim('numpy scipy'), reference: sum(M.numpy, M.scipy), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install sympy', dockerfile: pipOnSlim('sympy'), reference: sum(M.sympy, M.mpmath), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install jsonschema', dockerfile: pipOnSlim('jsonschema'), reference: sum(M.jsonschema, M.attrs, M.jsonschemaSpecifications, M.referencing, M.rpdsPy, M.typingExtensions), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
  { name: 'pip install pytest', dockerfile: pipOnSlim('pytest'), reference: sum(M.pytest, M.iniconfig, M.packaging, M.pluggy, M.pygments), basis: 'pip-measured', kind: 'lookup', compare: 'last-run', tolerance: 0.25 },
];

// The same stacks estimated as if none of their packages had been measured: tests the median-ratio model that
// every unmeasured package relies on (the rows above mostly test dependency resolution and wheel choice).
for (const s of SCENARIOS.filter((x) => x.basis === 'pip-measured')) {
  const outlier = s.name.includes('boto3')
    ? 'botocore ships gzip-compressed data files: installed/wheel 1.38, far below every median'
    : s.name.includes('sympy')
      ? 'sympy byte-compiles to 7.7× its wheel in .pyc alone: installed/wheel 12, the highest measured'
      : undefined;
  SCENARIOS.push({
    ...s,
    name: `${s.name}, median ratios only`,
    kind: 'calibration',
    calibrates: 'the median installed/wheel ratios, taken over the measured installs these stacks are part of',
    medianOnly: true,
    tolerance: 0.6,
    ...(outlier ? { outlier } : {}),
  });
}

const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures', 'accuracy');

/** Rows of a tab-separated table with a header line. */
function readTsv(file: string): Record<string, string>[] {
  const [head, ...lines] = readFileSync(join(FIXTURES, file), 'utf8').trimEnd().split('\n');
  const cols = head!.split('\t');
  return lines.map((l) => Object.fromEntries(l.split('\t').map((v, i) => [cols[i]!, v])));
}

// Independent: pure-Python releases as Debian 12 packages them, unpacked and byte-compiled by CPython 3.11 as pip
// leaves them (test/fixtures/accuracy/measured-installs.tsv, made by scripts/collect/measure-debian-installs.py; the
// estimator's data never reads it). Each is installed alone (`--no-deps`), so the row judges one release's size.
// Releases whose own installed size the data holds (the release is in the data and its ratio was measured on it)
// would be look-ups and are left out.
// Left out because Debian's package is not the artifact pip installs (decided from how Debian builds them, not from
// the errors): PyPI's cp311 wheels of these are compiled, or bundle data Debian takes from elsewhere.
const NOT_COMPARABLE: Readonly<Record<string, string>> = {
  pytz: "Debian's python3-tz leaves out the zoneinfo database the wheel bundles (it reads the system's tzdata)",
  pydantic: "PyPI's cp311 wheels of pydantic 1.x are Cython-compiled; Debian ships the pure-Python build",
  cffi: "the wheel holds the compiled _cffi_backend, which Debian ships apart (python3-cffi-backend)",
  sqlalchemy: "the wheel holds SQLAlchemy 1.4's C extensions, which Debian ships apart (python3-sqlalchemy-ext)",
};

// Independent rows whose reference lies outside the estimate's own range, and why: each is a known weakness, kept
// in view (a new miss fails the test until it is understood and listed; a listed row that stops missing fails too).
const KNOWN_MISSES: Readonly<Record<string, string>> = {
  'packaging==23.0 alone': "sized from packaging 26.3, whose wheel is 3× 23.0's: three years of growth the nearest release cannot know",
  'tomli==2.0.1 alone': 'sized from tomli 2.4.1, whose cp311 wheel is mypyc-compiled; 2.0.1 was pure Python',
  'iniconfig==1.1.1 alone': "sized from iniconfig 2.3.0, twice 1.1.1's size; the range's low end is 0.1 KB above the measured 18.8 KB",
};
export const DEBIAN_MEASURED = readTsv('measured-installs.tsv').filter((r) => !NOT_COMPARABLE[r['package']!]);
for (const r of DEBIAN_MEASURED) {
  const name = normalizePackageName(r['package']!);
  const version = r['version']!;
  const held = getPackageReleases(name).some((x) => x.version === version);
  const own = measuredRatio(name);
  if (held && own?.installedVersion === version) continue;
  SCENARIOS.push({
    name: `${name}==${version} alone`,
    dockerfile: `FROM python:3.11-slim-bookworm\nRUN pip install --no-cache-dir --no-deps ${name}==${version}\n`,
    reference: Number(r['installed_bytes_with_pyc']),
    basis: 'debian-files',
    kind: 'independent',
    compare: 'last-run',
    note: held ? 'release in the data' : 'release not in the data',
  });
}

// Independent: whole `pip install` layers of the data-science pins reported, measured with real PyPI wheels on
// CPython 3.11, in the request that asked for version-aware sizes (rounded to the MB, dependencies included).
for (const [pin, mbytes] of [['numpy==1.26.4', 79], ['pandas==2.3.3', 151], ['scipy==1.13.1', 217], ['scikit-learn==1.6.1', 277]] as const) {
  SCENARIOS.push({ name: `pip install ${pin} (with its dependencies)`, dockerfile: `FROM python:3.11-slim\nRUN pip install --no-cache-dir ${pin}\n`, reference: mbytes * MB, basis: 'reported', kind: 'independent', compare: 'last-run', tolerance: 0.25 });
}

interface Row {
  scenario: Scenario;
  estimate: { typical: number; low: number; high: number };
  error: number;
  /** The estimate calls its figure "unknown size" (a range wider than 4×), as the CLI and hovers print it. */
  unknown: boolean;
  inRange: boolean;
}

function run(s: Scenario): Row {
  const model = buildDockerfileModel(s.dockerfile);
  const est = estimateImage(model, { files: memoryFiles(s.files ?? {}), contextDir: '/ctx', context: APP_CONTEXT, ...(s.medianOnly ? { medianRatiosOnly: true } : {}) });
  let bytes;
  if (s.compare === 'image') bytes = est.final!.bytes;
  else {
    const runs = est.stages[est.stages.length - 1]!.instructions.filter((i) => i.keyword === 'RUN');
    bytes = runs[runs.length - 1]!.bytes;
  }
  return {
    scenario: s,
    estimate: bytes,
    error: (bytes.typical - s.reference) / s.reference,
    unknown: bytes.high > 4 * bytes.low,
    inRange: s.reference >= bytes.low * 0.9 && s.reference <= bytes.high * 1.1,
  };
}

const mb = (n: number): string => (n >= 10 * MB ? (n / MB).toFixed(1) : (n / MB).toFixed(2));
const pct = (x: number): string => `${x >= 0 ? '+' : ''}${(x * 100).toFixed(1)} %`;

function median(xs: number[]): number {
  const v = [...xs].sort((a, b) => a - b);
  return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
}

const KIND_TITLES: Record<Kind, string> = {
  independent: 'Independent rows: measurements nothing in the estimator came from',
  calibration: 'Calibration rows: the measurement set a constant the estimate uses',
  lookup: "Look-up rows: the reference is the figure the estimator reads (checks the look-up, not the model)",
};

const BASES: Record<Basis, string> = {
  buildlab: 'images built offline with podman on Debian 12 here (test/fixtures/buildlab-app), sized as `docker images` would',
  'repo-info': "docker-library/repo-info's published size of the official image",
  'pip-measured': 'pip installs into CPython 3.11, measured 2026-11-29 (the installed/wheel table the estimator reads)',
  'debian-files': "Debian 12's package of that release, unpacked and byte-compiled by CPython 3.11 as pip leaves it (test/fixtures/accuracy/measured-installs.tsv)",
  reported: 'installs of real PyPI wheels on CPython 3.11 reported in the request for version-aware sizes, rounded to 1 MB',
};

export interface Summary {
  rows: number;
  withFigure: number;
  median: number;
  worst: Row;
  unknown: number;
  inRange: number;
  /** Median absolute error of the typical figure over every row, "unknown size" ones included. */
  medianAll: number;
}

export function summarise(rows: readonly Row[]): Summary {
  const figured = rows.filter((r) => !r.unknown);
  const worst = figured.reduce((w, r) => (Math.abs(r.error) > Math.abs(w.error) ? r : w), figured[0]!);
  return { rows: rows.length, withFigure: figured.length, median: median(figured.map((r) => Math.abs(r.error))), worst, unknown: rows.length - figured.length, inRange: rows.filter((r) => r.inRange).length, medianAll: median(rows.map((r) => Math.abs(r.error))) };
}

export function headline(s: Summary): string {
  return `median absolute error ${(s.median * 100).toFixed(1)} % over ${s.withFigure} rows with a figure (worst ${pct(s.worst.error)}: ${s.worst.scenario.name}); ${s.unknown} row${s.unknown === 1 ? '' : 's'} "unknown size" (median error of the typical figure over all ${s.rows}: ${(s.medianAll * 100).toFixed(1)} %); the measured size lies inside the stated range (±10 %) in ${s.inRange} of ${s.rows}`;
}

export function accuracyPage(rows: readonly Row[]): string {
  const out = [
    '# Accuracy of the size estimates',
    '',
    '<!-- Generated by test/unit/estimate/reference.test.ts (LAYERWISE_WRITE_ACCURACY=1 rewrites it); the test fails when this page differs from what it computes. -->',
    '',
    'Estimates against measured sizes, kept apart by what a row can tell. The headline is the independent rows.',
    '"unknown" is what the estimate itself prints when its range is wider than 4×; such rows are left out of the',
    'median error (their typical figure is shown in brackets) and counted apart.',
    '',
    'Bases:',
    ...Object.entries(BASES).map(([k, v]) => `- **${k}**: ${v}`),
    '',
  ];
  for (const kind of ['independent', 'calibration', 'lookup'] as const) {
    const of = rows.filter((r) => r.scenario.kind === kind);
    out.push(`## ${KIND_TITLES[kind]}`, '', `${of.length} rows: ${headline(summarise(of))}.`, '');
    out.push('| scenario | compared | measured (MB) | basis | estimate (MB) | range (MB) | error | in range |', '|---|---|---:|---|---:|---:|---:|---|');
    for (const r of of) {
      const s = r.scenario;
      const notes = [s.note, s.calibrates ? `calibrates ${s.calibrates}` : undefined, s.outlier ? `known outlier: ${s.outlier}` : undefined, KNOWN_MISSES[s.name] ? `known miss: ${KNOWN_MISSES[s.name]}` : undefined].filter(Boolean);
      const est = r.unknown ? `unknown (${mb(r.estimate.typical)})` : mb(r.estimate.typical);
      out.push(`| ${s.name}${notes.length ? ` (${notes.join('; ')})` : ''} | ${s.compare === 'image' ? 'image' : 'pip layer'} | ${mb(s.reference)} | ${s.basis} | ${est} | ${mb(r.estimate.low)}–${mb(r.estimate.high)} | ${pct(r.error)} | ${r.inRange ? 'yes' : 'no'} |`);
    }
    out.push('');
  }
  out.push('## Left out', '', 'Debian packages measured but not comparable with the PyPI wheel pip installs:', '', ...Object.entries(NOT_COMPARABLE).map(([k, v]) => `- ${k}: ${v}`), '');
  return out.join('\n');
}

const ROWS = (): Row[] => SCENARIOS.map(run);
const ROOT = join(__dirname, '..', '..', '..', '..');

test('reference rows: look-up, calibration and build-lab rows within their stated tolerance', () => {
  assert.ok(SCENARIOS.filter((s) => s.kind === 'independent').length >= 40);
  const outside = ROWS()
    .filter((r) => r.scenario.tolerance !== undefined && !r.scenario.outlier && Math.abs(r.error) > r.scenario.tolerance)
    .map((r) => `${r.scenario.name}: ${pct(r.error)} (±${r.scenario.tolerance! * 100} %)`);
  assert.deepEqual(outside, []);
});

test('every measured size lies inside or near the estimate\'s own range, but for the listed known misses and outliers', () => {
  const rows = ROWS();
  const misses = rows.filter((r) => !r.scenario.outlier && !r.inRange && !KNOWN_MISSES[r.scenario.name]).map((r) => `${r.scenario.name}: ${mb(r.scenario.reference)} MB outside ${mb(r.estimate.low)}–${mb(r.estimate.high)} MB`);
  assert.deepEqual(misses, []);
  const stale = Object.keys(KNOWN_MISSES).filter((n) => rows.find((r) => r.scenario.name === n)?.inRange !== false);
  assert.deepEqual(stale, [], 'listed as a known miss, but inside its range now (or gone)');
});

test('docs/accuracy.md is the table this test computes, and the README quotes its independent headline', () => {
  const rows = ROWS();
  const page = accuracyPage(rows);
  const file = join(ROOT, 'docs', 'accuracy.md');
  if (process.env['LAYERWISE_WRITE_ACCURACY'] === '1') writeFileSync(file, page);
  console.log(`\n${page}\n`);
  assert.equal(readFileSync(file, 'utf8'), page, 'docs/accuracy.md is stale: LAYERWISE_WRITE_ACCURACY=1 node --test out/test/unit/estimate/reference.test.js');
  const independent = headline(summarise(rows.filter((r) => r.scenario.kind === 'independent')));
  assert.ok(readFileSync(join(ROOT, 'README.md'), 'utf8').includes(independent), `README.md should quote: ${independent}`);
});
