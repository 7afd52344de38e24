// Which requirements files a Dockerfile's pip commands install, traced from `pip install -r` back through COPY/ADD and bind mounts into the build context.
import * as posix from '../path';
import type { DockerfileModel, Instruction, Stage } from './dockerfile';
import { envAt, substitute } from './dockerfile';
import type { CommandInfo, Token } from './commands';
import { parseRequirements, type Requirement, type RequirementsFile } from '../parse/requirements';
import type { ProjectFiles } from '../project';
import { dirnameOf, resolvePath } from '../project';
import { normalizeSource, sourceMatcher } from '../estimate/context';

/** Where the Dockerfile is and which build context it is built with; a rule's context fits (`path`, `config`). */
export interface InstallLocation {
  /** The Dockerfile's path. Without it nothing can be read. */
  path?: string;
  config?: { context?: string };
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

/** The build context folder: the Dockerfile's folder, or `context` resolved against it. */
export function buildContextDir(dockerfilePath: string, context?: string): string {
  return resolvePath(dirnameOf(dockerfilePath), context ?? '.');
}

const MAX_FILES = 64;

/** Requirements and constraints files one pip command reads, includes of includes too (each file once). */
export function requirementsFilesOf(model: DockerfileModel, instr: Instruction, command: CommandInfo, files: ProjectFiles, loc: InstallLocation): InstalledFile[] {
  const pip = command.pip;
  if (!pip || !loc.path || (pip.tool !== 'pip' && pip.tool !== 'uv')) return [];
  const context = buildContextDir(loc.path, loc.config?.context);
  const env = envAt(model, instr);
  const cwd = commandDir(model, instr, command, env);
  const out: InstalledFile[] = [];
  const seen = new Set<string>();
  const visit = (containerPath: string, constraint: boolean, token: Token, parent?: InstalledFile): void => {
    if (out.length >= MAX_FILES) return;
    let found = locate(model, instr, containerPath, files, context, env);
    // An include no COPY accounts for is read next to the file that includes it (they are usually copied together).
    if (found.via === 'context' && parent) found = { path: posix.join(posix.dirname(parent.path), posix.relative(posix.dirname(parent.containerPath), containerPath)), via: 'context' };
    if (seen.has(found.path)) return;
    seen.add(found.path);
    const text = files.read(found.path);
    const item: InstalledFile = { path: found.path, constraint, token, instr, command, containerPath, via: found.via };
    if (parent) item.includedFrom = parent.path;
    if (text !== undefined) {
      item.text = text;
      item.parsed = parseRequirements(text);
    }
    out.push(item);
    for (const e of item.parsed?.entries ?? []) {
      if (e.kind !== 'include' || e.isUrl || e.path.includes('${')) continue;
      visit(posix.resolve(posix.dirname(containerPath), e.path), constraint || e.constraint, token, item);
    }
  };
  const top = [...pip.requirements.map((t) => [t, false] as const), ...pip.constraints.map((t) => [t, true] as const)];
  for (const [t, constraint] of top) {
    const value = t.dynamic ? substitute(t.value, env) : t.value;
    if (value.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(value)) continue;
    visit(posix.resolve(cwd, value), constraint, t);
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

/** The stage an instruction belongs to and the stages it is built `FROM`, oldest first. */
function chain(model: DockerfileModel, stage: Stage | undefined): Stage[] {
  const out: Stage[] = [];
  for (let s = stage; s && !out.includes(s); s = s.from.stage !== undefined ? model.stages[s.from.stage] : undefined) out.unshift(s);
  return out;
}

/** Instructions in effect before `instr`, oldest first, following `FROM <stage>`. */
function before(model: DockerfileModel, instr: Instruction): Instruction[] {
  return chain(model, model.stages[instr.stage]).flatMap((s) => s.instructions.filter((i) => s.index !== instr.stage || i.index < instr.index));
}

function workdirBefore(model: DockerfileModel, instr: Instruction): string {
  let dir = '/';
  for (const i of before(model, instr)) {
    const arg = i.keyword === 'WORKDIR' ? i.args[0] : undefined;
    if (arg && !arg.dynamic) dir = posix.resolve(dir, arg.value);
    else if (arg) {
      const v = substitute(arg.value, envAt(model, i));
      if (!v.includes('$')) dir = posix.resolve(dir, v);
    }
  }
  return dir;
}

/** The folder a command runs in: WORKDIR, then any `cd DIR` earlier in the same RUN. */
function commandDir(model: DockerfileModel, instr: Instruction, command: CommandInfo, env: ReadonlyMap<string, string>): string {
  let dir = workdirBefore(model, instr);
  for (const c of (instr.trigger ?? instr).run?.commands ?? []) {
    if (c.index >= command.index) break;
    if (c.name.value !== 'cd' || !c.args[0]) continue;
    const v = substitute(c.args[0].value, env);
    if (!v.includes('$') && v !== '-') dir = posix.resolve(dir, v);
  }
  return dir;
}

/** The project path of the file pip reads at `containerPath`. */
function locate(model: DockerfileModel, instr: Instruction, containerPath: string, files: ProjectFiles, context: string, env: ReadonlyMap<string, string>): { path: string; via: InstalledFile['via'] } {
  // A bind mount of the same RUN shadows whatever was copied there.
  for (const m of (instr.trigger ?? instr).run?.mounts ?? []) {
    if ((m.type || 'bind') !== 'bind' || m.from !== undefined || !m.target) continue;
    const target = posix.resolve(workdirBefore(model, instr), substitute(m.target, env));
    const source = normalizeSource(m.options['source'] ?? m.options['src'] ?? '.');
    const rel = under(containerPath, target);
    if (rel !== undefined) return { path: posix.join(context, source, rel), via: 'mount' };
  }
  let fallback: string | undefined;
  const earlier = before(model, instr);
  for (let k = earlier.length - 1; k >= 0; k--) {
    const i = earlier[k]!;
    const copy = i.copy;
    if (!copy?.dest || copy.from !== undefined) continue;
    const vars = envAt(model, i);
    const destValue = substitute(copy.dest.value, vars);
    if (destValue.includes('$')) continue;
    const dest = posix.resolve(workdirBefore(model, i), destValue);
    const destIsDir = /\/$/.test(destValue) || destValue === '.' || copy.sources.length > 1;
    for (const src of copy.sources) {
      const s = normalizeSource(substitute(src.value, vars));
      if (s.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(s)) continue;
      for (const c of candidates(s, dest, destIsDir, containerPath)) {
        const p = posix.join(context, c.path);
        if (files.read(p) !== undefined) return { path: p, via: 'copy' };
        if (c.definite) fallback ??= p;
      }
    }
  }
  if (fallback !== undefined) return { path: fallback, via: 'copy' };
  return { path: posix.join(context, posix.relative(workdirBefore(model, instr), containerPath).replace(/^(\.\.\/)+/, '')), via: 'context' };
}

/**
 * Context-relative paths a COPY of source `s` to `dest` would have put at `containerPath`. `definite` when the
 * COPY surely targets that path (so a missing file is missing); a folder reading of a plain source is a guess.
 */
function candidates(s: string, dest: string, destIsDir: boolean, containerPath: string): { path: string; definite: boolean }[] {
  const out: { path: string; definite: boolean }[] = [];
  if (!destIsDir && containerPath === dest && s !== '' && !/[*?[]/.test(s)) out.push({ path: s, definite: true });
  const rel = under(containerPath, dest);
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

/** `p` relative to folder `dir`, or undefined when it is not inside it. */
function under(p: string, dir: string): string | undefined {
  if (p === dir) return '';
  const d = dir === '/' ? '/' : `${dir}/`;
  return p.startsWith(d) ? p.slice(d.length) : undefined;
}
