// The server's `workspace/executeCommand` commands (server/src/lsp/commands.ts) as typed calls, for the palette and the status bar.
import { ExecuteCommandRequest, type LanguageClient } from 'vscode-languageclient/node';

/** Ids the server lists in `executeCommandProvider`; kept apart from the palette ids, which the client registers itself. */
export const SERVER = {
  estimate: 'layerwise.server.estimate',
  split: 'layerwise.server.splitBuilderStage',
  status: 'layerwise.server.status',
  ruleDoc: 'layerwise.server.ruleDoc',
} as const;

export interface EstimateAnswer {
  uri: string;
  /** "182 MB": the final image's typical on-disk size; null without a final stage. */
  label: string | null;
  text: string;
}

export type SplitAnswer = { applied: true; title: string } | { applied: false; reason: string };

export interface StatusAnswer {
  version: string;
  dataDate: string;
  shellcheck: 'enabled' | 'missing' | 'off';
}

export function serverCommand<T>(client: LanguageClient, command: string, ...args: unknown[]): Promise<T | null> {
  if (!client.isRunning()) return Promise.resolve(null);
  return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<T | null>;
}
