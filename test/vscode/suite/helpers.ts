// Shared helpers of the in-editor suite: open the example, wait for diagnostics by event, locate ranges by text.
import * as assert from 'assert';
import * as vscode from 'vscode';
import expectedJson from '../expected.json';

export const expected = expectedJson;

export function workspaceFolder(): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'a workspace folder is open (the runner opens a copy of the example)');
  return folder.uri;
}

/** Activates Layerwise and fails if the host loaded some other copy than the one under test. */
export async function activateLayerwise(): Promise<vscode.Extension<unknown>> {
  const ext = vscode.extensions.getExtension(expected.extensionId);
  assert.ok(ext, `${expected.extensionId} is loaded`);
  const wanted = process.env.LAYERWISE_VSCODE_EXTENSION_PATH;
  if (wanted) assert.strictEqual(ext.extensionUri.fsPath, wanted, 'the extension under test is the development copy');
  await ext.activate();
  return ext;
}

export async function openInEditor(relativePath: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(workspaceFolder(), relativePath));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

/** The code of a diagnostic as text, whether the server sent a bare code or one with a documentation link. */
export function codeOf(d: vscode.Diagnostic): string {
  const c = d.code;
  return typeof c === 'object' && c !== null ? String(c.value) : String(c ?? '');
}

export function describeDiagnostics(doc: vscode.TextDocument, diags: readonly vscode.Diagnostic[]): string {
  return diags
    .map((d) => `${codeOf(d)}@${d.range.start.line + 1}:${d.range.start.character + 1} "${doc.getText(d.range)}"`)
    .join(', ') || '(none)';
}

/**
 * Resolves with the document's diagnostics as soon as `until` holds for them: checks now, then again on every
 * `languages.onDidChangeDiagnostics` for this document. Never sleeps a fixed time; the timeout only bounds a failure.
 */
export function waitForDiagnostics(
  doc: vscode.TextDocument,
  until: (diags: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(doc.uri);
  const now = current();
  if (until(now)) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}; diagnostics now: ${describeDiagnostics(doc, current())}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === doc.uri.toString())) return;
      const diags = current();
      if (!until(diags)) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(diags);
    });
  });
}

/** Waits for the first diagnostics Layerwise publishes for the document. */
export function waitForLayerwiseDiagnostics(doc: vscode.TextDocument): Promise<vscode.Diagnostic[]> {
  return waitForDiagnostics(doc, (ds) => ds.some((d) => d.source === expected.source), `${expected.source} diagnostics on ${doc.fileName}`);
}

/** The range of the n-th occurrence of `text` in the document (tests locate findings by text, not by columns). */
export function rangeOf(doc: vscode.TextDocument, text: string, occurrence = 0): vscode.Range {
  const all = doc.getText();
  let at = -1;
  for (let i = 0; i <= occurrence; i++) {
    at = all.indexOf(text, at + 1);
    assert.ok(at >= 0, `"${text}" occurs ${occurrence + 1} time(s) in ${doc.fileName}`);
  }
  return new vscode.Range(doc.positionAt(at), doc.positionAt(at + text.length));
}

export function lineWith(doc: vscode.TextDocument, text: string): string {
  return doc.lineAt(rangeOf(doc, text).start.line).text;
}

export async function hoverMarkdown(doc: vscode.TextDocument, at: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
  return (hovers ?? [])
    .flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value)))
    .join('\n---\n');
}

/** Code actions as an editor asks for them; edits of lazily resolved actions are resolved too. */
export async function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  const actions = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
    'vscode.executeCodeActionProvider', doc.uri, range, kind, 100);
  // A bare Command has a string `command`; a CodeAction's `command`, if any, is an object.
  return (actions ?? []).filter((a): a is vscode.CodeAction => typeof (a as vscode.Command).command !== 'string');
}

/** Applies a code action the way the editor does: its edit, then its command. */
export async function applyCodeAction(action: vscode.CodeAction): Promise<void> {
  assert.ok(action.edit || action.command, `"${action.title}" carries an edit or a command`);
  if (action.edit) assert.ok(await vscode.workspace.applyEdit(action.edit), `workspace.applyEdit("${action.title}") succeeded`);
  if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
}

/** Puts the document's text back (tests that edit must leave the example as they found it for the next test). */
export async function restoreText(doc: vscode.TextDocument, text: string): Promise<void> {
  if (doc.getText() === text) return;
  const edit = new vscode.WorkspaceEdit();
  edit.replace(doc.uri, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), text);
  assert.ok(await vscode.workspace.applyEdit(edit), 'restoring the original text succeeded');
}

export const severityName = (s: vscode.DiagnosticSeverity): string => vscode.DiagnosticSeverity[s];
