// Hover: reads the document's analysis and renders what the core says about the position.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { hoverAt } from '../core/features/hover';

export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = analyzer.get(doc);
    if (!analysis?.model) return null;
    const h = hoverAt(analysis.model, params.position);
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range };
  });
}
