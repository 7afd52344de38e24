// The size view: a webview beside the editor that draws the active Dockerfile's image, rendered by the server (`layerwise/sizeView`).
import { randomBytes } from 'node:crypto';
import { commands, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace, type Disposable, type TextDocument, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

export const SIZE_VIEW_TYPE = 'layerwise.sizeView';
export const OPEN_SIZE_VIEW = 'layerwise.openSizeView';
/** Edits re-render the view once typing pauses this long: each answer is a fresh estimate of the file. */
const DEBOUNCE_MS = 300;

interface SizeViewResult {
  uri: string;
  fileName: string;
  html: { body: string; css: string };
}

function isDockerfile(doc: TextDocument): boolean {
  return doc.languageId === 'dockerfile' || /(?:^|\/)(?:Dockerfile|Containerfile)(?:\.[^/]*)?$|\.dockerfile$/i.test(doc.uri.path);
}

/**
 * The page around the server's HTML: nothing loads from outside (`default-src 'none'`), style and script only with
 * this render's nonce. The script jumps to a line on a click, keeps the scroll position across re-renders and
 * scrolls to the stage a CodeLens asked for.
 */
function page(html: SizeViewResult['html'], focus: string): string {
  const nonce = randomBytes(16).toString('base64');
  const script = `(() => {
  const vscode = acquireVsCodeApi();
  const focus = document.body.dataset.focus;
  const state = vscode.getState() || {};
  const target = focus && state.focus !== focus ? document.getElementById('stage-' + focus.split(':')[0]) : null;
  if (target) target.scrollIntoView({ block: 'start' }); else if (state.y) window.scrollTo(0, state.y);
  const save = () => vscode.setState({ y: window.scrollY, focus });
  save();
  window.addEventListener('scroll', save, { passive: true });
  document.addEventListener('click', (e) => {
    const a = e.target instanceof Element ? e.target.closest('a.line') : null;
    if (!a) return;
    e.preventDefault();
    vscode.postMessage({ type: 'reveal', line: Number(a.getAttribute('data-line')) });
  });
})();`;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1"><style nonce="${nonce}">${html.css}</style></head>
<body data-focus="${focus}">${html.body}<script nonce="${nonce}">${script}</script></body></html>`;
}

/** Registers the command and the panel's life: call before `client.start()` (it declares the capability). */
export function registerSizeView(client: LanguageClient): Disposable[] {
  // Tells the server this client runs the command, so its CodeLenses click through to the view.
  client.registerFeature({
    fillClientCapabilities: (caps) => {
      caps.experimental = { ...(caps.experimental as object | undefined), layerwise: { sizeView: true } };
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  let panel: WebviewPanel | undefined;
  let shown: Uri | undefined;
  let focus = '';
  let clicks = 0;
  let timer: NodeJS.Timeout | undefined;

  const render = async (): Promise<void> => {
    if (!panel || !shown) return;
    const uri = shown;
    const stage = focus ? Number(focus.split(':')[0]) : undefined;
    const res = await client
      .sendRequest<SizeViewResult | null>('layerwise/sizeView', { textDocument: { uri: client.code2ProtocolConverter.asUri(uri) }, ...(stage !== undefined ? { stage } : {}) })
      .catch(() => null);
    if (!panel || shown?.toString() !== uri.toString()) return; // closed, or another file came while waiting
    const name = res?.fileName ?? uri.path.slice(uri.path.lastIndexOf('/') + 1);
    panel.title = `Size: ${name}`;
    panel.webview.html = page(res?.html ?? { body: '<p>The language server has no estimate for this file yet.</p>', css: '' }, focus);
  };
  const schedule = (ms: number): void => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      void render();
    }, ms);
  };

  const reveal = async (line: number): Promise<void> => {
    if (!shown || !Number.isInteger(line)) return;
    const visible = window.visibleTextEditors.find((e) => e.document.uri.toString() === shown?.toString());
    const options = { viewColumn: visible?.viewColumn ?? ViewColumn.One, preserveFocus: false };
    const editor = visible ? await window.showTextDocument(visible.document, options) : await window.showTextDocument(shown, options);
    const at = editor.document.lineAt(Math.min(line, editor.document.lineCount - 1)).range.start;
    editor.selection = new Selection(at, at);
    editor.revealRange(editor.selection, TextEditorRevealType.InCenterIfOutsideViewport);
  };

  const open = async (uriArg?: string | Uri, stage?: number): Promise<void> => {
    const target = typeof uriArg === 'string' ? client.protocol2CodeConverter.asUri(uriArg) : uriArg ?? window.activeTextEditor?.document.uri ?? shown;
    if (!target) {
      void window.showInformationMessage('Layerwise: open a Dockerfile to see its size view.');
      return;
    }
    shown = target;
    // A click counter in the focus: the same lens clicked twice scrolls again.
    focus = typeof stage === 'number' ? `${stage}:${++clicks}` : '';
    if (panel) panel.reveal(undefined, true);
    else {
      panel = window.createWebviewPanel(SIZE_VIEW_TYPE, 'Size', { viewColumn: ViewColumn.Beside, preserveFocus: true }, { enableScripts: true, localResourceRoots: [] });
      panel.onDidDispose(() => {
        panel = undefined;
        if (timer) clearTimeout(timer);
      });
      panel.webview.onDidReceiveMessage((m: { type?: unknown; line?: unknown }) => {
        if (m?.type === 'reveal' && typeof m.line === 'number') void reveal(m.line);
      });
    }
    await render();
  };

  client.onNotification('layerwise/sizeViewChanged', () => schedule(0));
  return [
    commands.registerCommand(OPEN_SIZE_VIEW, open),
    // Follows the editor: another Dockerfile becoming active, or edits to the one shown (debounced).
    window.onDidChangeActiveTextEditor((e) => {
      if (!panel || !e || !isDockerfile(e.document) || e.document.uri.toString() === shown?.toString()) return;
      shown = e.document.uri;
      focus = '';
      schedule(0);
    }),
    workspace.onDidChangeTextDocument((e) => {
      if (panel && e.contentChanges.length && e.document.uri.toString() === shown?.toString()) schedule(DEBOUNCE_MS);
    }),
    { dispose: () => panel?.dispose() },
  ];
}
