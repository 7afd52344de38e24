// Measures the build context on disk for the estimator: a bounded walk (in the background for the server) with the ignore file that applies.
import { existsSync, lstatSync, readdirSync, readFileSync, realpathSync, type Dirent, type Stats } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { basename, join, resolve, sep } from 'node:path';
import { summarizeContext, type ContextFile } from '../core/estimate/context';
import type { ContextMeasure, ContextSizer, LargestEntry } from '../core/estimate/types';
import { applicableIgnoreFile } from '../core/model/ignore-file';
import { parseDockerignore } from '../core/model/dockerignore';

export interface WalkLimits {
  /** Stop after this many entries (files, folders and links). */
  maxEntries?: number;
  /** Do not descend below this many folders under the root. */
  maxDepth?: number;
  /** Stop after this long. */
  maxMillis?: number;
}

export interface WalkOptions extends WalkLimits {
  /** The ignore file to apply (see applicableIgnoreFile); undefined: none, everything is sent. */
  ignoreFile?: string;
  /** Cancels the walk: it then resolves to undefined. */
  signal?: AbortSignal;
  /** The asynchronous walk's file system (tests stand in for one that refuses a folder); node:fs/promises by default. */
  fs?: WalkFs;
}

export interface WalkFs {
  realpath(p: string): Promise<string>;
  readdir(p: string, options: { withFileTypes: true }): Promise<Dirent[]>;
  lstat(p: string): Promise<Stats>;
  readFile(p: string, encoding: 'utf8'): Promise<string>;
}

export interface ContextListing {
  /** The context root as given (resolved), the key callers use. */
  root: string;
  ignoreFile: string | undefined;
  files: ContextFile[];
  hasDockerignore: boolean;
  /** A limit (entries, depth or time) stopped the walk: sizes are lower bounds. */
  truncated: boolean;
  /** Folders that could not be read, relative to the root. */
  unreadable: string[];
  at: number;
}

export const DEFAULT_LIMITS: Required<WalkLimits> = { maxEntries: 50_000, maxDepth: 64, maxMillis: 5_000 };

/*
 * The walk is written once, as a generator that asks for file-system facts; a synchronous and an asynchronous
 * driver answer them. Symbolic links are listed as links (0 bytes) and never followed: Docker sends a link as a
 * link, so following one would count its target twice (or, for a link out of the root, count what is not sent),
 * and a link loop cannot recurse. Folders are still checked against a visited set of real paths, which catches
 * a root reached through a link and bind-mount loops, and keeps the walk inside the root's real path.
 */
type Ask =
  | { op: 'realpath'; path: string }
  | { op: 'readdir'; path: string }
  | { op: 'lstat'; paths: string[] }
  | { op: 'read'; path: string };

interface Answers {
  realpath: string | undefined;
  readdir: Dirent[] | undefined;
  lstat: (Stats | undefined)[];
  read: string | undefined;
}

type Walk = Generator<Ask, ContextListing | undefined, unknown>;

