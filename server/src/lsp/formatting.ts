// Formatting (document, range, on type): rcjsuen's indentation of instructions and continuation lines, plus Layerwise's keyword case and spacing.
import { DocumentFormattingRequest, DocumentRangeFormattingRequest, type Connection, type Disposable, type FormattingOptions, type TextDocuments, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { dockerService } from './docker-service';
import { keywordEdits } from '../core/features/dockerfile-format';

const before = (a: { line: number; character: number }, b: { line: number; character: number }): boolean => a.line < b.line || (a.line === b.line && a.character < b.character);
const overlaps = (a: TextEdit, b: TextEdit): boolean => before(a.range.start, b.range.end) && before(b.range.start, a.range.end);

/** Ours are added where they touch none of theirs: an edit list may not overlap. */
function merge(theirs: TextEdit[], ours: TextEdit[]): TextEdit[] {
  return [...theirs, ...ours.filter((o) => !theirs.some((t) => overlaps(t, o)))];
}

export const ON_TYPE_TRIGGERS = { firstTriggerCharacter: '\\', moreTriggerCharacter: ['`'] };

export function registerFormatting(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  const settings = (o: FormattingOptions) => ({ ...o, ignoreMultilineInstructions: false });
  const dockerfile = (uri: string): TextDocument | undefined => {
    const doc = documents.get(uri);
    // Another Dockerfile server formats: two formatters would make VS Code ask which one to use.
    return doc && analyzer.kindOf(doc) === 'dockerfile' && !analyzer.editingDeferred() ? doc : undefined;
  };
  connection.onDocumentFormatting((params) => {
    const doc = dockerfile(params.textDocument.uri);
    const model = doc && analyzer.get(doc)?.model;
    if (!doc || !model) return null;
    return merge(dockerService().format(doc.getText(), settings(params.options)), keywordEdits(model));
  });
  connection.onDocumentRangeFormatting((params) => {
    const doc = dockerfile(params.textDocument.uri);
    const model = doc && analyzer.get(doc)?.model;
    if (!doc || !model) return null;
    return merge(dockerService().formatRange(doc.getText(), params.range, settings(params.options)), keywordEdits(model, { start: params.range.start.line, end: params.range.end.line }));
  });
  connection.onDocumentOnTypeFormatting((params) => {
    const doc = dockerfile(params.textDocument.uri);
    return doc ? dockerService().formatOnType(doc.getText(), params.position, params.ch, settings(params.options)) : null;
  });
}

/**
 * With dynamic registration (VS Code) the formatters are registered only while no other Dockerfile server is
 * installed, so VS Code never asks the user to choose; without it they are static and answer nothing when deferred.
 */
export class FormattingRegistration {
  private registered: Promise<Disposable>[] = [];
  constructor(
    private readonly connection: Connection,
    readonly dynamic: boolean,
  ) {}

  sync(deferred: boolean): void {
    if (!this.dynamic) return;
    if (!deferred && !this.registered.length) {
      const documentSelector = [{ language: 'dockerfile' }, { pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,Containerfile.*}' }];
      this.registered = [
        this.connection.client.register(DocumentFormattingRequest.type, { documentSelector }),
        this.connection.client.register(DocumentRangeFormattingRequest.type, { documentSelector }),
      ];
    } else if (deferred && this.registered.length) {
      for (const r of this.registered) void r.then((d) => d.dispose(), () => undefined);
      this.registered = [];
    }
  }
}
