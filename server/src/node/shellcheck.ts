// ShellCheck on RUN bodies, the process half: runs the `shellcheck` binary from PATH with a time limit and caches its answers.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EXCLUDED_CODES, type ShellCheckFinding, type ShellCheckJob, type ShellChecker, type ShellDialect } from '../core/shellcheck';

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
  const keyOf = (j: ShellCheckJob): string => `${j.shell}\u0000${j.knownVars.join(',')}\u0000${j.script}`;
  const remember = (key: string, findings: ShellCheckFinding[]): void => {
    if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
    cache.set(key, findings);
  };
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
      remember(key, findings);
      return findings;
    },
    /**
     * The bodies the cache lacks are written to a temporary folder and checked by one ShellCheck run per dialect
     * (a 5,000-line Dockerfile has hundreds of RUNs: one process each took minutes).
     */
    checkMany(jobs: readonly ShellCheckJob[]): (ShellCheckFinding[] | undefined)[] {
      if (missingSince !== undefined && Date.now() - missingSince < 60_000) return jobs.map(() => undefined);
      const todo = new Map<string, ShellCheckJob>();
      for (const j of jobs) if (!cache.has(keyOf(j))) todo.set(keyOf(j), j);
      const byShell = new Map<ShellDialect, [string, ShellCheckJob][]>();
      for (const entry of todo) byShell.set(entry[1].shell, [...(byShell.get(entry[1].shell) ?? []), entry]);
      const answered = new Map<string, ShellCheckFinding[]>();
      for (const [shell, batch] of byShell) {
        const written = writeScripts(batch.map(([, j]) => j.script));
        if (!written) {
          for (const [key] of batch) answered.set(key, []); // the folder could not be written: nothing for now
          continue;
        }
        const { dir, files } = written;
        try {
          self.runs++;
          const res = spawnSync(command, batchArgs(shell, files), { encoding: 'utf8', timeout: timeout + 50 * files.length, maxBuffer: 64 * 1024 * 1024, windowsHide: true });
          if (res.error) {
            if ((res.error as NodeJS.ErrnoException).code === 'ENOENT') {
              missingSince = Date.now();
              self.missing = true;
              return jobs.map(() => undefined);
            }
            for (const [key] of batch) answered.set(key, []); // timed out: nothing for now, not cached
            continue;
          }
          missingSince = undefined;
          const perFile = parseJson1ByFile(res.stdout);
          batch.forEach(([key], i) => {
            const findings = perFile.get(files[i]!) ?? [];
            remember(key, findings);
            answered.set(key, findings);
          });
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }
      return jobs.map((j) => cache.get(keyOf(j)) ?? answered.get(keyOf(j)) ?? []);
    },
  };
  return self;
}

function argsFor(shell: ShellDialect): string[] {
  return ['--format=json1', `--shell=${shell}`, `--exclude=${EXCLUDED_CODES.map((c) => `SC${c}`).join(',')}`, '-'];
}

/** Writes each script to its own file in a new temporary folder (one ShellCheck run then reads them all). */
function writeScripts(scripts: readonly string[]): { dir: string; files: string[] } | undefined {
  let dir: string | undefined;
  try {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-sc-'));
    const files = scripts.map((script, i) => {
      const file = join(dir!, `run${i}.sh`);
      writeFileSync(file, script);
      return file;
    });
    return { dir, files };
  } catch {
    if (dir) rmSync(dir, { recursive: true, force: true });
    return undefined;
  }
}

/** One ShellCheck run over several files: the stdin run's arguments with the files in place of `-`. */
function batchArgs(shell: ShellDialect, files: readonly string[]): string[] {
  return [...argsFor(shell).slice(0, -1), ...files];
}

