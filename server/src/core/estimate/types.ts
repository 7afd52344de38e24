// Shapes of a size estimate: a typical value with a low–high range, and the parts it is made of with their sources.
import type { Range } from '../types';

/** Bytes: a typical value and a low–high range. */
export interface E {
  typical: number;
  low: number;
  high: number;
}

export type PartKind =
  | 'base'
  | 'apt'
  | 'apt-lists'
  | 'apk'
  | 'apk-cache'
  | 'pip'
  | 'pip-cache'
  | 'venv'
  | 'context'
  | 'copy-from'
  | 'download'
  | 'cleanup'
  | 'not-estimated';

export interface Part {
  what: string;
  bytes: E;
  /** Where the figure comes from: a data file and its date, measured files, or `fallback: …`. */
  source: string;
  kind: PartKind;
  /** True for fallback figures (unknown image, package or path): the range is wide on purpose. */
  fallback?: boolean;
  /** For pip parts: the packages counted, for the hover's breakdown. */
  packages?: PackageEstimate[];
}

export interface PackageEstimate {
  name: string;
  version?: string;
  /** Pulled in as a dependency of another requested package. */
  dependency: boolean;
  installed: E;
  download: E;
  source: string;
  fallback: boolean;
  /** The package is not in the embedded data (nor found online): its size is unknown. */
  notInData?: boolean;
  note?: string;
}

/** What a fix would save, e.g. `--no-cache-dir` saving the pip cache. */
export interface Saving {
  what: string;
  fix: string;
  bytes: E;
  source: string;
}

export interface LargestEntry {
  path: string;
  bytes: number;
}

/** Files the build context sends for some COPY/ADD sources, after `.dockerignore`. */
export interface ContextMeasure {
  bytes: number;
  files: number;
  largestFiles: LargestEntry[];
  largestDirs: LargestEntry[];
  /** Commonly unneeded paths that are sent (not excluded by `.dockerignore`). */
  droppable: { pattern: string; why: string; bytes: number; files: number }[];
  /** Bytes of matching files that `.dockerignore` already excludes. */
  ignoredBytes: number;
  hasDockerignore: boolean;
  /** The name of the ignore file applied (`.dockerignore`, `app.Dockerfile.dockerignore`), when there is one. */
  ignoreFileName?: string;
  /** The walk hit its time or entry limit: `bytes` is a lower bound. */
  truncated: boolean;
  /** Sources that matched nothing. */
  unmatched: string[];
}

/**
 * Measures the build context. The core never touches the file system: the Node side implements this by walking the
 * folder (with limits) and applying `.dockerignore`; tests pass an in-memory one.
 */
export interface ContextSizer {
  /** `sources` are COPY/ADD sources relative to the context (globs allowed, Docker's `filepath.Match` syntax). */
  measure(contextDir: string, sources: readonly string[]): ContextMeasure | undefined;
  /** True while the context is being walked (so `measure` has no answer yet, but will have one). */
  pending?(contextDir: string): boolean;
}

/** Package and image facts looked up online (PyPI JSON API, registry manifests), already cached; sync reads only. */
export interface ExternalFacts {
  /** Files of a PyPI release as the JSON API lists them, or undefined when not (yet) known. */
  pypi(name: string, version?: string): ExternalRelease | undefined;
  /** Compressed layer sizes of `image:tag` on a platform, or undefined when not (yet) known. */
  image(image: string, tag: string, platform: string): ExternalImage | undefined;
}

export interface ExternalRelease {
  name: string;
  version: string;
  files: { filename: string; bytes: number; packagetype: 'bdist_wheel' | 'sdist' | string }[];
  requiresDist: string[];
  source: string;
  fetched: string;
}

export interface ExternalImage {
  image: string;
  tag: string;
  platform: string;
  compressedBytes: number;
  source: string;
  fetched: string;
}

export interface InstructionEstimate {
  /** Index in the model's instruction list. */
  index: number;
  /** 1-based line of the instruction's first line. */
  line: number;
  keyword: string;
  /** Short text of the instruction (`RUN pip install -r requirements.txt`). */
  instruction: string;
  range: Range;
  bytes: E;
  parts: Part[];
  savings: Saving[];
  /** For COPY/ADD from the build context: what was measured. */
  context?: ContextMeasure;
}

export interface BaseEstimate {
  image: string;
  tag: string;
  /** On disk (uncompressed). */
  bytes: E;
  /** What `docker pull` transfers. */
  downloadBytes: E;
  source: string;
  fallback: boolean;
  /** Earlier stage this one builds on. */
  stage?: number;
}

export interface StageEstimate {
  index: number;
  name?: string;
  isFinal: boolean;
  reachesFinal: boolean;
  layersInFinal: boolean;
  base: BaseEstimate;
  /** The stage's whole file system: base plus every layer. */
  bytes: E;
  downloadBytes: E;
  instructions: InstructionEstimate[];
}

export interface ImageEstimate {
  final?: { stage: string | number; bytes: E; downloadBytes: E };
  stages: StageEstimate[];
}
