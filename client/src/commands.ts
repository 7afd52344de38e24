// The palette commands under "Layerwise": show output, restart server, estimate image, split into builder stage, open rule documentation.
import { commands, EventEmitter, Uri, ViewColumn, window, workspace, type Disposable, type ExtensionContext, type OutputChannel, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { OPEN_RULE_DOC, openRuleDoc, RULE_DOC_SCHEME, RuleDocs } from './rule-docs';
import { SERVER, serverCommand, type EstimateAnswer, type SplitAnswer } from './server-commands';

export const COMMANDS = {
  showOutput: 'layerwise.showOutput',
  restartServer: 'layerwise.restartServer',
  estimateImage: 'layerwise.estimateImage',
  splitBuilderStage: 'layerwise.splitBuilderStage',
  openRuleDoc: OPEN_RULE_DOC,
} as const;

/** Read-only documents holding `layerwise estimate` text: no "save?" prompt on close, updated in place when asked again. */
const ESTIMATE_SCHEME = 'layerwise-estimate';

class EstimateDocuments implements TextDocumentContentProvider {
  private readonly texts = new Map<string, string>();
  private readonly changed = new EventEmitter<Uri>();
  readonly onDidChange = this.changed.event;
  provideTextDocumentContent(uri: Uri): string {
    return this.texts.get(uri.toString()) ?? '';
  }
  set(uri: Uri, text: string): void {
    this.texts.set(uri.toString(), text);
    this.changed.fire(uri);
  }
}

function activeDockerfile(): Uri | undefined {
  const doc = window.activeTextEditor?.document;
  if (doc && (doc.languageId === 'dockerfile' || /(^|[\\/])(Dockerfile|Containerfile)(\.[^\\/]*)?$|\.(docker|container)file$/i.test(doc.fileName))) return doc.uri;
  void window.showWarningMessage('Layerwise: open a Dockerfile first.');
  return undefined;
}

export function registerCommands(context: ExtensionContext, client: LanguageClient, channel: OutputChannel, afterRestart: () => Promise<void>): Disposable[] {
  const estimates = new EstimateDocuments();
  return [
    workspace.registerTextDocumentContentProvider(ESTIMATE_SCHEME, estimates),
    workspace.registerTextDocumentContentProvider(RULE_DOC_SCHEME, new RuleDocs(context, client)),
    commands.registerCommand(COMMANDS.showOutput, () => channel.show(true)),
    commands.registerCommand(COMMANDS.restartServer, async () => {
      channel.appendLine('Restarting the Layerwise language server…');
      await client.restart();
      await afterRestart();
    }),
    /** Shows the estimate beside the Dockerfile; returns the text shown (for tests and other extensions). */
    commands.registerCommand(COMMANDS.estimateImage, async (target?: Uri): Promise<string | undefined> => {
      const uri = target instanceof Uri ? target : activeDockerfile();
      if (!uri) return undefined;
      const answer = await serverCommand<EstimateAnswer>(client, SERVER.estimate, { uri: uri.toString() });
      if (!answer) {
        void window.showWarningMessage('Layerwise: no estimate for this file (is it an open Dockerfile?).');
        return undefined;
      }
      const name = uri.path.split('/').pop() ?? 'Dockerfile';
      const shown = Uri.from({ scheme: ESTIMATE_SCHEME, path: `/${name} (size estimate).txt`, query: uri.toString() });
      estimates.set(shown, answer.text);
      const doc = await workspace.openTextDocument(shown);
      await window.showTextDocument(doc, { viewColumn: ViewColumn.Beside, preserveFocus: true, preview: true });
      return answer.text;
    }),
    /** Applies the split through the server (it sends the edit with workspace/applyEdit); returns what happened. */
    commands.registerCommand(COMMANDS.splitBuilderStage, async (target?: Uri): Promise<SplitAnswer | undefined> => {
      const uri = target instanceof Uri ? target : activeDockerfile();
      if (!uri) return undefined;
      const answer = await serverCommand<SplitAnswer>(client, SERVER.split, { uri: uri.toString() });
      if (!answer) return undefined;
      if (answer.applied) void window.showInformationMessage(`Layerwise: ${answer.title}.`);
      else void window.showInformationMessage(`Layerwise cannot split this Dockerfile: ${answer.reason}.`);
      return answer;
    }),
    commands.registerCommand(COMMANDS.openRuleDoc, (code?: unknown) => openRuleDoc(client, code)),
  ];
}
