// Weighs every stage and layer of a Dockerfile (base image, packages, caches, copied files, cleanup) from its semantic model.
import * as posix from '../path';
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile';
import type { CommandInfo, Token } from '../model/commands';
import { basename as cmdBasename } from '../model/commands';
import { semanticOptions, semanticsOf, substituteVars, truthyEnv, type Platform, type Semantics } from '../model/semantic';
import { buildContextDir, localProjectsOf, projectLockOf, requirementsFilesOf, type InstallLocation } from '../model/installs';
import { LOCK_FILE, selectLockedPackages, type ProjectTool } from '../model/project-installs';
import { runPackages } from '../model/packages';
import type { LayerwiseConfig } from '../config';
import type { ProjectFiles } from '../project';
import { isUrl, normalizeName, parseRequirements, specifierString } from '../parse/requirements';
import { buildPyprojectModel } from '../model/python-manifest';
import { pipChoiceInputs, requirementSpecifier } from '../model/pip-choices';
import { lookupBaseImage } from '../data/base-images';
import { wheelsMeta } from '../data/wheels';
import { aptInstallClosure, aptPackage, aptPackagesMeta, type AptDist } from '../data/apt';
import {
  APK_DEBIAN_EQUIVALENTS,
  APK_FROM_DEBIAN_FACTOR,
  APK_INDEX_CACHE,
  APT_LISTS_DEBIAN,
  APT_LISTS_OTHER,
  APT_RECOMMENDS_FACTOR,
  BASE_UNCOMPRESS_RATIO,
  BUILDPACK_DEPS_PACKAGES,
  DEBIAN_ON_DISK_FACTOR,
  LAYER_GZIP_RATIO,
  LOCAL_PROJECT,
  PIP_CACHE_FACTOR,
  UNKNOWN_APK_PACKAGE,
  UNKNOWN_PIP_PACKAGE,
  UNKNOWN_APT_PACKAGE,
  UNKNOWN_BASE,
  UNKNOWN_COPY,
  UNKNOWN_DOWNLOAD,
  UV_CACHE_FACTOR,
  VENV_PIP_ONLY,
  VENV_WITH_SETUPTOOLS,
  type RangedFact,
} from '../data/estimate-facts';
import { ZERO, add, e, exact, formatBytes, round, scale, sub } from './bytes';
import { CLOSURE_SOURCE, lockedPackageSize, resolvePackages, type PipTarget, type RequestedPackage } from './python';
import type { BaseEstimate, ContextSizer, E, ExternalFacts, ImageEstimate, InstructionEstimate, PackageEstimate, Part, Saving, StageEstimate } from './types';

export interface EstimateInput {
  /** Reads requirements files from the build context. */
  files?: ProjectFiles;
  /** The Dockerfile's path; the build context is its folder, or config `context` resolved against it (as the rules read it). */
  dockerfilePath?: string;
  /** The configuration the rules see: `context` (the build context), `buildArgs` and `platform`. */
  config?: Partial<Pick<LayerwiseConfig, 'context' | 'buildArgs' | 'platform'>>;
  /** An explicit build-context folder (`layerwise estimate --context DIR`, tests): wins over `config.context`. */
  contextDir?: string;
  context?: ContextSizer;
  /** Target platform for FROM lines without `--platform` (`--platform` of the CLI); else config `platform`, else linux/amd64. */
  platform?: string;
  /** Online look-ups already cached (only when `layerwise.online` is on). */
  external?: ExternalFacts;
  /** Accuracy tests only: estimate as if no package had a measured installed size (median ratios for all). */
  medianRatiosOnly?: boolean;
}

const fact = (f: RangedFact): E => e(f.typical, f.low, f.high);
const cite = (f: RangedFact): string => `${f.source} (${f.asOf})`;

/** Something a layer put at a path: used for `COPY --from`, cleanup and "already installed" checks. */
interface Placed {
  path: string;
  bytes: E;
  what: string;
  source: string;
  /** Instruction index that created it. */
  layer: number;
  kind: Part['kind'];
  /** apt/apk packages it consists of (for purge/del in the same RUN). */
  packages?: string[];
  fallback?: boolean;
}

/** What earlier layers of a stage left, for cleanup, `COPY --from` and "already installed" checks (WORKDIR, USER, env come from the semantic model). */
interface State {
  placed: Placed[];
  aptPresent: Set<string>;
  sites: Map<string, Set<string>>;
}

function cloneState(s: State): State {
  return {
    placed: s.placed.map((p) => ({ ...p })),
    aptPresent: new Set(s.aptPresent),
    sites: new Map([...s.sites].map(([k, v]) => [k, new Set(v)])),
  };
}

/** What the estimate needs to know about a stage, read off the semantic model. */
interface StageBasis {
  /** Python major.minor pip installs for; `3.12` when the model does not know it (`pythonNote` says so). */
  pythonMinor: string;
  pythonNote?: string;
  libc: 'glibc' | 'musl';
  /** The wheel data covers x86_64 and aarch64; other machines are sized with x86_64 wheels (`archNote` says so). */
  arch: 'x86_64' | 'aarch64';
  archNote?: string;
  platform: Platform;
  glibcVersion?: string;
  dist?: AptDist;
  distNote?: string;
  distro?: string;
  full: boolean;
}

function stageBasis(sem: Semantics, stage: Stage): StageBasis {
  const sf = sem.stage(stage);
  const image = sf.image;
  const python = sf.python;
  const os = image.os;
  const release = os?.release ?? (os?.distro === 'ubuntu' ? os.version : undefined);
  const machine = sf.platform.machine;
  const out: StageBasis = {
    pythonMinor: python?.version ?? '3.12',
    libc: (python?.libc ?? image.libc) === 'musl' ? 'musl' : 'glibc',
    arch: machine === 'aarch64' ? 'aarch64' : 'x86_64',
    platform: sf.platform,
    full: image.variant === 'full' || sf.root.from.ref.repository.endsWith('buildpack-deps'),
  };
  if (!python?.version) out.pythonNote = 'Python version not known: 3.12 assumed';
  if (machine !== 'x86_64' && machine !== 'aarch64') out.archNote = `no wheel data for ${machine}: x86_64 wheels used`;
  if (os?.distro) out.distro = os.distro;
  if (python?.glibcVersion) out.glibcVersion = python.glibcVersion;
  if (os?.distro === 'debian' || os?.distro === 'ubuntu') {
    if (release === 'bookworm' || release === 'trixie') out.dist = release;
    else {
      out.dist = 'bookworm';
      out.distNote = `no apt data for ${os.distro} ${release ?? ''}: Debian bookworm figures used`.replace(/ +/g, ' ');
    }
  } else if (!os && image.family !== 'alpine' && image.libc !== 'musl') {
    out.dist = 'trixie';
    out.distNote = 'distribution unknown: Debian trixie figures used';
  }
  return out;
}

function shortText(model: DockerfileModel, instr: Instruction): string {
  const text = model.lines.slice(instr.range).replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
}

