// Markdown for size hovers: base image sizes and variants, what a RUN or COPY adds and what a fix saves, a requirement's installed size.
import type { DockerfileModel, Stage } from '../model/dockerfile';
import type { ImageEstimate, InstructionEstimate, StageEstimate, E, PackageEstimate } from '../estimate/types';
import { formatBytes, formatE, uselessRange } from '../estimate/bytes';
import { lookupBaseImage, baseImagesMeta } from '../data/base-images';
import { releaseLifecycle, isEndOfLife, type EolKind } from '../data/eol';
import { resolvePackages, type PipTarget } from '../estimate/python';

const MAX_SOURCE = 220;

function src(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.length > MAX_SOURCE ? `${t.slice(0, MAX_SOURCE - 1)}…` : t;
}

function rangeText(x: E): string {
  if (x.low === x.high) return '';
  return uselessRange(x) ? ` (anywhere in ${formatBytes(x.low)}–${formatBytes(x.high)}: the data does not narrow it further)` : ` (${formatBytes(x.low)}–${formatBytes(x.high)})`;
}

const VARIANT_CONTENTS: Record<string, string> = {
  full: 'Debian with buildpack-deps: curl, wget, git, ssh, subversion, gcc/g++, make, autoconf and about 40 `-dev` libraries (libpq, libssl, libxml2, libjpeg…) — everything needed to compile wheels, most of it dead weight at run time',
  slim: 'minimal Debian (dpkg excludes docs and man pages) plus the libraries CPython needs at run time; no compiler, no `-dev` headers, no git or curl',
  alpine: 'Alpine (musl libc, busybox); manylinux wheels do not install, so packages without musllinux wheels compile from source',
};

function lifecycleLine(kind: EolKind, label: string, version: string, today: Date): string | undefined {
  const r = releaseLifecycle(kind, version);
  if (!r) return undefined;
  const eol = isEndOfLife(kind, version, today);
  const lts = r.ltsEnd ? `, LTS to ${r.ltsEnd}` : '';
  return eol
    ? `⚠️ ${label} reached end of life on ${r.eol}${lts} _(${r.source}, ${r.asOf})_`
    : `${label}: supported until ${r.eol}${r.planned ? ' (planned)' : ''}${lts} _(${r.source}, ${r.asOf})_`;
}

/** Size, variant contents, slim/alpine comparison and end-of-life lines for a FROM. */
export function fromSizeMarkdown(model: DockerfileModel, stage: Stage, est: StageEstimate | undefined, today: Date = new Date()): string {
  const lines: string[] = [];
  if (est) {
    const b = est.base;
    if (b.stage !== undefined) {
      lines.push(`**Size** of stage \`${b.image}\` at this point: ${formatE(b.bytes)} on disk.`);
    } else {
      lines.push(`**Size**: ${formatE(b.downloadBytes)} download, ${formatE(b.bytes)} on disk${b.fallback ? ' — **rough estimate**: this image tag is not in the published size data' : ''}`);
      lines.push(`_Source: ${src(b.source)}_`);
    }
    lines.push('', `**This stage in total**: ${formatE(est.bytes)} on disk${est.isFinal ? `, ${formatE(est.downloadBytes)} download` : ''}.`);
  }
  const facts = stage.from.facts;
  if (stage.from.stage === undefined && facts.variant && VARIANT_CONTENTS[facts.variant]) {
    lines.push('', `**What \`${facts.variant}\` contains**: ${VARIANT_CONTENTS[facts.variant]}.`);
  }
  const minor = facts.pythonMinor;
  if (stage.from.stage === undefined && facts.family === 'python' && minor) {
    const rows: string[] = [];
    for (const [label, tag] of [
      ['full', minor],
      ['slim', `${minor}-slim`],
      ['alpine', `${minor}-alpine`],
    ] as const) {
      const r = lookupBaseImage('python', tag);
      if (!r) continue;
      const here = facts.variant === label ? ' ← this' : '';
      rows.push(`| \`python:${tag}\`${here} | ${r.compressedBytes !== undefined ? formatBytes(r.compressedBytes) : '—'} | ${r.uncompressedBytes !== undefined ? `${r.uncompressedEstimated ? '≈ ' : ''}${formatBytes(r.uncompressedBytes)}` : '—'} | ${r.date} |`);
    }
    if (rows.length) {
      lines.push('', `**Python ${minor} side by side** (linux/amd64):`, '', '| image | download | on disk | build |', '|---|---:|---:|---|', ...rows);
      lines.push(`_Source: docker-library/repo-info, the official images' published sizes (collected ${baseImagesMeta.collected})._`);
    }
  }
  const eol: string[] = [];
  if (minor && stage.from.stage === undefined) {
    const l = lifecycleLine('python', `Python ${minor}`, minor, today);
    if (l) eol.push(l);
  }
  const os = facts.os;
  if (os && stage.from.stage === undefined && (os.distro === 'debian' || os.distro === 'alpine' || os.distro === 'ubuntu')) {
    const v = os.release ?? os.version;
    if (v) {
      const name = os.distro === 'debian' ? `Debian ${os.version ?? ''} (${os.release ?? ''})` : os.distro === 'ubuntu' ? `Ubuntu ${os.version ?? v}` : `Alpine ${v}`;
      const l = lifecycleLine(os.distro, name.replace(/\s+/g, ' ').replace(' ()', ''), v, today);
      if (l) eol.push(l);
    }
  }
  if (eol.length) lines.push('', '**End of life**', '', ...eol.map((l) => `- ${l}`));
  void model;
  return lines.join('\n');
}

