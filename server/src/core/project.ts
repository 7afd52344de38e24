// The view of the project's other files that rules may read; the server and the CLI implement it.
import * as posix from './path';

export interface ProjectFiles {
  /** The text of a file (open editor buffers first), or undefined when it does not exist or cannot be read. */
  read(path: string): string | undefined;
  /** Direct children of a folder (names only), or undefined when the folder does not exist. */
  list?(dir: string): string[] | undefined;
}

export const NO_FILES: ProjectFiles = { read: () => undefined };

/** An in-memory project, for tests and for callers that already hold the texts. */
export function memoryFiles(files: Record<string, string>): ProjectFiles {
  return {
    read: (p) => files[posix.normalize(p)],
    list: (dir) => {
      const d = posix.normalize(dir).replace(/\/$/, '');
      const names = new Set<string>();
      for (const f of Object.keys(files)) {
        const n = posix.normalize(f);
        if (posix.dirname(n) === d) names.add(posix.basename(n));
        // Sub-folders are listed too, as a directory listing would.
        else if (n.startsWith(`${d}/`)) names.add(n.slice(d.length + 1).split('/')[0]!);
      }
      return names.size ? [...names] : undefined;
    },
  };
}

export function dirnameOf(p: string): string {
  return posix.dirname(p.replace(/\\/g, '/'));
}

export function joinPath(...parts: string[]): string {
  return posix.join(...parts.map((p) => p.replace(/\\/g, '/')));
}

export function resolvePath(base: string, rel: string): string {
  return posix.resolve(base.replace(/\\/g, '/'), rel.replace(/\\/g, '/'));
}
