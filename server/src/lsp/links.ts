// Document links: `-r`/`-c` paths in requirements files open the file they name.
import type { Connection, TextDocuments, DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { requirementsLinks } from '../core/features/requirements-links';
import type { RequirementsModel } from '../core/model/requirements';
import { fileUri } from './file-uri';

export function registerDocumentLinks(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onDocumentLinks((params): DocumentLink[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = analyzer.get(doc);
    if (!analysis?.requirements) return [];
    return documentLinks(analysis.requirements);
  });
}

/** The protocol links of a requirements file; a path no `file:` URI can carry gets no link (the others still do). */
export function documentLinks(model: RequirementsModel): DocumentLink[] {
  const out: DocumentLink[] = [];
  for (const l of requirementsLinks(model)) {
    const target = l.isUrl ? l.target : fileUri(l.target);
    if (target !== undefined) out.push({ range: l.range, target, tooltip: l.tooltip });
  }
  return out;
}