/** Base image size: the data table first, then online facts, then a labelled fallback. */
function baseEstimate(stage: Stage, plat: string, stageTotals: StageEstimate[], external?: ExternalFacts): BaseEstimate {
  const from = stage.from;
  if (from.stage !== undefined) {
    const parent = stageTotals[from.stage]!;
    return { image: from.image, tag: '', bytes: parent.bytes, downloadBytes: parent.downloadBytes, source: `stage ${parent.name ?? parent.index} of this Dockerfile`, fallback: false, stage: from.stage };
  }
  const ref = from.ref;
  const tag = ref.tag ?? (ref.digest ? '' : 'latest');
  const image = ref.registry && ref.registry !== 'docker.io' ? `${ref.registry}/${ref.path}` : ref.repository;
  if (image === 'scratch') return { image, tag: '', bytes: ZERO, downloadBytes: ZERO, source: 'scratch: an empty file system', fallback: false };
  const row = lookupBaseImage(image, tag || 'latest', plat) ?? (ref.registry && ref.registry !== 'docker.io' ? lookupBaseImage(`${ref.registry}/${ref.path}`, tag || 'latest', plat) : undefined);
  if (row && (row.uncompressedBytes !== undefined || row.compressedBytes !== undefined)) {
    const estimated = row.uncompressedEstimated || row.kind !== 'measured' || row.approximate;
    const spread = row.kind === 'measured' && !row.uncompressedEstimated ? 0.01 : row.image === 'python' && !/slim|alpine/.test(row.tag) ? 0.03 : 0.05;
    let bytes: E;
    let download: E;
    let how = '';
    if (row.uncompressedBytes !== undefined) bytes = e(row.uncompressedBytes, row.uncompressedBytes * (1 - spread), row.uncompressedBytes * (1 + spread));
    else {
      bytes = round(scale(exact(row.compressedBytes!), BASE_UNCOMPRESS_RATIO));
      how = `; on-disk size = download × ${BASE_UNCOMPRESS_RATIO.typical} (${cite(BASE_UNCOMPRESS_RATIO)})`;
    }
    if (row.compressedBytes !== undefined) download = row.kind === 'measured' ? exact(row.compressedBytes) : e(row.compressedBytes, row.compressedBytes * 0.97, row.compressedBytes * 1.03);
    else download = round(scale(bytes, { typical: 1 / BASE_UNCOMPRESS_RATIO.typical, low: 1 / BASE_UNCOMPRESS_RATIO.high, high: 1 / BASE_UNCOMPRESS_RATIO.low }));
    const alias = row.tag !== tag ? ` (as \`${row.image}:${row.tag}\`)` : '';
    return {
      image,
      tag,
      bytes: round(bytes),
      downloadBytes: round(download),
      source: `published image sizes${alias} for ${plat}, ${row.kind}${estimated ? ', on-disk figure estimated' : ''}, build ${row.date}: ${row.source}${how}`,
      fallback: false,
    };
  }
  const ext = external?.image(image, tag || 'latest', plat);
  if (ext) {
    return {
      image,
      tag,
      bytes: round(scale(exact(ext.compressedBytes), BASE_UNCOMPRESS_RATIO)),
      downloadBytes: exact(ext.compressedBytes),
      source: `${ext.source} (fetched ${ext.fetched}); on-disk = download × ${BASE_UNCOMPRESS_RATIO.typical} (${cite(BASE_UNCOMPRESS_RATIO)})`,
      fallback: false,
    };
  }
  const f = from.facts;
  const kind = f.family === 'python' ? 'python' : f.libc === 'musl' || f.family === 'alpine' ? 'alpine' : f.os ? 'debian' : 'other';
  const fb = UNKNOWN_BASE[kind];
  const bytes = fact(fb);
  return {
    image,
    tag,
    bytes,
    downloadBytes: round(scale(bytes, { typical: 0.37, low: 0.3, high: 0.45 })),
    source: `${cite(fb)}${from.ref.hasVariables ? '; the reference contains an unresolved variable' : ''}${plat !== 'linux/amd64' && lookupBaseImage(image, tag || 'latest', 'linux/amd64') ? `; the data has this tag for linux/amd64, not ${plat}` : ''}`,
    fallback: true,
  };
}

/**
 * The absolute path a command's argument names, from the semantic model (WORKDIR, `cd` earlier in the RUN, the
 * command's variables, `~`). `$HOME` is the user's home when no ENV sets it, as the build's shell has it. When a
 * variable or the folder is unknown: the value as written behind `?`, which matches no real path.
 */
function pathAt(ctx: Ctx, instr: Instruction, value: string, env: ReadonlyMap<string, string>, cwd?: string): string {
  let v = substituteVars(value, env);
  if (!env.has('HOME')) v = v.replace(/^\$(HOME|\{HOME\})(?=\/|$)/, homeAt(ctx, instr));
  const trailing = /\/\*$/.test(v) ? '/*' : '';
  const abs = ctx.sem.path(instr, trailing ? v.slice(0, -2) : v, cwd);
  return abs !== undefined ? (abs === '/' && trailing ? '/*' : `${abs}${trailing}`) : `?${v}`;
}

/** The home folder of the instruction's user (HOME, else `/root` or `/home/<user>`). */
function homeAt(ctx: Ctx, instr: Instruction): string {
  return ctx.sem.path(instr, '~') ?? '/root';
}

/** Whether `path` is `dir` or below it. A trailing `/*` on `dir` means its contents. */
function under(path: string, dir: string): boolean {
  const d = dir.replace(/\/\*$/, '').replace(/(.)\/$/, '$1');
  return path === d || path.startsWith(d === '/' ? '/' : `${d}/`);
}

interface Ctx {
  model: DockerfileModel;
  input: EstimateInput;
  sem: Semantics;
  /** The build context on the project's side, as the rules resolve it. */
  contextDir?: string;
  /** Where `requirementsFilesOf` finds the Dockerfile and its build context (the same answer LW113 gets). */
  loc?: InstallLocation;
  fullBaseApt: Map<AptDist, Set<string>>;
}

function buildpackDepsPresent(ctx: Ctx, dist: AptDist): Set<string> {
  let s = ctx.fullBaseApt.get(dist);
  if (!s) {
    s = new Set<string>();
    for (const p of BUILDPACK_DEPS_PACKAGES.packages) {
      s.add(p);
      for (const m of aptPackage(p, dist)?.closurePackages ?? []) s.add(m);
    }
    ctx.fullBaseApt.set(dist, s);
  }
  return s;
}

/** Estimates the whole image and every stage. Pure: files and context sizes come through `input`. */
export function estimateImage(model: DockerfileModel, input: EstimateInput = {}): ImageEstimate {
  const config = input.config ?? {};
  const platform = input.platform ?? config.platform;
  const sem = semanticsOf(model, semanticOptions({ ...(config.buildArgs ? { buildArgs: config.buildArgs } : {}), ...(platform ? { platform } : {}) }));
  const ctx: Ctx = { model, input, sem, fullBaseApt: new Map() };
  // The same build context the rules read: an explicit folder, else config `context` against the Dockerfile's folder.
  // Requirements files are traced with the same variables as the lint (build args, platform).
  const traceConfig: { context?: string; buildArgs?: Record<string, string>; platform?: string } = {
    ...(config.buildArgs ? { buildArgs: config.buildArgs } : {}),
    ...(platform ? { platform } : {}),
  };
  if (input.contextDir !== undefined) {
    ctx.contextDir = input.contextDir.replace(/\\/g, '/');
    ctx.loc = { path: input.dockerfilePath ?? posix.join(ctx.contextDir, 'Dockerfile'), config: { ...traceConfig, context: ctx.contextDir } };
  } else if (input.dockerfilePath !== undefined) {
    ctx.contextDir = buildContextDir(input.dockerfilePath, config.context);
    ctx.loc = { path: input.dockerfilePath, config: { ...traceConfig, ...(config.context !== undefined ? { context: config.context } : {}) } };
  }
  const stages: StageEstimate[] = [];
  const finalStates: State[] = [];
  for (const stage of model.stages) {
    const facts = stageBasis(sem, stage);
    const base = baseEstimate(stage, facts.platform.text, stages, input.external);
    const state: State =
      stage.from.stage !== undefined && finalStates[stage.from.stage]
        ? cloneState(finalStates[stage.from.stage]!)
        : { placed: [], aptPresent: new Set(facts.full && facts.dist ? buildpackDepsPresent(ctx, facts.dist) : []), sites: new Map() };
    const fromInstr = stage.fromInstruction;
    const instructions: InstructionEstimate[] = [
      {
        index: fromInstr.index,
        line: fromInstr.startLine + 1,
        keyword: 'FROM',
        instruction: shortText(model, fromInstr),
        range: fromInstr.range,
        bytes: base.bytes,
        parts: [{ what: base.stage !== undefined ? `everything in stage \`${base.image}\`` : `base image \`${base.image}${base.tag ? `:${base.tag}` : ''}\``, bytes: base.bytes, source: base.source, kind: 'base', ...(base.fallback ? { fallback: true } : {}) }],
        savings: [],
      },
    ];
    let layers: E = ZERO;
    for (const instr of stage.instructions) {
      if (instr === fromInstr) continue;
      let est: InstructionEstimate | undefined;
      if (instr.keyword === 'RUN' && instr.run) est = estimateRun(ctx, instr, state, facts);
      else if ((instr.keyword === 'COPY' || instr.keyword === 'ADD') && instr.copy) est = estimateCopy(ctx, instr, state, finalStates, stages);
      if (!est) continue;
      instructions.push(est);
      layers = add(layers, est.bytes);
    }
    const bytes = add(base.bytes, layers);
    const downloadBytes = round(add(base.downloadBytes, scale(layers, LAYER_GZIP_RATIO)));
    const se: StageEstimate = {
      index: stage.index,
      isFinal: stage.isFinal,
      reachesFinal: stage.reachesFinal,
      layersInFinal: stage.layersInFinal,
      base,
      bytes: round(bytes),
      downloadBytes,
      instructions,
    };
    if (stage.name) se.name = stage.name;
    stages.push(se);
    finalStates.push(state);
  }
  const out: ImageEstimate = { stages };
  const final = model.finalStage ? stages[model.finalStage.index] : undefined;
  if (final) out.final = { stage: final.name ?? final.index, bytes: final.bytes, downloadBytes: final.downloadBytes };
  return out;
}

