// Walks the Dockerfile model and weighs every stage and layer: base image, packages, caches, copied files, cleanup.
import * as posix from '../path';
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile';
import { envAt, substitute } from '../model/dockerfile';
import type { CommandInfo, Token } from '../model/commands';
import { basename as cmdBasename } from '../model/commands';
import type { ProjectFiles } from '../project';
import { parseRequirements } from '../parse/requirements';
import { lookupBaseImage, baseImagesMeta, normalizePlatform } from '../data/base-images';
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
import { resolvePackages, type PipTarget, type RequestedPackage } from './python';
import type { BaseEstimate, ContextSizer, E, ExternalFacts, ImageEstimate, InstructionEstimate, PackageEstimate, Part, Saving, StageEstimate } from './types';

export interface EstimateInput {
  /** Reads requirements files from the build context. */
  files?: ProjectFiles;
  /** The Dockerfile's path; the build context defaults to its folder. */
  dockerfilePath?: string;
  contextDir?: string;
  context?: ContextSizer;
  /** Default platform when FROM has no `--platform` (linux/amd64). */
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

interface State {
  placed: Placed[];
  aptPresent: Set<string>;
  sites: Map<string, Set<string>>;
  venvs: Set<string>;
  workdir: string;
  user: string;
  copies: { dest: string; sources: string[]; destIsDir: boolean }[];
}

function cloneState(s: State): State {
  return {
    placed: s.placed.map((p) => ({ ...p })),
    aptPresent: new Set(s.aptPresent),
    sites: new Map([...s.sites].map(([k, v]) => [k, new Set(v)])),
    venvs: new Set(s.venvs),
    workdir: s.workdir,
    user: s.user,
    copies: [...s.copies],
  };
}

interface StageFacts {
  pythonMinor: string;
  libc: 'glibc' | 'musl';
  arch: 'x86_64' | 'aarch64';
  glibcVersion?: string;
  dist?: AptDist;
  distNote?: string;
  distro?: string;
  full: boolean;
}

const DEBIAN_PYTHON: Record<string, string> = { bookworm: '3.11', trixie: '3.13', bullseye: '3.9' };
const UBUNTU_PYTHON: Record<string, string> = { '24.04': '3.12', '22.04': '3.10', '20.04': '3.8' };
const GLIBC: Record<string, string> = { bookworm: '2.36', trixie: '2.41', bullseye: '2.31', '24.04': '2.39', '22.04': '2.35', '20.04': '2.31' };

function stageFacts(model: DockerfileModel, stage: Stage, defaultPlatform: string): StageFacts {
  const facts = stage.from.facts;
  const platform = normalizePlatform(rootStage(model, stage).from.platform ?? defaultPlatform);
  const arch = /arm64|aarch64/.test(platform) ? 'aarch64' : 'x86_64';
  const os = facts.os;
  const release = os?.release ?? (os?.distro === 'ubuntu' ? os.version : undefined);
  let pythonMinor = facts.pythonMinor;
  if (!pythonMinor && os?.distro === 'debian' && release) pythonMinor = DEBIAN_PYTHON[release];
  if (!pythonMinor && os?.distro === 'ubuntu' && release) pythonMinor = UBUNTU_PYTHON[release];
  const out: StageFacts = {
    pythonMinor: pythonMinor ?? '3.12',
    libc: facts.libc === 'musl' ? 'musl' : 'glibc',
    arch,
    full: facts.variant === 'full' || stage.from.ref.repository.endsWith('buildpack-deps'),
  };
  if (os?.distro) out.distro = os.distro;
  const glibc = release ? GLIBC[release] : undefined;
  if (glibc) out.glibcVersion = glibc;
  if (os?.distro === 'debian' || os?.distro === 'ubuntu') {
    if (release === 'bookworm' || release === 'trixie') out.dist = release;
    else {
      out.dist = 'bookworm';
      out.distNote = `no apt data for ${os.distro} ${release ?? ''}: Debian bookworm figures used`.replace(/ +/g, ' ');
    }
  } else if (!os && facts.family !== 'alpine' && facts.libc !== 'musl') {
    out.dist = 'trixie';
    out.distNote = 'distribution unknown: Debian trixie figures used';
  }
  return out;
}

function rootStage(model: DockerfileModel, stage: Stage): Stage {
  let s = stage;
  for (let guard = 0; s.from.stage !== undefined && guard < 50; guard++) s = model.stages[s.from.stage]!;
  return s;
}

function shortText(model: DockerfileModel, instr: Instruction): string {
  const text = model.lines.slice(instr.range).replace(/\\\r?\n/g, ' ').replace(/\s+/g, ' ').trim();
  return text.length > 72 ? `${text.slice(0, 71)}…` : text;
}

/** Base image size: the data table first, then online facts, then a labelled fallback. */
function baseEstimate(stage: Stage, platform: string, stageTotals: StageEstimate[], external?: ExternalFacts): BaseEstimate {
  const from = stage.from;
  if (from.stage !== undefined) {
    const parent = stageTotals[from.stage]!;
    return { image: from.image, tag: '', bytes: parent.bytes, downloadBytes: parent.downloadBytes, source: `stage ${parent.name ?? parent.index} of this Dockerfile`, fallback: false, stage: from.stage };
  }
  const ref = from.ref;
  const tag = ref.tag ?? (ref.digest ? '' : 'latest');
  const image = ref.registry && ref.registry !== 'docker.io' ? `${ref.registry}/${ref.path}` : ref.repository;
  if (image === 'scratch') return { image, tag: '', bytes: ZERO, downloadBytes: ZERO, source: 'scratch: an empty file system', fallback: false };
  const plat = normalizePlatform(from.platform ?? platform);
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
      source: `${baseImagesMeta.file}${alias}, ${row.kind}${estimated ? ', on-disk figure estimated' : ''}, build ${row.date}: ${row.source}${how}`,
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
    source: `${cite(fb)}${from.ref.hasVariables ? '; the reference contains an unresolved variable' : ''}`,
    fallback: true,
  };
}

