// Size hover on a dependency in pyproject.toml or Pipfile and on a package in a lock file: the version the lock pins, the wheel for the image, the installed size with its dependencies.
import * as posix from '../path';
import type { Position, Range } from '../types';
import { containsPosition } from '../types';
import type { ProjectFiles } from '../project';
import { buildLockModel, lockedPackageAt, type LockedPackage, type LockFileModel } from '../model/lock-files';
import { buildPipfileModel, buildPyprojectModel, type ManifestDependency, type PythonManifest } from '../model/python-manifest';
import { markerHolds } from '../model/markers';
import { add, formatBytes, formatE } from '../estimate/bytes';
import { lockedPackageSize, type PipTarget } from '../estimate/python';
import type { PackageEstimate } from '../estimate/types';
import { DEFAULT_REQUIREMENT_TARGET, packageLines, requirementSizeMarkdown } from './size-hover';
import { buildDockerfileModel } from '../model/dockerfile';
import { estimateImage } from '../estimate/estimate';

const LOCKS = new Set(['uv.lock', 'poetry.lock', 'pdm.lock', 'Pipfile.lock']);

/** Whether the hover below answers for a file of this name. */
export function isProjectFile(path: string): boolean {
  const base = posix.basename(path.replace(/\\/g, '/'));
  return base === 'pyproject.toml' || base === 'Pipfile' || LOCKS.has(base);
}

/**
 * The hover at a position of a pyproject.toml, Pipfile or lock file. A manifest's dependency is looked up in the
 * lock next to it (uv.lock, poetry.lock or pdm.lock; Pipfile.lock), so the version shown is the one pinned. Sized for
 * `target` (python:3.12-slim on linux/amd64 unless the caller knows the image), and the hover says which.
 */
export function projectFileHover(path: string, text: string, position: Position, files?: ProjectFiles, target: PipTarget = DEFAULT_REQUIREMENT_TARGET, targetText = 'python:3.12-slim, linux/amd64'): { markdown: string; range: Range } | undefined {
  const p = path.replace(/\\/g, '/');
  const base = posix.basename(p);
  if (LOCKS.has(base)) {
    const lock = buildLockModel(base, text);
    const pkg = lock && lockedPackageAt(lock, position);
    if (!lock || !pkg) return undefined;
    const installed = files ? installedBy(posix.dirname(p), base, lock, pkg, files) : undefined;
    return { markdown: installed ?? lockedMarkdown(lock, base, pkg, target, targetText), range: pkg.nameRange };
  }
  if (base !== 'pyproject.toml' && base !== 'Pipfile') return undefined;
  const manifest = base === 'Pipfile' ? buildPipfileModel(text) : buildPyprojectModel(text);
  const dep = manifest.dependencies.find((d) => containsPosition(d.range, position));
  if (!dep) return undefined;
  const found = siblingLock(p, manifest, files);
  const pkg = found?.lock.packages.find((k) => k.normalizedName === dep.normalizedName);
  if (found && pkg) return { markdown: installedBy(posix.dirname(p), found.name, found.lock, pkg, files!) ?? lockedMarkdown(found.lock, found.name, pkg, target, targetText), range: dep.nameRange };
  const why = found ? `${found.name} does not pin \`${dep.name}\`` : `no lock file next to ${base}`;
  return { markdown: `${unlockedHeader(dep, why)}\n\n${requirementSizeMarkdown({ name: dep.normalizedName, ...(dep.specifier !== undefined ? { specifier: dep.specifier } : {}), extras: dep.extras }, target)}`, range: dep.nameRange };
}

