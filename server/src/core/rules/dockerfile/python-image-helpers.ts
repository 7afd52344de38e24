// Shared by the python-image rules (issue 3): which layers ship, what a RUN installs, pip package names; stages, paths and requirements files come from the semantic layer and model/installs.
import { execWords, type Instruction, type Stage } from '../../model/dockerfile';
import type { Semantics } from '../../model/semantic';
import type { CommandInfo, Token } from '../../model/commands';
import { basename } from '../../model/commands';
import { isBuildOnlyPackage } from '../../data/apt-build-packages';
import { installedPackages, type InstalledPackage } from '../../model/packages';
import { getPackageReleases, neverWheels, normalizePackageName } from '../../data/wheels';
import { pythonPackageFacts } from '../../data/python-packages';

/** True when the instruction's layer ends up in the image (its stage's layers do, or it is an ONBUILD trigger). */
export function ships(stage: Stage | undefined, instr: Instruction): boolean {
  return instr.onbuild || stage === undefined || stage.layersInFinal;
}

/**
 * The instructions in effect for a stage, oldest first: those of the stages of its lineage (the semantic layer's),
 * then its own; ONBUILD triggers stand for the instruction they run.
 */
export function lineageInstructions(sem: Semantics, stage: Stage): Instruction[] {
  return [...sem.stage(stage).lineage].reverse().flatMap((s) => s.instructions.map((i) => i.trigger ?? i));
}

// What a RUN installs and removes is the model's (model/packages), shared with the estimate.
export { installedPackages, removedPackages, type InstalledPackage } from '../../model/packages';

/** Build-only packages (compilers, headers) a RUN installs. */
export function buildPackagesIn(instr: Instruction): InstalledPackage[] {
  return (instr.run?.commands ?? []).flatMap(installedPackages).filter((p) => isBuildOnlyPackage(p.name, p.manager));
}

/** The name of a pip requirement written inline (`Flask[async]==3.0` → `flask`); undefined for URLs and paths. */
export function requirementName(spec: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(spec) || spec.includes('@') || spec.startsWith('.') || spec.startsWith('/')) return undefined;
  const m = /^([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec.replace(/^['"]|['"]$/g, ''));
  return m ? normalizePackageName(m[1]!) : undefined;
}

export interface PipPackage {
  name: string;
  /** The token naming it in the Dockerfile. */
  token: Token;
}

/**
 * Python packages a pip-like command names inline. The entries of its `-r` files are `packagesInstalledBy`'s
 * (model/installs), which follows them through COPY into the build context.
 */
export function pipPackages(command: CommandInfo): PipPackage[] {
  const pip = command.pip;
  if (!pip || !['install', 'add'].includes(pip.sub)) return [];
  const out: PipPackage[] = [];
  for (const t of pip.packages) {
    if (t.dynamic) continue;
    const name = requirementName(t.value);
    if (name) out.push({ name, token: t });
  }
  return out;
}

/** True when pip has no wheel to install for this package on glibc Linux either: every install compiles. */
export function alwaysCompiles(name: string): boolean {
  const releases = getPackageReleases(name);
  if (releases.length) return neverWheels(releases);
  return /sdist only|every install compiles/.test(pythonPackageFacts(name)?.note ?? '');
}

/** First word of a CMD/ENTRYPOINT (exec or shell form), without its folder. */
export function commandWord(instr: Instruction): string | undefined {
  const first = instr.jsonForm ? execWords(instr)?.[0] : instr.args[0]?.value;
  return first !== undefined ? basename(first) : undefined;
}
