// Turns uv.lock text (a whole lock, or excerpts of whole [[package]] blocks) into rows of data/size-data/wheels.tsv and release-dependencies.tsv.
//
// Usage:
//   node scripts/collect/uv-lock-to-tsv.mjs --source "github:OWNER/REPO@COMMIT10:PATH" [--only numpy@1.26.4,pandas] [--deps] [--dry-run] FILE...
//
// Every wheel and sdist a block lists becomes one row (the chooser filters by platform, not the data). A row whose
// filename is already in wheels.tsv is skipped, so running the same lock twice, or two locks that share releases,
// adds nothing twice. New rows go right after the existing rows of their package (new packages in name order), so
// the diff of a collection run reads package by package. `in_target_list` is copied from the package's existing
// rows ("no" for a package the data did not hold).
//
// The lines are read one by one, by key, so an excerpt may leave out `hash = …` or shorten a `url` to its file
// name: only the file name (last path segment of `url`), `size` and `upload-time` are used. Blocks from a git,
// path, directory, editable or virtual source are skipped: their files are not PyPI's.

import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const dataDir = join(root, 'data', 'size-data');
const wheelsPath = join(dataDir, 'wheels.tsv');
const depsPath = join(dataDir, 'release-dependencies.tsv');
const WHEEL_COLUMNS = ['package', 'version', 'python_tag', 'platform_tag', 'wheel_bytes', 'source', 'abi_tag', 'filename', 'upload_date', 'in_target_list'];
const DEP_COLUMNS = ['package', 'version', 'dependency', 'marker', 'source'];

function parseArgs(argv) {
  const opts = { source: undefined, only: undefined, deps: false, dryRun: false, files: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--source') opts.source = argv[++i];
    else if (a === '--only') opts.only = argv[++i].split(',').map((s) => s.trim()).filter(Boolean);
    else if (a === '--deps') opts.deps = true;
    else if (a === '--dry-run') opts.dryRun = true;
    else opts.files.push(a);
  }
  if (!opts.source || !/^github:[^/]+\/[^@]+@[0-9a-f]{7,40}:.+/.test(opts.source) || opts.files.length === 0) {
    console.error('usage: uv-lock-to-tsv.mjs --source github:OWNER/REPO@COMMIT:PATH [--only name@version,...] [--deps] [--dry-run] FILE...');
    process.exit(2);
  }
  return opts;
}

const normalize = (name) => name.toLowerCase().replace(/[-_.]+/g, '-');
const str = (line, key) => line.match(new RegExp(`\\b${key} = "([^"]*)"`))?.[1];

/** Splits lock text into package blocks: { name, version, skip, deps: [{name, marker, extra}], files: [{filename, size, uploaded}] }. */
export function parseLock(text) {
  const blocks = [];
  let cur;
  let section; // 'deps' | 'wheels' | 'optional' | 'other'
  let optionalExtra;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    if (line === '[[package]]') {
      cur = { name: undefined, version: undefined, skip: false, deps: [], files: [] };
      blocks.push(cur);
      section = undefined;
      continue;
    }
    if (!cur) continue;
    if (line.startsWith('[')) {
      // [package.optional-dependencies], [package.metadata], [package.dev-dependencies] …
      section = line === '[package.optional-dependencies]' ? 'optional' : 'other';
      optionalExtra = undefined;
      continue;
    }
    if (section === undefined || section === 'deps' || section === 'wheels') {
      if (/^name = "/.test(line) && !cur.name) { cur.name = str(line, 'name'); continue; }
      if (/^version = "/.test(line) && !cur.version) { cur.version = str(line, 'version'); continue; }
      if (/^source = \{ *(git|path|directory|editable|virtual) *=/.test(line)) { cur.skip = true; continue; }
      if (line === 'dependencies = [') { section = 'deps'; continue; }
      if (line === 'wheels = [') { section = 'wheels'; continue; }
      if (line === ']') { section = undefined; continue; }
      if (/^sdist = \{/.test(line)) { addFile(cur, line, 'sdist'); continue; }
      if (section === 'wheels' && line.startsWith('{')) { addFile(cur, line, 'wheel'); continue; }
      if (section === 'deps' && line.startsWith('{')) { addDep(cur, line); continue; }
    } else if (section === 'optional') {
      const m = line.match(/^"?([A-Za-z0-9_.-]+)"? = \[/);
      if (m) { optionalExtra = m[1]; if (line.endsWith(']')) optionalExtra = undefined; continue; }
      if (line === ']') { optionalExtra = undefined; continue; }
      if (optionalExtra && line.startsWith('{')) addDep(cur, line, optionalExtra);
    }
  }
  return blocks.filter((b) => b.name && b.version && !b.skip);
}

function addFile(block, line, kind) {
  const url = str(line, 'url') ?? str(line, 'path');
  const size = line.match(/\bsize = (\d+)/)?.[1];
  if (!url || !size) return; // a file without `size` (older uv, private index) says nothing we can use
  const filename = decodeURIComponent(url.split('/').pop());
  const uploaded = str(line, 'upload-time')?.slice(0, 10) ?? '';
  block.files.push({ kind, filename, size, uploaded });
}

function addDep(block, line, optionalExtra) {
  const name = str(line, 'name');
  if (!name) return;
  const extras = line.match(/\bextra = \[([^\]]*)\]/)?.[1].match(/"([^"]+)"/g)?.map((s) => s.slice(1, -1)) ?? [];
  const markers = [];
  if (optionalExtra) markers.push(`extra == '${optionalExtra}'`);
  const m = line.match(/\bmarker = "((?:[^"\\]|\\.)*)"/)?.[1];
  if (m) markers.push(optionalExtra ? `(${m})` : m);
  block.deps.push({ name: extras.length ? `${name}[${extras.join(',')}]` : name, marker: markers.join(' and ') });
}

