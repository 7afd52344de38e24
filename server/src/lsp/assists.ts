// Offers the core's assists as `refactor.*` code actions, with the estimator's predicted saving in their titles.
import { CodeAction, type Range as LspRange } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Analyzer } from './analyzer';
import { assistsFor } from '../core/assists/index';
import { estimateImage, type EstimateInput } from '../core/estimate/estimate';
import type { E } from '../core/estimate/types';
import type { DockerfileModel } from '../core/model/dockerfile';
import { contextSizer as context } from './estimates';
import { documentEdit, plainText } from './convert';

/**
 * One answer per analysis (a document version, read with the files it depends on): editors ask for code actions on
 * every cursor move. Keyed by the analysis itself, not the version number: a reopened document starts at version 1
 * again, and an edited requirements file changes what the split copies without a new Dockerfile version.
 */
const cache = new Map<string, { analysis: Analysis; key: string; actions: CodeAction[] }>();
// Titles carry predicted savings: a finished context walk makes the cached ones stale.
context.onWalked(() => cache.clear());

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

export function assistCodeActions(doc: TextDocument, range: LspRange, analyzer: Analyzer, only: string[] | undefined): CodeAction[] {
  if (only && only.length > 0 && !only.some((o) => o === 'refactor' || o.startsWith('refactor'))) return [];
  const analysis = analyzer.get(doc);
  const model = analysis?.model;
  if (!model) return [];
  const key = `${range.start.line}:${range.start.character}-${range.end.line}:${range.end.character}`;
  const hit = cache.get(doc.uri);
  if (hit && hit.analysis === analysis && hit.key === key) return hit.actions.filter((a) => wants(only, a.kind ?? ''));
  const input: EstimateInput = {
    files: analyzer.files,
    ...(analysis.path ? { dockerfilePath: analysis.path } : {}),
    config: analyzer.configFor(analysis.path),
    context: context.forDockerfile(analysis.path),
  };
  const sizeOf = (m: DockerfileModel): E | undefined => estimateImage(m, input).final?.bytes;
  const actions = assistsFor(model, { range, files: analyzer.files, ...(analysis.path ? { path: analysis.path } : {}), sizeOf }).map(({ assist, action }) =>
    CodeAction.create(plainText(action.title), documentEdit(doc.uri, analysis.version, action.edits), assist.kind),
  );
  cache.set(doc.uri, { analysis, key, actions });
  return actions.filter((a) => wants(only, a.kind ?? ''));
}

export function forgetAssists(uri: string): void {
  cache.delete(uri);
}
