// Which requirements files (and project lock files) a Dockerfile's pip commands install, traced from `pip install -r` back through COPY/ADD and bind mounts into the build context.
import * as posix from '../path';
import type { DockerfileModel, Instruction } from './dockerfile';
import type { CommandInfo, Token } from './commands';
import { parseRequirements, type Requirement, type RequirementsFile } from '../parse/requirements';
import type { ProjectFiles } from '../project';
import { buildContextFor, contextRootOf, normalizeSource, sourceMatcher, type BuildContext } from './build-context';
import { semanticOptions, semanticsOf, substituteVars, type Semantics } from './semantic';
import { buildLockModel, type LockFileModel } from './lock-files';
import { buildPipfileModel, buildPyprojectModel, type PythonManifest } from './python-manifest';
import { LOCK_FILE, MANIFEST_FILE, projectInstallOf, type ProjectInstallCommand } from './project-installs';

/** Where the Dockerfile is and which build context it is built with; a rule's context fits (`path`, `config`). */
export interface InstallLocation {
  /** The Dockerfile's path. Without it nothing can be read. */
  path?: string;
  /** `context` places the build context; `buildArgs` and `platform` give variables their values, as in a lint. */
  config?: { context?: string; buildArgs?: Record<string, string>; platform?: string };
}

export interface InstalledFile {
  /** Path of the file in the project (the build context on disk). */
  path: string;
  /** Its text, or undefined when the build context has no such file. */
  text?: string;
  parsed?: RequirementsFile;
  /** Installed as constraints (`-c`), not as requirements. */
  constraint: boolean;
  /** The `-r`/`-c` value in the Dockerfile that leads to this file (directly or through includes). */
  token: Token;
  instr: Instruction;
  command: CommandInfo;
  /** Path of the requirements file whose `-r`/`-c` line includes this one; undefined for files named in the Dockerfile. */
  includedFrom?: string;
  /** Where pip reads it in the image. */
  containerPath: string;
  /**
   * How the project path was found: a COPY/ADD or a bind mount that puts the file where pip reads it, or (when
   * nothing in the Dockerfile does) the path taken relative to the build context.
   */
  via: 'copy' | 'mount' | 'context';
}

/** A requirement a pip command installs from a requirements file. */
export interface PackageFromFile {
  /** PEP 503 normalized name. */
  name: string;
  requirement: Requirement;
  /** The requirements file (project path) it is written in. */
  file: string;
  install: InstalledFile;
}

/** The build context folder: the Dockerfile's folder, or `context` resolved against it (the BuildContext's `root`). */
export function buildContextDir(dockerfilePath: string, context?: string): string {
  return contextRootOf(dockerfilePath, context);
}

const MAX_FILES = 64;
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** What one pip command reads, traced once per build context and semantics (a lint asks several times: LW113, LW112, dependencies). */
const traced = new WeakMap<BuildContext, WeakMap<Semantics, Map<CommandInfo, InstalledFile[]>>>();
/** Each requirements file parsed once per build context. */
const parsedFiles = new WeakMap<BuildContext, Map<string, RequirementsFile | undefined>>();

function parsedAt(bc: BuildContext, path: string): RequirementsFile | undefined {
  let byPath = parsedFiles.get(bc);
  if (!byPath) parsedFiles.set(bc, (byPath = new Map()));
  if (!byPath.has(path)) {
    const text = bc.readPath(path);
    byPath.set(path, text === undefined ? undefined : parseRequirements(text));
  }
  return byPath.get(path);
}

/** Requirements and constraints files one pip command reads, includes of includes too (each file once). */
export function requirementsFilesOf(model: DockerfileModel, instr: Instruction, command: CommandInfo, files: ProjectFiles, loc: InstallLocation): InstalledFile[] {
  const pip = command.pip;
  if (!pip || !loc.path || (pip.tool !== 'pip' && pip.tool !== 'uv')) return [];
  const bc = buildContextFor({ files, path: loc.path, ...(loc.config ? { config: loc.config } : {}) });
  const sem = semanticsOf(model, semanticOptions(loc.config));
  let bySem = traced.get(bc);
  if (!bySem) traced.set(bc, (bySem = new WeakMap()));
  let byCommand = bySem.get(sem);
  if (!byCommand) bySem.set(sem, (byCommand = new Map()));
  let out = byCommand.get(command);
  if (!out) {
    out = trace(sem, bc, instr, command);
    byCommand.set(command, out);
  }
  return [...out];
}

