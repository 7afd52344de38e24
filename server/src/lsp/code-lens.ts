// CodeLens above each FROM: the stage's estimated size and whether it reaches the final image; the image total on the final stage.
import type { Connection, TextDocuments, CodeLens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { formatBytes } from '../core/estimate/bytes';
import type { E, ImageEstimate } from '../core/estimate/types';
import type { DockerfileModel } from '../core/model/dockerfile';

export interface CodeLensSettings {
  /** `layerwise.codeLens.enabled` as the client reports it now. */
  enabled(uri: string): Promise<boolean>;
}

const short = (x: E): string => (x.low === x.high ? formatBytes(x.typical) : `≈ ${formatBytes(x.typical)} (${formatBytes(x.low)}–${formatBytes(x.high)})`);

/** The lenses for a model and its estimate (pure; exported for tests). */
export function sizeLenses(model: DockerfileModel, est: ImageEstimate): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const stage of model.stages) {
    const s = est.stages[stage.index];
    if (!s) continue;
    const line = stage.fromInstruction.range.start.line;
    const range = { start: { line, character: 0 }, end: { line, character: 0 } };
    const name = stage.name ? `Stage ${stage.name}` : `Stage ${stage.index}`;
    const reach = stage.isFinal
      ? 'final image'
      : stage.layersInFinal
        ? 'the final image is built on it'
        : stage.reachesFinal
          ? 'not shipped: the final image copies files from it'
          : 'does not reach the final image';
    const fallback = s.instructions.some((i) => i.parts.some((p) => p.fallback)) ? ' · includes fallback figures' : '';
    lenses.push({ range, command: { title: `${name}: ${short(s.bytes)} on disk · ${reach}${fallback}`, command: '' } });
    if (stage.isFinal && est.final) {
      lenses.push({ range, command: { title: `Image total: ${short(est.final.bytes)} on disk · ${short(est.final.downloadBytes)} download`, command: '' } });
    }
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
    return est ? sizeLenses(analysis.model, est) : [];
  });
}
