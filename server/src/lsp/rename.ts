// Rename of a stage name (FROM … AS, COPY --from=, FROM <stage>) or an ARG/ENV variable and its uses: rcjsuen's.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { dockerService } from './docker-service';

export function registerRename(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  const dockerfile = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    return doc && analyzer.kindOf(doc) === 'dockerfile' ? doc : undefined;
  };
  connection.onPrepareRename((params) => {
    const doc = dockerfile(params.textDocument.uri);
    return doc ? dockerService().prepareRename(doc.getText(), params.position) : null;
  });
  connection.onRenameRequest((params) => {
    const doc = dockerfile(params.textDocument.uri);
    if (!doc) return null;
    const edits = dockerService().computeRename(params.textDocument, doc.getText(), params.position, params.newName);
    return edits.length ? { changes: { [doc.uri]: edits } } : null;
  });
}
