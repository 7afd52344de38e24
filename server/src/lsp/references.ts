// Go to definition, find references and highlights of stage names and ARG/ENV variables: rcjsuen's resolution over the file.
import { DocumentHighlightKind, type Connection, type Location, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { dockerService } from './docker-service';

export function registerReferences(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  const dockerfile = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    return doc && analyzer.kindOf(doc) === 'dockerfile' ? doc : undefined;
  };
  connection.onDefinition((params) => {
    const doc = dockerfile(params.textDocument.uri);
    return doc ? dockerService().computeDefinition(params.textDocument, doc.getText(), params.position) ?? null : null;
  });
  connection.onDocumentHighlight((params) => {
    const doc = dockerfile(params.textDocument.uri);
    return doc ? dockerService().computeHighlightRanges(doc.getText(), params.position) : [];
  });
  // References are the highlights (every use in the file); the declaration is a Write highlight.
  connection.onReferences((params): Location[] => {
    const doc = dockerfile(params.textDocument.uri);
    if (!doc) return [];
    return dockerService()
      .computeHighlightRanges(doc.getText(), params.position)
      .filter((h) => params.context.includeDeclaration || h.kind !== DocumentHighlightKind.Write)
      .map((h) => ({ uri: doc.uri, range: h.range }));
  });
}