function trace(sem: Semantics, bc: BuildContext, instr: Instruction, command: CommandInfo): InstalledFile[] {
  const pip = command.pip!;
  const env = sem.commandEnv(instr, command);
  const cwd = sem.commandDir(instr, command);
  const out: InstalledFile[] = [];
  const seen = new Set<string>();
  const visit = (containerPath: string, constraint: boolean, token: Token, parent?: InstalledFile): void => {
    if (out.length >= MAX_FILES) return;
    let found = locate(sem, bc, instr, containerPath);
    // An include no COPY accounts for is read next to the file that includes it (they are usually copied together).
    if (found.via === 'context' && parent) found = { path: posix.join(posix.dirname(parent.path), posix.relative(posix.dirname(parent.containerPath), containerPath)), via: 'context' };
    if (seen.has(found.path)) return;
    seen.add(found.path);
    const text = bc.readPath(found.path);
    const item: InstalledFile = { path: found.path, constraint, token, instr, command, containerPath, via: found.via };
    if (parent) item.includedFrom = parent.path;
    if (text !== undefined) {
      item.text = text;
      const parsed = parsedAt(bc, found.path);
      if (parsed) item.parsed = parsed;
    }
    out.push(item);
    for (const e of item.parsed?.entries ?? []) {
      if (e.kind !== 'include' || e.isUrl || e.path.includes('${')) continue;
      visit(posix.resolve(posix.dirname(containerPath), e.path), constraint || e.constraint, token, item);
    }
  };
  const top = [...pip.requirements.map((t) => [t, false] as const), ...pip.constraints.map((t) => [t, true] as const)];
  for (const [t, constraint] of top) {
    const value = substituteVars(t.value, env);
    if (value.includes('$') || URL.test(value)) continue;
    // A relative path under a WORKDIR (or `cd`) the model cannot resolve names no file that can be told.
    if (!value.startsWith('/') && cwd === undefined) continue;
    visit(posix.resolve(cwd ?? '/', value), constraint, t);
  }
  return out;
}

/** Every requirements file any pip command of the Dockerfile installs, in instruction order. */
export function installedRequirementsFiles(model: DockerfileModel, files: ProjectFiles, loc: InstallLocation): InstalledFile[] {
  const out: InstalledFile[] = [];
  for (const instr of model.instructions) {
    const target = instr.trigger ?? instr;
    for (const c of target.run?.commands ?? []) out.push(...requirementsFilesOf(model, instr, c, files, loc));
  }
  return out;
}

/**
 * The packages an instruction's pip commands install from requirements files (`-r`, and their includes; not
 * constraints). Names inline in the command are not included: read those from `command.pip.packages`.
 */
export function packagesInstalledBy(model: DockerfileModel, instr: Instruction, files: ProjectFiles, loc: InstallLocation): PackageFromFile[] {
  const out: PackageFromFile[] = [];
  const target = instr.trigger ?? instr;
  for (const c of target.run?.commands ?? []) {
    if (!c.pip || !['install', 'sync', 'add'].includes(c.pip.sub)) continue;
    for (const f of requirementsFilesOf(model, instr, c, files, loc)) {
      if (f.constraint || !f.parsed) continue;
      for (const e of f.parsed.entries) {
        if (e.kind === 'requirement' && e.normalizedName && !e.dynamic) out.push({ name: e.normalizedName, requirement: e, file: f.path, install: f });
      }
    }
  }
  return out;
}

/**
 * The pyproject.toml of each local project a pip command installs (`pip install .`, `pip install ./libs/x`, `-e .`),
 * as the build context holds it where pip reads it; a path behind a variable or one the context lacks is left out.
 */
