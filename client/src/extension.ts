// The VS Code client: starts the bundled Layerwise language server over IPC and hands it the documents it reads.
import * as path from 'node:path';
import { extensions, workspace, type ExtensionContext } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

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

export async function activate(context: ExtensionContext): Promise<void> {
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
    ],
    synchronize: {
      configurationSection: 'layerwise',
      fileEvents: workspace.createFileSystemWatcher('**/{requirements*.txt,requirements/*.txt,constraints*.txt,*.in,.dockerignore,.layerwise.toml,pyproject.toml,.hadolint.yaml,.hadolint.yml,Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*}'),
    },
    // ShellCheck is an external program: the server runs it only in a trusted workspace. `user` is the only
    // source the server takes online, registries, context roots and ShellCheck from.
    initializationOptions: { layerwise: { ...workspace.getConfiguration('layerwise'), trusted: workspace.isTrusted, user: userOnlySettings(), detectedTools: detectedTools() } },
  };
  client = new LanguageClient('layerwise', 'Layerwise', serverOptions, clientOptions);
  context.subscriptions.push(client);
  await client.start();
  context.subscriptions.push(
    workspace.onDidGrantWorkspaceTrust(() => void client?.sendNotification('layerwise/didChangeTrust', { trusted: true })),
    workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('layerwise')) void client?.sendNotification('layerwise/didChangeUserSettings', userOnlySettings());
    }),
    extensions.onDidChange(() => void client?.sendNotification('layerwise/didChangeTools', { defer: detectedTools() })),
  );
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
