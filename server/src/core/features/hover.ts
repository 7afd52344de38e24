// Hover content computed from the model: what a FROM reference means (image, tag, variant, OS, libc, Python) and, given an estimate, sizes.
import type { Position, Range } from '../types';
import { containsPosition } from '../types';
import type { DockerfileModel, FromInfo, Instruction } from '../model/dockerfile';
import { IMAGE_DEFAULTS } from '../model/image';
import type { ImageEstimate } from '../estimate/types';
import { fromSizeMarkdown, instructionEstimate, instructionSizeMarkdown } from './size-hover';
import { formatE } from '../estimate/bytes';

export interface HoverResult {
  markdown: string;
  range: Range;
}

export interface HoverOptions {
  /** The image's size estimate (computed once per document version by the caller): adds size sections. */
  estimate?: ImageEstimate;
  /** For end-of-life status; defaults to now. */
  today?: Date;
}

export function hoverAt(model: DockerfileModel, position: Position, options: HoverOptions = {}): HoverResult | undefined {
  const instr = model.instructions.find((i) => containsPosition(i.range, position));
  if (!instr) return undefined;
  if (instr.keyword === 'FROM' && instr.from) {
    let markdown = describeFrom(model, instr, instr.from);
    const stage = model.stages[instr.stage];
    if (stage && options.estimate) {
      const est = options.estimate.stages[stage.index];
      const size = fromSizeMarkdown(model, stage, est, options.today);
      if (size) markdown += `\n\n---\n\n${size}`;
      // A one-line size headline right under the title, so the figure is visible without scrolling the hover.
      if (est && instr.from.stage === undefined) {
        const headline = `${est.base.fallback ? 'Estimated (no data for this tag): ' : ''}${formatE(est.base.bytes)} on disk · ${formatE(est.base.downloadBytes)} download — details below`;
        const firstBreak = markdown.indexOf('\n');
        markdown = firstBreak < 0 ? `${markdown}\n\n${headline}` : `${markdown.slice(0, firstBreak)}\n\n${headline}${markdown.slice(firstBreak)}`;
      }
    }
    return { markdown, range: instr.from.imageRange };
  }
  if ((instr.keyword === 'RUN' || instr.keyword === 'COPY' || instr.keyword === 'ADD') && options.estimate) {
    const hit = instructionEstimate(options.estimate, instr.index);
    if (hit) return { markdown: instructionSizeMarkdown(hit.instr, hit.stage), range: instr.keywordRange };
  }
  return undefined;
}

const VARIANT_TEXT: Record<string, string> = {
  full: 'full Debian image with compilers, headers and common libraries (buildpack-deps)',
  slim: 'Debian with only what Python needs to run; no compilers',
  alpine: 'Alpine Linux (musl libc); many wheels do not exist for musl, so pip may compile from source',
  windowsservercore: 'Windows Server Core',
  nanoserver: 'Windows Nano Server',
};

export function describeFrom(model: DockerfileModel, instr: Instruction, from: FromInfo): string {
  const lines: string[] = [];
  if (from.stage !== undefined) {
    const s = model.stages[from.stage]!;
    lines.push(`**Stage \`${s.name ?? s.index}\`** (built earlier in this file, from \`${s.from.image}\`)`);
  } else {
    const ref = from.ref;
    lines.push(`**\`${from.image}\`**`);
    lines.push('');
    const rows: [string, string][] = [];
    rows.push(['Image', ref.official ? `\`${ref.repository}\` (Docker Hub official image)` : `\`${ref.repository}\``]);
    if (ref.registry) rows.push(['Registry', `\`${ref.registry}\``]);
    rows.push(['Tag', ref.tag ? `\`${ref.tag}\`` : ref.digest ? '—' : '`latest` (implied: no tag)']);
    if (ref.digest) rows.push(['Digest', `\`${ref.digest.slice(0, 19)}…\``]);
    const facts = from.facts;
    if (facts.pythonVersion) rows.push(['Python', facts.pythonVersion === facts.pythonMinor ? facts.pythonVersion : `${facts.pythonVersion} (${facts.pythonMinor})`]);
    if (facts.variant) rows.push(['Variant', `${facts.variant}: ${VARIANT_TEXT[facts.variant] ?? ''}`]);
    if (facts.os) {
      const os = facts.os;
      const name = os.distro === 'debian' ? `Debian ${os.version ?? ''} ${os.release ? `(${os.release})` : ''}` : os.distro === 'ubuntu' ? `Ubuntu ${os.version ?? ''} ${os.release ? `(${os.release})` : ''}` : os.distro === 'alpine' ? `Alpine ${os.release ?? ''}` : os.distro;
      rows.push(['OS', `${name.trim()}${os.implied ? ' — implied: the tag does not name the release' : ''}`]);
    }
    if (facts.libc) rows.push(['libc', facts.libc]);
    if (ref.hasVariables) rows.push(['Note', 'contains a build argument; shown with its default value']);
    lines.push('| | |', '|---|---|', ...rows.map(([k, v]) => `| ${k} | ${v} |`));
    if (facts.os?.implied || facts.floating) {
      lines.push('', `_Defaults as of ${IMAGE_DEFAULTS.asOf} (${IMAGE_DEFAULTS.source})._`);
    }
  }
  const stage = model.stages[instr.stage];
  if (stage) {
    lines.push('', stage.isFinal ? 'This stage is the final image.' : stage.layersInFinal ? 'The final image is built on this stage.' : stage.reachesFinal ? 'The final image copies files from this stage; its own layers are not shipped.' : 'This stage does not reach the final image.');
  }
  return lines.join('\n');
}
