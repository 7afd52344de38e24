// The size view in the editor: the command and a CodeLens open one webview panel beside the Dockerfile.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateLayerwise, expected, openInEditor, rangeOf, waitForLayerwiseDiagnostics } from './helpers';

const view = expected.dockerfile.sizeView;

/** Tabs showing the size view (VS Code prefixes a webview's type with its own marker, so match the end). */
function sizeViewTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(view.viewType));
}

/** Resolves once `until` holds for the tabs: checked now and on every tab change (no fixed sleep). */
function waitForTabs(until: (tabs: vscode.Tab[]) => boolean, what: string, timeoutMs = 15_000): Promise<vscode.Tab[]> {
  if (until(sizeViewTabs())) return Promise.resolve(sizeViewTabs());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; size view tabs: ${sizeViewTabs().map((t) => t.label).join(', ') || '(none)'}`));
    }, timeoutMs);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      if (!until(sizeViewTabs())) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(sizeViewTabs());
    });
  });
}

describe('size view', () => {
  let doc: vscode.TextDocument;

  before(async () => {
    await activateLayerwise();
    doc = await openInEditor(expected.dockerfile.file);
    await waitForLayerwiseDiagnostics(doc);
  });

  afterEach(async () => {
    await vscode.window.tabGroups.close(sizeViewTabs());
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  it(`${view.palette} is a palette command`, async () => {
    const cmds = await vscode.commands.getCommands(true);
    assert.ok(cmds.includes(view.command), `${view.command} is registered`);
    const contributed = (vscode.extensions.getExtension(expected.extensionId)?.packageJSON as { contributes?: { commands?: { command: string; title: string; category?: string }[] } }).contributes?.commands ?? [];
    const entry = contributed.find((c) => c.command === view.command);
    assert.strictEqual(entry && `${entry.category}: ${entry.title}`, view.palette);
  });

  it('executing the command opens a webview panel beside the editor, titled after the file', async () => {
    const editorColumn = vscode.window.activeTextEditor?.viewColumn;
    await vscode.commands.executeCommand(view.command);
    const tabs = await waitForTabs((t) => t.some((x) => x.label === view.tabLabel), `a "${view.tabLabel}" webview tab`);
    assert.strictEqual(tabs.length, 1);
    assert.notStrictEqual(tabs[0]!.group.viewColumn, editorColumn, 'the view opens beside the Dockerfile, not in place of it');
    // The editor keeps the focus: typing goes on in the Dockerfile.
    assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), doc.uri.toString());
  });

  it("clicking the FROM CodeLens runs the command with the stage, and reuses the one panel", async () => {
    await vscode.commands.executeCommand(view.command);
    await waitForTabs((t) => t.length === 1, 'the size view');
    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', doc.uri, 100);
    const from = rangeOf(doc, 'FROM ').start.line;
    const lens = (lenses ?? []).find((l) => l.range.start.line === from && l.command?.command === view.command);
    assert.ok(lens?.command, `a lens on line ${from + 1} runs ${view.command}: ${(lenses ?? []).map((l) => `${l.command?.title} -> ${l.command?.command}`).join(' | ')}`);
    assert.deepStrictEqual(lens.command.arguments?.slice(1), [0], 'the lens names its stage');
    await vscode.commands.executeCommand(lens.command.command, ...(lens.command.arguments ?? []));
    const tabs = await waitForTabs((t) => t.length >= 1, 'the size view');
    assert.strictEqual(tabs.length, 1, 'one panel, revealed again');
    assert.strictEqual(tabs[0]!.label, view.tabLabel);
  });
});
