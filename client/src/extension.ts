// The VS Code client: starts the bundled Layerwise language server over IPC and hands it the documents it reads.
import * as path from 'node:path';
import { extensions, version as vscodeVersion, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { createLayerwiseChannel } from './log';
import { registerCommands } from './commands';
import { createStatus, type StatusView } from './status';
import { linkDiagnosticsToPreview } from './rule-docs';
import { SERVER, serverCommand, type StatusAnswer } from './server-commands';
import { registerSizeView } from './size-view';

let client: LanguageClient | undefined;

/** Extensions that already show a family of Layerwise's rules or its Dockerfile editing features, so nothing is shown twice. */
const OVERLAPPING_EXTENSIONS: Record<string, ('buildkit' | 'hadolint' | 'editing')[]> = {
  // Docker DX: BuildKit's build checks, and a Dockerfile language server (completion, hover docs, formatting).
  'docker.docker': ['buildkit', 'editing'],
  // Docker / Container Tools: rcjsuen's Dockerfile language server (completion, hover docs, formatting).
  'ms-azuretools.vscode-docker': ['editing'],
  'exiasr.hadolint': ['hadolint'], // runs hadolint: DL and SC findings
};

/**
 * The settings only the user may make, read from user settings alone (`globalValue`): a workspace's
 * `.vscode/settings.json` can never turn them on, trusted or not. The server takes these only from here.
 */
function userOnlySettings(): { online: boolean; allowedRegistries?: string[]; contextRoots?: string[]; shellcheck: boolean } {
  const config = workspace.getConfiguration('layerwise');
  const user = <T>(key: string): T | undefined => config.inspect<T>(key)?.globalValue;
  const registries = user<string[]>('allowedRegistries');
  const roots = user<string[]>('contextRoots');
  return {
    online: user<boolean>('online') === true,
    ...(registries ? { allowedRegistries: registries } : {}),
    ...(roots ? { contextRoots: roots } : {}),
    shellcheck: user<boolean>('shellcheck.enabled') !== false,
  };
}

function detectedTools(): string[] {
  return [...new Set(Object.entries(OVERLAPPING_EXTENSIONS).filter(([id]) => extensions.getExtension(id) !== undefined).flatMap(([, origins]) => origins))];
}

/** What `activate` returns: enough for the editor tests to see the output channel and the status bar item. */
export interface LayerwiseApi {
  outputChannelName: string;
  outputLines(): string[];
  status(): StatusView;
  /** Recomputes the status bar item now and resolves with what it shows. */
  refreshStatus(): Promise<StatusView>;
}

export async function activate(context: ExtensionContext): Promise<LayerwiseApi> {
  // Always present (not only with tracing on): the language client logs here, and so do the commands.
  const log = createLayerwiseChannel();
  context.subscriptions.push(log.channel);
  const version = String((context.extension.packageJSON as { version?: unknown }).version ?? '?');
  log.channel.appendLine(`Layerwise ${version} (VS Code ${vscodeVersion}) starting`);
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'dockerfile' },
      { scheme: 'untitled', language: 'dockerfile' },
      { scheme: 'file', language: 'pip-requirements' },
      { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*}' },
      { scheme: 'file', pattern: '**/{requirements*.txt,requirements/*.txt,constraints*.txt,requirements*.in}' },
      // Not linted: synced for the size hover on their dependencies.
      { scheme: 'file', pattern: '**/{pyproject.toml,Pipfile,uv.lock,poetry.lock,pdm.lock,Pipfile.lock}' },
    ],
    synchronize: {
      configurationSection: 'layerwise',
      fileEvents: workspace.createFileSystemWatcher('**/{requirements*.txt,requirements/*.txt,constraints*.txt,*.in,.dockerignore,.layerwise.toml,pyproject.toml,uv.lock,poetry.lock,pdm.lock,Pipfile,Pipfile.lock,.hadolint.yaml,.hadolint.yml,Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*}'),
    },
    // ShellCheck is an external program: the server runs it only in a trusted workspace. `user` is the only
    // source the server takes online, registries, context roots and ShellCheck from.
    initializationOptions: { layerwise: { ...workspace.getConfiguration('layerwise'), trusted: workspace.isTrusted, user: userOnlySettings(), detectedTools: detectedTools() } },
    outputChannel: log.channel,
    // A rule's code link opens its page as a preview beside the editor (never the raw Markdown in place of the Dockerfile).
    middleware: { handleDiagnostics: (uri, diagnostics, next) => next(uri, linkDiagnosticsToPreview(diagnostics)) },
  };
  client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  context.subscriptions.push(client);
  context.subscriptions.push(...registerSizeView(client)); // before start: it declares a client capability
  await client.start();
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('layerwise/didChangeTrust', { trusted: true })),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('layerwise')) void client?.sendNotification('layerwise/didChangeUserSettings', userOnlySettings());
    }),
    extensions.onDidChange(() => void client?.sendNotification('layerwise/didChangeTools', { defer: detectedTools() })),
  );
  const lsp = client;
  const status = createStatus(lsp);
  // The server tells us once when ShellCheck is missing (and answers `status` after a start or restart).
  lsp.onNotification('layerwise/status', (s: StatusAnswer) => status.setServerStatus(s));
  const askStatus = async (): Promise<void> => {
    const s = await serverCommand<StatusAnswer>(lsp, SERVER.status).catch(() => null);
    if (!s) return;
    log.channel.appendLine(`Layerwise ${version}: language server ${s.version}, size data collected ${s.dataDate}, ShellCheck ${s.shellcheck}`);
    status.setServerStatus(s);
  };
  context.subscriptions.push(status, ...registerCommands(context, lsp, log.channel, askStatus));
  await askStatus();
  void status.update();
  return {
    outputChannelName: log.channel.name,
    outputLines: log.lines,
    status: () => status.current(),
    refreshStatus: async () => {
      await status.update();
      return status.current();
    },
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
