// The build context a Dockerfile is built with: its root in the project, the ignore file that applies, and memoised reads of its files.
//
// Every rule, assist and tracer that reads a context file or asks whether `.dockerignore` excludes one goes through
// this, so they agree on where the context is (config `context` resolved against the Dockerfile's folder) and on
// which ignore file applies. Pure: files are read through ProjectFiles.
import * as posix from '../path';
import type { ProjectFiles } from '../project';
import { dirnameOf, resolvePath } from '../project';
import { applicableIgnoreFile } from './ignore-file';
import { parseDockerignore, sourceGlob, type Dockerignore } from './dockerignore';
import { normalizeContextPath } from './semantic';

export interface BuildContext {
  /** Project path of the context's root; undefined without a Dockerfile path (then nothing can be read). */
  root?: string;
  /** The Dockerfile's project path, `/`-separated. */
  dockerfilePath?: string;
  /** The ignore file that applies to this build (`<Dockerfile>.dockerignore` beside the Dockerfile, else `<root>/.dockerignore`). */
  ignoreFile?: { path: string; text: string };
  /** The ignore file's patterns as Docker reads them, with the lines Docker rejects; set with `ignoreFile`. */
  ignorePatterns?: Dockerignore;
  /** Whether the ignore file leaves a context path (relative, as COPY names it) out of the context; a parent folder excluded excludes it too. */
  ignores(relPath: string): boolean;
  /** The text of a context file (memoised), or undefined when it is missing or there is no root. */
  read(relPath: string): string | undefined;
  /** The text of a file by project path (memoised with `read`), for files the context reaches through `..`. */
  readPath(path: string): string | undefined;
  /** The project path of a context path. */
  project(relPath: string): string;
  /** A project path as messages name it: relative to the Dockerfile's folder (`../.dockerignore`). */
  shown(path: string): string;
}

/** Where a build context is: the files, the Dockerfile's path and the config's `context`; a rule's context fits. */
export interface BuildContextInput {
  files: ProjectFiles;
  path?: string;
  config?: { context?: string };
}

/** The build context folder: the Dockerfile's folder, or `context` resolved against it. */
export function contextRootOf(dockerfilePath: string, context?: string): string {
  return resolvePath(dirnameOf(dockerfilePath), context ?? '.');
}

const snapshots = new WeakSet<ProjectFiles>();
const contexts = new WeakMap<ProjectFiles, Map<string, BuildContext>>();

/**
 * A view of the project files for one analysis (one lint of one document version, one assist run): each file is
 * read once, and build contexts (with what is traced through them) are memoised on it. Make a new one for each
 * analysis: the files may change between two. A snapshot of a snapshot is itself.
 */
export function snapshotFiles(files: ProjectFiles): ProjectFiles {
  if (snapshots.has(files)) return files;
  const texts = new Map<string, string | undefined>();
  const lists = new Map<string, string[] | undefined>();
  const out: ProjectFiles = {
    read: (p) => {
      if (!texts.has(p)) texts.set(p, readOrNothing(files, p));
      return texts.get(p);
    },
    ...(files.list
      ? {
          list: (d: string) => {
            if (!lists.has(d)) lists.set(d, files.list!(d));
            return lists.get(d);
          },
        }
      : {}),
  };
  snapshots.add(out);
  return out;
}

/** A read that throws (an adapter that cannot name the path, e.g. a lone surrogate in a URI) is a file that is not there. */
function readOrNothing(files: ProjectFiles, p: string): string | undefined {
  try {
    return files.read(p);
  } catch {
    return undefined;
  }
}

/**
 * The build context of a Dockerfile. Memoised per (files, path, context) when `files` is a snapshot
 * (`snapshotFiles`); otherwise built afresh, since a long-lived ProjectFiles may change under it.
 */
export function buildContextFor(input: BuildContextInput): BuildContext {
  const context = input.config?.context ?? undefined;
  const key = JSON.stringify([input.path ?? null, context ?? null]);
  const snapshot = snapshots.has(input.files);
  if (snapshot) {
    const hit = contexts.get(input.files)?.get(key);
    if (hit) return hit;
  }
  const bc = makeContext(input.files, input.path, context);
  if (snapshot) {
    let byKey = contexts.get(input.files);
    if (!byKey) contexts.set(input.files, (byKey = new Map()));
    byKey.set(key, bc);
  }
  return bc;
}

function makeContext(files: ProjectFiles, path: string | undefined, context: string | undefined): BuildContext {
  const texts = new Map<string, string | undefined>();
  const readPath = (p: string): string | undefined => {
    const n = posix.normalize(p);
    if (!texts.has(n)) texts.set(n, files.read(n));
    return texts.get(n);
  };
  if (path === undefined) {
    return { ignores: () => false, read: () => undefined, readPath, project: (rel) => normalizeContextPath(rel), shown: (p) => p };
  }
  const dockerfilePath = path.replace(/\\/g, '/');
  const root = contextRootOf(dockerfilePath, context);
  const project = (rel: string): string => {
    const r = normalizeContextPath(rel);
    return r === '' ? root : posix.join(root, r);
  };
  const shown = (p: string): string => (dockerfilePath === undefined ? p : posix.relative(posix.dirname(dockerfilePath), p));
  const bc: BuildContext = { root, dockerfilePath, ignores: () => false, read: (rel) => readPath(project(rel)), readPath, project, shown };
  const ignorePath = applicableIgnoreFile(dockerfilePath, root, (p) => readPath(p) !== undefined);
  const text = ignorePath !== undefined ? readPath(ignorePath) : undefined;
  if (ignorePath !== undefined && text !== undefined) {
    const ig = parseDockerignore(text);
    bc.ignoreFile = { path: ignorePath, text };
    bc.ignorePatterns = ig;
    const memo = new Map<string, boolean>();
    bc.ignores = (rel) => {
      const r = normalizeContextPath(rel);
      // The root itself is always sent; `..` is outside the context, where the ignore file does not reach.
      if (r === '' || r === '..' || r.startsWith('../')) return false;
      let v = memo.get(r);
      if (v === undefined) memo.set(r, (v = ig.ignores(r)));
      return v;
    };
  }
  return bc;
}

/** Normalizes a COPY source: strips `./` and leading `/` (sources are relative to the context either way). */
export function normalizeSource(src: string): string {
  return normalizeContextPath(src);
}

/** A matcher for one COPY source: the path itself, or anything below it (directories copy their contents). */
export function sourceMatcher(src: string): (path: string) => boolean {
  const s = normalizeSource(src);
  if (s === '') return () => true;
  if (!/[*?[]/.test(s)) return (p) => p === s || p.startsWith(`${s}/`);
  // Not a RegExp: `[z-a]` would throw, and `*a*a*a…b` would backtrack for seconds on a long name.
  return sourceGlob(s);
}
