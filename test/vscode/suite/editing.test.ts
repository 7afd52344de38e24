// Dockerfile editing through the VS Code API: completion of flags, stages and tags, the outline with stage sizes, rename of a stage.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { activateLayerwise } from './helpers';

// An untitled Dockerfile (the client serves `untitled:` Dockerfiles too): the example on disk stays untouched.
const TEXT = [
  'FROM python:3.12-slim AS builder', // 0
  'RUN echo one \\', // 1
  '    && echo two \\', // 2
  '    && echo three', // 3
  'FROM python:3.12-slim', // 4
  'COPY --from=builder /usr/local /usr/local', // 5
  'COPY --', // 6
  'FROM python:3.12-sl', // 7
  '',
].join('\n');

async function openUntitled(): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument({ language: 'dockerfile', content: TEXT });
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

async function completionLabels(doc: vscode.TextDocument, at: vscode.Position): Promise<vscode.CompletionItem[]> {
  const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, at);
  return list?.items ?? [];
}

const label = (i: vscode.CompletionItem): string => (typeof i.label === 'string' ? i.label : i.label.label);

describe('editing Dockerfiles', () => {
  before(activateLayerwise);
  afterEach(async () => {
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('completes the COPY flags after `COPY --`, each once, and the stage names after `--from=`', async () => {
    const doc = await openUntitled();
    const flags = (await completionLabels(doc, new vscode.Position(6, 7))).map(label);
    for (const f of ['--from=', '--chown=', '--chmod=', '--link', '--parents', '--exclude=']) {
      assert.strictEqual(flags.filter((x) => x === f).length, 1, `${f} once in ${flags.join(' ')}`);
    }
    assert.ok(!flags.includes('--from'), `no second --from item: ${flags.join(' ')}`);
    const stages = (await completionLabels(doc, new vscode.Position(5, 12))).map(label);
    assert.ok(stages.includes('builder'), `stage names after --from=: ${stages.join(' ')}`);
  });

  it('completes the tags of python with their sizes from the embedded data', async () => {
    const doc = await openUntitled();
    const items = await completionLabels(doc, new vscode.Position(7, 19));
    const slim = items.find((i) => label(i) === '3.12-slim');
    assert.ok(slim, `3.12-slim among ${items.map(label).join(' ')}`);
    assert.match(String(slim.detail), /^\d+(\.\d)? MB on disk · \d+(\.\d)? MB download$/);
  });

  it('outlines each stage with its estimated size and its instructions under it', async () => {
    const doc = await openUntitled();
    const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', doc.uri);
    assert.deepStrictEqual(symbols.map((s) => s.name), ['builder (python:3.12-slim)', 'stage 1 (python:3.12-slim)', 'stage 2 (python:3.12-sl)']);
    // The last stage is the image; it copies nothing from builder.
    assert.match(symbols[0]!.detail, /MB on disk · not in the final image$/);
    assert.deepStrictEqual(symbols[0]!.children.map((c) => c.name), ['FROM python:3.12-slim AS builder', 'RUN echo one']);
    assert.deepStrictEqual(symbols[1]!.children.map((c) => c.name), ['FROM python:3.12-slim', 'COPY --from=builder /usr/local /usr/local', 'COPY --']);
  });

  it('renames stage `builder` in `FROM … AS builder` and `--from=builder`', async () => {
    const doc = await openUntitled();
    const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit>('vscode.executeDocumentRenameProvider', doc.uri, new vscode.Position(0, 27), 'compile');
    assert.ok(edit, 'a rename edit');
    assert.ok(await vscode.workspace.applyEdit(edit), 'the rename edit applies');
    assert.strictEqual(doc.getText(), TEXT.replace('AS builder', 'AS compile').replace('--from=builder', '--from=compile'));
  });
});
