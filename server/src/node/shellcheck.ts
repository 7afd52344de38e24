// ShellCheck on RUN bodies, the process half: runs the `shellcheck` binary from PATH with a time limit and caches its answers.
import { spawnSync } from 'node:child_process';
import { EXCLUDED_CODES, type ShellCheckFinding, type ShellChecker, type ShellDialect } from '../core/shellcheck';

export interface ProcessShellCheckerOptions {
  /** Executable to run; `shellcheck` from PATH by default. */
  command?: string;
  /** Per-run time limit; a run that takes longer counts as clean (and is not cached). */
  timeoutMs?: number;
  /** Cached answers kept (per script, shell and variables). */
  cacheSize?: number;
}

interface Json1 {
  comments?: { line: number; endLine: number; column: number; endColumn: number; level: string; code: number; message: string }[];
}

const LEVELS = new Set(['error', 'warning', 'info', 'style']);

/**
 * A ShellChecker backed by the `shellcheck` binary (`--format=json1`, script on stdin). Answers `undefined` for
 * every call once the binary turned out to be missing, so a file without it gets one notice instead of a
 * crash; the missing state is re-probed after a minute so installing ShellCheck needs no restart.
 */
export function processShellChecker(options: ProcessShellCheckerOptions = {}): ShellChecker & { clearCache(): void; runs: number } {
  const command = options.command ?? 'shellcheck';
  const timeout = options.timeoutMs ?? 2000;
  const limit = options.cacheSize ?? 1000;
  const cache = new Map<string, ShellCheckFinding[]>();
  let missingSince: number | undefined;
  const self = {
    runs: 0,
    clearCache(): void {
      cache.clear();
      missingSince = undefined;
    },
    check(script: string, shell: ShellDialect, knownVars: readonly string[]): ShellCheckFinding[] | undefined {
      if (missingSince !== undefined && Date.now() - missingSince < 60_000) return undefined;
      const key = `${shell}\u0000${knownVars.join(',')}\u0000${script}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      self.runs++;
      const res = spawnSync(command, ['--format=json1', `--shell=${shell}`, `--exclude=${EXCLUDED_CODES.map((c) => `SC${c}`).join(',')}`, '-'], {
        input: script,
        encoding: 'utf8',
        timeout,
        maxBuffer: 4 * 1024 * 1024,
        windowsHide: true,
      });
      if (res.error) {
        if ((res.error as NodeJS.ErrnoException).code === 'ENOENT') {
          missingSince = Date.now();
          return undefined;
        }
        return []; // timed out or failed to start: report nothing for this body, try again next time
      }
      missingSince = undefined;
      let parsed: Json1;
      try {
        parsed = JSON.parse(res.stdout) as Json1;
      } catch {
        return [];
      }
      const findings: ShellCheckFinding[] = (parsed.comments ?? [])
        .filter((c) => LEVELS.has(c.level) && typeof c.code === 'number')
        .map((c) => ({ code: c.code, level: c.level as ShellCheckFinding['level'], message: c.message, line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn }));
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, findings);
      return findings;
    },
  };
  return self;
}
