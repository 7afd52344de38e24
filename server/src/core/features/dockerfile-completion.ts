// Dockerfile completion Layerwise answers itself: every BuildKit flag per instruction, base images and tags sized from the embedded table, stage names after `--from=`.
import type { Position, Range } from '../types';
import type { DockerfileModel, Instruction } from '../model/dockerfile';
import { knownImageTags, normalizeImageName } from '../data/base-images';
import { formatBytes } from '../estimate/bytes';

export interface DockerfileCompletion {
  label: string;
  kind: 'flag' | 'image' | 'tag' | 'stage';
  detail?: string;
  documentation?: string;
  insertText: string;
  range: Range;
  sortText?: string;
}

export interface FlagSpec {
  /** Without the dashes: `from`, `mount`. */
  name: string;
  /** Takes `=value` (completion inserts `--name=`). */
  value: boolean;
  /** May be given more than once (`--mount`, `--exclude`). */
  repeatable?: boolean;
  doc: string;
}

/**
 * The flags of the Dockerfile reference (BuildKit, dockerfile:1 syntax), per instruction. rcjsuen's service knows
 * only `--from`, `--chown`, `--platform` and HEALTHCHECK's; this table is the one both completion and hover read.
 */
export const INSTRUCTION_FLAGS: Readonly<Record<string, readonly FlagSpec[]>> = {
  FROM: [{ name: 'platform', value: true, doc: 'Platform of the base image to pull, e.g. `linux/amd64` or `$BUILDPLATFORM` (multi-platform builds).' }],
  RUN: [
    { name: 'mount', value: true, repeatable: true, doc: 'Mount for this RUN only, not stored in the layer: `type=cache,target=/root/.cache/pip` (a cache kept between builds), `type=bind`, `type=secret,id=…`, `type=ssh`, `type=tmpfs`.' },
    { name: 'network', value: true, doc: 'Network for the command: `default`, `none` (no network) or `host` (needs the `network.host` entitlement).' },
    { name: 'security', value: true, doc: '`insecure` runs the command without the sandbox (needs the `security.insecure` entitlement); `sandbox` is the default.' },
  ],
  COPY: [
    { name: 'from', value: true, doc: 'Copy from an earlier build stage (by name or index), a named build context or an image instead of the build context.' },
    { name: 'chown', value: true, doc: 'Owner of the copied files, `user:group` (names or numeric IDs); without it files belong to root.' },
    { name: 'chmod', value: true, doc: 'Permissions of the copied files, octal (`755`) or symbolic (`u=rwX,go=rX`).' },
    { name: 'link', value: false, doc: 'Copy into an independent layer: the layer is reused when earlier layers change (faster rebuilds, rebase without rebuild).' },
    { name: 'parents', value: false, doc: 'Keep the source paths\' parent folders under the destination (`COPY --parents ./a/b.txt /dst/` gives `/dst/a/b.txt`).' },
    { name: 'exclude', value: true, repeatable: true, doc: 'Leave out the paths matching a pattern (`--exclude=*.pyc`); may be given more than once.' },
  ],
  ADD: [
    { name: 'chown', value: true, doc: 'Owner of the added files, `user:group` (names or numeric IDs); without it files belong to root.' },
    { name: 'chmod', value: true, doc: 'Permissions of the added files, octal (`755`) or symbolic.' },
    { name: 'checksum', value: true, doc: 'Checksum the remote source must have, `sha256:…`; the build fails on a mismatch.' },
    { name: 'keep-git-dir', value: true, doc: 'For a Git source: keep the `.git` folder (`true`); it is left out by default.' },
    { name: 'link', value: false, doc: 'Add into an independent layer, reused when earlier layers change.' },
    { name: 'exclude', value: true, repeatable: true, doc: 'Leave out the paths matching a pattern; may be given more than once.' },
  ],
  HEALTHCHECK: [
    { name: 'interval', value: true, doc: 'Time between checks (default `30s`).' },
    { name: 'timeout', value: true, doc: 'A check that takes longer fails (default `30s`).' },
    { name: 'start-period', value: true, doc: 'Start-up time during which failed checks do not count (default `0s`).' },
    { name: 'start-interval', value: true, doc: 'Time between checks during the start period (default `5s`).' },
    { name: 'retries', value: true, doc: 'Consecutive failures before the container is unhealthy (default `3`).' },
  ],
};

/** The flag spec whose name the position is on (for hover), with the range of `--name`. */
export function flagAt(model: DockerfileModel, position: Position): { instruction: string; flag: FlagSpec; range: Range } | undefined {
  const instr = instructionAt(model, position);
  if (!instr) return undefined;
  for (const f of instr.flags) {
    if (!inside(f.nameRange, position) && !inside(f.range, position)) continue;
    const spec = INSTRUCTION_FLAGS[instr.keyword]?.find((s) => s.name === f.name);
    if (spec) return { instruction: instr.keyword, flag: spec, range: f.nameRange };
  }
  return undefined;
}

