// Finds the files `layerwise lint <folder>` lints: each real file once, never outside the folder, unreadable folders skipped with a note.
import { lstatSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** The file-system calls the walk makes; tests hand in failing ones (root can read any folder, so a real failure is hard to stage). */
export interface WalkFs {
  readdir(path: string): string[];
  lstat(path: string): { isDirectory(): boolean; isFile(): boolean; isSymbolicLink(): boolean };
  stat(path: string): { isDirectory(): boolean; isFile(): boolean };
  realpath(path: string): string;
}

export const NODE_WALK_FS: WalkFs = {
  readdir: (p) => readdirSync(p),
  lstat: (p) => lstatSync(p),
  stat: (p) => statSync(p),
  realpath: (p) => realpathSync(p),
};

export interface WalkResult {
  /** Paths as reached from the folder given (not resolved), in sorted order. */
  files: string[];
  /** One line per folder or link that was skipped, for stderr. */
  notes: string[];
}

export interface WalkOptions {
  /** Folder names never entered (`.git`, `node_modules`, virtual environments). */
  skipDirs?: ReadonlySet<string>;
  /** Which files to keep. */
  accept(path: string): boolean;
  fs?: WalkFs;
}

/**
 * Walks `root` iteratively. A visited set of real paths makes symlink loops (two links to `.`) end at once and
 * lints a file reached through two names once; a link whose target lies outside `root`, or that dangles, is not
 * followed; a sub-folder that cannot be listed is noted and skipped. Throws only when `root` itself cannot be listed.
 */
export function walkFolder(root: string, options: WalkOptions): WalkResult {
  const fs = options.fs ?? NODE_WALK_FS;
  const skip = options.skipDirs ?? new Set<string>();
  const rootReal = fs.realpath(root);
  const files: string[] = [];
  const notes: string[] = [];
  const seen = new Set<string>([rootReal]);
  const fileAt = new Map<string, { index: number; viaLink: boolean }>();
  const inside = (real: string): boolean => {
    const rel = relative(rootReal, real);
    return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
  };
  // Depth-first in sorted order with each folder expanded where it sorts (as the old recursive walk listed
  // files), but with an explicit stack: a deep tree cannot overflow the call stack.
  const stack: { dir: string; names: string[]; next: number }[] = [];
  const enter = (dir: string, isRoot: boolean): void => {
    try {
      stack.push({ dir, names: fs.readdir(dir).sort(), next: 0 });
    } catch (err) {
      if (isRoot) throw err;
      notes.push(`skipped folder ${dir}: ${reason(err)}`);
    }
  };
  enter(root, true);
  while (stack.length) {
    const frame = stack[stack.length - 1]!;
    if (frame.next >= frame.names.length) {
      stack.pop();
      continue;
    }
    const name = frame.names[frame.next++]!;
    if (skip.has(name)) continue;
    const p = join(frame.dir, name);
    let l;
    try {
      l = fs.lstat(p);
    } catch {
      continue; // gone since the listing
    }
    let isDir = l.isDirectory();
    let isFile = l.isFile();
    if (!isDir && !isFile && !l.isSymbolicLink()) continue; // FIFOs, sockets, devices: never opened
    let real: string;
    try {
      real = fs.realpath(p);
    } catch (err) {
      if (l.isSymbolicLink()) notes.push(`skipped link ${p}: ${reason(err)}`);
      continue;
    }
    if (l.isSymbolicLink()) {
      try {
        const s = fs.stat(p);
        isDir = s.isDirectory();
        isFile = s.isFile();
      } catch (err) {
        notes.push(`skipped link ${p}: ${reason(err)}`);
        continue;
      }
      if (!inside(real)) {
        // Only links the walk would have used are worth a note.
        if (isDir || (isFile && options.accept(p))) notes.push(`skipped link ${p}: it points outside ${root}`);
        continue;
      }
    }
    if (isDir) {
      if (seen.has(real)) continue;
      seen.add(real);
      enter(p, false);
    } else if (isFile && options.accept(p)) {
      // A file reached by its own name and through a link is linted once, under its own name (a fix can write it).
      const at = fileAt.get(real);
      if (at === undefined) {
        fileAt.set(real, { index: files.length, viaLink: l.isSymbolicLink() });
        files.push(p);
      } else if (at.viaLink && !l.isSymbolicLink()) {
        files[at.index] = p;
        at.viaLink = false;
      }
    }
  }
  return { files, notes };
}

function reason(err: unknown): string {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'its target does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  if (code === 'ENOTDIR') return 'not a folder';
  return code ?? (err as Error).message;
}
