// Wiring of the language server: capabilities, document store, settings, and the feature handlers.
import {
  createConnection,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  CodeActionKind,
  DidChangeConfigurationNotification,
  CodeLensRefreshRequest,
  type InitializeResult,
  type Connection,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { initRuntime } from '../node/runtime';
import { Analyzer } from './analyzer';
import { registerDiagnostics } from './diagnostics';
import { registerCodeActions, FIX_ALL_KIND } from './code-actions';
import { registerHover } from './hover';
import { registerDocumentLinks } from './links';
import { registerCompletion, COMPLETION_TRIGGERS } from './completion';
import { Estimates } from './estimates';
import { registerCodeLens } from './code-lens';
import { registerSizeView } from './size-view';
import { forgetAssists } from './assists';
import { useVersionedEdits } from './convert';
import { configureDockerService } from './docker-service';
import { registerFormatting, FormattingRegistration, ON_TYPE_TRIGGERS } from './formatting';
import { registerDocumentSymbols } from './document-symbols';
import { registerFolding } from './folding';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerSignatureHelp, SIGNATURE_TRIGGERS } from './signature-help';
import { registerSemanticTokens, SEMANTIC_LEGEND } from './semantic-tokens';
import { registerCommands, SERVER_COMMANDS, type StatusAnswer } from './commands';
import { sizeDataDate } from '../core/data/data-date';

