// Base image sizes (compressed and uncompressed) by image, tag and platform, with Docker Hub's tag aliases resolved.
import { DEBIAN_CODENAMES, IMAGE_DEFAULTS, UBUNTU_CODENAMES } from './image-defaults';
import { parseImageRef as parseReference } from '../model/image';
import data from './generated/base-images.json';
import type { TableMeta } from './provenance';

export type BaseImageKind = 'measured' | 'derived' | 'estimate' | 'secondary';

export interface BaseImageSize {
  /** The row that answered: may differ from the request when an alias matched (`python:3.12` → `3.12-trixie`). */
  readonly image: string;
  readonly tag: string;
  readonly platform: string;
  /** What `docker pull` transfers (sum of gzip layers); undefined when not known. */
  readonly compressedBytes: number | undefined;
  /** What `docker images` shows; undefined when not known. */
  readonly uncompressedBytes: number | undefined;
  /** True when the uncompressed figure is computed rather than read (see the table's notes). */
  readonly uncompressedEstimated: boolean;
  readonly kind: BaseImageKind;
  /** Build date of the measured image (sometimes only a month). */
  readonly date: string;
  readonly resolvedVersion: string | undefined;
  readonly source: string;
  readonly notes: string | undefined;
  /** Compressed layer sizes (amd64), base layer first, where the data lists them. */
  readonly layers: readonly number[] | undefined;
  /** True when the match dropped information from the request (a patch version or a dated suffix). */
  readonly approximate: boolean;
}

interface Row {
  image: string;
  tag: string;
  platform: string;
  compressed: number | null;
  uncompressed: number | null;
  kind: string;
  date: string;
  source: number;
  uncompressedEstimated?: boolean;
  resolved?: string;
  layers?: number[];
  notes?: string;
}

const table = data as unknown as { meta: TableMeta; sources: string[]; images: Row[] };

export const baseImagesMeta: TableMeta = table.meta;

/** Debian release the official `python` images use when a tag names none. */
export const PYTHON_DEFAULT_DEBIAN: string = IMAGE_DEFAULTS.pythonDebian;
/** Alpine release behind `python:*-alpine`. */
export const PYTHON_DEFAULT_ALPINE: string = IMAGE_DEFAULTS.pythonAlpine;

// Debian version numbers and suite names → codenames, from the shared table of codenames.
const DEBIAN_NUMBERS: Readonly<Record<string, string>> = {
  ...Object.fromEntries(Object.entries(DEBIAN_CODENAMES).map(([code, num]) => [num, code])),
  stable: IMAGE_DEFAULTS.debianLatest,
  oldstable: 'bookworm',
};

const rowsByKey = new Map<string, Row[]>();
for (const row of table.images) {
  const key = `${row.image}:${row.tag}`;
  const list = rowsByKey.get(key);
  if (list) list.push(row);
  else rowsByKey.set(key, [row]);
}

/** `docker.io/library/python` → `python`; registry hosts of Docker Hub and `library/` are dropped; lower-cased. */
export function normalizeImageName(name: string): string {
  let n = name.trim().toLowerCase();
  n = n.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io|registry\.hub\.docker\.com)\//, '');
  if (n.startsWith('library/')) n = n.slice('library/'.length);
  return n;
}

/** Docker platform notation: `amd64`, `x86_64` → `linux/amd64`; `aarch64`, `linux/arm64/v8` → `linux/arm64`. */
export function normalizePlatform(platform: string): string {
  let p = platform.trim().toLowerCase();
  if (!p.includes('/')) p = `linux/${p}`;
  p = p.replace(/\/(x86_64|x86-64)$/, '/amd64').replace(/\/aarch64$/, '/arm64').replace(/^linux\/arm64\/v8$/, 'linux/arm64');
  return p;
}

/** Splits `python:3.12-slim@sha256:…` into image and tag (the digest is dropped; no tag means `latest`). */
export function parseImageRef(ref: string): { image: string; tag: string } {
  const parsed = parseReference(ref);
  const name = parsed.registry !== undefined ? `${parsed.registry}/${parsed.path}` : parsed.path;
  return { image: normalizeImageName(name), tag: parsed.tag ?? 'latest' };
}

interface Candidate {
  readonly tag: string;
  readonly approximate: boolean;
}

function pythonTagCandidates(tag: string): Candidate[] {
  const t = tag === 'latest' ? '' : tag;
  const m = /^(\d+(?:\.\d+)*)?-?(.*)$/.exec(t);
  const version = m?.[1] ?? '';
  const variant = m?.[2] ?? '';
  const versions: Candidate[] = [{ tag: version, approximate: false }];
  const patch = /^(\d+\.\d+)\.\d+$/.exec(version);
  if (patch?.[1]) versions.push({ tag: patch[1], approximate: true });
  if (version === '') versions.push({ tag: '3', approximate: false });

  const variants = new Set([variant]);
  const expand: Readonly<Record<string, string>> = {
    '': PYTHON_DEFAULT_DEBIAN,
    slim: `slim-${PYTHON_DEFAULT_DEBIAN}`,
    alpine: `alpine${PYTHON_DEFAULT_ALPINE}`,
    [PYTHON_DEFAULT_DEBIAN]: '',
    [`slim-${PYTHON_DEFAULT_DEBIAN}`]: 'slim',
    [`alpine${PYTHON_DEFAULT_ALPINE}`]: 'alpine',
  };
  const other = expand[variant];
  if (other !== undefined) variants.add(other);

  const out: Candidate[] = [];
  for (const v of versions) {
    for (const variantTag of variants) {
      const joined = v.tag && variantTag ? `${v.tag}-${variantTag}` : v.tag || variantTag || 'latest';
      out.push({ tag: joined, approximate: v.approximate });
    }
  }
  return out;
}

