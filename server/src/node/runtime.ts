// Node-side wiring the CLI and the server share: loading the parser wasm, reading project files from disk.
import { existsSync, readFileSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { initShellParser } from '../core/parse/shell';
import type { ProjectFiles } from '../core/project';
import { defaultShellChecker, setDefaultShellChecker } from '../core/shellcheck';
import { processShellChecker } from './shellcheck';
import { readTextFile } from './safe-write';

function findWasm(file: string, pkgPath: string): string {
  const candidates = [join(__dirname, file), join(__dirname, '..', file), join(__dirname, '..', 'dist', file)];
  for (const c of candidates) if (existsSync(c)) return c;
  return require.resolve(pkgPath);
}

/** Loads tree-sitter's runtime and the bash grammar from the files shipped next to the bundle. */
export async function initRuntime(): Promise<void> {
  await initShellParser({
    runtime: readFileSync(findWasm('tree-sitter.wasm', 'web-tree-sitter/tree-sitter.wasm')),
    bash: readFileSync(findWasm('tree-sitter-bash.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm')),
  });
  // The checker is only available here; whether it may run is decided per lint (LintOptions.shellcheck, workspace trust).
  if (!defaultShellChecker()) setDefaultShellChecker(processShellChecker());
}

/**
 * Folders reads stay in: a path inside one of them whose symlinks lead outside (a `requirements.txt` or
 * `.dockerignore` linked to a file elsewhere) reads as missing. Paths outside every root are not judged here.
 */
export interface ReadRoots {
  roots(): readonly string[];
}

/** Files on disk, with an optional overlay of unsaved editor buffers (path → text). */
export function diskFiles(overlay?: (path: string) => string | undefined, confine?: ReadRoots): ProjectFiles {
  const escapes = (path: string): boolean => {
    const roots = confine?.roots() ?? [];
    if (!roots.length) return false;
    const lexical = resolve(path);
    const holding = roots.filter((r) => within(lexical, resolve(r)));
    if (!holding.length) return false;
    let real: string;
    try {
      real = realpathSync(lexical);
    } catch {
      return false; // missing: the read reports that itself
    }
    return !roots.some((r) => within(real, realOr(resolve(r))));
  };
  return {
    read(path: string): string | undefined {
      const open = overlay?.(path);
      if (open !== undefined) return open;
      if (escapes(path)) return undefined;
      // Bytes decoded as the CLI's writer encodes them back; binary, huge or special files (a FIFO) read as missing.
      const r = readTextFile(path);
      return r.ok ? r.text : undefined;
    },
    list(dir: string): string[] | undefined {
      if (escapes(dir)) return undefined;
      try {
        return readdirSync(dir);
      } catch {
        return undefined;
      }
    },
  };
}

function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

function realOr(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
}