function unlockedHeader(dep: ManifestDependency, why: string): string {
  return `**${dep.name}**${dep.constraint && dep.constraint !== '*' ? ` \`${dep.constraint}\`` : ''}: ${why}; sized for the newest release the data holds that the constraint admits.`;
}

/** The lock the project's manager keeps next to the manifest: the one of the tool whose table the manifest has, else the first that exists. */
function siblingLock(path: string, manifest: PythonManifest, files?: ProjectFiles): { name: string; lock: LockFileModel } | undefined {
  if (!files) return undefined;
  const dir = posix.dirname(path);
  const order = manifest.kind === 'pipfile' ? ['Pipfile.lock'] : [...manifest.tools.map((t) => `${t}.lock`), 'uv.lock', 'poetry.lock', 'pdm.lock'];
  for (const name of new Set(order)) {
    const text = files.read(posix.join(dir, name));
    if (text === undefined) continue;
    const lock = buildLockModel(name, text);
    if (lock && lock.packages.length) return { name, lock };
  }
  return undefined;
}

/** The package and the dependencies the lock records for it, each once, with markers that hold on the target. */
function closure(lock: LockFileModel, pkg: LockedPackage, target: PipTarget): { pkg: LockedPackage; root: boolean }[] {
  const env = { pythonVersion: target.pythonVersion, machine: target.arch };
  const out: { pkg: LockedPackage; root: boolean }[] = [{ pkg, root: true }];
  const seen = new Set([pkg]);
  for (let i = 0; i < out.length; i++) {
    for (const d of out[i]!.pkg.dependencies) {
      if (d.marker !== undefined && markerHolds(d.marker, env) === false) continue;
      const candidates = lock.packages.filter((k) => k.normalizedName === d.normalizedName);
      const next = (d.version ? candidates.find((c) => c.version === d.version) : undefined) ?? candidates[0];
      if (!next || seen.has(next)) continue;
      if (next.marker !== undefined && markerHolds(next.marker, env) === false) continue;
      seen.add(next);
      out.push({ pkg: next, root: false });
    }
  }
  return out;
}

function lockedMarkdown(lock: LockFileModel, lockName: string, pkg: LockedPackage, target: PipTarget, targetText: string): string {
  const where = `_For CPython ${target.pythonVersion}, ${target.libc === 'musl' ? 'musl' : `glibc ${target.glibcVersion ?? ''}`.trim()}, ${target.arch}${target.pyc ? ', with .pyc' : ''} (${targetText})._`;
  const head = `**${pkg.name} ${pkg.version ?? ''}**`.replace(' **', '**') + ` pinned in ${lockName}`;
  // Pipfile.lock records no dependency graph: the data's dependency lists are used for the exact version.
  if (lock.tool === 'pipenv') return `${head}\n\n${requirementSizeMarkdown({ name: pkg.normalizedName, ...(pkg.version ? { version: pkg.version, specifier: `==${pkg.version}` } : {}), extras: [] }, target)}`;
  const sized: PackageEstimate[] = closure(lock, pkg, target).map(({ pkg: k, root }) => lockedPackageSize(k, lockName, target, !root));
  const own = sized[0]!;
  const wheel = own.source.includes(`recorded in ${lockName}`) ? own.source.split(' (')[0]! : undefined;
  const deps = sized.length - 1;
  const lines = [
    head,
    '',
    wheel ? `Wheel for this image: \`${wheel.split(',')[0]}\`, ${formatBytes(own.download.typical)} (size recorded in ${lockName})` : `File for this image: ${own.notInData ? 'not in the data, size unknown' : own.source.split(';')[0]!.replace(/ \(PyPI file sizes[^;]*\)$/, ' (PyPI file size in the embedded data)')}`,
    `**Installed size** with ${deps} dependenc${deps === 1 ? 'y' : 'ies'}: ${formatE(add(...sized.map((s) => s.installed)))}; download ${formatE(add(...sized.map((s) => s.download)))}`,
    where,
    '',
    ...packageLines(sized),
  ];
  const unknown = sized.filter((s) => s.notInData).map((s) => s.name);
  if (unknown.length) lines.push('', `_Not in the data, size unknown: ${unknown.join(', ')}._`);
  return lines.join('\n');
}

const DOCKERFILE_NAME = /^(?:(?:docker|container)file(?:\..+)?|.+\.(?:dockerfile|containerfile))$/i;

/**
 * The hover as the Dockerfile next to the lock installs the package: the estimate of that Dockerfile (built with
 * its own folder as the context) sized it for its image, so the numbers are the estimate's own. Undefined when no
 * Dockerfile there installs this lock or the package is not among what it installs.
 */
function installedBy(dir: string, lockName: string, lock: LockFileModel, pkg: LockedPackage, files: ProjectFiles): string | undefined {
  const names = files.list?.(dir) ?? ['Dockerfile'];
  for (const name of names.filter((n) => DOCKERFILE_NAME.test(n)).sort()) {
    const path = posix.join(dir, name);
    const text = files.read(path);
    if (text === undefined) continue;
    const est = estimateImage(buildDockerfileModel(text), { files, dockerfilePath: path });
    for (const stage of est.stages) {
      for (const instr of stage.instructions) {
        for (const part of instr.parts) {
          if (!part.what.includes(` from ${lockName}`) || !part.packages) continue;
          const own = part.packages.find((x) => x.name === pkg.normalizedName);
          if (!own) continue;
          const wanted = new Set(closure(lock, pkg, { pythonVersion: '3.12', libc: 'glibc', arch: 'x86_64', pyc: false, cpuTorch: false }).map((c) => c.pkg.normalizedName));
          const sized = part.packages.filter((x) => wanted.has(x.name)).map((x) => ({ ...x, dependency: x.name !== own.name }));
          const deps = sized.length - 1;
          const wheel = own.source.includes(`recorded in ${lockName}`) ? own.source.split(' (')[0]!.split(',')[0] : undefined;
          const lines = [
            `**${pkg.name}${pkg.version ? ` ${pkg.version}` : ''}** pinned in ${lockName}`,
            '',
            wheel ? `Wheel for this image: \`${wheel}\`, ${formatBytes(own.download.typical)} (size recorded in ${lockName})` : `File for this image: ${own.source.split(';')[0]!.replace(/ \(PyPI file sizes[^;]*\)$/, ' (PyPI file size in the embedded data)')}`,
            `**Installed size** with ${deps} dependenc${deps === 1 ? 'y' : 'ies'} this install adds: ${formatE(add(...sized.map((x) => x.installed)))}; download ${formatE(add(...sized.map((x) => x.download)))}`,
            `_As \`${instr.instruction}\` installs it (${name} line ${instr.line}, stage ${stage.name ?? stage.index})._`,
            '',
            ...packageLines(sized),
          ];
          return lines.join('\n');
        }
      }
    }
  }
  return undefined;
}
