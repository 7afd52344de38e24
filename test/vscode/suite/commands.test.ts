// The VS Code basics: palette commands under "Layerwise", the output channel, the status bar item, the estimate and split commands, rule pages opened beside the editor.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateLayerwise, codeOf, expected, openInEditor, restoreText, waitForDiagnostics, waitForLayerwiseDiagnostics } from './helpers';

/** The test API `activate` returns (client/src/extension.ts). */
interface LayerwiseApi {
  outputChannelName: string;
  outputLines(): string[];
  status(): { text: string; tooltip: string; command: string; visible: boolean };
  refreshStatus(): Promise<{ text: string; tooltip: string; command: string; visible: boolean }>;
}

const COMMANDS = ['layerwise.showOutput', 'layerwise.restartServer', 'layerwise.estimateImage', 'layerwise.splitBuilderStage', 'layerwise.openRuleDoc'];

/** Resolves when a tab satisfying `until` is open: checks now, then on every tab change (no fixed sleep). */
function waitForTab(until: (t: vscode.Tab) => boolean, what: string, timeoutMs = 20_000): Promise<vscode.Tab> {
  const find = () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find(until);
  const now = find();
  if (now) return Promise.resolve(now);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; tabs: ${vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${g.viewColumn}:${t.label}`)).join(', ')}`));
    }, timeoutMs);
    const sub = vscode.window.tabGroups.onDidChangeTabs(() => {
      const t = find();
      if (!t) return;
      clearTimeout(timer);
      sub.dispose();
      resolve(t);
    });
  });
}

describe('commands, output channel and status bar', () => {
  let api: LayerwiseApi;
  let doc: vscode.TextDocument;

  before(async () => {
    const ext = await activateLayerwise();
    api = ext.exports as LayerwiseApi;
    assert.ok(api && typeof api.status === 'function', 'activate() returns the test API');
    doc = await openInEditor(expected.dockerfile.file);
    await waitForLayerwiseDiagnostics(doc);
  });

  after(async () => {
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  it('registers every palette command, each under the "Layerwise" category', async () => {
    const registered = await vscode.commands.getCommands(true);
    assert.deepStrictEqual(COMMANDS.filter((c) => !registered.includes(c)), []);
    const contributed = (vscode.extensions.getExtension(expected.extensionId)!.packageJSON as { contributes: { commands: { command: string; category: string }[] } }).contributes.commands;
    assert.deepStrictEqual(
      COMMANDS.map((c) => contributed.find((x) => x.command === c)?.category),
      COMMANDS.map(() => 'Layerwise'),
    );
  });

  it('has a "Layerwise" output channel that logged the version and the size-data date at start', () => {
    assert.strictEqual(api.outputChannelName, 'Layerwise');
    const lines = api.outputLines();
    assert.ok(lines.some((l) => /^Layerwise 0\.1\.0: language server 0\.1\.0, size data collected 2026-11-29, ShellCheck (enabled|off|missing)$/.test(l)), lines.join('\n'));
  });

  it('shows the image estimate and the finding count of the open Dockerfile in the status bar', async () => {
    await vscode.window.showTextDocument(doc, { preview: false });
    const view = await api.refreshStatus();
    const findings = vscode.languages.getDiagnostics(doc.uri).filter((d) => d.source === expected.source).length;
    assert.ok(findings > 1, 'the example has findings');
    assert.strictEqual(view.visible, true);
    assert.match(view.text, /^\$\((package|warning)\) \d+(\.\d{1,2})? (MB|GB) · \d+ findings$/);
    assert.ok(view.text.endsWith(` · ${findings} findings`), `${view.text} counts ${findings}`);
    assert.ok(['layerwise.openSizeView', 'workbench.actions.view.problems'].includes(view.command), view.command);
  });

  it('estimates the image into a read-only document beside the Dockerfile', async () => {
    const text = await vscode.commands.executeCommand<string>('layerwise.estimateImage', doc.uri);
    assert.ok(text?.startsWith(`${doc.uri.fsPath}: size estimate (on disk; typical and range)`), text?.slice(0, 200));
    const shown = vscode.window.visibleTextEditors.find((e) => e.document.uri.scheme === 'layerwise-estimate');
    assert.ok(shown, 'the estimate is shown');
    assert.strictEqual(shown.document.getText(), text);
    const dockerfile = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === doc.uri.toString());
    assert.ok(dockerfile && dockerfile.viewColumn !== shown.viewColumn, 'beside the Dockerfile, not in its place');
    await vscode.commands.executeCommand('workbench.action.closeEditorsInOtherGroups');
  });

  it('splits the open Dockerfile into a builder stage through the server', async () => {
    const original = doc.getText();
    await vscode.window.showTextDocument(doc, { preview: false });
    try {
      const answer = await vscode.commands.executeCommand<{ applied: boolean; title?: string }>('layerwise.splitBuilderStage', doc.uri);
      assert.strictEqual(answer?.applied, true, JSON.stringify(answer));
      assert.ok(doc.getText().includes(expected.dockerfile.split.builderFrom), doc.getText());
    } finally {
      await restoreText(doc, original);
    }
  });

  it('links findings to a command that opens the rule page, and opens it as a preview beside the Dockerfile', async () => {
    // The text was just restored after the split: wait for the restored text's findings, not the split's.
    const diags = await waitForDiagnostics(doc, (ds) => ds.some((d) => codeOf(d) === 'DL3042'), 'DL3042 back after restoring the text');
    const dl3042 = diags.find((d) => codeOf(d) === 'DL3042');
    assert.ok(dl3042 && typeof dl3042.code === 'object', 'DL3042 carries a code link');
    const target = (dl3042.code as { target: vscode.Uri }).target;
    assert.strictEqual(target.scheme, 'command');
    assert.strictEqual(target.path, 'layerwise.openRuleDoc');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(target.query)), ['DL3042']);

    await vscode.window.showTextDocument(doc, { preview: false });
    await vscode.commands.executeCommand('layerwise.openRuleDoc', 'DL3042');
    const preview = await waitForTab(
      (t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.includes('markdown.preview') && t.label.includes('DL3042'),
      'a Markdown preview of DL3042.md',
    );
    const dockerfileTab = vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputText && t.input.uri.toString() === doc.uri.toString());
    assert.ok(dockerfileTab, 'the Dockerfile tab is still open');
    assert.notStrictEqual(preview.group.viewColumn, dockerfileTab.group.viewColumn, 'the preview opened beside the Dockerfile');
    const raw = vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputText && t.input.uri.path.endsWith('/docs/rules/DL3042.md'));
    assert.deepStrictEqual(raw.map((t) => t.label), [], 'the raw Markdown is not opened');
  });
});
