// The date of the embedded size data, from the tables' own `meta.collected`, for the editor's log and the CLI's version line.
import type { TableMeta } from './provenance';
import { aptMembersMeta, aptPackagesMeta } from './apt';
import { baseImagesMeta } from './base-images';
import { dependencyClosuresMeta } from './dependency-closures';
import { ratiosMeta } from './ratios';
import { wheelsMeta } from './wheels';

const TABLES: readonly TableMeta[] = [baseImagesMeta, wheelsMeta, aptPackagesMeta, aptMembersMeta, dependencyClosuresMeta, ratiosMeta];

/**
 * When the size data was collected: one date when every table agrees, else the oldest and the newest
 * (`2026-08-01..2026-11-29`), so a stale table is never hidden behind a fresh one.
 */
export function sizeDataDate(tables: readonly TableMeta[] = TABLES): string {
  const dates = [...new Set(tables.map((t) => t.collected))].sort();
  if (dates.length === 0) return 'unknown';
  return dates.length === 1 ? dates[0]! : `${dates[0]}..${dates[dates.length - 1]}`;
}