/** Completions Layerwise answers at `position`; `imagesOnly` keeps just base images and tags (another server answers the rest). */
export function dockerfileCompletions(model: DockerfileModel, text: string, position: Position, options: { imagesOnly?: boolean } = {}): DockerfileCompletion[] {
  const line = text.split(/\r?\n/)[position.line] ?? '';
  const before = line.slice(0, position.character);
  if (/^\s*#/.test(before)) return [];
  const word = /(\S*)$/.exec(before)![1]!;
  const instr = instructionAt(model, position);
  if (!instr) return [];
  const keyword = instr.trigger?.keyword ?? instr.keyword;
  // The keyword itself is being typed: instructions are the other server's (or rcjsuen's) answer.
  if (position.line === instr.keywordRange.start.line && position.character <= instr.keywordRange.end.character) return [];
  const wordRange: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const firstArg = instr.args.find((a) => !a.value.startsWith('--'));
  const beforeArgs = !firstArg || before.length - word.length <= columnOf(firstArg.range, position.line, line.length);

  if (keyword === 'FROM') {
    if (word.startsWith('-')) return options.imagesOnly || !beforeArgs ? [] : flagItems('FROM', instr, word, wordRange);
    if (!beforeArgs) return [];
    return imageItems(model, instr, word, position);
  }
  if (options.imagesOnly) return [];
  const from = /^--from=(.*)$/.exec(word);
  if (from && (keyword === 'COPY' || keyword === 'ADD')) {
    const prefix = from[1]!;
    const range: Range = { start: { line: position.line, character: position.character - prefix.length }, end: position };
    return stageItems(model, instr, prefix, range);
  }
  const mountFrom = /^--mount=(?:.*,)?from=([^,]*)$/.exec(word);
  if (mountFrom && keyword === 'RUN') {
    const prefix = mountFrom[1]!;
    const range: Range = { start: { line: position.line, character: position.character - prefix.length }, end: position };
    return stageItems(model, instr, prefix, range);
  }
  if (word.startsWith('-') && !word.includes('=') && beforeArgs) return flagItems(keyword, instr, word, wordRange);
  return [];
}

function flagItems(keyword: string, instr: Instruction, word: string, range: Range): DockerfileCompletion[] {
  const present = new Set(instr.flags.map((f) => f.name));
  return (INSTRUCTION_FLAGS[keyword] ?? [])
    .filter((f) => f.repeatable || !present.has(f.name) || word === `--${f.name}`)
    .filter((f) => `--${f.name}`.startsWith(word))
    .map((f, i) => ({
      label: f.value ? `--${f.name}=` : `--${f.name}`,
      kind: 'flag' as const,
      detail: `${keyword} flag`,
      documentation: f.doc,
      insertText: f.value ? `--${f.name}=` : `--${f.name}`,
      range,
      sortText: String(i).padStart(2, '0'),
    }));
}

/** Stages defined before the instruction's stage: the ones `--from=` may name without a cycle. */
function stageItems(model: DockerfileModel, instr: Instruction, prefix: string, range: Range): DockerfileCompletion[] {
  return model.stages
    .filter((s) => s.index < instr.stage)
    .map((s) => ({ stage: s, label: s.name ?? String(s.index) }))
    .filter(({ label }) => label.toLowerCase().startsWith(prefix.toLowerCase()))
    .map(({ stage, label }) => ({
      label,
      kind: 'stage' as const,
      detail: `stage ${stage.index}, FROM ${stage.from.image}`,
      insertText: label,
      range,
      sortText: String(stage.index).padStart(3, '0'),
    }));
}

const sizeText = (compressed: number | undefined, uncompressed: number | undefined): string =>
  [uncompressed !== undefined ? `${formatBytes(uncompressed)} on disk` : '', compressed !== undefined ? `${formatBytes(compressed)} download` : ''].filter(Boolean).join(' · ');

/** Base images (and stage names) where the image is typed; tags of that image after `:`, each with its size from the table. */
function imageItems(model: DockerfileModel, instr: Instruction, word: string, position: Position): DockerfileCompletion[] {
  const rows = knownImageTags();
  const colon = word.lastIndexOf(':');
  if (colon > word.lastIndexOf('/') && colon >= 0) {
    const image = normalizeImageName(word.slice(0, colon));
    const prefix = word.slice(colon + 1);
    const range: Range = { start: { line: position.line, character: position.character - prefix.length }, end: position };
    const seen = new Set<string>();
    return rows
      .filter((r) => r.image === image && r.tag.startsWith(prefix) && !seen.has(r.tag) && seen.add(r.tag))
      .map((r, i) => ({
        label: r.tag,
        kind: 'tag' as const,
        detail: sizeText(r.compressedBytes, r.uncompressedBytes),
        documentation: `\`${image}:${r.tag}\` (linux/amd64), measured ${r.date}: Layerwise's embedded base-image table.`,
        insertText: r.tag,
        range,
        sortText: String(i).padStart(3, '0'),
      }));
  }
  const range: Range = { start: { line: position.line, character: position.character - word.length }, end: position };
  const images = [...new Set(rows.map((r) => r.image))].filter((i) => i.startsWith(word.toLowerCase()));
  const stages = model.stages.filter((s) => s.index < instr.stage && s.name && s.name.toLowerCase().startsWith(word.toLowerCase()));
  return [
    ...images.map((image, i) => ({
      label: image,
      kind: 'image' as const,
      detail: `${rows.filter((r) => r.image === image).length} tags with sizes`,
      insertText: image,
      range,
      sortText: `1${String(i).padStart(3, '0')}`,
    })),
    ...stages.map((s) => ({ label: s.name!, kind: 'stage' as const, detail: `stage ${s.index}, FROM ${s.from.image}`, insertText: s.name!, range, sortText: `0${String(s.index).padStart(3, '0')}` })),
  ];
}

function instructionAt(model: DockerfileModel, position: Position): Instruction | undefined {
  return model.instructions.find((i) => i.startLine <= position.line && position.line <= i.endLine);
}

function inside(r: Range, p: Position): boolean {
  const afterStart = p.line > r.start.line || (p.line === r.start.line && p.character >= r.start.character);
  const beforeEnd = p.line < r.end.line || (p.line === r.end.line && p.character <= r.end.character);
  return afterStart && beforeEnd;
}

function columnOf(r: Range, line: number, lineLength: number): number {
  if (r.start.line < line) return -1;
  if (r.start.line > line) return lineLength + 1;
  return r.start.character;
}