function* walkSteps(rootIn: string, options: WalkOptions): Walk {
  const limits = { ...DEFAULT_LIMITS, ...pick(options) };
  const started = Date.now();
  const root = resolve(rootIn);
  const realRoot = (yield { op: 'realpath', path: root }) as Answers['realpath'];
  if (realRoot === undefined) return undefined;
  const ignoreFile = options.ignoreFile;
  const text = ignoreFile === undefined ? undefined : ((yield { op: 'read', path: ignoreFile }) as Answers['read']);
  const hasDockerignore = text !== undefined;
  const ig = parseDockerignore(text ?? '');
  const files: ContextFile[] = [];
  const unreadable: string[] = [];
  const visited = new Set<string>([realRoot]);
  let entries = 0;
  let truncated = false;
  // Folders below the depth limit are left out, but the walk goes on beside them.
  let tooDeep = false;
  const stack: { rel: string; depth: number }[] = [{ rel: '', depth: 0 }];
  const file = (p: string, bytes: number): void => {
    files.push({ path: p, bytes, ...(hasDockerignore && ig.ignores(p) ? { ignored: true } : {}) });
  };
  while (stack.length && !truncated) {
    const { rel, depth } = stack.pop()!;
    const abs = rel ? join(root, rel) : root;
    if (rel) {
      const real = (yield { op: 'realpath', path: abs }) as Answers['realpath'];
      if (real === undefined || visited.has(real) || !(real === realRoot || real.startsWith(realRoot.endsWith(sep) ? realRoot : realRoot + sep))) continue;
      visited.add(real);
    }
    const dirents = (yield { op: 'readdir', path: abs }) as Answers['readdir'];
    if (dirents === undefined) {
      if (rel) unreadable.push(rel);
      continue;
    }
    dirents.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    // Files keep the folder's name order; only regular files need a stat (for their size).
    const items: { p: string; sized: boolean }[] = [];
    const subdirs: string[] = [];
    for (const d of dirents) {
      if (++entries > limits.maxEntries || Date.now() - started > limits.maxMillis) {
        // Stop here, but keep what this folder already listed.
        truncated = true;
        break;
      }
      const p = rel ? `${rel}/${d.name}` : d.name;
      if (d.isDirectory()) {
        if (depth + 1 > limits.maxDepth) tooDeep = true;
        else subdirs.push(p);
      } else items.push({ p, sized: d.isFile() }); // links, sockets, devices: an entry without content of its own
    }
    const sized = items.filter((f) => f.sized);
    const stats = sized.length ? ((yield { op: 'lstat', paths: sized.map((f) => join(root, f.p)) }) as Answers['lstat']) : [];
    let next = 0;
    for (const f of items) {
      if (!f.sized) file(f.p, 0);
      else {
        const st = stats[next++];
        if (st) file(f.p, st.isFile() ? st.size : 0); // no stat: it vanished since the folder was read, so it is not sent
      }
    }
    // Pushed in reverse so folders are walked in name order (the cut at a limit does not depend on the disk).
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push({ rel: subdirs[i]!, depth: depth + 1 });
    if (Date.now() - started > limits.maxMillis) truncated = true;
  }
  return { root, ignoreFile, files, hasDockerignore, truncated: truncated || tooDeep, unreadable, at: Date.now() };
}

function pick(o: WalkLimits): WalkLimits {
  const out: WalkLimits = {};
  if (o.maxEntries !== undefined) out.maxEntries = o.maxEntries;
  if (o.maxDepth !== undefined) out.maxDepth = o.maxDepth;
  if (o.maxMillis !== undefined) out.maxMillis = o.maxMillis;
  return out;
}

function answerSync(ask: Ask): unknown {
  const attempt = <T>(f: () => T): T | undefined => {
    try {
      return f();
    } catch {
      return undefined;
    }
  };
  switch (ask.op) {
    case 'realpath':
      return attempt(() => realpathSync(ask.path));
    case 'readdir':
      return attempt(() => readdirSync(ask.path, { withFileTypes: true }));
    case 'lstat':
      return ask.paths.map((p) => attempt(() => lstatSync(p)));
    case 'read':
      return attempt(() => readFileSync(ask.path, 'utf8'));
  }
}

/** Stats of one folder's files are asked in slices, so a huge folder does not queue thousands of requests at once. */
const LSTAT_SLICE = 128;

async function answerAsync(ask: Ask, fs: WalkFs): Promise<unknown> {
  const attempt = async <T>(f: () => Promise<T>): Promise<T | undefined> => {
    try {
      return await f();
    } catch {
      return undefined;
    }
  };
  switch (ask.op) {
    case 'realpath':
      return attempt(() => fs.realpath(ask.path));
    case 'readdir':
      return attempt(() => fs.readdir(ask.path, { withFileTypes: true }));
    case 'lstat': {
      const out: (Stats | undefined)[] = [];
      for (let i = 0; i < ask.paths.length; i += LSTAT_SLICE) out.push(...(await Promise.all(ask.paths.slice(i, i + LSTAT_SLICE).map((p) => attempt(() => fs.lstat(p))))));
      return out;
    }
    case 'read':
      return attempt(() => fs.readFile(ask.path, 'utf8'));
  }
}

/** Walks `root` at once (for the CLI, which can wait). Undefined when the root cannot be read. */
export function walkContextSync(root: string, options: WalkOptions = {}): ContextListing | undefined {
  const steps = walkSteps(root, options);
  let r = steps.next();
  while (!r.done) r = steps.next(answerSync(r.value));
  return r.value;
}

/**
 * Walks `root` without blocking: every file-system answer is awaited, so requests are served between folders.
 * Resolves to undefined when the root cannot be read or the signal aborted the walk.
 */