/** Python, ABI and platform tags of a wheel file name (PEP 427: name-version(-build)?-python-abi-platform.whl). */
export function wheelTags(filename) {
  const parts = filename.replace(/\.whl$/, '').split('-');
  if (parts.length < 5) return undefined;
  const [python, abi, platform] = parts.slice(-3);
  return { python, abi, platform };
}

function rowsOf(block, source, inTarget) {
  const rows = [];
  for (const f of block.files) {
    if (f.kind === 'sdist') {
      rows.push([block.name, block.version, 'source', 'sdist', f.size, source, '', f.filename, f.uploaded, inTarget]);
    } else {
      const t = wheelTags(f.filename);
      if (!t) continue;
      rows.push([block.name, block.version, t.python, t.platform, f.size, source, t.abi, f.filename, f.uploaded, inTarget]);
    }
  }
  return rows;
}

function readTsv(path, columns) {
  if (!existsSync(path)) return { header: columns, rows: [] };
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = lines[0].split('\t');
  if (header.join('\t') !== columns.join('\t')) throw new Error(`${path}: unexpected header ${header.join(',')}`);
  return { header, rows: lines.slice(1).map((l) => l.split('\t')) };
}

/** Inserts each new row after the last existing row of its package; a new package goes where its name sorts. */
function merge(existing, added) {
  const byPkg = new Map();
  for (const r of existing) {
    const k = normalize(r[0]);
    if (!byPkg.has(k)) byPkg.set(k, []);
    byPkg.get(k).push(r);
  }
  for (const r of added) {
    const k = normalize(r[0]);
    if (!byPkg.has(k)) byPkg.set(k, []);
    byPkg.get(k).push(r);
  }
  // Existing order of packages is kept; new packages are placed before the first existing package that sorts after them.
  const order = [...new Set(existing.map((r) => normalize(r[0])))];
  for (const k of [...byPkg.keys()]) {
    if (order.includes(k)) continue;
    const at = order.findIndex((o) => o > k);
    order.splice(at === -1 ? order.length : at, 0, k);
  }
  return order.flatMap((k) => byPkg.get(k));
}

function main() {
  const opts = parseArgs(process.argv.slice(2));
  const source = `uv.lock ${opts.source}`;
  const only = opts.only?.map((s) => { const [n, v] = s.split('@'); return { name: normalize(n), version: v }; });
  const wanted = (b) => !only || only.some((o) => o.name === normalize(b.name) && (!o.version || o.version === b.version));

  const wheels = readTsv(wheelsPath, WHEEL_COLUMNS);
  const known = new Set(wheels.rows.map((r) => r[7]));
  const inTarget = new Map();
  for (const r of wheels.rows) if (!inTarget.has(normalize(r[0])) || r[9] === 'yes') inTarget.set(normalize(r[0]), r[9]);

  const deps = readTsv(depsPath, DEP_COLUMNS);
  const knownDeps = new Set(deps.rows.map((r) => r.slice(0, 4).join('\t')));

  const addedWheels = [];
  const addedDeps = [];
  const releases = new Set();
  for (const file of opts.files) {
    for (const block of parseLock(readFileSync(file, 'utf8'))) {
      if (!wanted(block)) continue;
      for (const row of rowsOf(block, source, inTarget.get(normalize(block.name)) ?? 'no')) {
        if (known.has(row[7])) continue;
        known.add(row[7]);
        addedWheels.push(row);
        releases.add(`${block.name} ${block.version}`);
      }
      if (opts.deps) {
        for (const d of block.deps) {
          const row = [block.name, block.version, d.name, d.marker, source];
          const key = row.slice(0, 4).join('\t');
          if (knownDeps.has(key)) continue;
          knownDeps.add(key);
          addedDeps.push(row);
        }
      }
    }
  }
  console.log(`${addedWheels.length} new file rows (${releases.size} releases: ${[...releases].join(', ')}); ${addedDeps.length} new dependency rows`);
  if (opts.dryRun) return;
  if (addedWheels.length) {
    const rows = merge(wheels.rows, addedWheels);
    writeFileSync(wheelsPath, [WHEEL_COLUMNS, ...rows].map((r) => r.join('\t')).join('\n') + '\n');
  }
  if (addedDeps.length) {
    const rows = merge(deps.rows, addedDeps);
    writeFileSync(depsPath, [DEP_COLUMNS, ...rows].map((r) => r.join('\t')).join('\n') + '\n');
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) main();
