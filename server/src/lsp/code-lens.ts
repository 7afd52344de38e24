// CodeLens above each FROM: the stage by name, its estimated size and whether it reaches the final image; a click opens the size view.
import type { Connection, TextDocuments, CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { formatBytes } from '../core/estimate/bytes';
import { stageFate, stageLabel, type StageFate } from '../core/features/size-view';
import type { E, ImageEstimate } from '../core/estimate/types';
import type { DockerfileModel } from '../core/model/dockerfile';

export interface CodeLensSettings {
  /** `layerwise.codeLens.enabled` as the client reports it now. */
  enabled(uri: string): Promise<boolean>;
  /** The client runs `layerwise.openSizeView` (it said so in `experimental.layerwise.sizeView`): the lenses click through to it. */
  sizeView?(): boolean;
}

/** The client command a lens runs: the size view at its stage. */
export const OPEN_SIZE_VIEW = 'layerwise.openSizeView';

/** Short, so a lens fits beside the editor on a laptop screen: the range and the sources are in the size view. */
const short = (x: E): string => `${x.low === x.high ? '' : '≈ '}${formatBytes(x.typical)}`;

const REACH: Record<StageFate, string> = {
  final: 'final image',
  'base-of-final': 'base of the final image',
  'copied-from': 'not shipped, files copied from it',
  unused: 'not in the final image',
};

/** Past this a lens is cut off beside a side bar on a 1366-pixel screen. */
export const MAX_LENS = 60;

/** The first wording that fits in MAX_LENS, dropping detail from the end; else the label is cut with "…". */
function fit(label: string, figures: string[]): string {
  for (const f of figures) if (label.length + 3 + f.length <= MAX_LENS) return `${label} · ${f}`;
  const last = figures[figures.length - 1]!;
  const room = Math.max(8, MAX_LENS - 3 - last.length);
  return `${label.length > room ? `${label.slice(0, room - 1)}…` : label} · ${last}`;
}

/** The lenses for a model and its estimate (pure; exported for tests). `uri` set: each lens opens the size view at its stage. */
export function sizeLenses(model: DockerfileModel, est: ImageEstimate, uri?: string): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const stage of model.stages) {
    const s = est.stages[stage.index];
    if (!s) continue;
    const line = stage.fromInstruction.range.start.line;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const rough = s.instructions.some((i) => i.parts.some((p) => p.fallback)) ? ' · rough' : '';
    // The final stage's file system is the image: one lens with its download, not a stage lens and a total.
    const figures = stage.isFinal && est.final
      ? [`final image ${short(est.final.bytes)}, ${formatBytes(est.final.downloadBytes.typical)} download${rough}`, `final image ${short(est.final.bytes)}, ${formatBytes(est.final.downloadBytes.typical)} download`, `final image ${short(est.final.bytes)}`]
      : [`${short(s.bytes)} · ${REACH[stageFate(stage)]}${rough}`, `${short(s.bytes)} · ${REACH[stageFate(stage)]}`];
    const title = fit(stageLabel(model, stage), figures);
    lenses.push({ range, command: uri ? { title, command: OPEN_SIZE_VIEW, arguments: [uri, stage.index] } : { title, command: '' } });
  }
  return lenses;
}

export function registerCodeLens(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer, estimates: Estimates, settings: CodeLensSettings): void {
  connection.onCodeLens(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    if (!(await settings.enabled(doc.uri))) return [];
    const analysis = analyzer.get(doc);
    if (!analysis?.model) return [];
    const est = estimates.get(doc);
    return est ? sizeLenses(analysis.model, est, settings.sizeView?.() ? doc.uri : undefined) : [];
  });
}
