// What the multi-stage rules share: what a COPY --from takes from another stage and where it lands, read off the semantic layer.
import type { Instruction, Stage } from '../../model/dockerfile';
import type { Token } from '../../model/commands';
import type { PythonEnv, Semantics } from '../../model/semantic';
import * as posix from '../../path';

/** `.../pythonX.Y/site-packages` (or dist-packages) in a path: the version and where the segment sits. */
export function sitePackagesVersion(path: string): { minor: string; index: number; length: number } | undefined {
  const m = /python(\d+\.\d+)\/(site|dist)-packages/.exec(path);
  if (!m) return undefined;
  return { minor: m[1]!, index: m.index + 'python'.length, length: m[1]!.length };
}

export interface StageCopy {
  instr: Instruction;
  from: Stage;
  source: Token;
  /** Absolute source path (in the source stage). */
  sourcePath: string;
  /** The source is known to be a folder (written with a trailing `/`, or a Python environment's root, bin or site-packages). */
  sourceIsDir: boolean;
  /** Absolute path the source lands at in this stage (a folder's contents land in the destination itself). */
  destPath?: string;
}

/** Whether a source path of a stage is a folder the model knows of: a Python environment's root, bin or site-packages. */
function knownFolder(envs: readonly PythonEnv[], path: string): boolean {
  return path === '/' || /\/python\d+\.\d+\/(site|dist)-packages$/.test(path) || envs.some((e) => e.root === path || e.bin === path || e.sitePackages === path);
}

/**
 * `COPY --from=<stage>` sources of a stage with resolved paths. Where a source lands follows Docker: a folder's
 * contents are copied into the destination (the folder itself is not re-created under its own name); a file goes
 * to `dest/<name>` when the destination is a folder (a trailing `/`, or several sources), else to `dest`.
 */
export function stageCopies(sem: Semantics, stage: Stage): StageCopy[] {
  const out: StageCopy[] = [];
  for (const instr of stage.instructions) {
    const c = instr.copy;
    if (!c || c.fromStage === undefined || !c.dest) continue;
    const from = sem.model.stages[c.fromStage]!;
    const envs = sem.stage(from).envs;
    const destValue = sem.expand(instr, c.dest.value);
    const dest = sem.path(instr, destValue);
    const destIsDir = destValue.endsWith('/') || c.sources.length > 1;
    for (const src of c.sources) {
      const v = sem.expand(instr, src.value);
      if (v.includes('$') || !v.startsWith('/')) continue;
      const sourcePath = posix.resolve(v);
      const sourceIsDir = /\/\.?$/.test(v) || knownFolder(envs, sourcePath);
      const copy: StageCopy = { instr, from, source: src, sourcePath, sourceIsDir };
      if (dest) copy.destPath = destIsDir && !sourceIsDir ? posix.join(dest, posix.basename(sourcePath)) : dest;
      out.push(copy);
    }
  }
  return out;
}

/** The environment a copied path belongs to (the path is the env root or inside it). */
export function envOfPath(envs: readonly PythonEnv[], path: string): PythonEnv | undefined {
  return envs.find((e) => path === e.root || posix.under(path, e.root) !== undefined);
}

/** Runtime libraries a python:*-slim image already carries for CPython itself (no need to install them again). */
export const SLIM_HAS = new Set([
  'zlib1g', 'libffi8', 'libssl3', 'libssl3t64', 'libsqlite3-0', 'libbz2-1.0', 'liblzma5', 'libreadline8', 'libreadline8t64',
  'libncursesw6', 'libtinfo6', 'libgdbm6', 'libgdbm6t64', 'libzstd1', 'liblz4-1', 'libsystemd0', 'libexpat1', 'libuuid1',
  'zlib', 'libffi', 'libssl3', 'libcrypto3', 'sqlite-libs', 'libbz2', 'xz-libs', 'readline', 'ncurses-libs',
]);

/** Well-known console scripts of Python packages that CMD/ENTRYPOINT run. */
export const CONSOLE_SCRIPTS = new Set([
  'gunicorn', 'uvicorn', 'celery', 'flask', 'django-admin', 'daphne', 'hypercorn', 'alembic', 'streamlit', 'jupyter',
  'jupyter-lab', 'waitress-serve', 'dramatiq', 'rq', 'huey_consumer', 'mkdocs', 'pytest', 'granian', 'fastapi', 'gradio',
  'panel', 'bokeh', 'dagster', 'airflow', 'mlflow', 'prefect', 'locust', 'supervisord', 'scrapy', 'sanic', 'chainlit',
]);

/** The first word a CMD/ENTRYPOINT/RUN runs, with its token, for shell and JSON forms. */
export function executedCommands(instr: Instruction): Token[] {
  if (instr.keyword === 'RUN') return (instr.run?.commands ?? []).filter((c) => !c.substituted).map((c) => c.name);
  if (instr.keyword !== 'CMD' && instr.keyword !== 'ENTRYPOINT') return [];
  const first = instr.args[0];
  if (!first) return [];
  if (instr.jsonForm) {
    // dockerfile-ast gives JSON args with their quotes; the model keeps the raw text.
    const m = /^\[?\s*"([^"]+)"/.exec(first.value);
    if (!m) return [];
    const start = first.value.indexOf(m[1]!);
    return [{ value: m[1]!, raw: m[1]!, dynamic: false, range: { start: { line: first.range.start.line, character: first.range.start.character + start }, end: { line: first.range.start.line, character: first.range.start.character + start + m[1]!.length } } }];
  }
  return [first];
}
export const MULTI_STAGE_CODES = {
  sitePackagesPythonVersionMismatch: 'LW050',
  sitePackagesWithoutConsoleScripts: 'LW051',
  builderFinalAbiMismatch: 'LW052',
  venvCopiedToDifferentPath: 'LW053',
  missingRuntimeLibrary: 'LW054',
  copyFromPathNotCreated: 'LW055',
} as const;