export function localProjectsOf(model: DockerfileModel, instr: Instruction, command: CommandInfo, files: ProjectFiles, loc: InstallLocation): { path: string; text: string }[] {
  const pip = command.pip;
  if (!pip || !loc.path || (pip.tool !== 'pip' && pip.tool !== 'uv')) return [];
  const sem = semanticsOf(model, semanticOptions(loc.config));
  const bc = buildContextFor({ files, path: loc.path, ...(loc.config ? { config: loc.config } : {}) });
  if (bc.root === undefined) return [];
  const env = sem.commandEnv(instr, command);
  const cwd = sem.commandDir(instr, command);
  const out: { path: string; text: string }[] = [];
  for (const t of [...pip.localPaths, ...pip.editables]) {
    const v = substituteVars(t.value, env).replace(/\[.*\]$/, '');
    if (t.dynamic || v.includes('$') || /^[a-z][a-z0-9+.-]*:/i.test(v)) continue;
    const dir = v.startsWith('/') ? posix.normalize(v) : cwd !== undefined ? posix.resolve(cwd, v) : undefined;
    if (dir === undefined) continue;
    const found = locate(sem, bc, instr, posix.join(dir, 'pyproject.toml'));
    const text = bc.readPath(found.path);
    if (text !== undefined && !out.some((o) => o.path === found.path)) out.push({ path: found.path, text });
  }
  return out;
}

/** The project path of the file pip reads at `containerPath`. */
function locate(sem: Semantics, bc: BuildContext, instr: Instruction, containerPath: string): { path: string; via: InstalledFile['via'] } {
  const root = bc.root!;
  // A bind mount of the same RUN shadows whatever was copied there.
  for (const m of (instr.trigger ?? instr).run?.mounts ?? []) {
    if ((m.type || 'bind') !== 'bind' || m.from !== undefined || !m.target) continue;
    const target = sem.path(instr, m.target);
    if (target === undefined) continue;
    const source = normalizeSource(sem.expand(instr, m.options['source'] ?? m.options['src'] ?? '.'));
    const rel = posix.under(containerPath, target);
    if (rel !== undefined) return { path: posix.join(root, source, rel), via: 'mount' };
  }
  let fallback: string | undefined;
  // Instructions before `instr`, newest first, through the stages it is built `FROM`.
  for (const s of instr.stage >= 0 ? sem.stage(instr.stage).lineage : []) {
    const own = s.index === instr.stage;
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      const i = s.instructions[k]!;
      if (own && i.index >= instr.index) continue;
      const copy = i.copy;
      if (!copy?.dest || copy.from !== undefined) continue;
      const destValue = sem.expand(i, copy.dest.value);
      const dest = sem.path(i, destValue);
      if (dest === undefined) continue;
      const destIsDir = /\/$/.test(destValue) || destValue === '.' || copy.sources.length > 1;
      for (const src of copy.sources) {
        const s = normalizeSource(sem.expand(i, src.value));
        if (s.includes('$') || URL.test(s)) continue;
        for (const c of candidates(s, dest, destIsDir, containerPath)) {
          const p = posix.join(root, c.path);
          if (bc.readPath(p) !== undefined) return { path: p, via: 'copy' };
          if (c.definite) fallback ??= p;
        }
      }
    }
  }
  if (fallback !== undefined) return { path: fallback, via: 'copy' };
  return { path: posix.join(root, posix.relative(sem.instr(instr).workdir ?? '/', containerPath).replace(/^(\.\.\/)+/, '')), via: 'context' };
}

/**
 * Context-relative paths a COPY of source `s` to `dest` would have put at `containerPath`. `definite` when the
 * COPY surely targets that path (so a missing file is missing); a folder reading of a plain source is a guess.
 */
