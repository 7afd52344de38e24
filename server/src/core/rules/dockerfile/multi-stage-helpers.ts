// What the multi-stage rules share: where a stage puts Python environments, and what a COPY --from takes from them.
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import { envAt, substitute } from '../../model/dockerfile';
import type { Token } from '../../model/commands';
import { basename, normalizePath } from '../../model/commands';

export interface PythonEnv {
  /** Absolute path of the environment's root (a venv, a `--prefix`, `--target`, `~/.local`, `/usr/local`). */
  root: string;
  kind: 'venv' | 'prefix' | 'target' | 'user' | 'system';
  /** Where the console scripts of packages installed there go. */
  bin?: string;
  instr: Instruction;
}

/** Stages this stage builds on (itself first, then its `FROM <stage>` parents). */
export function lineage(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.from.stage !== undefined ? model.stages[s.from.stage] : undefined) out.push(s);
  return out;
}

/** WORKDIR in effect before an instruction of a stage (inherited through `FROM <stage>`). */
export function workdirBefore(model: DockerfileModel, instr: Instruction): string {
  const stage = model.stages[instr.stage];
  if (!stage) return '/';
  let dir = '/';
  for (const s of lineage(model, stage).reverse()) {
    for (const i of s.instructions) {
      if (s === stage && i.index >= instr.index) break;
      if (i.keyword === 'WORKDIR' && i.args[0]) {
        const v = substitute(i.args[0].value, envAt(model, i));
        dir = v.startsWith('/') ? normalizePath(v) : normalizePath(`${dir}/${v}`);
      }
    }
  }
  return dir;
}

/** Resolves a path token of an instruction against its WORKDIR and known variables. */
export function resolveToken(model: DockerfileModel, instr: Instruction, value: string): string | undefined {
  const v = substitute(value, envAt(model, instr));
  if (v.includes('$')) return undefined;
  return v.startsWith('/') ? normalizePath(v) : normalizePath(`${workdirBefore(model, instr)}/${v}`);
}

/** Python environments the stage (and the stages it builds on) creates or installs into. */
export function pythonEnvs(model: DockerfileModel, stage: Stage): PythonEnv[] {
  const envs: PythonEnv[] = [];
  for (const s of lineage(model, stage)) {
    for (const instr of s.instructions) {
      for (const c of instr.run?.commands ?? []) {
        const n = basename(c.name.value);
        const arg = (t: Token | undefined): string | undefined => (t ? resolveToken(model, instr, t.value) : undefined);
        let venvPath: string | undefined;
        if (n === 'virtualenv') venvPath = arg(c.args.find((a) => !a.value.startsWith('-')));
        if (n === 'uv' && c.args[0]?.value === 'venv') venvPath = arg(c.args.slice(1).find((a) => !a.value.startsWith('-'))) ?? resolveToken(model, instr, '.venv');
        if (/^python(\d(\.\d+)?)?$/.test(n)) {
          const m = c.args.findIndex((a) => a.value === '-m');
          if (m >= 0 && (c.args[m + 1]?.value === 'venv' || c.args[m + 1]?.value === 'virtualenv')) venvPath = arg(c.args.slice(m + 2).find((a) => !a.value.startsWith('-')));
        }
        if (venvPath) envs.push({ root: venvPath, kind: 'venv', bin: `${venvPath}/bin`, instr });
        const pip = c.pip;
        if (pip && pip.sub === 'install') {
          if (pip.prefix) {
            const p = resolveToken(model, instr, pip.prefix);
            if (p) envs.push({ root: p, kind: 'prefix', bin: `${p}/bin`, instr });
          } else if (pip.target) {
            const p = resolveToken(model, instr, pip.target);
            if (p) envs.push({ root: p, kind: 'target', instr });
          } else if (pip.user) envs.push({ root: '/root/.local', kind: 'user', bin: '/root/.local/bin', instr });
          else if (s.from.facts.family === 'python') envs.push({ root: '/usr/local', kind: 'system', bin: '/usr/local/bin', instr });
        }
      }
    }
  }
  return envs;
}

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
  /** Absolute destination path (in this stage). */
  destPath?: string;
}

/** `COPY --from=<stage>` sources with resolved paths, for stages whose layers or files reach the image. */
export function stageCopies(model: DockerfileModel, stage: Stage): StageCopy[] {
  const out: StageCopy[] = [];
  for (const instr of stage.instructions) {
    const c = instr.copy;
    if (!c || c.fromStage === undefined || !c.dest) continue;
    const from = model.stages[c.fromStage]!;
    const destRaw = resolveToken(model, instr, c.dest.value);
    for (const src of c.sources) {
      const v = substitute(src.value, envAt(model, instr));
      if (v.includes('$') || !v.startsWith('/')) continue;
      const sourcePath = normalizePath(v);
      const name = sourcePath.split('/').pop() ?? '';
      const destIsDir = c.dest.value.endsWith('/') || c.sources.length > 1;
      const copy: StageCopy = { instr, from, source: src, sourcePath };
      if (destRaw) copy.destPath = destIsDir ? normalizePath(`${destRaw}/${name}`) : destRaw;
      out.push(copy);
    }
  }
  return out;
}

/** The environment a copied path belongs to (the path is the env root, inside it, or a site-packages folder). */
export function envOfPath(envs: PythonEnv[], path: string): PythonEnv | undefined {
  return envs.find((e) => path === e.root || path.startsWith(`${e.root}/`));
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