/** Resolves `p` against a working directory and expands `~` and variables. */
function absPath(p: string, workdir: string, env: ReadonlyMap<string, string>, home: string): string {
  let v = substitute(p, env).replace(/^~(?=\/|$)/, home).replace(/^\$HOME(?=\/|$)/, home);
  if (!v.startsWith('/')) v = posix.join(workdir, v);
  return posix.normalize(v).replace(/(.)\/$/, '$1');
}

/** Whether `path` is `dir` or below it. A trailing `/*` on `dir` means its contents. */
function under(path: string, dir: string): boolean {
  const d = dir.replace(/\/\*$/, '').replace(/(.)\/$/, '$1');
  return path === d || path.startsWith(d === '/' ? '/' : `${d}/`);
}

interface Ctx {
  model: DockerfileModel;
  input: EstimateInput;
  contextDir?: string;
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
  const ctx: Ctx = { model, input, fullBaseApt: new Map() };
  const contextDir = input.contextDir ?? (input.dockerfilePath ? posix.dirname(input.dockerfilePath.replace(/\\/g, '/')) : undefined);
  if (contextDir !== undefined) ctx.contextDir = contextDir;
  const platform = input.platform ?? 'linux/amd64';
  const stages: StageEstimate[] = [];
  const finalStates: State[] = [];
  for (const stage of model.stages) {
    const facts = stageFacts(model, stage, platform);
    const base = baseEstimate(stage, platform, stages, input.external);
    const state: State =
      stage.from.stage !== undefined && finalStates[stage.from.stage]
        ? cloneState(finalStates[stage.from.stage]!)
        : { placed: [], aptPresent: new Set(facts.full && facts.dist ? buildpackDepsPresent(ctx, facts.dist) : []), sites: new Map(), venvs: new Set(), workdir: '/', user: 'root', copies: [] };
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
      if (instr.keyword === 'WORKDIR' && instr.args[0]) {
        const env = envAt(model, instr);
        state.workdir = absPath(instr.args[0].value, state.workdir, env, homeOf(state, env));
        continue;
      }
      if (instr.keyword === 'USER' && instr.args[0]) {
        state.user = instr.args[0].value.split(':')[0] ?? 'root';
        continue;
      }
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

function homeOf(state: State, env: ReadonlyMap<string, string>): string {
  return env.get('HOME') ?? (state.user === 'root' || state.user === '0' ? '/root' : `/home/${state.user}`);
}

interface Pending {
  part: Part;
  placed?: Placed;
  removedBy?: string;
}

function estimateRun(ctx: Ctx, instr: Instruction, state: State, facts: StageFacts): InstructionEstimate {
  const run = instr.run!;
  const env = envAt(ctx.model, instr);
  const home = homeOf(state, env);
  const pending: Pending[] = [];
  const parts: Part[] = [];
  const savings: Saving[] = [];
  const cacheMounts = run.mounts.filter((m) => m.type === 'cache' && m.target).map((m) => absPath(m.target!, state.workdir, env, home));
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
        aptInstall(ctx, instr, cmd, state, facts, place, savings);
      } else if (apt.sub === 'purge' || apt.sub === 'remove' || apt.sub === 'autoremove') {
        const names = new Set(apt.packages.map((p) => p.value.toLowerCase()));
        const auto = apt.sub === 'autoremove' || apt.options.some((o) => o.value === '--auto-remove' || o.value === '--autoremove');
        for (const p of pending) {
          if (p.removedBy || p.placed?.kind !== 'apt') continue;
          const pkgs = p.placed.packages ?? [];
          if (pkgs.some((x) => names.has(x)) && (auto || pkgs.length === 1)) p.removedBy = `\`apt-get ${apt.sub}\``;
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
      pipCommand(ctx, instr, cmd, state, facts, env, home, place, savings, mountedCache);
      continue;
    }
    if (/^python(\d(\.\d+)?)?$/.test(name) && cmd.args.some((a) => a.value === '-m') && cmd.args.some((a) => a.value === 'venv' || a.value === 'virtualenv')) {
      venvCommand(instr, cmd, state, facts, env, home, place);
      continue;
    }
    if (name === 'virtualenv' || (name === 'uv' && cmd.args[0]?.value === 'venv')) {
      venvCommand(instr, cmd, state, facts, env, home, place);
      continue;
    }
    if (cmd.rm) {
      for (const t of cmd.rm.paths) {
        if (t.dynamic && /\$\(/.test(t.value)) continue;
        const p = absPath(t.value, state.workdir, env, home);
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
    if (p.part.kind === 'pip-cache') savings.push({ what: 'pip cache', fix: 'add `--no-cache-dir`', bytes: p.part.bytes, source: p.part.source });
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

function aptInstall(ctx: Ctx, instr: Instruction, cmd: CommandInfo, state: State, facts: StageFacts, place: (p: Pending) => void, savings: Saving[]): void {
  const apt = cmd.apt!;
  const names = apt.packages.filter((t) => !t.dynamic).map((t) => t.value);
  if (names.length === 0) return;
  if (!facts.dist) {
    const b = scale(exact(names.length), fact(UNKNOWN_APT_PACKAGE));
    const placed: Placed = { path: '/usr', bytes: round(b), what: `apt packages ${names.join(', ')}`, source: cite(UNKNOWN_APT_PACKAGE), layer: instr.index, kind: 'apt', packages: names, fallback: true };
    place({ part: { what: `${placed.what} (no apt data for this distribution)`, bytes: placed.bytes, source: placed.source, kind: 'apt', fallback: true }, placed });
    return;
  }
  const closure = aptInstallClosure(names, facts.dist, state.aptPresent);
  const kib = closure.installedKib;
  let bytes = round(scale(exact(kib * 1024), DEBIAN_ON_DISK_FACTOR));
  const sourceParts = [`${aptPackagesMeta.file} (${facts.dist}, collected ${aptPackagesMeta.collected}): closure of ${closure.packages.length} new packages, Installed-Size ${formatBytes(kib * 1024)}`, `× ${DEBIAN_ON_DISK_FACTOR.typical} on disk (${cite(DEBIAN_ON_DISK_FACTOR)})`];
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
  place({ part: { what, bytes, source: placed.source, kind: 'apt' }, placed });
  if (closure.unknown.length) {
    const b = round(scale(exact(closure.unknown.length), fact(UNKNOWN_APT_PACKAGE)));
    const up: Placed = { path: '/usr', bytes: b, what: `apt: ${closure.unknown.join(', ')} (not in the data)`, source: cite(UNKNOWN_APT_PACKAGE), layer: instr.index, kind: 'apt', packages: [...closure.unknown], fallback: true };
    place({ part: { what: up.what, bytes: b, source: up.source, kind: 'apt', fallback: true }, placed: up });
  }
  void ctx;
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

function venvCommand(instr: Instruction, cmd: CommandInfo, state: State, facts: StageFacts, env: ReadonlyMap<string, string>, home: string, place: (p: Pending) => void): void {
  const args = cmd.args.map((a) => a.value);
  const start = args.indexOf('venv') >= 0 ? args.indexOf('venv') + 1 : args.indexOf('virtualenv') >= 0 ? args.indexOf('virtualenv') + 1 : 0;
  const target = args.slice(start).find((a) => !a.startsWith('-'));
  if (!target) return;
  const path = absPath(target, state.workdir, env, home);
  state.venvs.add(path);
  const withoutPip = args.includes('--without-pip') || cmdBasename(cmd.name.value) === 'uv';
  const minor = Number(/^3\.(\d+)/.exec(facts.pythonMinor)?.[1] ?? 12);
  const f = minor <= 11 ? VENV_WITH_SETUPTOOLS : VENV_PIP_ONLY;
  const bytes = withoutPip ? exact(40_000) : fact(f);
  const placed: Placed = { path, bytes, what: `virtual environment \`${path}\`${withoutPip ? ' (no pip)' : ` with pip${minor <= 11 ? ' and setuptools' : ''}`}`, source: withoutPip ? 'estimate: an empty venv is a few dozen kB' : cite(f), layer: instr.index, kind: 'venv' };
  place({ part: { what: placed.what, bytes, source: placed.source, kind: 'venv' }, placed });
}

/** Reads `-r` files, following nested `-r`; returns requested packages and whether an index option points at PyTorch's CPU wheels. */
function readRequirementFile(ctx: Ctx, containerPath: string, state: State, seen: Set<string>): { packages: RequestedPackage[]; read: string[]; missing: string[]; cpuIndex: boolean; local: number } {
  const out: { packages: RequestedPackage[]; read: string[]; missing: string[]; cpuIndex: boolean; local: number } = { packages: [], read: [], missing: [], cpuIndex: false, local: 0 };
  const files = ctx.input.files;
  const contextPaths = contextCandidates(ctx, containerPath, state);
  let text: string | undefined;
  let used: string | undefined;
  for (const c of contextPaths) {
    if (seen.has(c)) return out;
    text = files?.read(c);
    if (text !== undefined) {
      used = c;
      break;
    }
  }
  if (text === undefined || used === undefined) {
    out.missing.push(containerPath);
    return out;
  }
  seen.add(used);
  out.read.push(used);
  const parsed = parseRequirements(text);
  for (const entry of parsed.entries) {
    if (entry.kind === 'requirement') {
      if (entry.normalizedName && (entry.form === 'pep508' || entry.url?.wheel)) {
        const pin = entry.specifiers.find((s) => s.operator === '==' || s.operator === '===');
        const req: RequestedPackage = { name: entry.normalizedName, extras: entry.extras.map((x) => x.normalizedName) };
        const version = pin?.version ?? entry.url?.wheel?.version;
        if (version) req.version = version;
        if (version?.includes('+cpu')) out.cpuIndex = true;
        out.packages.push(req);
      } else out.local++;
    } else if (entry.kind === 'editable') out.local++;
    else if (entry.kind === 'include' && !entry.constraint && !entry.isUrl) {
      const nested = posix.join(posix.dirname(containerPath), entry.path);
      const r = readRequirementFile(ctx, nested, state, seen);
      out.packages.push(...r.packages);
      out.read.push(...r.read);
      out.missing.push(...r.missing);
      out.cpuIndex ||= r.cpuIndex;
      out.local += r.local;
    } else if (entry.kind === 'option' && /download\.pytorch\.org\/whl\/cpu/.test(entry.value ?? '')) out.cpuIndex = true;
  }
  return out;
}

/** Where a file at `containerPath` came from in the build context, most likely first. */
function contextCandidates(ctx: Ctx, containerPath: string, state: State): string[] {
  const root = ctx.contextDir ?? '.';
  const out: string[] = [];
  for (let i = state.copies.length - 1; i >= 0; i--) {
    const c = state.copies[i]!;
    for (const src of c.sources) {
      const s = src.replace(/^\.\/?/, '').replace(/\/$/, '');
      if (c.destIsDir) {
        const rel = containerPath === c.dest ? '' : containerPath.startsWith(`${c.dest === '/' ? '' : c.dest}/`) ? containerPath.slice(c.dest === '/' ? 1 : c.dest.length + 1) : undefined;
        if (rel === undefined) continue;
        // `COPY . /app` maps /app/x to x; `COPY requirements.txt /app/` maps /app/requirements.txt to requirements.txt.
        if (s === '' || s === '.') out.push(posix.join(root, rel));
        else if (posix.basename(s) === rel) out.push(posix.join(root, s));
        else out.push(posix.join(root, s, rel));
      } else if (containerPath === c.dest) out.push(posix.join(root, s));
    }
  }
  out.push(posix.join(root, containerPath.replace(/^\/+/, '')));
  out.push(posix.join(root, posix.basename(containerPath)));
  return [...new Set(out)];
}

function pipCommand(
  ctx: Ctx,
  instr: Instruction,
  cmd: CommandInfo,
  state: State,
  facts: StageFacts,
  env: ReadonlyMap<string, string>,
  home: string,
  place: (p: Pending) => void,
  savings: Saving[],
  mountedCache: (p: string) => boolean,
): void {
  const pip = cmd.pip!;
  const args = cmd.args.map((a) => a.value);
  const isWheel = pip.tool === 'pip' && pip.sub === 'wheel';
  if (pip.tool === 'poetry' || pip.tool === 'pipenv' || (pip.tool === 'uv' && pip.sub !== 'install')) {
    const f = LOCKED_PROJECT;
    place({ part: { what: `\`${pip.launcher} ${pip.sub}\`: dependencies from the project's lock file are not read`, bytes: fact(f), source: cite(f), kind: 'pip', fallback: true } });
    return;
  }
  if (pip.sub !== 'install' && !isWheel) return;
  const minor = facts.pythonMinor;
  const pyVersion = `python${minor}`;
  // Where pip puts packages.
  let site: string;
  let where: string;
  const launcherDir = pip.launcher.includes('/') ? posix.dirname(pip.launcher.split(' ')[0]!) : undefined;
  const pathVenv = [...state.venvs].find((v) => (env.get('PATH') ?? '').split(':').includes(`${v}/bin`)) ?? (env.get('VIRTUAL_ENV') ? env.get('VIRTUAL_ENV') : undefined);
  const launcherVenv = launcherDir?.endsWith('/bin') ? posix.dirname(launcherDir) : undefined;
  const venv = launcherVenv && launcherVenv !== '/usr' && launcherVenv !== '/usr/local' ? launcherVenv : launcherDir ? undefined : pathVenv;
  const wheelDirIdx = args.findIndex((a) => a === '-w' || a === '--wheel-dir' || a.startsWith('--wheel-dir='));
  if (isWheel) {
    const v = wheelDirIdx >= 0 ? (args[wheelDirIdx]!.includes('=') ? args[wheelDirIdx]!.split('=')[1]! : args[wheelDirIdx + 1] ?? '.') : '.';
    site = absPath(v, state.workdir, env, home);
    where = `wheels in \`${site}\``;
  } else if (pip.target) {
    site = absPath(pip.target, state.workdir, env, home);
    where = `\`--target ${site}\``;
  } else if (pip.prefix) {
    site = `${absPath(pip.prefix, state.workdir, env, home)}/lib/${pyVersion}/site-packages`;
    where = `\`--prefix\`: ${site}`;
  } else if (pip.user) {
    site = `${home}/.local/lib/${pyVersion}/site-packages`;
    where = `\`--user\`: ${site}`;
  } else if (venv) {
    site = `${venv}/lib/${pyVersion}/site-packages`;
    where = `venv ${venv}`;
  } else {
    site = `/usr/local/lib/${pyVersion}/site-packages`;
    where = `system site-packages ${site}`;
  }
  // What is requested.
  const requested: RequestedPackage[] = [];
  const read: string[] = [];
  const missing: string[] = [];
  let local = pip.localPaths.length + pip.editables.length;
  let cpu = /download\.pytorch\.org\/whl\/cpu/.test([...args, env.get('PIP_INDEX_URL') ?? '', env.get('PIP_EXTRA_INDEX_URL') ?? '', env.get('UV_INDEX_URL') ?? '', env.get('UV_EXTRA_INDEX_URL') ?? ''].join(' '));
  for (const t of pip.packages) requested.push(...specFromToken(t));
  const seen = new Set<string>();
  for (const r of pip.requirements) {
    if (r.dynamic) {
      missing.push(r.value);
      continue;
    }
    const got = readRequirementFile(ctx, absPath(r.value, state.workdir, env, home), state, seen);
    requested.push(...got.packages);
    read.push(...got.read);
    missing.push(...got.missing);
    cpu ||= got.cpuIndex;
    local += got.local;
  }
  if (requested.some((r) => r.version?.includes('+cpu'))) cpu = true;
  const uv = pip.tool === 'uv';
  const noCompile = args.includes('--no-compile') || truthy(env.get('PIP_NO_COMPILE'));
  const compile = uv ? args.includes('--compile-bytecode') || args.includes('--compile') || truthy(env.get('UV_COMPILE_BYTECODE')) : !noCompile;
  const target: PipTarget = { pythonVersion: minor, libc: facts.libc, arch: facts.arch, pyc: compile && !isWheel, cpuTorch: cpu, ...(ctx.input.medianRatiosOnly ? { medianRatiosOnly: true } : {}), ...(facts.glibcVersion ? { glibcVersion: facts.glibcVersion } : {}) };
  const present = isWheel ? new Set<string>() : (state.sites.get(site) ?? new Set<string>());
  const resolved = resolvePackages(requested, target, present, ctx.input.external);
  if (!isWheel) {
    const set = state.sites.get(site) ?? new Set<string>();
    for (const p of resolved.packages) set.add(p.name);
    state.sites.set(site, set);
  }
  const direct = resolved.packages.filter((p) => !p.dependency).length;
  const deps = resolved.packages.length - direct;
  const fromFiles = read.length ? ` from ${read.map((r) => posix.relative(ctx.contextDir ?? '.', r) || r).join(', ')}` : '';
  const pyc = target.pyc ? '' : ' (no .pyc)';
  if (resolved.packages.length) {
    const bytes = isWheel ? resolved.download : resolved.installed;
    const anyFallback = resolved.packages.some((p) => p.fallback);
    const origin = (p: PackageEstimate): string =>
      p.source.startsWith('PyPI JSON API') ? 'PyPI JSON API (online)' : p.source.startsWith('fallback') || (p.fallback && !p.source.startsWith('sdist')) ? 'fallback figures' : p.source.includes('dependency-closures') ? 'dependency-closures.tsv' : 'wheels.json';
    const ratio = (p: PackageEstimate): string => p.source.split(';').pop()!.trim().replace(/ for [^ ]+ [^ ]+ \(/, ' (');
    const srcs = [...new Set(resolved.packages.map(origin))].join(', ') + '; ' + [...new Set(resolved.packages.filter((p) => !p.fallback).map(ratio))].slice(0, 2).join('; ');
    const what = `${isWheel ? 'pip wheel' : uv ? 'uv pip' : 'pip'}: ${direct} package${direct === 1 ? '' : 's'} + ${deps} dependenc${deps === 1 ? 'y' : 'ies'}${fromFiles} → ${where}${pyc}`;
    const placed: Placed = { path: site, bytes: round(bytes), what, source: `${resolved.packages.length} packages sized from ${srcs}`, layer: instr.index, kind: 'pip' };
    place({ part: { what, bytes: placed.bytes, source: placed.source, kind: 'pip', packages: resolved.packages, ...(anyFallback ? { fallback: true } : {}) }, placed });
  }
  if (resolved.unknownDependencies.length) {
    const own = add(...resolved.packages.filter((p) => resolved.unknownDependencies.includes(p.name)).map((p) => p.installed));
    place({
      part: {
        what: `dependencies of ${resolved.unknownDependencies.slice(0, 6).join(', ')}${resolved.unknownDependencies.length > 6 ? '…' : ''} not known to Layerwise: not counted (high bound allows for them)`,
        bytes: { typical: 0, low: 0, high: Math.round(own.high) },
        source: 'fallback: no dependency list in the embedded data (data/python-dependencies.ts)',
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
  // The cache.
  const noCache = pip.noCacheDir || truthy(env.get('PIP_NO_CACHE_DIR')) || (uv && truthy(env.get('UV_NO_CACHE')));
  const cacheDir = uv ? env.get('UV_CACHE_DIR') ?? `${home}/.cache/uv` : env.get('PIP_CACHE_DIR') ?? `${home}/.cache/pip`;
  if (!noCache && !mountedCache(cacheDir) && !mountedCache(`${home}/.cache`) && resolved.packages.length) {
    const b = uv ? round(scale(resolved.installed, UV_CACHE_FACTOR)) : round(scale(resolved.download, PIP_CACHE_FACTOR));
    const src = uv ? cite(UV_CACHE_FACTOR) : `${cite(PIP_CACHE_FACTOR)}: download ${formatBytes(resolved.download.typical)}`;
    const placed: Placed = { path: cacheDir, bytes: b, what: `${uv ? 'uv' : 'pip'} cache in ${cacheDir}`, source: src, layer: instr.index, kind: 'pip-cache' };
    place({ part: { what: placed.what, bytes: b, source: src, kind: 'pip-cache' }, placed });
  }
  void savings;
}

/** `uv sync`, `poetry install`, a requirements file that cannot be read: the packages are not known. */
const LOCKED_PROJECT: RangedFact = {
  typical: 100_000_000,
  low: 1_000_000,
  high: 2_000_000_000,
  estimated: true,
  source: 'fallback: the packages are not known to Layerwise (from a few MB to several GB)',
  asOf: '2026-11-29',
};

function truthy(v: string | undefined): boolean {
  return v !== undefined && !/^(0|false|no|off|)$/i.test(v.trim());
}

function specFromToken(t: Token): RequestedPackage[] {
  if (t.dynamic) return [];
  const parsed = parseRequirements(t.value).entries[0];
  if (parsed?.kind !== 'requirement' || !parsed.normalizedName) return [];
  const req: RequestedPackage = { name: parsed.normalizedName, extras: parsed.extras.map((x) => x.normalizedName) };
  const pin = parsed.specifiers.find((s) => s.operator === '==' || s.operator === '===');
  if (pin) req.version = pin.version;
  return [req];
}

function isRemote(src: string): boolean {
  return /^(https?|git|ssh):\/\//.test(src) || /^git@/.test(src);
}

function estimateCopy(ctx: Ctx, instr: Instruction, state: State, finalStates: State[], stages: StageEstimate[]): InstructionEstimate {
  const copy = instr.copy!;
  const env = envAt(ctx.model, instr);
  const home = homeOf(state, env);
  const parts: Part[] = [];
  const savings: Saving[] = [];
  const sources = copy.sources.map((s) => substitute(s.value, env));
  const destRaw = copy.dest ? substitute(copy.dest.value, env) : '.';
  const dest = absPath(destRaw, state.workdir, env, home);
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
        const s = absPath(src, '/', env, '/root');
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
        for (const v of other.venvs) if (under(v, s)) state.venvs.add(posix.join(target, posix.relative(s, v)));
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
          source: `measured on disk in ${ctx.contextDir}${measure.hasDockerignore ? ' with .dockerignore applied' : ' (no .dockerignore)'}`,
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
        parts.push({ what: `${local.join(', ')} from the build context: not measured`, bytes: fact(UNKNOWN_COPY), source: `${cite(UNKNOWN_COPY)}; no build context available`, kind: 'context', fallback: true });
      }
      state.copies.push({ dest, sources: local, destIsDir });
    }
  }
  result.bytes = round(add(...parts.map((p) => p.bytes)));
  return result;
}