export async function walkContext(root: string, options: WalkOptions = {}): Promise<ContextListing | undefined> {
  const fs = options.fs ?? fsp;
  const steps = walkSteps(root, options);
  let r = steps.next();
  while (!r.done) {
    if (options.signal?.aborted) {
      steps.return(undefined);
      return undefined;
    }
    r = steps.next(await answerAsync(r.value, fs));
  }
  return options.signal?.aborted ? undefined : r.value;
}

/** The ignore file for a Dockerfile built from `contextDir` (no Dockerfile path: the context's own `.dockerignore`). */
export function ignoreFileFor(dockerfilePath: string | undefined, contextDir: string): string | undefined {
  return applicableIgnoreFile(dockerfilePath ?? '', contextDir, existsSync);
}

function measureListing(listing: ContextListing, sources: readonly string[]): ContextMeasure {
  return summarizeContext(listing.files, sources, { hasDockerignore: listing.hasDockerignore, truncated: listing.truncated, ...(listing.ignoreFile && listing.hasDockerignore ? { ignoreFileName: basename(listing.ignoreFile) } : {}) });
}

/** A ContextSizer over a listing already walked; other folders are not measured. */
export function listingSizer(listing: ContextListing | undefined): ContextSizer {
  return {
    measure: (contextDir, sources) => (listing && resolve(contextDir) === listing.root ? measureListing(listing, sources) : undefined),
  };
}

/**
 * A synchronous ContextSizer for one Dockerfile (the CLI, tests): walks each context once, with the same limits and
 * ignore-file choice as the server.
 */
export function diskContextSizer(options: WalkLimits & { dockerfilePath?: string } = {}): ContextSizer {
  const cache = new Map<string, ContextListing | undefined>();
  return {
    measure(contextDir, sources) {
      const root = resolve(contextDir);
      if (!cache.has(root)) cache.set(root, walkContextSync(root, { ...pick(options), ignoreFile: ignoreFileFor(options.dockerfilePath, root) }));
      const listing = cache.get(root);
      return listing ? measureListing(listing, sources) : undefined;
    },
  };
}

export interface BackgroundSizerOptions extends WalkLimits {
  /** A finished walk is reused this long; after it, the old listing answers while a new walk runs. */
  ttlMillis?: number;
  /** At most this many contexts are kept (least recently asked about go first). */
  maxContexts?: number;
  /** Wait this long after a reported file change before walking again (a checkout reports many). */
  settleMillis?: number;
}

interface Entry {
  root: string;
  ignoreFile: string | undefined;
  listing: ContextListing | undefined;
  /** Whether a walk has finished at least once (the listing may be undefined: root unreadable). */
  walked: boolean;
  stale: boolean;
  running: { promise: Promise<void>; abort: AbortController } | undefined;
  timer: NodeJS.Timeout | undefined;
  /** Answers for the listing, by sources: the estimator asks again for every candidate the assists try. */
  measures: Map<string, ContextMeasure>;
  /** The sources asked about, so a new listing is published with their answers ready. */
  wanted: Map<string, readonly string[]>;
}

/** Files summarized in one go on the event loop (a few milliseconds); larger listings are summarized in slices. */
const SUMMARY_SLICE = 1_000;
const MAX_WANTED = 32;

/**
 * The server's ContextSizer: `measure` never waits. It answers from the finished listing of the context when there
 * is one, else undefined ("not measured yet") while a walk runs in the background; listeners hear when a walk
 * brought a different listing, so CodeLens and hovers can be asked again. Walks run one at a time.
 */
export class BackgroundContextSizer implements ContextSizer {
  private readonly entries = new Map<string, Entry>();
  private readonly listeners: ((root: string) => void)[] = [];
  private queue: Promise<void> = Promise.resolve();
  private readonly limits: WalkLimits;
  private readonly ttl: number;
  private readonly maxContexts: number;
  private readonly settle: number;

  constructor(options: BackgroundSizerOptions = {}) {
    this.limits = pick(options);
    this.ttl = options.ttlMillis ?? 30_000;
    this.maxContexts = options.maxContexts ?? 16;
    this.settle = options.settleMillis ?? 300;
  }

  /** Called after a walk whose listing differs from what `measure` answered before. */
  onWalked(listener: (root: string) => void): void {
    this.listeners.push(listener);
  }

