// Hover: reads the document's analysis and renders what the core says about the position, sizes included.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { hoverAt } from '../core/features/hover';
import { requirementSizeHover } from '../core/features/requirement-size';

export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer, estimates?: Estimates): void {
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = analyzer.get(doc);
    if (analysis?.kind === 'requirements') {
      const h = requirementSizeHover(doc.getText(), params.position);
      return h ? { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range } : null;
    }
    if (!analysis?.model) return null;
    const estimate = estimates?.get(doc);
    const h = hoverAt(analysis.model, params.position, estimate ? { estimate } : {});
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range };
  });
}
