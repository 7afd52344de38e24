// Builds server/src/core/data/generated/popular-packages.json (the typosquatting guard's table) from a PyPI name list.
//
// Usage: node scripts/build-popular-packages.mjs <pypi.tsv> [--date=YYYY-MM-DD]
//   <pypi.tsv>: one PyPI project a line, tab-separated, with a header row naming at least `name` and
//   `rank_among_15000_most_downloaded` (the ranking of hugovk's top-pypi-packages, 30-day downloads).
// The table keeps the POPULAR most-downloaded names (the names a typo is compared with) and, of the other ranked
// names, those within edit distance 2 of a popular one: real, much-used projects whose name happens to be close
// (`boto` next to `boto3`, `jwt` next to `pyjwt`), which the guard must never call a typo. The JSON is committed;
// the extension never reads the TSV.
import { readFileSync, writeFileSync, statSync } from 'node:fs';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const POPULAR = 1000;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'server', 'src', 'core', 'data', 'generated', 'popular-packages.json');
const src = process.argv.slice(2).find((a) => !a.startsWith('--'));
if (!src) {
  console.error('usage: node scripts/build-popular-packages.mjs <pypi.tsv> [--date=YYYY-MM-DD]');
  process.exit(2);
}
const date = process.argv.find((a) => a.startsWith('--date='))?.slice(7) ?? statSync(src).mtime.toISOString().slice(0, 10);

const normalize = (n) => n.toLowerCase().replace(/[-_.]+/g, '-');

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), the same as server/src/core/edit-distance.ts.
function distance(a, b, max) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev2 = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, prev2[j - 2] + 1);
      cur.push(v);
      if (v < best) best = v;
    }
    if (best > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[b.length];
}

const [header, ...lines] = readFileSync(src, 'utf8').replace(/\r\n/g, '\n').split('\n');
const cols = header.split('\t');
const nameCol = cols.indexOf('name');
const rankCol = cols.indexOf('rank_among_15000_most_downloaded');
if (nameCol < 0 || rankCol < 0) throw new Error(`${src}: needs the columns name and rank_among_15000_most_downloaded`);
const ranked = [];
for (const line of lines) {
  const cells = line.split('\t');
  const rank = Number.parseInt(cells[rankCol] ?? '', 10);
  if (Number.isFinite(rank)) ranked.push({ name: normalize(cells[nameCol]), rank });
}
ranked.sort((a, b) => a.rank - b.rank);
const popular = [...new Set(ranked.slice(0, POPULAR).map((r) => r.name))];
const popularSet = new Set(popular);
const nearby = [];
for (const { name } of ranked) {
  if (popularSet.has(name) || name.length < 3) continue;
  if (popular.some((p) => distance(name, p, 2) <= 2)) nearby.push(name);
}
nearby.sort();
const table = {
  meta: {
    file: 'pypi.tsv (PyPI project list with the rank among the 15,000 most-downloaded projects)',
    collected: date,
    sources: `hugovk's top-pypi-packages ranking (30-day downloads) as carried in a PyPI project list read ${date}: the ${POPULAR} most-downloaded names, and the other ranked names within edit distance 2 of one of them.`,
    layout: 'popular: normalized names by download rank; nearby: ranked names within distance 2 of a popular name (known packages, never typos)',
  },
  popular,
  nearby: [...new Set(nearby)],
};
writeFileSync(out, JSON.stringify(table) + '\n');
console.log(`${out}: ${popular.length} popular, ${table.nearby.length} nearby names`);
