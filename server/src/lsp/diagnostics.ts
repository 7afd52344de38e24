// Publishes diagnostics for open documents, debounced per document, re-publishing dependants when a file changes.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { toDiagnostic } from './convert';

/** The debounce of a document whose lint time is not known yet, when it is long; and the most any waits. */
const DEBOUNCE_MS = 150;
const MAX_DEBOUNCE_MS = 400;
/** A document whose lint takes less than this is linted at once, keystroke by keystroke. */
const AT_ONCE_MS = 20;
/** Below this many lines a document never linted yet is linted at once (the example lints in about 2 ms). */
const SMALL_LINES = 300;

/**
 * How long to wait after an edit before linting: nothing for a document that lints fast, twice its recent lint
 * time otherwise (at least 50 ms, at most 400 ms), so typing in a huge file does not queue a lint per keystroke.
 */
export function debounceFor(recentLintMs: number | undefined, lineCount: number): number {
  if (recentLintMs === undefined) return lineCount <= SMALL_LINES ? 0 : DEBOUNCE_MS;
  if (recentLintMs < AT_ONCE_MS) return 0;
  return Math.min(MAX_DEBOUNCE_MS, Math.max(50, Math.round(2 * recentLintMs)));
}

/**
 * A fixed debounce from `LAYERWISE_DEBOUNCE_MS` (a whole number of ms), or undefined for the adaptive one: `npm run bench`
 * sets 0 to measure edit → diagnostics without the wait, as the peer it compares with has none.
 */
export function fixedDebounce(env: string | undefined): number | undefined {
  return env !== undefined && /^\d+$/.test(env) ? Number(env) : undefined;
}

export function registerDiagnostics(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  const fixed = fixedDebounce(process.env['LAYERWISE_DEBOUNCE_MS']);
  const timers = new Map<string, NodeJS.Timeout>();
  // Recent lint time per document: a slower lint counts at once, a faster one lowers it gradually.
  const lintMs = new Map<string, number>();
  const publish = (uri: string): void => {
    const doc = documents.get(uri);
    if (!doc) return;
    const t0 = performance.now();
    const analysis = analyzer.get(doc);
    const ms = performance.now() - t0;
    const prev = lintMs.get(uri);
    lintMs.set(uri, prev === undefined || ms > prev ? ms : 0.7 * prev + 0.3 * ms);
    if (!analysis) return;
    void connection.sendDiagnostics({ uri, version: doc.version, diagnostics: analysis.findings.map((f) => toDiagnostic(f, uri, analysis.id)) });
  };
  const schedule = (uri: string, delay = fixed ?? debounceFor(lintMs.get(uri), documents.get(uri)?.lineCount ?? 0)): void => {
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
    lintMs.delete(e.document.uri);
    void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });
}