function candidates(s: string, dest: string, destIsDir: boolean, containerPath: string): { path: string; definite: boolean }[] {
  const out: { path: string; definite: boolean }[] = [];
  if (!destIsDir && containerPath === dest && s !== '' && !/[*?[]/.test(s)) out.push({ path: s, definite: true });
  const rel = posix.under(containerPath, dest);
  if (rel === undefined || rel === '') return out;
  if (s === '') return [...out, { path: rel, definite: true }];
  if (/[*?[]/.test(s)) {
    const c = posix.join(posix.dirname(s), rel);
    if (sourceMatcher(s)(c)) out.push({ path: c, definite: true });
    return out;
  }
  // A file lands in the folder under its own name; a folder copies its contents.
  if (rel === posix.basename(s)) out.push({ path: s, definite: true });
  out.push({ path: posix.join(s, rel), definite: false });
  return out;
}

/** A project manager's lock file (and manifest) that one `uv sync` / `poetry install` / `pipenv install` / `pdm install` reads. */
export interface TracedProject {
  command: ProjectInstallCommand;
  /** The project folder in the image. */
  projectDir: string;
  /** Where the tool reads its lock file in the image. */
  lockContainerPath: string;
  /** Where the lock file is looked for in the build context (it may not be there). */
  lockPath?: string;
  manifestPath?: string;
  /** The lock file in the build context, when it is there. */
  lock?: { path: string; via: InstalledFile['via']; model: LockFileModel };
  manifest?: { path: string; model: PythonManifest };
}

const lockModels = new WeakMap<BuildContext, Map<string, LockFileModel | PythonManifest | undefined>>();

function projectFileAt<T extends LockFileModel | PythonManifest>(bc: BuildContext, path: string, build: (text: string) => T): T | undefined {
  let byPath = lockModels.get(bc);
  if (!byPath) lockModels.set(bc, (byPath = new Map()));
  if (!byPath.has(path)) {
    const text = bc.readPath(path);
    byPath.set(path, text === undefined ? undefined : build(text));
  }
  return byPath.get(path) as T | undefined;
}

/** The lock file (and manifest) a project-manager install reads, traced through COPY/ADD and bind mounts into the build context. */
export function projectLockOf(model: DockerfileModel, instr: Instruction, command: CommandInfo, files: ProjectFiles, loc: InstallLocation): TracedProject | undefined {
  if (!loc.path) return undefined;
  const sem = semanticsOf(model, semanticOptions(loc.config));
  const env = sem.commandEnv(instr, command);
  const cmd = projectInstallOf(command, env);
  if (!cmd) return undefined;
  const cwd = sem.commandDir(instr, command);
  const arg = cmd.projectArg !== undefined ? substituteVars(cmd.projectArg, env) : undefined;
  if (arg?.includes('$')) return undefined;
  const projectDir = arg !== undefined ? (arg.startsWith('/') ? posix.normalize(arg) : cwd !== undefined ? posix.resolve(cwd, arg) : undefined) : cwd;
  if (projectDir === undefined) return undefined;
  const bc = buildContextFor({ files, path: loc.path, ...(loc.config ? { config: loc.config } : {}) });
  const lockName = LOCK_FILE[cmd.tool];
  const lockContainerPath = posix.join(projectDir, lockName);
  const found = locate(sem, bc, instr, lockContainerPath);
  const manifestName = MANIFEST_FILE[cmd.tool];
  const m = locate(sem, bc, instr, posix.join(projectDir, manifestName));
  const out: TracedProject = { command: cmd, projectDir, lockContainerPath, lockPath: found.path, manifestPath: m.path };
  const lock = projectFileAt(bc, found.path, (text) => buildLockModel(lockName, text)!);
  if (lock) out.lock = { path: found.path, via: found.via, model: lock };
  const manifest = projectFileAt(bc, m.path, manifestName === 'Pipfile' ? buildPipfileModel : buildPyprojectModel);
  if (manifest) out.manifest = { path: m.path, model: manifest };
  return out;
}

/**
 * The lock files and manifests every project-manager install of the Dockerfile reads (found or not), and the
 * pyproject.toml of each local project pip installs, in instruction order: a change to one changes the estimate.
 */
export function installedProjectFiles(model: DockerfileModel, files: ProjectFiles, loc: InstallLocation): string[] {
  const out: string[] = [];
  for (const instr of model.instructions) {
    for (const c of (instr.trigger ?? instr).run?.commands ?? []) {
      if (c.pip?.localPaths.length || c.pip?.editables.length) out.push(...localProjectsOf(model, instr, c, files, loc).map((p) => p.path));
      const t = projectLockOf(model, instr, c, files, loc);
      if (!t) continue;
      if (t.lockPath !== undefined) out.push(t.lockPath);
      if (t.manifestPath !== undefined) out.push(t.manifestPath);
    }
  }
  return out;
}
