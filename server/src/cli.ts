// `layerwise lint|--stdio`: the command-line front end over the same core as the language server.
import { statSync } from 'node:fs';
import { setFlagsFromString } from 'node:v8';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileKind, fixAll, lintText, type FileKind } from './core/index';
import { DEFAULT_DOCS_BASE } from './core/engine';
import { SEVERITY_RANK, type Severity } from './core/types';
import { parseSeverity } from './core/config';
import { diskFiles, initRuntime } from './node/runtime';
import { loadConfig, printTrustNotices, repositoryRoot } from './node/config-files';
import { walkFolder } from './node/folder-walk';
import { processShellChecker } from './node/shellcheck';
import { RefusedWrite, checkWritable, readTextFile, writeTextFileAtomic, type TextFormat } from './node/safe-write';
import { toJson, toSarif, toText, type FileFindings } from './cli-format';
import { ESTIMATE_USAGE, EstimateUsageError, estimateCommand } from './cli-estimate';
import { SPLIT_USAGE, SplitUsageError, splitCommand } from './cli-split';

// A CLI run is short: its WebAssembly (the tree-sitter shell grammar) is compiled by V8's baseline compiler only.
// Otherwise V8's optimising tier-up of the grammar runs in the background and holds the process at exit, measured
// here: the example 0.77 s → 0.36 s, a 5,000-line file 1.3 s → 0.8 s. Set before initRuntime compiles the grammar;
// the language server (`--stdio`, long-lived) keeps the optimising tier.
if (!process.argv.includes('--stdio')) setFlagsFromString('--liftoff-only');

const VERSION = '0.1.0';

class UsageError extends Error {}

const USAGE = `Usage:
  layerwise lint [paths…] [--format text|json|sarif] [--config FILE] [--fix] [--unsafe-fixes]
                 [--failure-threshold error|warning|info|hint|none] [--target STAGE] [--no-color]
                 [--no-shellcheck]   start no process (ShellCheck runs when on the PATH otherwise)
${ESTIMATE_USAGE}
${SPLIT_USAGE}
  layerwise --stdio            run the language server over stdio
  layerwise --version | --help

Exit codes: 0 nothing at or above the failure threshold, 1 findings at or above it, 2 usage or I/O error.`;

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn', '.venv', 'venv', '__pycache__', '.tox', '.mypy_cache', '.pytest_cache', '.ruff_cache']);

function collect(path: string, out: { path: string; kind: FileKind }[], explicit: boolean, notes: string[]): void {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new UsageError(`cannot read ${path}: no such file or directory`);
  }
  if (st.isDirectory()) {
    let walked;
    try {
      walked = walkFolder(path, { skipDirs: SKIP_DIRS, accept: (p) => fileKind(p) !== undefined });
    } catch (err) {
      throw new UsageError(`cannot read ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
    }
    notes.push(...walked.notes);
    for (const p of walked.files) out.push({ path: p, kind: fileKind(p)! });
    return;
  }
  const kind = fileKind(path) ?? (explicit ? 'dockerfile' : undefined);
  if (kind) out.push({ path, kind });
}

interface LintArgs {
  paths: string[];
  format: 'text' | 'json' | 'sarif';
  config?: string;
  fix: boolean;
  unsafeFixes: boolean;
  threshold?: Severity | 'none';
  target?: string;
  color: boolean;
  /** Run ShellCheck on RUN bodies (the only process lint starts); `--no-shellcheck` turns it off. */
  shellcheck: boolean;
}

function parseLintArgs(argv: string[]): LintArgs {
  const args: LintArgs = { paths: [], format: 'text', fix: false, unsafeFixes: false, shellcheck: true, color: process.stdout.isTTY === true && !process.env['NO_COLOR'] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const eq = a.indexOf('=');
      if (eq > 0) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${a} needs a value`);
      return v;
    };
    const flag = a.startsWith('--') && a.includes('=') ? a.slice(0, a.indexOf('=')) : a;
    switch (flag) {
      case '--format':
      case '-f': {
        const v = value();
        if (v !== 'text' && v !== 'json' && v !== 'sarif') throw new UsageError(`unknown format "${v}" (use text, json or sarif)`);
        args.format = v;
        break;
      }
      case '--config':
      case '-c':
        args.config = value();
        break;
      case '--fix':
        args.fix = true;
        break;
      case '--unsafe-fixes':
        args.unsafeFixes = true;
        break;
      case '--failure-threshold':
      case '-t': {
        const v = value();
        const s = v === 'none' ? 'off' : parseSeverity(v);
        if (!s) throw new UsageError(`unknown failure threshold "${v}"`);
        args.threshold = s === 'off' ? 'none' : s;
        break;
      }
      case '--target':
        args.target = value();
        break;
      case '--no-color':
        args.color = false;
        break;
      case '--no-shellcheck':
        args.shellcheck = false;
        break;
      default:
        if (a.startsWith('-') && a !== '-') throw new UsageError(`unknown option ${a}`);
        args.paths.push(a);
    }
  }
  if (args.paths.length === 0) args.paths.push('.');
  return args;
}

