// Completion in requirements files: pip's options and well-known package names.
import { CompletionItemKind, type CompletionItem, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { requirementsCompletions } from '../core/features/requirements-completion';

export const COMPLETION_TRIGGERS = ['-'];

export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onCompletion((params): CompletionItem[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || analyzer.kindOf(doc) !== 'requirements') return [];
    return requirementsCompletions(doc.getText(), params.position).map((c) => {
      const item: CompletionItem = {
        label: c.label,
        kind: c.kind === 'option' ? CompletionItemKind.Keyword : CompletionItemKind.Module,
        textEdit: { range: c.range, newText: c.insertText },
      };
      if (c.detail) item.detail = c.detail;
      if (c.documentation) item.documentation = c.documentation;
      if (c.sortText) item.sortText = c.sortText;
      return item;
    });
  });
}