  /** The sizer for one Dockerfile: the ignore file that applies to it is chosen per measure (it may appear later). */
  forDockerfile(dockerfilePath: string | undefined): ContextSizer {
    return {
      measure: (contextDir, sources) => this.measureWith(contextDir, sources, ignoreFileFor(dockerfilePath, resolve(contextDir))),
      pending: (contextDir) => {
        const root = resolve(contextDir);
        const e = this.entries.get(key(root, ignoreFileFor(dockerfilePath, root)));
        return e !== undefined && (e.running !== undefined || e.timer !== undefined);
      },
    };
  }

  /** Without a Dockerfile path: the context root's `.dockerignore`. */
  measure(contextDir: string, sources: readonly string[]): ContextMeasure | undefined {
    return this.measureWith(contextDir, sources, ignoreFileFor(undefined, resolve(contextDir)));
  }

  /**
   * Settles when the background work (walk or summary) running for this context, as `forDockerfile(dockerfilePath)`
   * measures it, is done; undefined when none is running.
   */
  whenWalked(contextDir: string, dockerfilePath?: string): Promise<void> | undefined {
    const root = resolve(contextDir);
    return this.entries.get(key(root, ignoreFileFor(dockerfilePath, root)))?.running?.promise;
  }

  /** Files changed on disk: walk again the contexts that contain them, after the burst settles. */
  filesChanged(paths: readonly string[]): void {
    for (const e of this.entries.values()) {
      const prefix = e.root.endsWith(sep) ? e.root : e.root + sep;
      if (!paths.some((p) => p === e.root || p.startsWith(prefix) || p === e.ignoreFile)) continue;
      e.stale = true;
      if (e.timer) clearTimeout(e.timer);
      e.timer = setTimeout(() => {
        e.timer = undefined;
        if (this.entries.get(key(e.root, e.ignoreFile)) === e) this.start(e, true);
      }, this.settle);
    }
  }

  /** Stops every walk and forgets every listing. */
  dispose(): void {
    for (const e of this.entries.values()) this.drop(e);
    this.entries.clear();
  }

  private measureWith(contextDir: string, sources: readonly string[], ignoreFile: string | undefined): ContextMeasure | undefined {
    const root = resolve(contextDir);
    const k = key(root, ignoreFile);
    let e = this.entries.get(k);
    if (e) {
      // Most recently asked about goes last: eviction takes the first.
      this.entries.delete(k);
      this.entries.set(k, e);
    } else {
      e = { root, ignoreFile, listing: undefined, walked: false, stale: true, running: undefined, timer: undefined, measures: new Map(), wanted: new Map() };
      this.entries.set(k, e);
      this.evict();
    }
    const mk = sources.join('\0');
    if (!e.wanted.has(mk)) {
      e.wanted.set(mk, [...sources]);
      if (e.wanted.size > MAX_WANTED) e.wanted.delete(e.wanted.keys().next().value as string);
    }
    if (!e.running && !e.timer && (e.stale || (e.listing && Date.now() - e.listing.at > this.ttl))) this.start(e, true);
    if (!e.listing) return undefined;
    const hit = e.measures.get(mk);
    if (hit) return hit;
    if (e.listing.files.length <= SUMMARY_SLICE) {
      const m = measureListing(e.listing, sources);
      e.measures.set(mk, m);
      return m;
    }
    // A large listing takes a while to summarize (about 5 ms per thousand files): that too happens in the background.
    if (!e.running) this.start(e, false);
    return undefined;
  }

  /** Walks the context again (`walk`) or only summarizes the listing for sources asked about since; then tells listeners. */
  private start(e: Entry, walk: boolean): void {
    e.running?.abort.abort();
    if (walk) e.stale = false;
    const abort = new AbortController();
    const run = async (): Promise<void> => {
      if (abort.signal.aborted) return;
      let listing = e.listing;
      let changed = false;
      if (walk) {
        try {
          listing = await walkContext(e.root, { ...this.limits, ignoreFile: e.ignoreFile, signal: abort.signal });
        } catch {
          listing = undefined; // a pattern the matcher rejects: the context is not measured rather than guessed
        }
        if (abort.signal.aborted) return;
        changed = !e.walked || signature(listing) !== signature(e.listing);
      }
      // The old listing keeps answering until the new one has its answers ready: no "not measured" flicker.
      const measures = changed ? new Map<string, ContextMeasure>() : new Map(e.measures);
      let added = false;
      // Sources asked about while this runs join the loop (a Map iterates over entries added during iteration).
      if (listing) {
        for (const [mk, sources] of e.wanted) {
          if (measures.has(mk)) continue;
          measures.set(mk, await summarizeInSlices(listing, sources));
          added = true;
          if (abort.signal.aborted) return;
        }
      }
      e.listing = listing;
      e.walked = true;
      e.measures = measures;
      if (changed || added) for (const l of this.listeners) l(e.root);
    };
    const promise = (this.queue = this.queue.then(run, run).catch(() => undefined));
    const running = { promise, abort };
    e.running = running;
    void promise.then(() => {
      if (e.running === running) e.running = undefined;
    });
  }

