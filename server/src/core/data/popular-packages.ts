// The typosquatting guard: is a PyPI name unknown to the embedded data and one typo away from a popular package?
import data from './generated/popular-packages.json';
import type { TableMeta } from './provenance';
import { knownPackages, normalizePackageName } from './wheels';
import { allPackageNotices, allPythonPackageFacts } from './python-packages';
import { packageDependencies } from './python-dependencies';
import { typoDistance } from '../edit-distance';

interface PopularTable {
  meta: TableMeta;
  popular: string[];
  nearby: string[];
}

const table = data as PopularTable;
export const popularPackagesMeta: TableMeta = table.meta;

let known: Set<string> | undefined;
let rankOf: Map<string, number> | undefined;

/** Every name the embedded data knows as a real package: never called a typo. */
function knownNames(): Set<string> {
  if (known) return known;
  known = new Set([...table.popular, ...table.nearby, ...knownPackages()]);
  for (const f of allPythonPackageFacts()) known.add(f.name);
  for (const n of allPackageNotices()) {
    known.add(n.name);
    if (n.replacement) known.add(normalizePackageName(n.replacement));
  }
  return known;
}

/** True when the embedded data knows `name` as a PyPI package (the 15,000 most downloaded near a popular one, the wheel and facts tables). */
export function isKnownPackage(name: string): boolean {
  const n = normalizePackageName(name);
  return knownNames().has(n) || packageDependencies(n) !== undefined;
}

/**
 * The popular package `name` is probably a typo of, or undefined. Only a name the data does not know is judged,
 * and only against the most-downloaded names: one edit away (a letter added, dropped, changed or two swapped) for
 * names of 5 letters or more, two edits for names of 8 or more; short names are too close to each other to guess.
 * On a tie the more downloaded name wins.
 */
export function likelyTypoOf(name: string): string | undefined {
  const n = normalizePackageName(name);
  if (n.length < 5 || !/^[a-z0-9][a-z0-9-]*$/.test(n) || isKnownPackage(n)) return undefined;
  let best: string | undefined;
  let bestDistance = 3;
  for (const p of table.popular) {
    const max = Math.min(n.length, p.length) >= 8 ? 2 : 1;
    // An edit distance is at least the difference in length: most of the table is skipped without the DP.
    if (Math.abs(p.length - n.length) > max) continue;
    const d = typoDistance(n, p, max);
    if (d <= max && d < bestDistance) {
      best = p;
      bestDistance = d;
    }
  }
  return best;
}

/** Download rank of a popular name (1 = most downloaded), for messages that say why the suggestion is likely. */
export function popularRank(name: string): number | undefined {
  rankOf ??= new Map(table.popular.map((p, i) => [p, i + 1]));
  return rankOf.get(normalizePackageName(name));
}