/** json1 output of a run over several files: each file's comments (a file with none is absent). */
function parseJson1ByFile(stdout: string): Map<string, ShellCheckFinding[]> {
  const out = new Map<string, ShellCheckFinding[]>();
  let parsed: { comments?: ({ file?: string } & NonNullable<Json1['comments']>[number])[] };
  try {
    parsed = JSON.parse(stdout) as typeof parsed;
  } catch {
    return out;
  }
  for (const c of parsed.comments ?? []) {
    if (!LEVELS.has(c.level) || typeof c.code !== 'number' || typeof c.file !== 'string') continue;
    const list = out.get(c.file) ?? [];
    list.push({ code: c.code, level: c.level as ShellCheckFinding['level'], message: c.message, line: c.line, column: c.column, endLine: c.endLine, endColumn: c.endColumn });
    out.set(c.file, list);
  }
  return out;
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
  // A job is every body of one file (and dialect) that the cache lacks: one process each, not one per RUN.
  const queue: { shell: ShellDialect; bodies: { key: string; script: string }[] }[] = [];
  const queued = new Set<string>();
  let running = 0;
  let missing = false;
  let notify: NodeJS.Timeout | undefined;
  const done = (): void => {
    if (notify) clearTimeout(notify);
    notify = setTimeout(onResults, 50);
  };
  const keyOf = (shell: ShellDialect, knownVars: readonly string[], script: string): string => `${shell}\u0000${knownVars.join(',')}\u0000${script}`;
  const pump = (): void => {
    while (running < concurrency && queue.length) {
      const job = queue.shift()!;
      running++;
      const written = writeScripts(job.bodies.map((b) => b.script));
      const dir = written?.dir;
      const files = written?.files ?? [];
      let finished = false;
      // A failed run is cached as "nothing to report" so a re-lint does not start it again in a loop.
      const finish = (perFile: Map<string, ShellCheckFinding[]> | undefined): void => {
        if (finished) return;
        finished = true;
        clearTimeout(timer);
        running--;
        if (dir) rmSync(dir, { recursive: true, force: true });
        job.bodies.forEach((b, i) => {
          queued.delete(b.key);
          if (!perFile) return;
          if (cache.size >= limit) cache.delete(cache.keys().next().value as string);
          cache.set(b.key, perFile.get(files[i]!) ?? []);
        });
        done();
        pump();
      };
      // The temporary folder could not be written: nothing for these bodies now, a later lint asks again.
      if (!written) {
        finished = true;
        running--;
        for (const b of job.bodies) queued.delete(b.key);
        continue;
      }
      const child = spawn(command, batchArgs(job.shell, files), { stdio: ['ignore', 'pipe', 'ignore'], windowsHide: true });
      let out = '';
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout + 50 * files.length);
      child.stdout.on('data', (d: Buffer) => (out += d.toString()));
      child.on('error', (err: NodeJS.ErrnoException) => {
        // Said once (the server logs it and tells the client), never as a finding on every Dockerfile.
        if (err.code === 'ENOENT' && !missing) {
          missing = true;
          options.onMissing?.();
        }
        finish(err.code === 'ENOENT' ? undefined : new Map());
      });
      child.on('close', (_code, signal) => finish(signal ? new Map() : parseJson1ByFile(out)));
    }
  };
  const enqueue = (jobs: readonly ShellCheckJob[]): void => {
    const byShell = new Map<ShellDialect, { key: string; script: string }[]>();
    for (const j of jobs) {
      const key = keyOf(j.shell, j.knownVars, j.script);
      if (cache.has(key) || queued.has(key)) continue;
      queued.add(key);
      byShell.set(j.shell, [...(byShell.get(j.shell) ?? []), { key, script: j.script }]);
    }
    for (const [shell, bodies] of byShell) queue.push({ shell, bodies });
    pump();
  };
  return {
    check(script: string, shell: ShellDialect, knownVars: readonly string[]): ShellCheckFinding[] | undefined {
      if (missing) return undefined;
      const hit = cache.get(keyOf(shell, knownVars, script));
      if (hit) return hit;
      enqueue([{ script, shell, knownVars }]);
      return [];
    },
    checkMany(jobs: readonly ShellCheckJob[]): (ShellCheckFinding[] | undefined)[] {
      if (missing) return jobs.map(() => undefined);
      enqueue(jobs);
      return jobs.map((j) => cache.get(keyOf(j.shell, j.knownVars, j.script)) ?? []);
    },
  };
}
