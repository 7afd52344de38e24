// The requirements-file model: the parsed file, its includes resolved through the project files, and the Dockerfiles that install it.
import * as posix from '../path';
import { parseRequirements, type Include, type RequirementsFile } from '../parse/requirements';
import { LineIndex } from '../text';
import type { ProjectFiles } from '../project';
import { dirnameOf, resolvePath } from '../project';
import { buildDockerfileModel, type DockerfileModel, type Stage } from './dockerfile';
import { installedRequirementsFiles, type InstallLocation, type InstalledFile } from './installs';

export interface ResolvedInclude {
  entry: Include;
  /** Project path the include names, resolved against the including file's folder (pip's rule). */
  path: string;
  /** The file's text; undefined when it does not exist (or could not be read). */
  text?: string;
  parsed?: RequirementsFile;
  /** The chain of files that leads back to this file (`a.txt → b.txt → a.txt`), when the include closes a loop. */
  cycle?: string[];
  /** A loop further down that does not pass through this file (`a.txt → b.txt → a.txt` below `-r a.txt`). */
  loop?: string[];
  /** The include chain below this line goes deeper than MAX_INCLUDE_DEPTH files; it is followed no further. */
  tooDeep?: boolean;
}

/** A file reached through includes, at any depth. */
export interface IncludedFile {
  path: string;
  parsed: RequirementsFile;
  /** Read as constraints (through a `-c` somewhere on the way). */
  constraint: boolean;
  /** The include line in this file that leads to it. */
  via: Include;
}

/** A Dockerfile (near this file) whose pip command installs it. */
export interface Installer {
  dockerfilePath: string;
  dockerfile: DockerfileModel;
  stage: Stage | undefined;
  install: InstalledFile;
  /** Every file the same pip command reads (this one included), with constraints. */
  together: InstalledFile[];
}

export interface RequirementsModel {
  kind: 'requirements';
  text: string;
  lines: LineIndex;
  file: RequirementsFile;
  path?: string;
  /** This file's own `-r`/`-c` lines (not URLs, not `${VAR}` paths), resolved. Empty without a path or readable project. */
  includes: ResolvedInclude[];
  /** Every file reachable through includes, each once. */
  included: IncludedFile[];
  /** Dockerfiles in this file's folder or the folders above it whose pip commands install it. */
  installers: Installer[];
  /** Every Dockerfile looked at for installers, installing this file or not (a change to one can change the findings). */
  nearbyDockerfiles: string[];
  /** Whether the project files could be listed (so "not found" means not found). */
  filesListable: boolean;
}

export interface RequirementsModelOptions {
  path?: string;
  files?: ProjectFiles;
  /** The build context Dockerfiles near the file are built with (`LayerwiseConfig.context`). */
  context?: string;
  /** Build args the Dockerfiles are built with (`LayerwiseConfig.buildArgs`): a `-r $REQS` is traced as their lint traces it. */
  buildArgs?: Record<string, string>;
}

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;
/** Folders searched upward for Dockerfiles installing the file: its own and this many above. */
const UPWARD = 3;
/** Sub-folders of each of those where projects conventionally keep Dockerfiles built with a context above them. */
const DOCKER_FOLDERS = new Set(['docker', '.docker', 'deploy', 'deployment', 'container', 'containers', 'build', 'ci']);
const MAX_INCLUDED = 64;

export function buildRequirementsModel(text: string, options: RequirementsModelOptions = {}): RequirementsModel {
  const model: RequirementsModel = {
    kind: 'requirements',
    text,
    lines: new LineIndex(text),
    file: parseRequirements(text),
    includes: [],
    included: [],
    installers: [],
    nearbyDockerfiles: [],
    filesListable: options.files?.list !== undefined,
  };
  const files = options.files;
  const path = options.path?.replace(/\\/g, '/');
  if (path === undefined || !files) return model;
  model.path = path;
  resolveIncludes(model, path, files);
  try {
    model.installers = findInstallers(path, files, { ...(options.context !== undefined ? { context: options.context } : {}), ...(options.buildArgs ? { buildArgs: options.buildArgs } : {}) }, model.nearbyDockerfiles);
  } catch {
    // A Dockerfile that cannot be read as one must not stop the requirements file being checked.
  }
  return model;
}

function includesOf(file: RequirementsFile): Include[] {
  return file.entries.filter((e): e is Include => e.kind === 'include' && !e.isUrl && !e.path.includes('${'));
}

