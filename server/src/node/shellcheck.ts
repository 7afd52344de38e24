// ShellCheck on RUN bodies, the process half: runs the `shellcheck` binary from PATH with a time limit and caches its answers.
import { spawn, spawnSync } from 'node:child_process';
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
 * every call once the binary turned out to be missing (and sets `missing`, for the caller's one notice) instead
 * of a crash; the missing state is re-probed after a minute so installing ShellCheck needs no restart.
 */
export function processShellChecker(options: ProcessShellCheckerOptions = {}): ShellChecker & { clearCache(): void; runs: number; missing: boolean } {
  const command = options.command ?? 'shellcheck';
  const timeout = options.timeoutMs ?? 2000;
  const limit = options.cacheSize ?? 1000;
  const cache = new Map<string, ShellCheckFinding[]>();
  let missingSince: number | undefined;
  const self = {
    runs: 0,
    /** The binary was not found on some run: the CLI says so once, on stderr, instead of a finding per file. */
    missing: false,
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
      const res = spawnSync(command, argsFor(shell), {
        input: script,
        encoding: 'utf8',
        timeout,
        maxBuffer: 4 * 1024 * 1024,
        windowsHide: true,
      });
      if (res.error) {
        if ((res.error as NodeJS.ErrnoException).code === 'ENOENT') {
          missingSince = Date.now();
          self.missing = true;
          return undefined;
        }
        return []; // timed out or failed to start: report nothing for this body, try again next time
      }
      missingSince = undefined;
      const findings = parseJson1(res.stdout);
      if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
      cache.set(key, findings);
      return findings;
    },
  };
  return self;
}

function argsFor(shell: ShellDialect): string[] {
  return ['--format=json1', `--shell=${shell}`, `--exclude=${EXCLUDED_CODES.map((c) => `SC${c}`).join(',')}`, '-'];
}

function parseJson1(stdout: string): ShellCheckFinding[] {
  let parsed: Json1;
  try {
    parsed = JSON.parse(stdout) as Json1;
  } catch {
    return [];
  }
  return (parsed.comments ?? [])
    .filter((c) => LEVELS.has(c.level) && typeof c.code === 'number')
    .map((c) => ({ code: c.code, level: c.level as ShellCheckFinding['level'], message: c.message, line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn }));
}

/**
 * The language server's ShellChecker: never blocks. A body not checked yet answers "nothing yet" and is checked
 * in a child process in the background (a few at a time); when answers arrive `onResults` asks for a re-lint, which
 * then reads them from the cache. Keystrokes therefore never wait for ShellCheck.
 */
export function backgroundShellChecker(onResults: () => void, options: ProcessShellCheckerOptions & { concurrency?: number; onMissing?: () => void } = {}): ShellChecker {
  const command = options.command ?? 'shellcheck';
  const timeout = options.timeoutMs ?? 2000;
  const limit = options.cacheSize ?? 1000;
  const concurrency = options.concurrency ?? 2;
  const cache = new Map<string, ShellCheckFinding[]>();
  const queue: { key: string; script: string; shell: ShellDialect }[] = [];
  const queued = new Set<string>();
  let running = 0;
  let missing = false;
  let notify: NodeJS.Timeout | undefined;
  const done = (): void => {
    if (notify) clearTimeout(notify);
    notify = setTimeout(onResults, 50);
  };
  const pump = (): void => {
    while (running < concurrency && queue.length) {
      const job = queue.shift()!;
      running++;
      const child = spawn(command, argsFor(job.shell), { stdio: ['pipe', 'pipe', 'ignore'], windowsHide: true });
      let out = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      let finished = false;
      // A failed run is cached as "nothing to report" so a re-lint does not start it again in a loop.
      const finish = (findings: ShellCheckFinding[] | undefined): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        running--;
        queued.delete(job.key);
        if (findings) {
          if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
          cache.set(job.key, findings);
        }
        done();
        pump();
      };
      child.on('error', (err: NodeJS.ErrnoException) => {
        // Said once (the server logs it and tells the client), never as a finding on every Dockerfile.
        if (err.code === 'ENOENT' && !missing) {
          missing = true;
          options.onMissing?.();
        }
        finish(err.code === 'ENOENT' ? undefined : []);
      });
      child.on('close', (_code, signal) => finish(signal ? [] : parseJson1(out)));
      child.stdin.on('error', () => undefined);
      child.stdin.end(job.script);
    }
  };
  return {
    check(script: string, shell: ShellDialect, knownVars: readonly string[]): ShellCheckFinding[] | undefined {
      if (missing) return undefined;
      const key = `${shell}\u0000${knownVars.join(',')}\u0000${script}`;
      const hit = cache.get(key);
      if (hit) return hit;
      if (!queued.has(key)) {
        queued.add(key);
        queue.push({ key, script, shell });
        pump();
      }
      return [];
    },
  };
}