function debianTagCandidates(tag: string): Candidate[] {
  // `12.7-slim`, `bookworm-20260810-slim`, `stable-slim` → `bookworm-slim` / `trixie-slim`.
  const m = /^([a-z]+|\d+)(?:\.\d+)?(?:-(\d{8}))?(-slim)?$/.exec(tag);
  if (!m?.[1]) return [{ tag, approximate: false }];
  const release = DEBIAN_NUMBERS[m[1]] ?? m[1];
  const approximate = m[2] !== undefined || /^\d+\.\d+/.test(tag);
  return [
    { tag, approximate: false },
    { tag: `${release}${m[3] ?? ''}`, approximate },
  ];
}

function ubuntuTagCandidates(tag: string): Candidate[] {
  // `noble`, `noble-20260911` → `24.04`; the dated tag itself is tried first (exact build).
  const m = /^([a-z]+)(?:-(\d{8}(?:\.\d+)?))?$/.exec(tag);
  const out: Candidate[] = [{ tag, approximate: false }];
  const number = m?.[1] ? UBUNTU_CODENAMES[m[1]] : undefined;
  if (number) out.push({ tag: number, approximate: m?.[2] !== undefined });
  return out;
}

function alpineTagCandidates(tag: string): Candidate[] {
  const m = /^(\d+\.\d+)\.\d+$/.exec(tag);
  return m?.[1] ? [{ tag, approximate: false }, { tag: m[1], approximate: true }] : [{ tag, approximate: false }];
}

/** Tags equivalent to `tag` for `image`, most exact first. */
export function tagCandidates(image: string, tag: string): readonly Candidate[] {
  switch (normalizeImageName(image)) {
    case 'python':
      return pythonTagCandidates(tag);
    case 'debian':
    case 'buildpack-deps':
      return debianTagCandidates(tag);
    case 'ubuntu':
      return ubuntuTagCandidates(tag);
    case 'alpine':
      return alpineTagCandidates(tag);
    default:
      return [{ tag, approximate: false }];
  }
}

function platformMatches(rowPlatform: string, wanted: string): boolean {
  if (rowPlatform === wanted) return true;
  // Chainguard rows are quoted for `linux/amd64+arm64`.
  const m = /^linux\/(.+)$/.exec(rowPlatform);
  return m?.[1]?.includes('+') === true && m[1].split('+').some((a) => `linux/${a}` === wanted);
}

function toSize(row: Row, approximate: boolean): BaseImageSize {
  return {
    image: row.image,
    tag: row.tag,
    platform: row.platform,
    compressedBytes: row.compressed ?? undefined,
    uncompressedBytes: row.uncompressed ?? undefined,
    uncompressedEstimated: row.uncompressedEstimated === true,
    kind: row.kind as BaseImageKind,
    date: row.date,
    resolvedVersion: row.resolved,
    source: table.sources[row.source] ?? '',
    notes: row.notes,
    layers: row.layers,
    approximate,
  };
}

/**
 * Size of `image:tag` on `platform` (default linux/amd64), or undefined when the data has no such image, tag or
 * platform. Never substitutes another platform.
 */
export function lookupBaseImage(image: string, tag = 'latest', platform = 'linux/amd64'): BaseImageSize | undefined {
  const name = normalizeImageName(image);
  const wanted = normalizePlatform(platform);
  for (const c of tagCandidates(name, tag)) {
    const row = rowsByKey.get(`${name}:${c.tag}`)?.find((r) => platformMatches(r.platform, wanted));
    if (row) return toSize(row, c.approximate);
  }
  return undefined;
}

/** Same as lookupBaseImage for a whole reference such as `docker.io/library/python:3.12-slim`. */
export function lookupBaseImageRef(ref: string, platform = 'linux/amd64'): BaseImageSize | undefined {
  const { image, tag } = parseImageRef(ref);
  return lookupBaseImage(image, tag, platform);
}

/** Platforms the data has for `image:tag` (after alias resolution), e.g. to say "no arm64 figure". */
export function knownPlatforms(image: string, tag = 'latest'): string[] {
  const name = normalizeImageName(image);
  for (const c of tagCandidates(name, tag)) {
    const rows = rowsByKey.get(`${name}:${c.tag}`);
    if (rows) return rows.map((r) => r.platform);
  }
  return [];
}

/** Every image:tag the table has a linux/amd64 row for, in table order (image and tag completion reads this). */
export function knownImageTags(): readonly { image: string; tag: string; compressedBytes: number | undefined; uncompressedBytes: number | undefined; date: string }[] {
  return table.images
    .filter((r) => platformMatches(r.platform, 'linux/amd64'))
    .map((r) => ({ image: r.image, tag: r.tag, compressedBytes: r.compressed ?? undefined, uncompressedBytes: r.uncompressed ?? undefined, date: r.date }));
}