function resolveIncludes(model: RequirementsModel, path: string, files: ProjectFiles): void {
  const parsedCache = new Map<string, RequirementsFile | undefined>([[path, model.file]]);
  const read = (p: string): RequirementsFile | undefined => {
    if (!parsedCache.has(p)) {
      const t = files.read(p);
      parsedCache.set(p, t === undefined ? undefined : parseRequirements(t));
    }
    return parsedCache.get(p);
  };
  for (const entry of includesOf(model.file)) {
    const target = resolvePath(dirnameOf(path), entry.path);
    const r: ResolvedInclude = { entry, path: target };
    const text = target === path ? model.text : files.read(target);
    if (text !== undefined) {
      r.text = text;
      r.parsed = read(target);
      const trouble = includeTrouble(path, target, read);
      if (trouble?.cycle) r.cycle = trouble.cycle;
      if (trouble?.loop) r.loop = trouble.loop;
      if (trouble?.tooDeep) r.tooDeep = true;
    }
    model.includes.push(r);
  }
  // Everything reachable, breadth first, each file once.
  const seen = new Set<string>([path]);
  const queue: { p: string; constraint: boolean; via: Include }[] = model.includes.map((i) => ({ p: i.path, constraint: i.entry.constraint, via: i.entry }));
  while (queue.length && model.included.length < MAX_INCLUDED) {
    const { p, constraint, via } = queue.shift()!;
    if (seen.has(p)) continue;
    seen.add(p);
    const parsed = read(p);
    if (!parsed) continue;
    model.included.push({ path: p, parsed, constraint, via });
    for (const e of includesOf(parsed)) queue.push({ p: resolvePath(dirnameOf(p), e.path), constraint: constraint || e.constraint, via });
  }
}

/** How many files deep includes are followed from a file (pip has no limit; a hostile chain must not stall the editor). */
export const MAX_INCLUDE_DEPTH = 32;

/**
 * What goes wrong below one include of `start`: the chain back to `start` (`cycle`), a loop among the files below
 * that does not reach `start` (`loop`), or a chain deeper than MAX_INCLUDE_DEPTH (`tooDeep`). The first found
 * wins. Each file is read once: finished files keep how deep their includes go, so a wide web costs its size.
 */
function includeTrouble(start: string, target: string, read: (p: string) => RequirementsFile | undefined): { cycle?: string[]; loop?: string[]; tooDeep?: boolean } | undefined {
  // Files done, with the length of the longest include chain from each (1: includes nothing that exists).
  const height = new Map<string, number>();
  const trail: string[] = [start];
  const onTrail = new Set<string>([start]);
  let found: { cycle?: string[]; loop?: string[]; tooDeep?: boolean } | undefined;
  // Recursion is bounded by MAX_INCLUDE_DEPTH: deeper chains stop as `tooDeep` before going on.
  const walk = (p: string): number => {
    if (found) return 0;
    if (onTrail.has(p)) {
      const chain = [...trail.slice(trail.indexOf(p)), p];
      found = p === start ? { cycle: chain } : { loop: chain };
      return 0;
    }
    const known = height.get(p);
    if (known !== undefined) {
      if (trail.length - 1 + known > MAX_INCLUDE_DEPTH) found = { tooDeep: true };
      return known;
    }
    if (trail.length > MAX_INCLUDE_DEPTH) {
      found = { tooDeep: true };
      return 0;
    }
    const parsed = read(p);
    let below = 0;
    if (parsed) {
      trail.push(p);
      onTrail.add(p);
      for (const e of includesOf(parsed)) {
        below = Math.max(below, walk(resolvePath(dirnameOf(p), e.path)));
        if (found) break;
      }
      trail.pop();
      onTrail.delete(p);
    }
    height.set(p, below + 1);
    return below + 1;
  };
  walk(target);
  return found;
}

/** Dockerfiles in the file's folder and up to UPWARD folders above whose pip commands read this file. */
function findInstallers(path: string, files: ProjectFiles, config: NonNullable<InstallLocation['config']>, looked: string[]): Installer[] {
  if (!files.list) return [];
  const out: Installer[] = [];
  let dir = dirnameOf(path);
  for (let level = 0; level <= UPWARD; level++) {
    const names = files.list(dir) ?? [];
    const candidates = names.filter((n) => DOCKERFILE_NAME.test(n)).sort().map((n) => posix.join(dir, n));
    for (const sub of names.filter((n) => DOCKER_FOLDERS.has(n.toLowerCase())).sort()) {
      candidates.push(...(files.list(posix.join(dir, sub)) ?? []).filter((n) => DOCKERFILE_NAME.test(n)).sort().map((n) => posix.join(dir, sub, n)));
    }
    for (const dockerfilePath of candidates) {
      looked.push(dockerfilePath);
      const text = files.read(dockerfilePath);
      if (text === undefined) continue;
      const dockerfile = buildDockerfileModel(text);
      const all = installedRequirementsFiles(dockerfile, files, { path: dockerfilePath, config });
      for (const install of all) {
        if (install.path !== path) continue;
        const together = all.filter((f) => f.command === install.command);
        out.push({ dockerfilePath, dockerfile, stage: dockerfile.stages[install.instr.stage], install, together });
      }
    }
    const up = posix.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return out;
}

/** Project files this model's findings depend on: included files and the Dockerfiles that install it. */
export function requirementsDependencies(model: RequirementsModel): string[] {
  const out = new Set<string>();
  for (const i of model.includes) out.add(i.path);
  for (const i of model.included) out.add(i.path);
  for (const p of model.nearbyDockerfiles) out.add(p);
  return [...out];
}
