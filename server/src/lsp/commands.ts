// `workspace/executeCommand`: the commands the server offers any editor (estimate a Dockerfile, split it, status); VS Code's palette entries call these.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { contextSizer } from './estimates';
import { estimateImage, type EstimateInput } from '../core/estimate/estimate';
import { formatBytes } from '../core/estimate/bytes';
import type { E } from '../core/estimate/types';
import type { DockerfileModel } from '../core/model/dockerfile';
import { findAssist } from '../core/assists/index';
import { estimateToJson, estimateToText } from '../cli-estimate';
import { documentEdit, plainText } from './convert';
import { docPage } from '../core/doc-pages';

/** Command ids. Not the client's palette ids: vscode-languageclient registers each server command under its own id. */
export const SERVER_COMMANDS = {
  estimate: 'layerwise.server.estimate',
  split: 'layerwise.server.splitBuilderStage',
  status: 'layerwise.server.status',
  ruleDoc: 'layerwise.server.ruleDoc',
} as const;

/** A rule's documentation page, rendered from its metadata (the .vsix ships no pages), or the index for `README`. */
export function ruleDocMarkdown(code: string): string | null {
  return docPage(code);
}

/** What `layerwise.server.estimate` answers: the `layerwise estimate` text and JSON, and a short label for a status bar. */
export interface EstimateAnswer {
  uri: string;
  /** "182 MB" (typical on-disk size of the final image), or null when the file has no final stage. */
  label: string | null;
  text: string;
  json: unknown;
}

export type SplitAnswer = { applied: true; title: string } | { applied: false; reason: string };

export interface StatusAnswer {
  version: string;
  dataDate: string;
  /** `missing`: a run found no binary on the PATH; `off`: untrusted workspace or turned off by the user; `enabled`: it may run. */
  shellcheck: 'enabled' | 'missing' | 'off';
}

type Handler = (args: unknown[]) => unknown;

/** The first argument as a document URI: `"file:///…"` or `{ uri: "file:///…" }`. */
function uriArg(args: unknown[]): string | undefined {
  const a = args[0];
  if (typeof a === 'string') return a;
  const uri = (a as { uri?: unknown } | undefined)?.uri;
  return typeof uri === 'string' ? uri : undefined;
}

export function registerCommands(
  connection: Connection,
  documents: TextDocuments<TextDocument>,
  analyzer: Analyzer,
  estimates: Estimates,
  status: () => StatusAnswer,
): void {
  const docOf = (args: unknown[]): TextDocument | undefined => {
    const uri = uriArg(args);
    return uri === undefined ? undefined : documents.get(uri);
  };
  const handlers: Record<string, Handler> = {
    [SERVER_COMMANDS.estimate]: (args): EstimateAnswer | null => {
      const doc = docOf(args);
      const est = doc && estimates.get(doc);
      if (!doc || !est) return null;
      const uri = URI.parse(doc.uri);
      const name = uri.scheme === 'file' ? uri.fsPath : uri.path;
      return { uri: doc.uri, label: est.final ? formatBytes(est.final.bytes.typical) : null, text: estimateToText(est, name), json: estimateToJson(est) };
    },
    [SERVER_COMMANDS.split]: async (args): Promise<SplitAnswer> => {
      const doc = docOf(args);
      const analysis = doc && analyzer.get(doc);
      if (!doc || !analysis?.model) return { applied: false, reason: 'not an open Dockerfile' };
      const input: EstimateInput = { files: analyzer.files, ...(analysis.path ? { dockerfilePath: analysis.path } : {}), config: analyzer.configFor(analysis.path), context: contextSizer.forDockerfile(analysis.path) };
      const sizeOf = (m: DockerfileModel): E | undefined => estimateImage(m, input).final?.bytes;
      // The whole file, as the CLI's `layerwise split` does: the command is not tied to the cursor.
      const result = findAssist('split-into-builder-stage')!.run(analysis.model, { files: analyzer.files, ...(analysis.path ? { path: analysis.path } : {}), sizeOf });
      if (!result.applies) return { applied: false, reason: plainText(result.reason) };
      const action = result.actions[0]!;
      const title = plainText(action.title);
      // Tied to the version it was computed for: the client refuses it if the text changed while it was being made.
      const applied = await connection.workspace.applyEdit({ label: title, edit: documentEdit(doc.uri, analysis.version, action.edits) });
      return applied.applied ? { applied: true, title } : { applied: false, reason: applied.failureReason ?? 'the editor did not apply the edit' };
    },
    [SERVER_COMMANDS.status]: () => status(),
    [SERVER_COMMANDS.ruleDoc]: (args) => (typeof args[0] === 'string' ? ruleDocMarkdown(args[0]) : null),
  };
  connection.onExecuteCommand(async (params) => {
    const handler = handlers[params.command];
    if (!handler) return null;
    return handler(params.arguments ?? []);
  });
}