export function packageLines(pkgs: readonly PackageEstimate[], max = 8): string[] {
  const sorted = [...pkgs].sort((a, b) => b.installed.typical - a.installed.typical);
  const rows = sorted.slice(0, max).map((p) => `| ${p.name}${p.version ? ` ${p.version}` : ''}${p.dependency ? '' : ' *'} | ${formatBytes(p.installed.typical)}${p.fallback ? ' ~' : ''} | ${formatBytes(p.download.typical)} |`);
  if (sorted.length > max) {
    const rest = sorted.slice(max).reduce((n, p) => n + p.installed.typical, 0);
    rows.push(`| …${sorted.length - max} more | ${formatBytes(rest)} | |`);
  }
  return ['| package (* = requested) | installed | download |', '|---|---:|---:|', ...rows];
}

/** What a RUN/COPY/ADD adds, its breakdown with sources, and what its fixes would save. */
export function instructionSizeMarkdown(est: InstructionEstimate, stage: StageEstimate | undefined): string {
  const lines: string[] = [];
  const shipped = stage ? (stage.layersInFinal ? '' : ' _(this stage\'s layers are not in the final image)_') : '';
  lines.push(`**This layer adds ${formatE(est.bytes)}**${shipped}`);
  if (est.parts.length) lines.push('');
  for (const p of est.parts) {
    lines.push(`- ${p.fallback ? '**rough** ' : ''}${p.what}: **${uselessRange(p.bytes) ? 'unknown size' : formatBytes(p.bytes.typical)}**${rangeText(p.bytes)}  \n  _${src(p.source)}_`);
  }
  const pip = est.parts.filter((p) => p.packages?.length);
  for (const p of pip) lines.push('', ...packageLines(p.packages!), '', '_~ = rough figure (built from source, another release\'s sizes, or not in the data)._');
  if (est.context) {
    const c = est.context;
    lines.push('', `**Build context**: ${formatBytes(c.bytes)} in ${c.files} file${c.files === 1 ? '' : 's'}${c.truncated ? ' (walk stopped at its limit: at least this much)' : ''}; ${c.hasDockerignore ? `${c.ignoreFileName ?? '.dockerignore'} applied (excludes ${formatBytes(c.ignoredBytes)} of these paths)` : 'no .dockerignore'}.`);
    if (c.largestDirs.length) lines.push('', `Largest folders: ${c.largestDirs.map((d) => `\`${d.path}\` ${formatBytes(d.bytes)}`).join(', ')}`);
    if (c.largestFiles.length) lines.push('', `Largest files: ${c.largestFiles.map((d) => `\`${d.path}\` ${formatBytes(d.bytes)}`).join(', ')}`);
    if (c.droppable.length) {
      lines.push('', `**.dockerignore could drop** ${formatBytes(c.droppable.reduce((n, d) => n + d.bytes, 0))}: ${c.droppable.map((d) => `\`${d.pattern}\` ${formatBytes(d.bytes)} (${d.why})`).join(', ')}`);
    }
    if (c.unmatched.length) lines.push('', `Not found in the context: ${c.unmatched.map((u) => `\`${u}\``).join(', ')}`);
  }
  if (est.savings.length) {
    lines.push('', '**What the fix would save**', '');
    for (const s of est.savings) lines.push(`- ${s.fix}: **${formatE(s.bytes)}** (${s.what})  \n  _${src(s.source)}_`);
  }
  return lines.join('\n');
}

/** The estimate rows for a hover at an instruction, if any. */
export function instructionEstimate(est: ImageEstimate | undefined, instrIndex: number): { instr: InstructionEstimate; stage: StageEstimate } | undefined {
  for (const stage of est?.stages ?? []) {
    const instr = stage.instructions.find((i) => i.index === instrIndex);
    if (instr) return { instr, stage };
  }
  return undefined;
}

export const DEFAULT_REQUIREMENT_TARGET: PipTarget = { pythonVersion: '3.12', libc: 'glibc', arch: 'x86_64', glibcVersion: '2.41', pyc: true, cpuTorch: false };

/**
 * Installed size of one requirement with its dependencies, for the requirements-file hover. `target` defaults to
 * CPython 3.12 on Debian trixie, linux/amd64 (python:3.12-slim).
 */
export function requirementSizeMarkdown(req: { name: string; version?: string; specifier?: string; extras?: string[] }, target: PipTarget = DEFAULT_REQUIREMENT_TARGET): string {
  // The requirement's own specifier (and its constraints): the release pip picks is the one sized, not the newest.
  const r = resolvePackages([{ name: req.name, extras: req.extras ?? [], ...(req.version ? { version: req.version } : {}), ...(req.specifier !== undefined ? { specifier: req.specifier } : {}) }], target);
  const deps = r.packages.length - 1;
  const lines = [
    `**Installed size** with ${deps} dependenc${deps === 1 ? 'y' : 'ies'}: ${formatE(r.installed)}; download ${formatE(r.download)}`,
    `_For CPython ${target.pythonVersion}, ${target.libc === 'musl' ? 'musl' : `glibc ${target.glibcVersion ?? ''}`.trim()}, ${target.arch}${target.pyc ? ', with .pyc as pip compiles them' : ''}._`,
    '',
    ...packageLines(r.packages),
  ];
  const main = r.packages.find((p) => !p.dependency);
  if (main) lines.push('', `_Source: ${src(main.source)}_`);
  if (r.unknownDependencies.length) lines.push('', `_Dependencies of ${r.unknownDependencies.join(', ')} are not known to Layerwise and not counted._`);
  if (r.packages.some((p) => p.note)) lines.push('', ...r.packages.filter((p) => p.note).slice(0, 3).map((p) => `_${p.name}: ${p.note}_`));
  return lines.join('\n');
}