async function lint(argv: string[]): Promise<number> {
  const args = parseLintArgs(argv);
  const files: { path: string; kind: FileKind }[] = [];
  const notes: string[] = [];
  for (const p of args.paths) collect(p, files, true, notes);
  for (const n of notes) process.stderr.write(`layerwise: ${n}\n`);
  await initRuntime();
  // Reads never follow a symlink out of the repository a linted file is in (or the folder given, without one).
  const roots = [...new Set(files.map((f) => repositoryRoot(dirname(resolve(f.path)))))];
  const disk = diskFiles(undefined, { roots: () => roots });
  // Our own runner, so a missing binary is said once for the run (below), not as a finding in every file.
  const shellChecker = processShellChecker();
  const results: FileFindings[] = [];
  let failed = false;
  let ioError = false;
  for (const f of files) {
    const abs = resolve(f.path);
    const loaded = loadConfig(resolve(abs, '..'), args.config ? resolve(args.config) : undefined, args.target ? { target: args.target } : undefined);
    // Every problem of the configuration, each with its file: the run stops before linting with half of it.
    if (loaded.problems.length) throw new UsageError(loaded.problems.join('\nlayerwise: '));
    printTrustNotices(loaded.ignored);
    const config = loaded.config;
    const threshold = args.threshold ?? config.failureThreshold;
    const read = readTextFile(abs);
    if (!read.ok) {
      // Binary, huge or special files are skipped (one line each), not handed whole to the core.
      if (read.why === 'skip') {
        process.stderr.write(`layerwise: skipped ${f.path}: ${read.reason}\n`);
        continue;
      }
      throw new UsageError(`cannot read ${f.path}: ${read.reason}`);
    }
    let text = read.text;
    const request = { kind: f.kind, config, files: disk, path: abs, shellcheck: args.shellcheck, shellChecker };
    if (args.fix) {
      const fixed = fixAll(text, request, { unsafe: args.unsafeFixes, fileEdits: true });
      // A fix whose rewrite would break the build (the rewrite contract) is left out, one line each on stderr.
      for (const r of fixed.refused) process.stderr.write(`layerwise: ${f.path}: did not apply ${r.code} "${r.title}": ${r.reason}\n`);
      // Fixes that create or extend other files (`.dockerignore`) write them next to the Dockerfile. Every target
      // is checked before anything is written, so a refused link leaves the Dockerfile and its ignore file as they were.
      const writes = fixed.files.map((other) => ({ path: other.path, text: other.text, format: formatOf(other.path, read.format) }));
      if (fixed.text !== text) writes.push({ path: abs, text: fixed.text, format: read.format });
      try {
        for (const w of writes) checkWritable(w.path);
        for (const w of writes) writeTextFileAtomic(w.path, w.text, w.format);
        text = fixed.text;
      } catch (err) {
        if (!(err instanceof RefusedWrite)) throw err;
        process.stderr.write(`layerwise: ${err.message}\n`);
        ioError = true;
      }
    }
    const { findings } = lintText(text, request);
    const shown = isAbsolute(f.path) ? relativeIfInside(abs) : f.path;
    results.push({ file: shown, findings });
    if (threshold !== 'none' && findings.some((x) => SEVERITY_RANK[x.severity] >= SEVERITY_RANK[threshold])) failed = true;
  }
  if (shellChecker.missing) process.stderr.write('layerwise: ShellCheck is not installed (no `shellcheck` on the PATH): RUN bodies were not checked (--no-shellcheck silences this)\n');
  if (args.format === 'json') process.stdout.write(JSON.stringify(toJson(results), null, 2) + '\n');
  else if (args.format === 'sarif') process.stdout.write(JSON.stringify(toSarif(results, VERSION, DEFAULT_DOCS_BASE), null, 2) + '\n');
  else process.stdout.write(toText(results, args.color));
  return ioError ? 2 : failed ? 1 : 0;
}

/** The format an ignore file a fix extends is written back in: its own when it exists, else the Dockerfile's. */
function formatOf(path: string, fallback: TextFormat): TextFormat {
  const existing = readTextFile(path);
  return existing.ok ? existing.format : { encoding: 'utf8', eol: fallback.eol };
}

function relativeIfInside(abs: string): string {
  const rel = relative(process.cwd(), abs);
  return rel.startsWith('..') ? abs : rel;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    switch (cmd) {
      case 'lint':
        return await lint(rest);
      case 'estimate':
        return await estimateCommand(rest);
      case 'split':
        return await splitCommand(rest);
      case '--stdio':
      case 'server': {
        const { startServer } = await import('./lsp/start');
        startServer();
        return -1;
      }
      case '--version':
      case '-V':
        process.stdout.write(`${VERSION}\n`);
        return 0;
      case undefined:
      case '--help':
      case '-h':
      case 'help':
        process.stdout.write(USAGE + '\n');
        return cmd === undefined ? 2 : 0;
      default:
        throw new UsageError(`unknown command "${cmd}"`);
    }
  } catch (err) {
    if (err instanceof UsageError || err instanceof EstimateUsageError || err instanceof SplitUsageError) {
      process.stderr.write(`layerwise: ${err.message}\n`);
      return 2;
    }
    process.stderr.write(`layerwise: internal error: ${(err as Error).stack ?? String(err)}\n`);
    return 2;
  }
}

if (require.main === module) {
  void main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exitCode = code;
  });
}
