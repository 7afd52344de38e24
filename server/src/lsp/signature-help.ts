// Signature help for instructions and their flags (`HEALTHCHECK --interval=…`, `COPY [flags] source … dest`): rcjsuen's.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { dockerService, INTERACTIVE_LIMIT } from './docker-service';

/** The characters rcjsuen's own server triggers on. */
export const SIGNATURE_TRIGGERS = ['-', '[', ',', ' ', '='];

export function registerSignatureHelp(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onSignatureHelp((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || analyzer.kindOf(doc) !== 'dockerfile' || analyzer.editingDeferred()) return null;
    const text = doc.getText();
    if (text.length > INTERACTIVE_LIMIT) return null;
    const help = dockerService().computeSignatureHelp(text, params.position);
    return help.signatures.length ? help : null;
  });
}