interface Pending {
  part: Part;
  placed?: Placed;
  removedBy?: string;
  /** The apt install command that placed it. */
  install?: CommandInfo;
}

function estimateRun(ctx: Ctx, instr: Instruction, state: State, facts: StageBasis): InstructionEstimate {
  const run = instr.run!;
  const env = ctx.sem.instr(instr).env;
  const pending: Pending[] = [];
  const parts: Part[] = [];
  const savings: Saving[] = [];
  const cacheMounts = run.mounts.filter((m) => m.type === 'cache' && m.target).map((m) => pathAt(ctx, instr, m.target!, env));
  const mountedCache = (p: string): boolean => cacheMounts.some((m) => under(p, m));
  const place = (p: Pending): void => {
    pending.push(p);
    if (p.placed) state.placed.push(p.placed);
  };
  const unknownCommands: string[] = [];

  for (const cmd of run.commands) {
    const name = cmdBasename(cmd.name.value);
    if (cmd.apt) {
      const apt = cmd.apt;
      if (apt.sub === 'update') {
        if (mountedCache('/var/lib/apt/lists')) continue;
        const lists = facts.distro === 'debian' || (facts.dist && facts.distro !== 'ubuntu') ? APT_LISTS_DEBIAN : APT_LISTS_OTHER;
        const placed: Placed = { path: '/var/lib/apt/lists', bytes: fact(lists), what: 'apt package lists (`apt-get update`)', source: cite(lists), layer: instr.index, kind: 'apt-lists' };
        place({ part: { what: placed.what, bytes: placed.bytes, source: placed.source, kind: 'apt-lists' }, placed });
      } else if (apt.sub === 'install') {
        aptInstall(instr, cmd, state, facts, place, savings);
      } else if (apt.sub === 'purge' || apt.sub === 'remove' || apt.sub === 'autoremove') {
        const names = new Set(apt.packages.map((p) => p.value.toLowerCase()));
        // What this command removes of the RUN's own installs is the model's (purges by name, autoremove after
        // apt-mark): an install counts as gone when every package it named is, and its dependencies with them.
        const fates = runPackages(instr);
        for (const p of pending) {
          if (p.removedBy || p.placed?.kind !== 'apt' || !p.install) continue;
          const pkgs = new Set((p.placed.packages ?? []).map((x) => x.toLowerCase().replace(/[=/].*$/, '')));
          const named = fates.installed.filter((x) => x.command === p.install && pkgs.has(x.name)).map((x) => fates.fate(x));
          if (named.length === 0 || !named.every((f) => f.kept === false && f.by.index <= cmd.index)) continue;
          const here = named.find((f) => f.kept === false && f.by === cmd);
          if (!here || here.kept !== false) continue;
          if (named.every((f) => f.kept === false && f.withDependencies) || pkgs.size === named.length) p.removedBy = here.how;
        }
        const earlier = state.placed.filter((p) => p.layer !== instr.index && p.kind === 'apt' && (p.packages ?? []).some((x) => names.has(x)));
        for (const p of earlier) laterCleanup(parts, savings, p, `apt-get ${apt.sub}`);
      }
      continue;
    }
    if (cmd.apk) {
      apkCommand(instr, cmd, state, place, pending, savings, mountedCache);
      continue;
    }
    if (cmd.pip) {
      pipCommand(ctx, instr, cmd, state, facts, place);
      continue;
    }
    if (cmdBasename(cmd.name.value) === 'pdm' && lockedInstall(ctx, instr, cmd, state, facts, place)) continue;
    const venv = ctx.sem.venvCreation(instr, cmd);
    if (venv) {
      if (venv.path !== undefined) venvCommand(instr, cmd, venv.path, facts, place);
      continue;
    }
    if (cmd.rm) {
      for (const t of cmd.rm.paths) {
        if (t.dynamic && /\$\(/.test(t.value)) continue;
        const p = pathAt(ctx, instr, t.value, ctx.sem.commandEnv(instr, cmd), ctx.sem.commandDir(instr, cmd));
        let matched = false;
        for (const x of pending) {
          if (x.removedBy || !x.placed) continue;
          if (under(x.placed.path, p) || (p.endsWith('/*') && under(x.placed.path, p.slice(0, -2)))) {
            x.removedBy = `\`rm ${t.value}\``;
            matched = true;
          }
        }
        if (matched) continue;
        for (const x of state.placed) {
          if (x.layer === instr.index) continue;
          if (under(x.path, p.replace(/\/\*$/, ''))) laterCleanup(parts, savings, x, [cmd.name.raw, ...cmd.args.map((a) => a.raw)].join(' '));
        }
      }
      continue;
    }
    if (name === 'apt-get' || name === 'apt') continue;
    if (['curl', 'wget', 'git', 'make', 'cmake', 'npm', 'yarn', 'cargo', 'go', 'tar', 'unzip', 'conda', 'mamba', 'micromamba'].includes(name)) unknownCommands.push(name);
  }

  for (const p of pending) {
    if (p.removedBy) {
      parts.push({ what: `${p.part.what}: removed by ${p.removedBy} in the same RUN`, bytes: ZERO, source: p.part.source, kind: 'cleanup' });
      if (p.placed) state.placed.splice(state.placed.indexOf(p.placed), 1);
      if (p.placed?.kind === 'apt') for (const x of p.placed.packages ?? []) state.aptPresent.delete(x);
      continue;
    }
    parts.push(p.part);
    if (p.part.kind === 'apt-lists') savings.push({ what: 'apt lists', fix: 'add `&& rm -rf /var/lib/apt/lists/*` to the same RUN', bytes: p.part.bytes, source: p.part.source });
    if (p.part.kind === 'pip-cache') {
      const uv = p.part.what.startsWith('uv');
      savings.push({ what: uv ? 'uv cache' : 'pip cache', fix: uv ? 'add `--no-cache`' : 'add `--no-cache-dir`', bytes: p.part.bytes, source: p.part.source });
    }
    if (p.part.kind === 'apk-cache') savings.push({ what: 'apk index cache', fix: 'use `apk add --no-cache`', bytes: p.part.bytes, source: p.part.source });
  }
  if (unknownCommands.length) {
    parts.push({ what: `\`${[...new Set(unknownCommands)].join('`, `')}\`: not estimated (what they fetch or build is not known offline)`, bytes: ZERO, source: 'not estimated', kind: 'not-estimated', fallback: true });
  }
  const bytes = round(add(...parts.map((p) => p.bytes)));
  return { index: instr.index, line: instr.startLine + 1, keyword: 'RUN', instruction: shortText(ctx.model, instr), range: instr.range, bytes, parts, savings };
}

function laterCleanup(parts: Part[], savings: Saving[], placed: Placed, by: string): void {
  parts.push({
    what: `\`${by}\` removes ${placed.what} from an earlier layer: the bytes stay in that layer (saves nothing)`,
    bytes: ZERO,
    source: placed.source,
    kind: 'cleanup',
  });
  savings.push({ what: placed.what, fix: `move \`${by}\` into the RUN that created it`, bytes: placed.bytes, source: placed.source });
}

function aptInstall(instr: Instruction, cmd: CommandInfo, state: State, facts: StageBasis, place: (p: Pending) => void, savings: Saving[]): void {
  const apt = cmd.apt!;
  const names = apt.packages.filter((t) => !t.dynamic).map((t) => t.value);
  if (names.length === 0) return;
  if (!facts.dist) {
    const b = scale(exact(names.length), fact(UNKNOWN_APT_PACKAGE));
    const placed: Placed = { path: '/usr', bytes: round(b), what: `apt packages ${names.join(', ')}`, source: cite(UNKNOWN_APT_PACKAGE), layer: instr.index, kind: 'apt', packages: names, fallback: true };
    place({ install: cmd, part: { what: `${placed.what} (no apt data for this distribution)`, bytes: placed.bytes, source: placed.source, kind: 'apt', fallback: true }, placed });
    return;
  }
  const closure = aptInstallClosure(names, facts.dist, state.aptPresent);
  const kib = closure.installedKib;
  let bytes = round(scale(exact(kib * 1024), DEBIAN_ON_DISK_FACTOR));
  const sourceParts = [`Debian package indexes (${facts.dist}, collected ${aptPackagesMeta.collected}): closure of ${closure.packages.length} new packages, Installed-Size ${formatBytes(kib * 1024)}`, `× ${DEBIAN_ON_DISK_FACTOR.typical} on disk (${cite(DEBIAN_ON_DISK_FACTOR)})`];
  if (facts.distNote) sourceParts.push(facts.distNote);
  if (facts.full) sourceParts.push(`packages of the full image not counted (${BUILDPACK_DEPS_PACKAGES.source})`);
  let what = `apt: ${closure.known.concat(closure.partial).join(', ') || 'nothing new'}`;
  if (closure.alreadyPresent.length) what += ` (already in the image: ${closure.alreadyPresent.join(', ')})`;
  if (!apt.noInstallRecommends && kib > 0) {
    const withRec = round(scale(bytes, APT_RECOMMENDS_FACTOR));
    const extra = sub(withRec, bytes);
    savings.push({ what: 'recommended packages', fix: 'add `--no-install-recommends`', bytes: round(extra), source: cite(APT_RECOMMENDS_FACTOR) });
    sourceParts.push(`recommends on: × ${APT_RECOMMENDS_FACTOR.typical} (${cite(APT_RECOMMENDS_FACTOR)})`);
    bytes = withRec;
    what += ' with recommended packages';
  }
  const placed: Placed = { path: '/usr', bytes, what, source: sourceParts.join('; '), layer: instr.index, kind: 'apt', packages: [...names.map((n) => n.toLowerCase()), ...closure.packages] };
  for (const p of closure.packages) state.aptPresent.add(p);
  for (const n of names) state.aptPresent.add(n.toLowerCase());
  place({ install: cmd, part: { what, bytes, source: placed.source, kind: 'apt' }, placed });
  if (closure.unknown.length) {
    const b = round(scale(exact(closure.unknown.length), fact(UNKNOWN_APT_PACKAGE)));
    const up: Placed = { path: '/usr', bytes: b, what: `apt: ${closure.unknown.join(', ')} (not in the data)`, source: cite(UNKNOWN_APT_PACKAGE), layer: instr.index, kind: 'apt', packages: [...closure.unknown], fallback: true };
    place({ install: cmd, part: { what: up.what, bytes: b, source: up.source, kind: 'apt', fallback: true }, placed: up });
  }
}

function apkCommand(
  instr: Instruction,
  cmd: CommandInfo,
  state: State,
  place: (p: Pending) => void,
  pending: Pending[],
  savings: Saving[],
  mountedCache: (p: string) => boolean,
): void {
  const apk = cmd.apk!;
  if (apk.sub === 'add') {
    const names = apk.packages.filter((t) => !t.dynamic).map((t) => t.value.replace(/[=<>~].*$/, ''));
    let total = ZERO;
    const known: string[] = [];
    const unknown: string[] = [];
    for (const n of names) {
      const deb = APK_DEBIAN_EQUIVALENTS[n];
      const info = deb ? aptPackage(deb, 'trixie') : undefined;
      if (info) {
        total = add(total, round(scale(exact(info.closureKib * 1024), APK_FROM_DEBIAN_FACTOR)));
        known.push(`${n} (≈ Debian ${deb})`);
      } else {
        total = add(total, fact(UNKNOWN_APK_PACKAGE));
        unknown.push(n);
      }
    }
    const group = apk.virtual;
    const what = `apk: ${[...known, ...unknown].join(', ')}${group ? ` (group \`${group}\`)` : ''}`;
    const source = [known.length ? cite(APK_FROM_DEBIAN_FACTOR) : '', unknown.length ? cite(UNKNOWN_APK_PACKAGE) : ''].filter(Boolean).join('; ');
    const placed: Placed = { path: '/usr', bytes: round(total), what, source, layer: instr.index, kind: 'apk', packages: group ? [group, ...names] : names, fallback: true };
    place({ part: { what, bytes: placed.bytes, source, kind: 'apk', fallback: true }, placed });
    if (!apk.noCache && !mountedCache('/var/cache/apk') && !pending.some((p) => p.placed?.kind === 'apk-cache')) {
      const c: Placed = { path: '/var/cache/apk', bytes: fact(APK_INDEX_CACHE), what: 'apk index cache (no `--no-cache`)', source: cite(APK_INDEX_CACHE), layer: instr.index, kind: 'apk-cache' };
      place({ part: { what: c.what, bytes: c.bytes, source: c.source, kind: 'apk-cache', fallback: true }, placed: c });
    }
    void state;
  } else if (apk.sub === 'del') {
    const names = new Set(apk.packages.map((t) => t.value));
    for (const p of pending) {
      if (p.removedBy || p.placed?.kind !== 'apk') continue;
      if ((p.placed.packages ?? []).some((x) => names.has(x))) p.removedBy = '`apk del`';
    }
    void savings;
  } else if (apk.sub === 'update' && !apk.noCache && !mountedCache('/var/cache/apk')) {
    const c: Placed = { path: '/var/cache/apk', bytes: fact(APK_INDEX_CACHE), what: 'apk index cache (`apk update`)', source: cite(APK_INDEX_CACHE), layer: instr.index, kind: 'apk-cache' };
    place({ part: { what: c.what, bytes: c.bytes, source: c.source, kind: 'apk-cache', fallback: true }, placed: c });
  }
}

/** The venv's own files (the semantic model says where it is, and where pip then installs into it). */
function venvCommand(instr: Instruction, cmd: CommandInfo, path: string, facts: StageBasis, place: (p: Pending) => void): void {
  const args = cmd.args.map((a) => a.value);
  const withoutPip = args.includes('--without-pip') || cmdBasename(cmd.name.value) === 'uv';
  const minor = Number(/^3\.(\d+)/.exec(facts.pythonMinor)?.[1] ?? 12);
  const f = minor <= 11 ? VENV_WITH_SETUPTOOLS : VENV_PIP_ONLY;
  const bytes = withoutPip ? exact(40_000) : fact(f);
  const placed: Placed = { path, bytes, what: `virtual environment \`${path}\`${withoutPip ? ' (no pip)' : ` with pip${minor <= 11 ? ' and setuptools' : ''}`}`, source: withoutPip ? 'estimate: an empty venv is a few dozen kB' : cite(f), layer: instr.index, kind: 'venv' };
  place({ part: { what: placed.what, bytes, source: placed.source, kind: 'venv' }, placed });
}

function pipCommand(ctx: Ctx, instr: Instruction, cmd: CommandInfo, state: State, facts: StageBasis, place: (p: Pending) => void): void {
  const pip = cmd.pip!;
  const args = cmd.args.map((a) => a.value);
  const isWheel = pip.tool === 'pip' && pip.sub === 'wheel';
  if (pip.tool === 'poetry' || pip.tool === 'pipenv' || (pip.tool === 'uv' && pip.sub !== 'install')) {
    if (lockedInstall(ctx, instr, cmd, state, facts, place)) return;
    const f = LOCKED_PROJECT;
    place({ part: { what: `\`${pip.launcher} ${pip.sub}\`: dependencies from the project's lock file are not read`, bytes: fact(f), source: cite(f), kind: 'pip', fallback: true } });
    return;
  }
  if (pip.sub !== 'install' && !isWheel) return;
  const inst = ctx.sem.install(instr, cmd);
  const env = inst?.commandEnv ?? ctx.sem.commandEnv(instr, cmd);
  const cwd = inst?.cwd ?? ctx.sem.commandDir(instr, cmd);
  const at = (v: string): string => pathAt(ctx, instr, v, env, cwd);
  const minor = facts.pythonMinor;
  const siteOf = (root: string): string => `${root}/lib/python${minor}/site-packages`;
  // Where pip puts packages: the semantic model's answer, the one every rule gets.
  let site: string;
  let where: string;
  const target0 = inst?.env;
  if (isWheel) {
    const i = args.findIndex((a) => a === '-w' || a === '--wheel-dir' || a.startsWith('--wheel-dir='));
    site = at(i >= 0 ? (args[i]!.includes('=') ? args[i]!.split('=')[1]! : (args[i + 1] ?? '.')) : '.');
    where = `wheels in \`${site}\``;
  } else if (target0?.kind === 'target') {
    site = target0.root;
    where = `\`--target ${site}\``;
  } else if (target0?.kind === 'prefix') {
    site = target0.sitePackages ?? siteOf(target0.root);
    where = `\`--prefix\`: ${site}`;
  } else if (target0?.kind === 'user') {
    site = target0.sitePackages ?? siteOf(target0.root);
    where = `\`--user\`: ${site}`;
  } else if (target0?.kind === 'venv') {
    site = target0.sitePackages ?? siteOf(target0.root);
    where = `venv ${target0.root}`;
  } else {
    // The model's system site-packages, or (when it cannot tell: a launcher path, no known interpreter) the python image's.
    site = target0?.sitePackages ?? `/usr/local/lib/python${minor}/site-packages`;
    where = `system site-packages ${site}`;
  }
  // What is requested: names on the command line, and the requirements files LW113 and the others read.
  const requested: RequestedPackage[] = [];
  const read: string[] = [];
  const missing: string[] = [];
  // Requirements given as URLs (VCS, archives on a web server): what they install is not in the data, listed as written.
  const remote: string[] = [];
  let local = 0;
  let cpu = /download\.pytorch\.org\/whl\/cpu/.test([...args, env.get('PIP_INDEX_URL') ?? '', env.get('PIP_EXTRA_INDEX_URL') ?? '', env.get('UV_INDEX_URL') ?? '', env.get('UV_EXTRA_INDEX_URL') ?? ''].join(' '));
  // In the order written, so the lists read as the command does.
  const byPosition = (x: Token, y: Token): number => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character;
  for (const t of [...pip.localPaths, ...pip.editables, ...pip.packages].sort(byPosition)) {
    if (pip.packages.includes(t)) {
      const r = specFromToken(t);
      if (r.length) requested.push(...r);
      else if (!t.dynamic && isUrl(t.value)) remote.push(t.value);
    } else if (!t.dynamic && isUrl(t.value)) remote.push(t.value);
    else local++;
  }
  for (const r of pip.requirements) {
    const v = substituteVars(r.value, env);
    if (v.includes('$') || /^[a-z][a-z0-9+.-]*:\/\//i.test(v) || !ctx.loc || !ctx.input.files) missing.push(r.value);
  }
  const files = ctx.loc && ctx.input.files ? requirementsFilesOf(ctx.model, instr, cmd, ctx.input.files, ctx.loc) : [];
  for (const f of files) {
    if (f.constraint) continue;
    if (!f.parsed) {
      missing.push(f.includedFrom ? f.containerPath : f.token.value);
      continue;
    }
    read.push(f.path);
    // `uv pip install -r pyproject.toml` (pip-tools too) reads the project's dependencies, not requirement lines.
    if (posix.basename(f.path) === 'pyproject.toml' && f.text !== undefined) {
      requested.push(...pyprojectRequested(f.text, args));
      continue;
    }
    for (const entry of f.parsed.entries) {
      if (entry.kind === 'requirement') {
        if (entry.normalizedName && (entry.form === 'pep508' || entry.url?.wheel)) {
          const pin = entry.specifiers.find((x) => x.operator === '==' || x.operator === '===');
          const req: RequestedPackage = { name: entry.normalizedName, extras: entry.extras.map((x) => x.normalizedName) };
          const version = pin?.version ?? entry.url?.wheel?.version;
          if (version) req.version = version;
          req.specifier = requirementSpecifier(entry);
          requested.push(req);
        } else if (entry.url?.isUrl) remote.push(entry.url.value);
        else local++;
      } else if (entry.kind === 'editable') {
        if (entry.target.isUrl) remote.push(entry.target.value);
        else local++;
      }
      else if (entry.kind === 'option' && /download\.pytorch\.org\/whl\/cpu/.test(entry.value ?? '')) cpu = true;
    }
  }
  // `pip install .`: the local project's own [project] dependencies are installed with it.
  if (local > 0 && ctx.loc && ctx.input.files) {
    for (const p of localProjectsOf(ctx.model, instr, cmd, ctx.input.files, ctx.loc)) {
      read.push(p.path);
      requested.push(...pyprojectRequested(p.text, []));
    }
  }
  if (requested.some((r) => r.version?.includes('+cpu'))) cpu = true;
  const uv = pip.tool === 'uv';
  const noCompile = args.includes('--no-compile') || truthyEnv(env.get('PIP_NO_COMPILE'));
  const compile = uv ? args.includes('--compile-bytecode') || args.includes('--compile') || truthyEnv(env.get('UV_COMPILE_BYTECODE')) : !noCompile;
  // What pip's resolver applies besides each requirement's own specifier: constraints files and format control.
  const inputs = pipChoiceInputs(files, cmd, env);
  const noDeps = args.includes('--no-deps') || (!uv && truthyEnv(env.get('PIP_NO_DEPS')));
  const target: PipTarget = { choose: inputs.choose, constraint: inputs.constraint, ...(noDeps ? { noDeps } : {}), pythonVersion: minor, libc: facts.libc, arch: facts.arch, pyc: compile && !isWheel, cpuTorch: cpu, ...(ctx.input.medianRatiosOnly ? { medianRatiosOnly: true } : {}), ...(facts.glibcVersion ? { glibcVersion: facts.glibcVersion } : {}) };
  const present = isWheel ? new Set<string>() : (state.sites.get(site) ?? new Set<string>());
  const resolved = resolvePackages(requested, target, present, ctx.input.external);
  if (!isWheel) {
    const set = state.sites.get(site) ?? new Set<string>();
    for (const p of resolved.packages) set.add(p.name);
    state.sites.set(site, set);
  }
  // Packages the data does not hold are sized "unknown" in a part of their own, by name, never folded into the rest.
  const unknownPkgs = resolved.packages.filter((p) => p.notInData);
  const knownPkgs = resolved.packages.filter((p) => !p.notInData);
  const direct = knownPkgs.filter((p) => !p.dependency).length;
  const deps = knownPkgs.length - direct;
  const fromFiles = read.length ? ` from ${read.map((r) => posix.relative(ctx.contextDir ?? '/', r) || r).join(', ')}` : '';
  const pyc = target.pyc ? '' : ' (no .pyc)';
  if (knownPkgs.length) {
    const bytes = add(...knownPkgs.map((p) => (isWheel ? p.download : p.installed)));
    const anyFallback = resolved.packages.some((p) => p.fallback);
    const nearest = resolved.packages.filter((p) => p.source.startsWith('sized from')).map((p) => p.name);
    const origins = new Set<string>();
    for (const p of resolved.packages) {
      if (p.source.startsWith('PyPI JSON API')) origins.add('PyPI JSON API (online)');
      else if (p.fallback && !p.source.startsWith('sdist') && !p.source.startsWith('sized from')) origins.add('rough figures (not in the data)');
      else if (p.source.includes(CLOSURE_SOURCE)) origins.add('resolved dependency closures');
      else origins.add(`PyPI file sizes collected ${wheelsMeta.collected.slice(0, 7)}${nearest.length ? ` (${nearest.slice(0, 3).join(', ')}${nearest.length > 3 ? '…' : ''} from the nearest release known)` : ''}`);
    }
    const ratio = (p: PackageEstimate): string => p.source.split(';').pop()!.trim().replace(/ × [\d.]+, measured for [^ ]+ [^ ]+ \(/, ' × a ratio measured per package (');
    const srcs = [...origins].join(', ') + '; ' + [...new Set(resolved.packages.filter((p) => !p.fallback).map(ratio))].slice(0, 2).join('; ');
    const what = `${isWheel ? 'pip wheel' : uv ? 'uv pip' : 'pip'}: ${direct === 0 ? `${deps} dependenc${deps === 1 ? 'y' : 'ies'} of packages not in the data` : `${direct} package${direct === 1 ? '' : 's'}${target.noDeps ? ', no dependencies (`--no-deps`)' : ` + ${deps} dependenc${deps === 1 ? 'y' : 'ies'}`}`}${fromFiles} → ${where}${pyc}`;
    const notes = [facts.pythonNote, facts.archNote].filter(Boolean).join('; ');
    const placed: Placed = { path: site, bytes: round(bytes), what, source: `${knownPkgs.length} packages sized for ${wheelTargetText(target, facts.platform)} from ${srcs}${notes ? `; ${notes}` : ''}`, layer: instr.index, kind: 'pip' };
    place({ part: { what, bytes: placed.bytes, source: placed.source, kind: 'pip', packages: knownPkgs, ...(anyFallback ? { fallback: true } : {}) }, placed });
  }
  const index = privateIndex(args, env, uv);
  if (unknownPkgs.length) {
    const names = unknownPkgs.map((p) => `\`${p.name}\``);
    const bytes = add(...unknownPkgs.map((p) => (isWheel ? p.download : p.installed)));
    place({
      part: {
        what: `${names.slice(0, 6).join(', ')}${names.length > 6 ? ` and ${names.length - 6} more` : ''}: not in the data${index ? ` (the private index ${index} may serve ${unknownPkgs.length === 1 ? 'it' : 'them'})` : ''}, size unknown`,
        bytes: round(bytes),
        source: cite(UNKNOWN_PIP_PACKAGE),
        kind: 'pip',
        packages: unknownPkgs,
        fallback: true,
      },
      placed: { path: site, bytes: round(bytes), what: 'packages not in the data', source: cite(UNKNOWN_PIP_PACKAGE), layer: instr.index, kind: 'pip' },
    });
  }
  if (remote.length) {
    const bytes = round(scale(exact(remote.length), fact(UNKNOWN_PIP_PACKAGE)));
    place({
      part: {
        what: `${remote.slice(0, 3).map((r) => `\`${r}\``).join(', ')}${remote.length > 3 ? ` and ${remote.length - 3} more` : ''}: installed from a URL, size unknown`,
        bytes,
        source: cite(UNKNOWN_PIP_PACKAGE),
        kind: 'pip',
        fallback: true,
      },
      placed: { path: site, bytes, what: 'requirements installed from URLs', source: cite(UNKNOWN_PIP_PACKAGE), layer: instr.index, kind: 'pip' },
    });
  }
  if (resolved.unknownDependencies.length) {
    const own = add(...resolved.packages.filter((p) => resolved.unknownDependencies.includes(p.name)).map((p) => p.installed));
    place({
      part: {
        what: `dependencies of ${resolved.unknownDependencies.slice(0, 6).join(', ')}${resolved.unknownDependencies.length > 6 ? '…' : ''} not known to Layerwise: not counted (high bound allows for them)`,
        bytes: { typical: 0, low: 0, high: Math.round(own.high) },
        source: 'Layerwise has no dependency list for these packages (the high bound doubles their own size)',
        kind: 'pip',
        fallback: true,
      },
    });
  }
  if (local > 0) {
    place({ part: { what: `${local} local project${local === 1 ? '' : 's'} (\`.\`, paths, editables): own code only`, bytes: round(scale(exact(local), fact(LOCAL_PROJECT))), source: cite(LOCAL_PROJECT), kind: 'pip', fallback: true } });
  }
  for (const m of missing) {
    place({ part: { what: `requirements file \`${m}\` not found in the build context: not counted`, bytes: fact(LOCKED_PROJECT), source: cite(LOCKED_PROJECT), kind: 'pip', fallback: true } });
  }
  // The cache: kept unless the model says what disables it (`--no-cache-dir`, PIP_NO_CACHE_DIR however set, a cache mount) — DL3042's answer too.
  const cache = inst?.cache;
  if (cache?.kept && resolved.packages.length) {
    const cacheDir = at(cache.dir);
    const b = uv ? round(scale(resolved.installed, UV_CACHE_FACTOR)) : round(scale(resolved.download, PIP_CACHE_FACTOR));
    const src = uv ? cite(UV_CACHE_FACTOR) : `${cite(PIP_CACHE_FACTOR)}: download ${formatBytes(resolved.download.typical)}`;
    const placed: Placed = { path: cacheDir, bytes: b, what: `${uv ? 'uv' : 'pip'} cache in ${cacheDir}`, source: src, layer: instr.index, kind: 'pip-cache' };
    place({ part: { what: placed.what, bytes: b, source: src, kind: 'pip-cache' }, placed });
  }
}

/**
 * `uv sync`, `poetry install`, `pipenv install`/`sync`, `pdm install`/`sync`: the packages of the lock file the
 * command reads (through COPY and the build context), for the groups it installs, sized from the wheel sizes the
 * lock records, else by exact version from the data. False when the command is not such an install (`uv add`,
 * `pipenv install flask`) or nothing can be traced, so the caller gives its rough figure.
 */
function lockedInstall(ctx: Ctx, instr: Instruction, cmd: CommandInfo, state: State, facts: StageBasis, place: (p: Pending) => void): boolean {
  const traced = ctx.loc && ctx.input.files ? projectLockOf(ctx.model, instr, cmd, ctx.input.files, ctx.loc) : undefined;
  if (!traced) return false;
  const tool: ProjectTool = traced.command.tool;
  const lockName = LOCK_FILE[tool];
  const label = `\`${tool} ${traced.command.sub}${traced.command.flags.length ? ` ${traced.command.flags.join(' ')}` : ''}\``;
  // A lock only found by taking the path relative to the context (no COPY, ADD or mount puts it there) is not in the image.
  const lock = traced.lock?.via === 'context' ? undefined : traced.lock?.model;
  if (!lock || (lock.packages.length === 0 && lock.problems.length)) {
    const why = lock ? `${lockName} does not parse (${lock.problems[0]!.message})` : traced.lock ? `${lockName} is not copied to ${traced.lockContainerPath}` : `no ${lockName} in the build context for ${traced.lockContainerPath}`;
    place({ part: { what: `${label}: ${why}: packages not known`, bytes: fact(LOCKED_PROJECT), source: cite(LOCKED_PROJECT), kind: 'pip', fallback: true } });
    return true;
  }
  const inst = ctx.sem.install(instr, cmd);
  const env = inst?.commandEnv ?? ctx.sem.commandEnv(instr, cmd);
  const args = cmd.args.map((a) => a.value);
  const minor = facts.pythonMinor;
  const home = env.get('HOME') ?? '/root';
  const system = `/usr/local/lib/python${minor}/site-packages`;
  const inProject = `${traced.projectDir}/.venv`;
  const venvSite = (root: string): string => `${root}/lib/python${minor}/site-packages`;
  let site: string;
  let where: string;
  if (inst?.env?.sitePackages) {
    site = inst.env.sitePackages;
    where = inst.env.kind === 'venv' ? `venv ${inst.env.root}` : `site-packages ${site}`;
  } else if (tool === 'uv') {
    site = venvSite(inProject);
    where = `venv ${inProject}`;
  } else if (tool === 'poetry') {
    const off = /^(0|false|no|off)$/i.test(env.get('POETRY_VIRTUALENVS_CREATE') ?? '');
    const here = truthyEnv(env.get('POETRY_VIRTUALENVS_IN_PROJECT'));
    site = off ? system : here ? venvSite(inProject) : `${home}/.cache/pypoetry/virtualenvs`;
    where = off ? `system site-packages ${system} (\`POETRY_VIRTUALENVS_CREATE\`)` : here ? `venv ${inProject}` : `Poetry's virtualenv under ${site}`;
  } else if (tool === 'pipenv') {
    const sys = args.includes('--system');
    const here = truthyEnv(env.get('PIPENV_VENV_IN_PROJECT'));
    site = sys ? system : here ? venvSite(inProject) : `${home}/.local/share/virtualenvs`;
    where = sys ? `system site-packages ${system} (\`--system\`)` : here ? `venv ${inProject}` : `Pipenv's virtualenv under ${site}`;
  } else {
    site = venvSite(inProject);
    where = `venv ${inProject}`;
  }
  const selection = selectLockedPackages(traced.command, lock, traced.manifest?.model, { pythonVersion: minor, machine: facts.arch });
  const cpu = lock.packages.some((p) => p.normalizedName === 'torch' && (p.version?.includes('+cpu') || p.wheels.some((w) => /download\.pytorch\.org\/whl\/cpu/.test(w.url ?? '')) || /download\.pytorch\.org\/whl\/cpu/.test(p.source?.value ?? '')));
  // uv and Poetry write no .pyc unless asked; Pipenv installs with pip, which compiles.
  const pyc = tool === 'uv' ? args.includes('--compile-bytecode') || truthyEnv(env.get('UV_COMPILE_BYTECODE')) : tool === 'poetry' ? args.includes('--compile') : tool === 'pipenv';
  const target: PipTarget = { pythonVersion: minor, libc: facts.libc, arch: facts.arch, pyc, cpuTorch: cpu, ...(ctx.input.medianRatiosOnly ? { medianRatiosOnly: true } : {}), ...(facts.glibcVersion ? { glibcVersion: facts.glibcVersion } : {}) };
  const present = state.sites.get(site) ?? new Set<string>();
  const sized: PackageEstimate[] = [];
  for (const { pkg, direct } of selection.packages) {
    if (present.has(pkg.normalizedName)) continue;
    sized.push(lockedPackageSize(pkg, lockName, target, !direct, ctx.input.external));
  }
  const set = state.sites.get(site) ?? new Set<string>();
  for (const p of sized) set.add(p.name);
  state.sites.set(site, set);
  const known = sized.filter((p) => !p.notInData);
  const unknown = sized.filter((p) => p.notInData);
  const fromLock = posix.relative(ctx.contextDir ?? '/', traced.lock!.path) || lockName;
  const groups = selection.groups.length ? ` (${selection.groups.join(', ')})` : '';
  const pycText = pyc ? '' : ' (no .pyc)';
  if (known.length) {
    const direct = known.filter((p) => !p.dependency).length;
    const deps = known.length - direct;
    const recorded = known.filter((p) => p.source.includes(`recorded in ${lockName}`)).length;
    const byVersion = known.length - recorded;
    const basis: string[] = [];
    if (recorded) basis.push(`wheel sizes recorded in ${lockName} (${recorded} package${recorded === 1 ? '' : 's'})`);
    if (byVersion) basis.push(`versions pinned in ${lockName}, sized from PyPI file sizes collected ${wheelsMeta.collected.slice(0, 7)} (${byVersion} package${byVersion === 1 ? '' : 's'})`);
    const ratio = (p: PackageEstimate): string => p.source.split(';').pop()!.trim().replace(/ × [\d.]+, measured for [^ ]+ [^ ]+ \(/, ' × a ratio measured per package (');
    const ratios = [...new Set(known.filter((p) => !p.fallback).map(ratio))].slice(0, 2).join('; ');
    const what = `${label}: ${direct} package${direct === 1 ? '' : 's'} + ${deps} dependenc${deps === 1 ? 'y' : 'ies'} from ${fromLock}${groups} → ${where}${pycText}`;
    const notes = [facts.pythonNote, facts.archNote].filter(Boolean).join('; ');
    const bytes = round(add(...known.map((p) => p.installed)));
    const source = `${known.length} packages sized for ${wheelTargetText(target, facts.platform)} from ${basis.join(' and ')}${ratios ? `; ${ratios}` : ''}${notes ? `; ${notes}` : ''}`;
    const placed: Placed = { path: site, bytes, what, source, layer: instr.index, kind: 'pip' };
    place({ part: { what, bytes, source, kind: 'pip', packages: known, ...(known.some((p) => p.fallback) ? { fallback: true } : {}) }, placed });
  } else if (!unknown.length) {
    place({ part: { what: `${label}: nothing to install from ${fromLock}${groups}`, bytes: ZERO, source: `${lockName}: no package of the groups installed`, kind: 'pip' } });
  }
  if (unknown.length) {
    const names = unknown.map((p) => `\`${p.name}${p.version ? ` ${p.version}` : ''}\``);
    const bytes = round(add(...unknown.map((p) => p.installed)));
    place({
      part: { what: `${names.slice(0, 6).join(', ')}${names.length > 6 ? ` and ${names.length - 6} more` : ''} (pinned in ${lockName}): not in the data, size unknown`, bytes, source: cite(UNKNOWN_PIP_PACKAGE), kind: 'pip', packages: unknown, fallback: true },
      placed: { path: site, bytes, what: 'packages not in the data', source: cite(UNKNOWN_PIP_PACKAGE), layer: instr.index, kind: 'pip' },
    });
  }
  if (selection.projectInstalled) {
    place({ part: { what: `the project itself (from its source): own code only`, bytes: fact(LOCAL_PROJECT), source: cite(LOCAL_PROJECT), kind: 'pip', fallback: true } });
  }
  const cache = inst?.cache;
  if (cache?.kept && sized.length) {
    const installed = add(...sized.map((p) => p.installed));
    const download = add(...sized.map((p) => p.download));
    const b = tool === 'uv' ? round(scale(installed, UV_CACHE_FACTOR)) : round(scale(download, PIP_CACHE_FACTOR));
    const src = tool === 'uv' ? cite(UV_CACHE_FACTOR) : `${cite(PIP_CACHE_FACTOR)}: download ${formatBytes(download.typical)}`;
    const placed: Placed = { path: cache.dir, bytes: b, what: `${tool} cache in ${cache.dir}`, source: src, layer: instr.index, kind: 'pip-cache' };
    place({ part: { what: placed.what, bytes: b, source: src, kind: 'pip-cache' }, placed });
  }
  return true;
}

/** The `[project]` dependencies of a pyproject.toml, with the optional groups `--extra X` / `--all-extras` ask for. */
function pyprojectRequested(text: string, args: readonly string[]): RequestedPackage[] {
  const extras = new Set<string>();
  args.forEach((a, i) => {
    if (a === '--extra' && args[i + 1]) extras.add(normalizeName(args[i + 1]!));
    else if (a.startsWith('--extra=')) extras.add(normalizeName(a.slice('--extra='.length)));
  });
  const all = args.includes('--all-extras');
  return buildPyprojectModel(text)
    .dependencies.filter((d) => d.declaredBy === 'project' && (d.groupKind === 'main' || (d.groupKind === 'extra' && (all || extras.has(d.group)))) && !d.direct)
    .map((d) => {
      const pin = /^===?([^,]+)$/.exec(d.specifier ?? '')?.[1];
      return { name: d.normalizedName, extras: d.extras, ...(pin ? { version: pin } : {}), ...(d.specifier !== undefined ? { specifier: d.specifier } : {}) };
    });
}

/** The wheel target in words: `CPython 3.12, glibc 2.41, linux/arm64 (aarch64)`. */
function wheelTargetText(t: PipTarget, platform: Platform): string {
  const libc = t.libc === 'musl' ? 'musl' : `glibc${t.glibcVersion ? ` ${t.glibcVersion}` : ''}`;
  return `CPython ${t.pythonVersion}, ${libc}, ${platform.text} (${t.arch})`;
}

/** `uv sync`, `poetry install`, a requirements file that cannot be read: the packages are not known. */
const LOCKED_PROJECT: RangedFact = {
  typical: 100_000_000,
  low: 1_000_000,
  high: 2_000_000_000,
  estimated: true,
  source: 'the packages are not known to Layerwise: a project installs anything from a few MB to several GB',
  asOf: '2026-11-29',
};

function specFromToken(t: Token): RequestedPackage[] {
  if (t.dynamic) return [];
  const parsed = parseRequirements(t.value).entries[0];
  if (parsed?.kind !== 'requirement' || !parsed.normalizedName) return [];
  const req: RequestedPackage = { name: parsed.normalizedName, extras: parsed.extras.map((x) => x.normalizedName) };
  const pin = parsed.specifiers.find((s) => s.operator === '==' || s.operator === '===');
  if (pin) req.version = pin.version;
  req.specifier = specifierString(parsed.specifiers);
  return [req];
}

/** The index pip or uv installs from when it is not PyPI (`--index-url`, `-i`, `--default-index`, `PIP_INDEX_URL`, `UV_INDEX_URL`, `UV_DEFAULT_INDEX`). */
function privateIndex(args: readonly string[], env: ReadonlyMap<string, string>, uv: boolean): string | undefined {
  let url: string | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    const m = /^(--index-url|--default-index|-i)(?:=(.*))?$/.exec(a);
    if (m) url = m[2] ?? args[i + 1];
  }
  url ??= uv ? (env.get('UV_DEFAULT_INDEX') ?? env.get('UV_INDEX_URL')) : env.get('PIP_INDEX_URL');
  if (!url || /^https?:\/\/(pypi\.org|pypi\.python\.org|files\.pythonhosted\.org|download\.pytorch\.org)(\/|$)/.test(url)) return undefined;
  return url;
}

function isRemote(src: string): boolean {
  return /^(https?|git|ssh):\/\//.test(src) || /^git@/.test(src);
}

function estimateCopy(ctx: Ctx, instr: Instruction, state: State, finalStates: State[], stages: StageEstimate[]): InstructionEstimate {
  const copy = instr.copy!;
  const env = ctx.sem.instr(instr).env;
  const parts: Part[] = [];
  const savings: Saving[] = [];
  const sources = copy.sources.map((s) => substituteVars(s.value, env));
  const destRaw = copy.dest ? substituteVars(copy.dest.value, env) : '.';
  const dest = pathAt(ctx, instr, destRaw, env);
  const destIsDir = destRaw.endsWith('/') || sources.length > 1 || destRaw === '.' || sources.some((s) => /[*?[]/.test(s));
  const result: InstructionEstimate = { index: instr.index, line: instr.startLine + 1, keyword: instr.keyword, instruction: shortText(ctx.model, instr), range: instr.range, bytes: ZERO, parts, savings };

  if (copy.from !== undefined) {
    const stageIndex = copy.fromStage;
    if (stageIndex === undefined) {
      const f = UNKNOWN_COPY;
      parts.push({ what: `files from image \`${copy.from}\`: ${sources.join(', ')}`, bytes: fact(f), source: cite(f), kind: 'copy-from', fallback: true });
    } else {
      const other = finalStates[stageIndex]!;
      const otherName = stages[stageIndex]?.name ?? String(stageIndex);
      for (const src of sources) {
        // `COPY --from` sources are absolute in the other stage, or relative to its root.
        const s = posix.resolve('/', src);
        const inside = other.placed.filter((p) => under(p.path, s));
        const containing = other.placed.filter((p) => !under(p.path, s) && under(s, p.path));
        let b = add(...inside.map((p) => p.bytes));
        const what: string[] = inside.map((p) => p.what);
        for (const p of containing) {
          // Part of something the stage created: at most all of it.
          b = add(b, { typical: p.bytes.typical * 0.5, low: 0, high: p.bytes.high });
          what.push(`part of ${p.what}`);
        }
        const srcs = [...new Set([...inside, ...containing].map((p) => p.source))];
        if (inside.length + containing.length === 0) {
          const f = UNKNOWN_COPY;
          parts.push({ what: `\`${s}\` from stage \`${otherName}\`: contents not known (created by commands Layerwise does not size, or part of its base image)`, bytes: fact(f), source: cite(f), kind: 'copy-from', fallback: true });
          state.placed.push({ path: dest, bytes: fact(f), what: `${s} from stage ${otherName}`, source: cite(f), layer: instr.index, kind: 'copy-from', fallback: true });
          continue;
        }
        parts.push({ what: `\`${s}\` from stage \`${otherName}\`: ${what.join('; ')}`, bytes: round(b), source: srcs.join(' | '), kind: 'copy-from' });
        const target = destIsDir && s !== '/' && !destRaw.endsWith('/') ? dest : destIsDir ? posix.join(dest, posix.basename(s)) : dest;
        for (const p of inside) state.placed.push({ ...p, path: posix.join(target, posix.relative(s, p.path)), layer: instr.index });
        for (const p of containing) state.placed.push({ ...p, path: target, bytes: { typical: p.bytes.typical * 0.5, low: 0, high: p.bytes.high }, layer: instr.index });
        // Packages copied with a site-packages folder count as installed there.
        for (const [site, names] of other.sites) if (under(site, s)) state.sites.set(posix.join(target, posix.relative(s, site)), new Set(names));
      }
    }
  } else {
    const remote = sources.filter((s) => copy.isAdd && isRemote(s));
    const local = sources.filter((s) => !(copy.isAdd && isRemote(s)));
    for (const r of remote) parts.push({ what: `download ${r}`, bytes: fact(UNKNOWN_DOWNLOAD), source: cite(UNKNOWN_DOWNLOAD), kind: 'download', fallback: true });
    if (local.length) {
      const measure = ctx.input.context && ctx.contextDir !== undefined ? ctx.input.context.measure(ctx.contextDir, local) : undefined;
      if (measure) {
        result.context = measure;
        let b: E = measure.truncated ? { typical: measure.bytes, low: measure.bytes, high: measure.bytes * 2 + 50_000_000 } : exact(measure.bytes);
        const archives = copy.isAdd && local.some((s) => /\.(tar|tgz|tar\.(gz|bz2|xz|zst))$/.test(s));
        if (archives) b = { typical: b.typical * 3, low: b.low, high: b.high * 6 };
        const drop = measure.droppable.reduce((n, d) => n + d.bytes, 0);
        parts.push({
          what: `${measure.files} file${measure.files === 1 ? '' : 's'} from the build context${archives ? ' (ADD extracts local archives: ×3 estimate)' : ''}${measure.truncated ? ' (walk stopped at its limit: at least this much)' : ''}`,
          bytes: round(b),
          source: `measured on disk in ${ctx.contextDir}${measure.hasDockerignore ? ` with ${measure.ignoreFileName ?? '.dockerignore'} applied` : ' (no .dockerignore)'}`,
          kind: 'context',
        });
        if (drop > 0) {
          savings.push({
            what: measure.droppable.map((d) => d.pattern).join(', '),
            fix: 'add them to `.dockerignore`',
            bytes: exact(drop),
            source: `measured on disk in ${ctx.contextDir}`,
          });
        }
        state.placed.push({ path: dest, bytes: round(b), what: `context files ${local.join(' ')}`, source: 'measured build context', layer: instr.index, kind: 'context' });
      } else {
        const walking = ctx.contextDir !== undefined && ctx.input.context?.pending?.(ctx.contextDir) === true;
        parts.push({ what: `${local.join(', ')} from the build context: not measured${walking ? ' yet' : ''}`, bytes: fact(UNKNOWN_COPY), source: `${cite(UNKNOWN_COPY)}; ${walking ? 'the build context is still being measured' : 'no build context available'}`, kind: 'context', fallback: true });
      }
    }
  }
  result.bytes = round(add(...parts.map((p) => p.bytes)));
  return result;
}
