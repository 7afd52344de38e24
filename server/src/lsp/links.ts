// Document links: `-r`/`-c` paths in requirements files open the file they name.
import type { Connection, TextDocuments, DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import type { Analyzer } from './analyzer';
import { requirementsLinks } from '../core/features/requirements-links';

export function registerDocumentLinks(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onDocumentLinks((params): DocumentLink[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = analyzer.get(doc);
    if (!analysis?.requirements) return [];
    return requirementsLinks(analysis.requirements).map((l) => ({ range: l.range, target: l.isUrl ? l.target : URI.file(l.target).toString(), tooltip: l.tooltip }));
  });
}