const VERSION = '0.1.0';

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  let hasConfigurationCapability = false;
  const analyzer = new Analyzer(connection, documents);
  let codeLensRefresh = false;
  let sizeViewClient = false;
  /** The client resolves a chosen code action's edit (codeAction/resolve): fix-all is then computed only when chosen. */
  let resolveCodeActionEdits = false;
  let initialCodeLens: unknown;
  let refreshTimer: NodeJS.Timeout | undefined;
  let formatting: FormattingRegistration | undefined;
  // Background size look-ups and setting changes re-ask the client for CodeLens (debounced).
  const refreshLenses = (): void => {
    if (!codeLensRefresh || refreshTimer) return;
    refreshTimer = setTimeout(() => {
      refreshTimer = undefined;
      void connection.sendRequest(CodeLensRefreshRequest.type).catch(() => undefined);
    }, 200);
  };
  const estimates = new Estimates(analyzer, refreshLenses);
  let shellcheckMissing = false;
  const status = (): StatusAnswer => ({ version: VERSION, dataDate: sizeDataDate(), shellcheck: shellcheckMissing ? 'missing' : analyzer.spawnAllowed() ? 'enabled' : 'off' });
  // Said once, in the log and to the client (VS Code: status bar), never as a finding on every Dockerfile.
  analyzer.onShellCheckMissing(() => {
    shellcheckMissing = true;
    connection.console.warn('ShellCheck is not installed (no `shellcheck` on the PATH): RUN bodies are not checked. Install it and restart the server.');
    void connection.sendNotification('layerwise/status', status());
  });
  analyzer.onInvalidate(() => {
    refreshLenses();
    // `deferAuto` may have changed with the settings.
    formatting?.sync(analyzer.editingDeferred());
  });
  // A reopened document starts again at version 1: answers cached by version must not outlive its closing.
  documents.onDidClose((e) => {
    estimates.forget(e.document.uri);
    forgetAssists(e.document.uri);
  });

  connection.onInitialize(async (params): Promise<InitializeResult> => {
    await initRuntime();
    hasConfigurationCapability = params.capabilities.workspace?.configuration === true;
    analyzer.setInitialSettings(params.initializationOptions, hasConfigurationCapability);
    codeLensRefresh = params.capabilities.workspace?.codeLens?.refreshSupport === true;
    // Our VS Code client runs `layerwise.openSizeView`; other editors get lenses without a command.
    sizeViewClient = (params.capabilities.experimental as { layerwise?: { sizeView?: unknown } } | undefined)?.layerwise?.sizeView === true;
    const init = params.initializationOptions as Record<string, unknown> | undefined;
    initialCodeLens = ((init?.['layerwise'] ?? init) as Record<string, unknown> | undefined)?.['codeLens'];
    const root = params.workspaceFolders?.[0]?.uri ?? params.rootUri ?? undefined;
    connection.console.info(`Layerwise language server ${VERSION}; size data collected ${sizeDataDate()}`);
    if (params.workspaceFolders?.length) analyzer.setWorkspaceFolders(params.workspaceFolders.map((f) => f.uri));
    else if (root) analyzer.setWorkspaceRoot(root);
    configureDockerService(params.capabilities);
    const td = params.capabilities.textDocument;
    resolveCodeActionEdits = td?.codeAction?.resolveSupport?.properties.includes('edit') === true;
    useVersionedEdits(params.capabilities.workspace?.workspaceEdit?.documentChanges === true);
    formatting = new FormattingRegistration(connection, td?.formatting?.dynamicRegistration === true && td?.rangeFormatting?.dynamicRegistration === true);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll, CodeActionKind.RefactorRewrite], resolveProvider: true },
        hoverProvider: true,
        documentLinkProvider: { resolveProvider: false },
        completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
        codeLensProvider: { resolveProvider: false },
        // Formatting is registered dynamically when the client can (only while no other Dockerfile server is installed).
        ...(formatting.dynamic ? {} : { documentFormattingProvider: true, documentRangeFormattingProvider: true }),
        documentOnTypeFormattingProvider: ON_TYPE_TRIGGERS,
        documentSymbolProvider: { label: 'Layerwise' },
        foldingRangeProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        signatureHelpProvider: { triggerCharacters: SIGNATURE_TRIGGERS },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        executeCommandProvider: { commands: Object.values(SERVER_COMMANDS) },
      },
      serverInfo: { name: 'layerwise', version: VERSION },
    };
  });

  connection.onInitialized(() => {
    if (hasConfigurationCapability) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'layerwise' });
    }
    formatting?.sync(analyzer.editingDeferred());
  });

  connection.onDidChangeConfiguration((change) => {
    analyzer.settingsChanged(hasConfigurationCapability ? undefined : (change.settings as Record<string, unknown> | undefined)?.['layerwise']);
  });

  // Workspace trust changed in the client (`{ trusted: boolean }`); ShellCheck only runs in a trusted workspace.
  connection.onNotification('layerwise/didChangeTrust', (params: { trusted?: unknown }) => {
    analyzer.setTrusted(params?.trusted === true);
  });

  // The user-level settings only the user may make (online, registries, context roots, ShellCheck) changed.
  connection.onNotification('layerwise/didChangeUserSettings', (params: unknown) => analyzer.setUserSettings(params));

  // Extensions that already show some of Layerwise's rules were installed or removed (`{ defer: origin[] }`).
  connection.onNotification('layerwise/didChangeTools', (params: { defer?: unknown }) => {
    analyzer.setDetectedTools(params?.defer);
    formatting?.sync(analyzer.editingDeferred());
  });

  connection.onDidChangeWatchedFiles((params) => {
    analyzer.filesChanged(params.changes.map((c) => c.uri));
    estimates.filesChanged(params.changes.map((c) => c.uri));
  });

  registerDiagnostics(connection, documents, analyzer);
  registerCommands(connection, documents, analyzer, estimates, status);
  registerCodeActions(connection, documents, analyzer, () => resolveCodeActionEdits);
  registerHover(connection, documents, analyzer, estimates);
  registerDocumentLinks(connection, documents, analyzer);
  registerCompletion(connection, documents, analyzer);
  registerFormatting(connection, documents, analyzer);
  registerDocumentSymbols(connection, documents, analyzer, estimates);
  registerFolding(connection, documents, analyzer);
  registerReferences(connection, documents, analyzer);
  registerRename(connection, documents, analyzer);
  registerSignatureHelp(connection, documents, analyzer);
  registerSemanticTokens(connection, documents, analyzer);
  registerCodeLens(connection, documents, analyzer, estimates, {
    enabled: async (uri) => {
      let v: unknown = initialCodeLens;
      if (hasConfigurationCapability) {
        v = await connection.workspace.getConfiguration({ scopeUri: uri, section: 'layerwise.codeLens' }).catch(() => undefined);
      }
      return (v as { enabled?: unknown } | undefined)?.enabled !== false;
    },
    sizeView: () => sizeViewClient,
  });
  registerSizeView(connection, documents, analyzer, estimates);

  documents.listen(connection);
  connection.listen();
}
