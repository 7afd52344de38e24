// The one place that converts between core types and LSP protocol types.
import {
  CodeAction,
  CodeActionKind,
  DiagnosticSeverity,
  DiagnosticTag,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
  CreateFile,
  TextDocumentEdit,
  OptionalVersionedTextDocumentIdentifier,
} from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { fileUri } from './file-uri';
import type { Finding, Fix, Severity } from '../core/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export interface DiagnosticData {
  fixes: Fix[];
  name: string;
  /** The analysis (`Analysis.id`) the fixes were computed for: once the text has changed, they are not offered as they are. */
  analysis?: number;
}

/** Whether the client applies `documentChanges` (versioned edits); VS Code and most editors do. */
let versionedEdits = false;

export function useVersionedEdits(on: boolean): void {
  versionedEdits = on;
}

/**
 * An edit of one document, tied to the version it was computed for when the client supports it: a client that checks
 * versions refuses it once the text has moved on, instead of applying it at stale offsets.
 */
export function documentEdit(uri: string, version: number | null, edits: LspTextEdit[]): WorkspaceEdit {
  if (!versionedEdits) return { changes: { [uri]: edits } };
  return { documentChanges: [TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, version), edits)] };
}

/**
 * Markdown code spans as plain text: the Problems panel, the hover's diagnostic line and the quick-fix menu show a
 * message verbatim, so "`pip install` keeps…" reads "'pip install' keeps…" there. The core and the CLI's JSON keep
 * the backticks (the JSON `message` is a public contract). A span holding a single quote gets double quotes.
 */
export function plainText(text: string): string {
  return text.replace(/(`+)(.+?)\1(?!`)/g, (_m, _ticks: string, inner: string) => {
    const code = inner.length > 2 && inner.startsWith(' ') && inner.endsWith(' ') ? inner.slice(1, -1) : inner;
    return code.includes("'") ? `"${code}"` : `'${code}'`;
  });
}

/** ShellCheck's own messages are plain text already, and its backticks mean backticks (SC2006). */
const messageOf = (f: Finding, text: string): string => (f.name === 'shellcheck' ? text : plainText(text));

export function toDiagnostic(f: Finding, uri: string, analysis?: number): Diagnostic {
  const d: Diagnostic = {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.code,
    codeDescription: { href: f.docsUrl },
    source: 'layerwise',
    // The other codes of the same fault are named, so a user who knows hadolint's code finds it (and its pragma).
    message: messageOf(f, f.message) + (f.alsoCodes?.length ? ` (also ${f.alsoCodes.join(', ')})` : ''),
    data: { fixes: f.fixes, name: f.name, ...(analysis === undefined ? {} : { analysis }) } satisfies DiagnosticData,
  };
  if (f.related?.length) {
    // A related file no URI can carry (a lone surrogate in its name) is left out rather than failing the diagnostic.
    d.relatedInformation = f.related.flatMap((r) => {
      const at = r.path ? fileUri(r.path) : uri;
      return at === undefined ? [] : [{ location: { uri: at, range: r.range }, message: messageOf(f, r.message) }];
    });
  }
  const tags = (f.tags ?? []).map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated));
  if (tags.length) d.tags = tags;
  return d;
}

export function fixToWorkspaceEdit(fix: Fix, uri: string, version: number | null): WorkspaceEdit {
  if (!fix.fileEdits?.length) return documentEdit(uri, version, fix.edits as LspTextEdit[]);
  const documentChanges: (TextDocumentEdit | CreateFile)[] = [];
  if (fix.edits.length) documentChanges.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(uri, version), fix.edits));
  for (const fe of fix.fileEdits) {
    const target = URI.file(fe.path).toString();
    if (fe.create) documentChanges.push(CreateFile.create(target, { ignoreIfExists: true }));
    documentChanges.push(TextDocumentEdit.create(OptionalVersionedTextDocumentIdentifier.create(target, null), fe.edits));
  }
  return { documentChanges };
}

export function fixToCodeAction(fix: Fix, diagnostic: Diagnostic, uri: string, version: number | null, preferred: boolean): CodeAction {
  const title = plainText(fix.applicability === 'unsafe' ? `${fix.title} (unsafe)` : fix.title);
  const action = CodeAction.create(title, fixToWorkspaceEdit(fix, uri, version), CodeActionKind.QuickFix);
  action.diagnostics = [diagnostic];
  if (preferred) action.isPreferred = true;
  return action;
}
