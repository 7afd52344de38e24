// Measures the build context on disk for the estimator: walks the folder within limits and applies .dockerignore.
import { readdirSync, readFileSync, lstatSync } from 'node:fs';
import { join } from 'node:path';
import ignore from '@balena/dockerignore';
import { summarizeContext, type ContextFile } from '../core/estimate/context';
import type { ContextMeasure, ContextSizer } from '../core/estimate/types';

export interface ContextSizerOptions {
  /** Stop walking after this many entries (files and folders). */
  maxEntries?: number;
  /** Stop walking after this long. */
  maxMillis?: number;
  /** Reuse a walk for this long (a hover and a CodeLens pass ask about the same context). */
  ttlMillis?: number;
}

interface Listing {
  files: ContextFile[];
  hasDockerignore: boolean;
  truncated: boolean;
  at: number;
}

/** Lists every file under `dir` with its size, marking the ones `.dockerignore` excludes (Docker's matching rules). */
export function listContext(dir: string, options: ContextSizerOptions = {}): Listing {
  const maxEntries = options.maxEntries ?? 200_000;
  const maxMillis = options.maxMillis ?? 1500;
  const started = Date.now();
  let patterns: string[] = [];
  let hasDockerignore = false;
  try {
    patterns = readFileSync(join(dir, '.dockerignore'), 'utf8').split(/\r?\n/);
    hasDockerignore = true;
  } catch {
    /* no .dockerignore: everything is sent */
  }
  const ig = ignore().add(patterns);
  const files: ContextFile[] = [];
  let entries = 0;
  let truncated = false;
  const stack: string[] = [''];
  while (stack.length) {
    const rel = stack.pop()!;
    let names: string[];
    try {
      names = readdirSync(join(dir, rel));
    } catch {
      continue;
    }
    for (const name of names.sort()) {
      if (++entries > maxEntries || Date.now() - started > maxMillis) {
        truncated = true;
        stack.length = 0;
        break;
      }
      const p = rel ? `${rel}/${name}` : name;
      let st;
      try {
        st = lstatSync(join(dir, p));
      } catch {
        continue;
      }
      if (st.isDirectory()) stack.push(p);
      else files.push({ path: p, bytes: st.isFile() ? st.size : 0, ...(hasDockerignore && ig.ignores(p) ? { ignored: true } : {}) });
    }
  }
  return { files, hasDockerignore, truncated, at: Date.now() };
}

/** A ContextSizer over the real file system, caching each folder's walk for a short while. */
export function diskContextSizer(options: ContextSizerOptions = {}): ContextSizer {
  const cache = new Map<string, Listing>();
  const ttl = options.ttlMillis ?? 5000;
  return {
    measure(contextDir: string, sources: readonly string[]): ContextMeasure | undefined {
      let listing = cache.get(contextDir);
      if (!listing || Date.now() - listing.at > ttl) {
        listing = listContext(contextDir, options);
        if (listing.files.length === 0 && !listing.hasDockerignore) {
          try {
            readdirSync(contextDir);
          } catch {
            return undefined;
          }
        }
        cache.set(contextDir, listing);
      }
      return summarizeContext(listing.files, sources, { hasDockerignore: listing.hasDockerignore, truncated: listing.truncated });
    },
  };
}
