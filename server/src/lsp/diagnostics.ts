// Publishes diagnostics for open documents, debounced per document, re-publishing dependants when a file changes.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { toDiagnostic } from './convert';

const DEBOUNCE_MS = 150;

export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  const timers = new Map<string, NodeJS.Timeout>();
  const publish = (uri: string): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    const analysis = analyzer.get(doc);
    if (!analysis) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: analysis.findings.map((f) => toDiagnostic(f, uri)) });
  };
  const schedule = (uri: string, delay = DEBOUNCE_MS): void => {
    const t = timers.get(uri);
    if (t) clearTimeout(t);
    timers.set(
      uri,
      setTimeout(() => {
        timers.delete(uri);
        try {
          publish(uri);
        } catch (err) {
          connection.console.error(`layerwise: linting ${uri} failed: ${(err as Error).stack ?? String(err)}`);
        }
      }, delay),
    );
  };
  analyzer.onInvalidate((uri) => schedule(uri));
  documents.onDidOpen((e) => {
    analyzer.forget(e.document.uri);
    schedule(e.document.uri, 0);
  });
  documents.onDidChangeContent((e) => {
    analyzer.documentChanged(e.document.uri);
    schedule(e.document.uri);
  });
  documents.onDidSave((e) => analyzer.documentChanged(e.document.uri));
  documents.onDidClose((e) => {
    // Closing drops unsaved text: what read it (a Dockerfile installing this requirements file) goes back to the disk's.
    analyzer.documentChanged(e.document.uri);
    const t = timers.get(e.document.uri);
    if (t) clearTimeout(t);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}
