// The size view's data: stages and layers with their sizes, packages, savings and the basis of each figure, from the estimate.
import type { DockerfileModel, Stage } from '../model/dockerfile';
import type { E, ImageEstimate, InstructionEstimate, Part, StageEstimate } from '../estimate/types';

/** The wire shape of `layerwise/sizeView` (JSON: no Maps, no undefined-only fields the client must know about). */
export interface SizeView {
  /** The stage the view was asked to show first (a CodeLens click), if any. */
  focusStage?: number;
  /** The final image: the target stage's file system and what `docker pull` transfers. */
  image?: { stage: string; bytes: E; download: E };
  stages: SizeViewStage[];
  /** Whole-file rewrites (the builder-stage split, a slim base) with the estimator's predicted saving. */
  rewrites: SizeViewRewrite[];
}

export type StageFate = 'final' | 'base-of-final' | 'copied-from' | 'unused';

export interface SizeViewStage {
  index: number;
  /** `builder`, or `stage 1 (python:3.12-slim)` when unnamed; the CodeLens uses the same words. */
  label: string;
  /** 0-based line of the FROM. */
  line: number;
  fate: StageFate;
  /** The fate in words: "final image", "not shipped: the final image copies files from it". */
  reach: string;
  bytes: E;
  /** Download of the final image (only on the final stage: other stages are never pulled as such). */
  download?: E;
  layers: SizeViewLayer[];
}

export interface SizeViewLayer {
  /** 0-based line of the instruction. */
  line: number;
  keyword: string;
  /** Short text of the instruction. */
  instruction: string;
  bytes: E;
  /** Some figure in it is a fallback or not estimated at all. */
  rough: boolean;
  basis: SizeViewBasis[];
  packages: SizeViewPackage[];
  savings: SizeViewSaving[];
}

export interface SizeViewBasis {
  what: string;
  /** null when the figure is unknown (a command Layerwise does not size): the view says "unknown". */
  bytes: E | null;
  source: string;
  fallback: boolean;
}

export interface SizeViewPackage {
  name: string;
  version?: string;
  /** Named in the install (requirements line or argument), not pulled in as a dependency. */
  requested: boolean;
  installed: E;
  download: E;
  fallback: boolean;
  source: string;
}

export interface SizeViewSaving {
  fix: string;
  what: string;
  bytes: E;
  source: string;
}

export interface SizeViewRewrite {
  title: string;
  /** Predicted change of the final image (positive = smaller); null when it could not be estimated. */
  saving: E | null;
  source: string;
}

/** Longest base image text shown in a stage's label before it is cut with "…" (digests, registry paths). */
const MAX_BASE = 32;

function shortBase(image: string): string {
  return image.length > MAX_BASE ? `${image.slice(0, MAX_BASE - 1)}…` : image;
}

/**
 * What a person calls a stage: its name; unnamed, its base — alone in a one-stage file, after Docker's stage index
 * (`--from=1`) otherwise. Never a bare "Stage 0".
 */
export function stageLabel(model: DockerfileModel, stage: Stage): string {
  if (stage.name) return stage.name;
  const base = shortBase(stage.from.image || 'scratch');
  return model.stages.length === 1 ? base : `stage ${stage.index} (${base})`;
}

export function stageFate(stage: Stage): StageFate {
  return stage.isFinal ? 'final' : stage.layersInFinal ? 'base-of-final' : stage.reachesFinal ? 'copied-from' : 'unused';
}

export const FATE_WORDS: Record<StageFate, string> = {
  final: 'final image',
  'base-of-final': 'the final image is built on it',
  'copied-from': 'not shipped: the final image copies files from it',
  unused: 'does not reach the final image',
};

const isUnknown = (p: Part): boolean => p.kind === 'not-estimated';

function layer(instr: InstructionEstimate): SizeViewLayer {
  const packages: SizeViewPackage[] = [];
  for (const p of instr.parts) {
    for (const pkg of p.packages ?? []) {
      packages.push({
        name: pkg.name,
        ...(pkg.version ? { version: pkg.version } : {}),
        requested: !pkg.dependency,
        installed: pkg.installed,
        download: pkg.download,
        fallback: pkg.fallback,
        source: pkg.source,
      });
    }
  }
  packages.sort((a, b) => b.installed.typical - a.installed.typical || a.name.localeCompare(b.name));
  return {
    line: instr.range.start.line,
    keyword: instr.keyword,
    instruction: instr.instruction,
    bytes: instr.bytes,
    rough: instr.parts.some((p) => p.fallback === true),
    basis: instr.parts.map((p) => ({ what: p.what, bytes: isUnknown(p) ? null : p.bytes, source: p.source, fallback: p.fallback === true })),
    packages,
    savings: instr.savings.map((s) => ({ fix: s.fix, what: s.what, bytes: s.bytes, source: s.source })),
  };
}

function stageView(model: DockerfileModel, stage: Stage, est: StageEstimate): SizeViewStage {
  const fate = stageFate(stage);
  return {
    index: stage.index,
    label: stageLabel(model, stage),
    line: stage.fromInstruction.range.start.line,
    fate,
    reach: FATE_WORDS[fate],
    bytes: est.bytes,
    ...(stage.isFinal ? { download: est.downloadBytes } : {}),
    layers: est.instructions.map(layer),
  };
}

/**
 * The view of one estimate. `rewrites` come from the assists run on the whole file (the caller has the estimator
 * they need); `focusStage` is passed through for the client.
 */
export function sizeView(model: DockerfileModel, est: ImageEstimate, rewrites: readonly SizeViewRewrite[] = [], focusStage?: number): SizeView {
  const stages: SizeViewStage[] = [];
  for (const stage of model.stages) {
    const s = est.stages[stage.index];
    if (s) stages.push(stageView(model, stage, s));
  }
  const final = model.stages.find((s) => s.isFinal);
  return {
    ...(focusStage !== undefined && stages.some((s) => s.index === focusStage) ? { focusStage } : {}),
    ...(est.final && final ? { image: { stage: stageLabel(model, final), bytes: est.final.bytes, download: est.final.downloadBytes } } : {}),
    stages,
    rewrites: [...rewrites],
  };
}
