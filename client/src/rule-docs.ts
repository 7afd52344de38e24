// Rule documentation: a finding's code link and the "Open Rule Documentation" command open the rule's page, which the server renders from the rule's metadata, as a Markdown preview beside the editor.
import { commands, env, languages, Uri, window, workspace, type Diagnostic, type ExtensionContext, type QuickPickItem, type TextDocumentContentProvider } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SERVER, serverCommand } from './server-commands';

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

/** Scheme of the read-only pages: `/rules/<CODE>.md` and `/rules/README.md` come from the server, `/split.md` from the extension. */
export const RULE_DOC_SCHEME = 'layerwise-docs';

/**
 * The pages are rendered by the server from the rules' metadata (the same text as docs/rules/*.md in the repository),
 * so the .vsix ships none of them; relative links between pages (`DL3042.md`, `../split.md`) resolve in this scheme.
 */
export class RuleDocs implements TextDocumentContentProvider {
  constructor(
    private readonly context: ExtensionContext,
    private readonly client: LanguageClient,
  ) {}
  async provideTextDocumentContent(uri: Uri): Promise<string> {
    const page = /^\/rules\/([A-Za-z0-9]+)\.md$/.exec(uri.path)?.[1];
    if (page) return (await serverCommand<string>(this.client, SERVER.ruleDoc, page)) ?? `# ${page}\n\nNo such rule.\n`;
    if (uri.path === '/split.md') {
      const bytes = await workspace.fs.readFile(Uri.joinPath(this.context.extensionUri, 'docs', 'split.md')).then((b) => b, () => undefined);
      if (bytes) return new TextDecoder().decode(bytes);
    }
    return `# Not found\n\n${uri.path}\n`;
  }
}

/** Codes and names of every rule, from the index the server renders (`| [DL3042](DL3042.md) | name | category | …`). */
async function allRules(client: LanguageClient): Promise<QuickPickItem[]> {
  const index = await serverCommand<string>(client, SERVER.ruleDoc, 'README').catch(() => null);
  return [...(index ?? '').matchAll(/^\| \[([^\]]+)\]\([^)]+\) \| ([^|]+) \| ([^|]+) \|/gm)].map((m) => ({
    label: m[1]!,
    description: m[2]!.trim(),
    detail: m[3]!.trim(),
  }));
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

/** Opens a rule's page: the server-rendered Markdown as a preview beside the editor, else its web page. */
export async function openRuleDoc(client: LanguageClient, code?: unknown): Promise<void> {
  let rule = typeof code === 'string' ? code : undefined;
  if (!rule) {
    const here = codesAtCursor();
    if (here.length === 1) rule = here[0];
    else {
      const items = here.length > 1 ? here.map((c) => ({ label: c })) : await allRules(client);
      rule = (await window.showQuickPick(items, { placeHolder: here.length > 1 ? 'Findings under the cursor' : 'Layerwise rule', matchOnDescription: true }))?.label;
    }
  }
  if (!rule) return;
  if (/^SC\d+$/.test(rule)) {
    await env.openExternal(Uri.parse(`https://www.shellcheck.net/wiki/${rule}`));
    return;
  }
  const page = Uri.from({ scheme: RULE_DOC_SCHEME, path: `/rules/${rule}.md` });
  try {
    // The built-in Markdown extension's preview: rendered (the "do not edit" comment is hidden), in the group beside.
    await commands.executeCommand('markdown.showPreviewToSide', page);
    return;
  } catch {
    /* no Markdown extension (disabled): the web page below */
  }
  await env.openExternal(Uri.parse(`${WEB_DOCS}${encodeURIComponent(rule)}.md`));
}
