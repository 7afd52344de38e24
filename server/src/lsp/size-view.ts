// `layerwise/sizeView`: the size view of an open Dockerfile (data and rendered HTML) from the estimate the hover uses.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Analyzer } from './analyzer';
import { contextSizer, type Estimates } from './estimates';
import { assistsFor } from '../core/assists/index';
import { estimateImage, type EstimateInput } from '../core/estimate/estimate';
import type { E } from '../core/estimate/types';
import type { DockerfileModel } from '../core/model/dockerfile';
import { sizeView, type SizeView, type SizeViewRewrite } from '../core/features/size-view';
import { renderSizeView, type SizeViewHtml } from '../core/features/size-view-html';

export const SIZE_VIEW_REQUEST = 'layerwise/sizeView';
/** Sent when estimates changed without an edit (a build-context walk finished): an open view asks again. */
export const SIZE_VIEW_CHANGED = 'layerwise/sizeViewChanged';

export interface SizeViewParams {
  textDocument: { uri: string };
  /** The stage to show first (the CodeLens that was clicked). */
  stage?: number;
}

export interface SizeViewResult {
  uri: string;
  version: number;
  fileName: string;
  /** null: the document is not a Dockerfile with a stage the estimator can read. */
  view: SizeView | null;
  /** The view rendered for a webview: the client wraps it in a page with its CSP. */
  html: SizeViewHtml;
}

/** The assists that change the whole image's size; their predicted savings are the view's rewrites. */
const IMAGE_REWRITES = new Set(['split-into-builder-stage', 'use-slim-base']);
const REWRITE_SOURCE = "the estimator run on the rewritten file with the same data (the refactor's title says the same)";

/** One rewrite list per analysis (see lsp/assists.ts): each costs two estimates of rewritten files. */
const rewriteCache = new Map<string, { analysis: Analysis | undefined; rewrites: SizeViewRewrite[] }>();
contextSizer.onWalked(() => rewriteCache.clear());

function rewritesFor(doc: TextDocument, model: DockerfileModel, analyzer: Analyzer): SizeViewRewrite[] {
  const analysis = analyzer.get(doc);
  const hit = rewriteCache.get(doc.uri);
  if (hit && hit.analysis === analysis) return hit.rewrites;
  // The same estimator input as the refactors' titles (lsp/assists.ts), so the view and the menu agree.
  const input: EstimateInput = {
    files: analyzer.files,
    ...(analysis?.path ? { dockerfilePath: analysis.path } : {}),
    config: analyzer.configFor(analysis?.path),
    context: contextSizer.forDockerfile(analysis?.path),
  };
  const sizeOf = (m: DockerfileModel): E | undefined => estimateImage(m, input).final?.bytes;
  const rewrites = assistsFor(model, { files: analyzer.files, ...(analysis?.path ? { path: analysis.path } : {}), sizeOf })
    .filter(({ assist }) => IMAGE_REWRITES.has(assist.id))
    .map(({ action }) => ({ title: action.title.replace(/ \(≈ [−+][^)]*\)$/, ''), saving: action.saving ?? null, source: REWRITE_SOURCE }));
  rewriteCache.set(doc.uri, { analysis, rewrites });
  return rewrites;
}

function baseName(uri: string): string {
  const path = decodeURIComponent(uri.replace(/[?#].*$/, ''));
  return path.slice(path.lastIndexOf('/') + 1) || path;
}

export function registerSizeView(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer, estimates: Estimates): void {
  connection.onRequest(SIZE_VIEW_REQUEST, (params: SizeViewParams): SizeViewResult | null => {
    const uri = params?.textDocument?.uri;
    const doc = typeof uri === 'string' ? documents.get(uri) : undefined;
    if (!doc) return null;
    const fileName = baseName(doc.uri);
    const model = analyzer.get(doc)?.model;
    const est = model ? estimates.get(doc) : undefined;
    const view = model && est ? sizeView(model, est, rewritesFor(doc, model, analyzer), typeof params.stage === 'number' ? params.stage : undefined) : null;
    return { uri: doc.uri, version: doc.version, fileName, view, html: renderSizeView(view, fileName) };
  });
  let timer: NodeJS.Timeout | undefined;
  contextSizer.onWalked(() => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void connection.sendNotification(SIZE_VIEW_CHANGED, {});
    }, 200);
  });
  documents.onDidClose((e) => rewriteCache.delete(e.document.uri));
}