  private evict(): void {
    while (this.entries.size > this.maxContexts) {
      const [k, e] = this.entries.entries().next().value as [string, Entry];
      this.drop(e);
      this.entries.delete(k);
    }
  }

  private drop(e: Entry): void {
    e.running?.abort.abort();
    if (e.timer) clearTimeout(e.timer);
    e.timer = undefined;
  }
}

const yieldToLoop = (): Promise<void> => new Promise((done) => setImmediate(done));

/**
 * summarizeContext over a large listing, a slice at a time with the event loop served in between. Each slice is
 * summarized with every folder and file kept (`top: Infinity`), so the merged sums and top-5 lists are exact.
 */
async function summarizeInSlices(listing: ContextListing, sources: readonly string[]): Promise<ContextMeasure> {
  if (listing.files.length <= SUMMARY_SLICE) return measureListing(listing, sources);
  const options = { hasDockerignore: listing.hasDockerignore, truncated: listing.truncated, top: Number.POSITIVE_INFINITY };
  const parts: ContextMeasure[] = [];
  for (let i = 0; i < listing.files.length; i += SUMMARY_SLICE) {
    parts.push(summarizeContext(listing.files.slice(i, i + SUMMARY_SLICE), sources, options));
    await yieldToLoop();
  }
  return mergeMeasures(parts, sources, listing);
}

const TOP = 5;
// The order summarizeContext sorts its largest files and folders in.
const bySize = (a: LargestEntry, b: LargestEntry): number => b.bytes - a.bytes || a.path.localeCompare(b.path);

function mergeMeasures(parts: readonly ContextMeasure[], sources: readonly string[], listing: ContextListing): ContextMeasure {
  let bytes = 0;
  let files = 0;
  let ignoredBytes = 0;
  const largest: LargestEntry[] = [];
  const dirs = new Map<string, number>();
  const junk = new Map<string, ContextMeasure['droppable'][number]>();
  for (const p of parts) {
    bytes += p.bytes;
    files += p.files;
    ignoredBytes += p.ignoredBytes;
    largest.push(...p.largestFiles.slice(0, TOP));
    for (const d of p.largestDirs) dirs.set(d.path, (dirs.get(d.path) ?? 0) + d.bytes);
    for (const j of p.droppable) {
      const sum = junk.get(j.pattern) ?? { ...j, bytes: 0, files: 0 };
      sum.bytes += j.bytes;
      sum.files += j.files;
      junk.set(j.pattern, sum);
    }
  }
  return {
    bytes,
    files,
    largestFiles: largest.sort(bySize).slice(0, TOP),
    largestDirs: [...dirs].map(([path, b]) => ({ path, bytes: b })).sort(bySize).slice(0, TOP),
    droppable: [...junk.values()].sort((a, b) => b.bytes - a.bytes),
    ignoredBytes,
    hasDockerignore: listing.hasDockerignore,
    truncated: listing.truncated,
    unmatched: sources.filter((s) => parts.every((p) => p.unmatched.includes(s))),
  };
}

function key(root: string, ignoreFile: string | undefined): string {
  return `${root}\0${ignoreFile ?? ''}`;
}

/** What a listing would change in an estimate: cheap to compare, so an unchanged re-walk does not refresh the editor. */
function signature(l: ContextListing | undefined): string {
  if (!l) return 'none';
  let bytes = 0;
  let ignored = 0;
  let h = 0;
  for (const f of l.files) {
    bytes += f.bytes;
    if (f.ignored) ignored++;
    for (let i = 0; i < f.path.length; i++) h = (h * 31 + f.path.charCodeAt(i)) | 0;
  }
  return `${l.files.length}:${bytes}:${ignored}:${l.truncated}:${l.hasDockerignore}:${h}`;
}
