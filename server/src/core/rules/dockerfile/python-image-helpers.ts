// Shared by the python-image rules (issue 3): which layers ship, what a RUN installs, the WORKDIR in effect, pip package names.
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import type { CommandInfo, Token } from '../../model/commands';
import { basename } from '../../model/commands';
import { isBuildOnlyPackage, packageBaseName, type PackageManager } from '../../data/apt-build-packages';
import { getPackageRelease, normalizePackageName } from '../../data/wheels';
import { pythonPackageFacts } from '../../data/python-packages';
import { parseRequirements } from '../../parse/requirements';
import type { ProjectFiles } from '../../project';
import { dirnameOf, resolvePath } from '../../project';
import * as posix from '../../path';

/** True when the instruction's layer ends up in the image (its stage's layers do, or it is an ONBUILD trigger). */
export function ships(stage: Stage | undefined, instr: Instruction): boolean {
  return instr.onbuild || stage === undefined || stage.layersInFinal;
}

/** The stage and the stages it is built `FROM` inside this file, nearest first. */
export function stageChain(model: DockerfileModel, stage: Stage): Stage[] {
  const out: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !out.includes(s); s = s.from.stage !== undefined ? model.stages[s.from.stage] : undefined) out.push(s);
  return out;
}

/** The instructions in effect for a stage: its `FROM`-ancestors' instructions first, then its own. */
export function effectiveInstructions(model: DockerfileModel, stage: Stage): Instruction[] {
  return stageChain(model, stage)
    .reverse()
    .flatMap((s) => s.instructions.map((i) => i.trigger ?? i));
}

export interface InstalledPackage {
  manager: PackageManager;
  token: Token;
  name: string;
  command: CommandInfo;
}

/** Packages an apt `install` or apk `add` command installs (not variables). */
export function installedPackages(command: CommandInfo): InstalledPackage[] {
  if (command.apt && command.apt.sub === 'install') {
    return command.apt.packages.filter((t) => !t.dynamic).map((token) => ({ manager: 'apt' as const, token, name: packageBaseName(token.value), command }));
  }
  if (command.apk && command.apk.sub === 'add') {
    return command.apk.packages.filter((t) => !t.dynamic).map((token) => ({ manager: 'apk' as const, token, name: packageBaseName(token.value), command }));
  }
  return [];
}

/** Build-only packages (compilers, headers) a RUN installs. */
export function buildPackagesIn(instr: Instruction): InstalledPackage[] {
  return (instr.run?.commands ?? []).flatMap(installedPackages).filter((p) => isBuildOnlyPackage(p.name, p.manager));
}

/** Package names a command removes: `apt-get purge/remove`, `apk del` (apk: also `--virtual` group names). */
export function removedPackages(command: CommandInfo): Set<string> {
  const out = new Set<string>();
  if (command.apt && ['purge', 'remove'].includes(command.apt.sub)) for (const p of command.apt.packages) out.add(packageBaseName(p.value));
  if (command.apk && command.apk.sub === 'del') for (const p of command.apk.packages) out.add(packageBaseName(p.value));
  return out;
}

/** Absolute WORKDIR in effect at an instruction (`/` when none was set), following `FROM <stage>`. */
export function workdirAt(model: DockerfileModel, instr: Instruction): string {
  const stage = model.stages[instr.stage];
  if (!stage) return '/';
  let dir = '/';
  for (const i of effectiveInstructions(model, stage)) {
    if (i === instr || (i.stage === instr.stage && i.index >= instr.index)) break;
    if (i.keyword === 'WORKDIR' && i.args[0] && !i.args[0].dynamic) dir = posix.resolve(dir, i.args[0].value);
  }
  return dir;
}

/** Resolves a path written in an instruction against the WORKDIR in effect; undefined for variables. */
export function absolutePath(model: DockerfileModel, instr: Instruction, p: string): string | undefined {
  if (p.includes('$') || p.includes('~')) return undefined;
  return posix.resolve(workdirAt(model, instr), p).replace(/\/+$/, '') || '/';
}

/** The name of a pip requirement written inline (`Flask[async]==3.0` → `flask`); undefined for URLs and paths. */
export function requirementName(spec: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || spec.includes('@') || spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec.replace(/^['"]|['"]$/g, ''));
  return m ? normalizePackageName(m[1]!) : undefined;
}

export interface PipPackage {
  name: string;
  /** The token naming it in the Dockerfile, or undefined when it comes from a requirements file. */
  token?: Token;
  /** The requirements file it was read from. */
  file?: string;
}

/**
 * Python packages a pip-like command installs: inline specifiers, and (when `files` can read them) the entries of
 * its `-r` files. Requirements-file packages carry `file` instead of a token.
 */
export function pipPackages(command: CommandInfo, files?: ProjectFiles, dockerfilePath?: string): PipPackage[] {
  const pip = command.pip;
  if (!pip || !['install', 'add'].includes(pip.sub)) return [];
  const out: PipPackage[] = [];
  for (const t of pip.packages) {
    if (t.dynamic) continue;
    const name = requirementName(t.value);
    if (name) out.push({ name, token: t });
  }
  if (files && dockerfilePath) {
    for (const r of pip.requirements) {
      if (r.dynamic || r.value.startsWith('/')) continue;
      const file = resolvePath(dirnameOf(dockerfilePath), r.value);
      const text = files.read(file);
      if (text === undefined) continue;
      for (const e of parseRequirements(text).entries) {
        const name = (e as { name?: string }).name;
        if (e.kind === 'requirement' && name) out.push({ name: normalizePackageName(name), file: r.value });
      }
    }
  }
  return out;
}

/** True when pip has no wheel to install for this package on glibc Linux either: every install compiles. */
export function alwaysCompiles(name: string): boolean {
  const release = getPackageRelease(name);
  if (release) return release.wheels.length === 0 && release.sdistBytes !== undefined;
  return /sdist only|every install compiles/.test(pythonPackageFacts(name)?.note ?? '');
}

/** First word of a CMD/ENTRYPOINT (exec or shell form), without its folder. */
export function commandWord(instr: Instruction): string | undefined {
  const first = instr.jsonForm ? jsonFirst(instr.argsText) : instr.args[0]?.value;
  return first !== undefined ? basename(first) : undefined;
}

function jsonFirst(text: string): string | undefined {
  try {
    const v = JSON.parse(text.replace(/\\\r?\n/g, '')) as unknown;
    return Array.isArray(v) && typeof v[0] === 'string' ? v[0] : undefined;
  } catch {
    return undefined;
  }
}
