// Shared shapes that say where a data figure came from, so every number shown can be cited.

/** The `meta` block every generated table carries (see scripts/build-data.mjs). */
export interface TableMeta {
  /** Source file in ../shared/size-data. */
  readonly file: string;
  /** When the data set was collected. */
  readonly collected: string;
  /** Date range of the rows (builds, uploads, index releases). */
  readonly dates?: { readonly from: string; readonly to: string };
  /** One-paragraph summary of how the figures were obtained. */
  readonly sources: string;
  /** How compact rows are laid out, for people reading the JSON. */
  readonly layout?: string;
}

/** A hand-written fact: where it comes from and when it was checked. */
export interface Sourced {
  readonly source: string;
  /** ISO date (YYYY-MM-DD) the fact was read from its source. */
  readonly asOf: string;
}
