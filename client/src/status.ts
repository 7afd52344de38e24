// The status bar item: the active file's Layerwise findings and its image estimate ("$(package) 182 MB · 3 findings"), and a warning when ShellCheck is missing.
import { commands, EventEmitter, languages, StatusBarAlignment, window, type Disposable, type Event, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER, serverCommand, type EstimateAnswer, type StatusAnswer } from './server-commands';

/** The size view's command (client/src/size-view.ts); the item opens it when it is registered, else the Problems panel. */
const SIZE_VIEW = 'layerwise.openSizeView';
const PROBLEMS = 'workbench.actions.view.problems';

export interface StatusView {
  text: string;
  tooltip: string;
  command: string;
  visible: boolean;
}

export interface LayerwiseStatus extends Disposable {
  /** What the item shows now (the test API exposes it). */
  current(): StatusView;
  /** Fires after each update of the item. */
  onDidUpdate: Event<StatusView>;
  /** The server said something about itself (`layerwise/status`, or the answer to `layerwise.server.status`). */
  setServerStatus(s: StatusAnswer): void;
  update(): Promise<void>;
}

const DOCKERFILE = /(^|[\\/])(Dockerfile|Containerfile)(\.[^\\/]*)?$|\.(docker|container)file$/i;
const REQUIREMENTS = /(^|[\\/])(requirements[^\\/]*\.(txt|in)|constraints[^\\/]*\.txt)$|[\\/]requirements[\\/][^\\/]*\.(txt|in)$/i;

function kindOf(doc: TextDocument): 'dockerfile' | 'requirements' | undefined {
  if (doc.languageId === 'dockerfile' || DOCKERFILE.test(doc.fileName)) return 'dockerfile';
  if (doc.languageId === 'pip-requirements' || REQUIREMENTS.test(doc.fileName)) return 'requirements';
  return undefined;
}

export function createStatus(client: LanguageClient): LayerwiseStatus {
  const item = window.createStatusBarItem('layerwise.status', StatusBarAlignment.Right, 100);
  item.name = 'Layerwise';
  const updated = new EventEmitter<StatusView>();
  let server: StatusAnswer | undefined;
  let sizeView = false;
  let timer: NodeJS.Timeout | undefined;
  let generation = 0;

  const view = (): StatusView => ({
    text: item.text,
    tooltip: typeof item.tooltip === 'string' ? item.tooltip : (item.tooltip?.value ?? ''),
    command: typeof item.command === 'string' ? item.command : (item.command?.command ?? ''),
    visible: shown,
  });
  let shown = false;

  const update = async (): Promise<void> => {
    const mine = ++generation;
    const doc = window.activeTextEditor?.document;
    const kind = doc && kindOf(doc);
    if (!doc || !kind) {
      item.hide();
      shown = false;
      updated.fire(view());
      return;
    }
    const findings = languages.getDiagnostics(doc.uri).filter((d) => d.source === 'layerwise').length;
    const estimate = kind === 'dockerfile' ? await serverCommand<EstimateAnswer>(client, SERVER.estimate, { uri: doc.uri.toString() }).catch(() => null) : null;
    if (!sizeView) sizeView = (await commands.getCommands(true)).includes(SIZE_VIEW);
    if (mine !== generation) return; // a newer update started while this one waited
    const parts = [...(estimate?.label ? [estimate.label] : []), `${findings} ${findings === 1 ? 'finding' : 'findings'}`];
    const missing = server?.shellcheck === 'missing';
    item.text = `${missing ? '$(warning)' : '$(package)'} ${parts.join(' · ')}`;
    const tips = [
      `Layerwise: ${findings === 0 ? 'no findings' : `${findings} ${findings === 1 ? 'finding' : 'findings'}`} in this file`,
      ...(estimate?.label ? [`Estimated image size: ${estimate.label} on disk`] : []),
      ...(missing ? ['ShellCheck is not installed (no shellcheck on the PATH): RUN bodies are not checked. Install it, then run "Layerwise: Restart Server".'] : []),
      ...(server ? [`Size data collected ${server.dataDate}`] : []),
    ];
    item.tooltip = tips.join('\n');
    const useSizeView = sizeView && kind === 'dockerfile';
    item.command = { title: useSizeView ? 'Open Size View' : 'Show Problems', command: useSizeView ? SIZE_VIEW : PROBLEMS };
    item.show();
    shown = true;
    updated.fire(view());
  };
  // Diagnostics arrive in bursts (one per document, then ShellCheck's re-publish): one update per burst.
  const schedule = (): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void update(), 100);
  };
  const subs: Disposable[] = [
    window.onDidChangeActiveTextEditor(() => schedule()),
    languages.onDidChangeDiagnostics((e) => {
      const active = window.activeTextEditor?.document.uri.toString();
      if (active && e.uris.some((u) => u.toString() === active)) schedule();
    }),
  ];
  return {
    current: view,
    onDidUpdate: updated.event,
    setServerStatus(s) {
      server = s;
      schedule();
    },
    update,
    dispose() {
      if (timer) clearTimeout(timer);
      for (const s of subs) s.dispose();
      updated.dispose();
      item.dispose();
    },
  };
}
