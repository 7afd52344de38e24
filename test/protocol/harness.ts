// Starts the bundled server (`node dist/server.js --stdio`) and talks to it with a real JSON-RPC client.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import type { Diagnostic, InitializeResult, PublishDiagnosticsParams, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

export const ROOT = join(__dirname, '..', '..', '..');

export interface ServerSession {
  connection: MessageConnection;
  process: ChildProcess;
  initialize: InitializeResult;
  /** Resolves with the next diagnostics published for a URI that satisfy a predicate. */
  diagnostics(uri: string, predicate?: (d: Diagnostic[]) => boolean, timeoutMs?: number): Promise<Diagnostic[]>;
  open(path: string, languageId: string, text: string, version?: number): string;
  change(uri: string, text: string, version: number): void;
  stop(): Promise<void>;
}

/**
 * The text edits a workspace edit makes to one document, and the document version they were computed for (`null`:
 * any version; `undefined`: sent as unversioned `changes`).
 */
export function editsFor(edit: WorkspaceEdit | undefined, uri: string): { edits: TextEdit[]; version: number | null | undefined } {
  if (edit?.documentChanges) {
    const edits: TextEdit[] = [];
    let version: number | null | undefined;
    for (const c of edit.documentChanges) {
      if (!('edits' in c) || c.textDocument.uri !== uri) continue;
      edits.push(...(c.edits as TextEdit[]));
      version = c.textDocument.version;
    }
    return { edits, version };
  }
  return { edits: (edit?.changes?.[uri] ?? []) as TextEdit[], version: undefined };
}

export function fileUri(path: string): string {
  return pathToFileURL(path).toString();
}

export async function startServer(
  options: {
    settings?: Record<string, unknown>;
    rootPath?: string;
    /** Sees every publishDiagnostics and window/logMessage (the soak test records them). */
    onPublish?: (p: PublishDiagnosticsParams) => void;
    onLog?: (p: { type: number; message: string }) => void;
    /** `capabilities.experimental` the client declares (the VS Code client: `{ layerwise: { sizeView: true } }`). */
    experimental?: Record<string, unknown>;
    /** The client applies versioned `documentChanges` (VS Code does); default true. */
    documentChanges?: boolean;
    /** The client resolves a chosen code action's edit (`codeAction.resolveSupport: { properties: ['edit'] }`), as VS Code does. */
    resolveCodeActionEdits?: boolean;
  } = {},
): Promise<ServerSession> {
  // LAYERWISE_SERVER_JS: run the protocol tests against another build (e.g. to replay a soak seed on an older one).
  const child = spawn(process.execPath, [process.env.LAYERWISE_SERVER_JS ?? join(ROOT, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
  const latest = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; predicate: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void }[] = [];
  connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
    latest.set(p.uri, p.diagnostics);
    options.onPublish?.(p);
    for (let i = waiters.length - 1; i >= 0; i--) {
      const w = waiters[i]!;
      if (w.uri === p.uri && w.predicate(p.diagnostics)) {
        waiters.splice(i, 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) => params.items.map(() => options.settings ?? {}));
  connection.onRequest('client/registerCapability', () => null);
  connection.onNotification('window/logMessage', (p: { type: number; message: string }) => options.onLog?.(p));
  connection.listen();
  const rootPath = options.rootPath ?? ROOT;
  const initialize = (await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: fileUri(rootPath),
    workspaceFolders: [{ uri: fileUri(rootPath), name: 'root' }],
    capabilities: { workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceEdit: { documentChanges: options.documentChanges !== false } }, textDocument: { publishDiagnostics: { relatedInformation: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source.fixAll'] } }, ...(options.resolveCodeActionEdits ? { resolveSupport: { properties: ['edit'] } } : {}) } }, ...(options.experimental ? { experimental: options.experimental } : {}) },
    initializationOptions: { layerwise: options.settings ?? {} },
  })) as InitializeResult;
  await connection.sendNotification('initialized', {});
  const session: ServerSession = {
    connection,
    process: child,
    initialize,
    diagnostics(uri, predicate = () => true, timeoutMs = 10_000) {
      const have = latest.get(uri);
      if (have && predicate(have)) return Promise.resolve(have);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no matching diagnostics for ${uri} within ${timeoutMs} ms; last: ${JSON.stringify(latest.get(uri))}; stderr: ${stderr}`)), timeoutMs);
        waiters.push({ uri, predicate, resolve: (d) => (clearTimeout(timer), resolve(d)) });
      });
    },
    open(path, languageId, text, version = 1) {
      const uri = fileUri(path);
      latest.delete(uri);
      void connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version, text } });
      return uri;
    },
    change(uri, text, version) {
      latest.delete(uri);
      void connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    },
    async stop() {
      try {
        await connection.sendRequest('shutdown');
        await connection.sendNotification('exit');
      } catch {
        /* already gone */
      }
      connection.dispose();
      child.kill();
    },
  };
  return session;
}
