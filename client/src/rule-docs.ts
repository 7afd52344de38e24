// Rule documentation: a finding's code link and the "Open Rule Documentation" command open the shipped page as a Markdown preview beside the editor.
import { commands, env, languages, Uri, window, workspace, type Diagnostic, type ExtensionContext, type QuickPickItem } from 'vscode';

export const OPEN_RULE_DOC = 'layerwise.openRuleDoc';
/** Where the pages live on the web, for an editor without the built-in Markdown extension. */
const WEB_DOCS = 'https://github.com/layerwise/layerwise/blob/main/docs/rules/';

/**
 * The rule code of a link to a shipped page (`file:///…/docs/rules/DL3042.md`, the server's `docsBase`), else
 * undefined. Matched by its tail, not the whole path: the server and the host may spell the extension folder
 * differently (a symlink), and the page opened is the extension's own copy anyway.
 */
function shippedCode(target: Uri): string | undefined {
  return target.scheme === 'file' ? /\/docs\/rules\/([A-Za-z0-9]+)\.md$/.exec(target.path)?.[1] : undefined;
}

/** A `command:` link that opens the rule's page with {@link openRuleDoc} (the Problems panel opens command links). */
export function ruleDocCommandUri(code: string): Uri {
  return Uri.parse(`command:${OPEN_RULE_DOC}?${encodeURIComponent(JSON.stringify([code]))}`);
}

/**
 * Rewrites the server's `file://…/docs/rules/X.md` links so a click opens a preview beside the Dockerfile, never the
 * raw generated Markdown in place of it. Other links (ShellCheck's wiki) stay as they are: they open in the browser.
 */
export function linkDiagnosticsToPreview(diagnostics: Diagnostic[]): Diagnostic[] {
  for (const d of diagnostics) {
    const code = d.code;
    if (typeof code !== 'object' || code === null) continue;
    const rule = shippedCode(code.target);
    if (rule) d.code = { value: code.value, target: ruleDocCommandUri(rule) };
  }
  return diagnostics;
}

/** Codes and names of every rule, from the generated index the .vsix ships (`| [DL3042](DL3042.md) | name | category | …`). */
async function allRules(extensionUri: Uri): Promise<QuickPickItem[]> {
  try {
    const bytes = await workspace.fs.readFile(Uri.joinPath(extensionUri, 'docs', 'rules', 'README.md'));
    return [...new TextDecoder().decode(bytes).matchAll(/^\| \[([^\]]+)\]\([^)]+\) \| ([^|]+) \| ([^|]+) \|/gm)].map((m) => ({
      label: m[1]!,
      description: m[2]!.trim(),
      detail: m[3]!.trim(),
    }));
  } catch {
    return [];
  }
}

/** The codes of Layerwise findings under the cursor of the active editor. */
function codesAtCursor(): string[] {
  const editor = window.activeTextEditor;
  if (!editor) return [];
  const at = editor.selection.active;
  const codes = languages
    .getDiagnostics(editor.document.uri)
    .filter((d) => d.source === 'layerwise' && d.range.contains(at))
    .map((d) => (typeof d.code === 'object' && d.code !== null ? String(d.code.value) : String(d.code ?? '')))
    .filter(Boolean);
  return [...new Set(codes)];
}

/** Opens a rule's page: the shipped Markdown as a preview beside the editor, else its web page. */
export async function openRuleDoc(context: ExtensionContext, code?: unknown): Promise<void> {
  let rule = typeof code === 'string' ? code : undefined;
  if (!rule) {
    const here = codesAtCursor();
    if (here.length === 1) rule = here[0];
    else {
      const items = here.length > 1 ? here.map((c) => ({ label: c })) : await allRules(context.extensionUri);
      rule = (await window.showQuickPick(items, { placeHolder: here.length > 1 ? 'Findings under the cursor' : 'Layerwise rule', matchOnDescription: true }))?.label;
    }
  }
  if (!rule) return;
  if (/^SC\d+$/.test(rule)) {
    await env.openExternal(Uri.parse(`https://www.shellcheck.net/wiki/${rule}`));
    return;
  }
  const page = Uri.joinPath(context.extensionUri, 'docs', 'rules', `${rule}.md`);
  const shipped = await workspace.fs.stat(page).then(() => true, () => false);
  if (shipped) {
    try {
      // The built-in Markdown extension's preview: rendered (the "do not edit" comment is hidden), in the group beside.
      await commands.executeCommand('markdown.showPreviewToSide', page);
      return;
    } catch {
      /* no Markdown extension (disabled): the web page below */
    }
  }
  await env.openExternal(Uri.parse(`${WEB_DOCS}${encodeURIComponent(rule)}.md`));
}
