// Document links: `-r`/`-c` paths in requirements files open the file they name; a Dockerfile's FROM images open their registry page (rcjsuen's).
import type { Connection, TextDocuments, DocumentLink } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { requirementsLinks } from '../core/features/requirements-links';
import type { RequirementsModel } from '../core/model/requirements';
import { fileUri } from './file-uri';
import { dockerService } from './docker-service';

export function registerDocumentLinks(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onDocumentLinks((params): DocumentLink[] => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const analysis = analyzer.get(doc);
    if (analysis?.model) {
      // Docker Hub, ghcr.io, mcr.microsoft.com and quay.io pages; Docker's extension links them itself when installed.
      if (analyzer.editingDeferred()) return [];
      const service = dockerService();
      return service.computeLinks(doc.getText()).map((l) => service.resolveLink(l));
    }
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
