// Completion: requirements files (pip options, package names); Dockerfiles (Layerwise's flags, images, tags and stages merged with rcjsuen's instructions and variables).
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { requirementsCompletions } from '../core/features/requirements-completion';
import { dockerfileCompletions, type DockerfileCompletion } from '../core/features/dockerfile-completion';
import type { DockerfileModel } from '../core/model/dockerfile';
import { dockerService, INTERACTIVE_LIMIT } from './docker-service';

/** `-` for flags and pip options, `=` after `--from`, `:` for tags, `$`/`{` for variables. */
export const COMPLETION_TRIGGERS = ['-', '=', ':', '$', '{'];

const KIND: Record<DockerfileCompletion['kind'], CompletionItemKind> = {
  flag: CompletionItemKind.Property,
  image: CompletionItemKind.Module,
  tag: CompletionItemKind.Value,
  stage: CompletionItemKind.Reference,
};

export function registerCompletion(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const kind = analyzer.kindOf(doc);
    if (kind === 'dockerfile') {
      const model = analyzer.get(doc)?.model;
      return model ? dockerfileItems(model, doc, params.position, analyzer.editingDeferred()) : [];
    }
    if (kind !== 'requirements') return [];
    return requirementsCompletions(doc.getText(), params.position).map((c) => {
      const item: CompletionItem = {
        label: c.label,
        kind: c.kind === 'option' ? CompletionItemKind.Keyword : CompletionItemKind.Module,
        textEdit: { range: c.range, newText: c.insertText },
      };
      if (c.detail) item.detail = c.detail;
      if (c.documentation) item.documentation = c.documentation;
      if (c.sortText) item.sortText = c.sortText;
      return item;
    });
  });
}

/**
 * Ours first, then rcjsuen's where no item of ours has the same label (theirs knows instructions, `${}` variables,
 * HEALTHCHECK CMD/NONE, WORKDIR folders). Theirs is never asked inside FROM: it lists tags from Docker Hub over the
 * network, which Layerwise makes only when the user allowed it. When another Dockerfile server is installed
 * (deferred), only the sized images and tags from our table are offered: that server has the rest.
 */
export async function dockerfileItems(model: DockerfileModel, doc: TextDocument, position: { line: number; character: number }, deferred: boolean): Promise<CompletionItem[]> {
  const text = doc.getText();
  const ours = dockerfileCompletions(model, text, position, { imagesOnly: deferred }).map((c): CompletionItem => {
    const item: CompletionItem = { label: c.label, kind: KIND[c.kind], textEdit: { range: c.range, newText: c.insertText }, insertTextFormat: InsertTextFormat.PlainText };
    if (c.detail) item.detail = c.detail;
    if (c.documentation) item.documentation = { kind: 'markdown', value: c.documentation };
    if (c.sortText) item.sortText = c.sortText;
    // A flag with a value: ask again right away for its values (stage names after `--from=`).
    if (c.kind === 'flag' && c.insertText.endsWith('=')) item.command = { title: 'Suggest', command: 'editor.action.triggerSuggest' };
    return item;
  });
  if (deferred || text.length > INTERACTIVE_LIMIT) return ours;
  const instr = model.instructions.find((i) => i.startLine <= position.line && position.line <= i.endLine);
  if (instr?.keyword === 'FROM') return ours;
  const service = dockerService();
  const theirs = await service.computeCompletionItems(text, position);
  const labels = new Set(ours.map((i) => i.label));
  // Their flag items ("--from", "--chown") carry the label without `=`: ours name the same flags.
  const key = (label: string): string => label.replace(/=$/, '');
  const ourKeys = new Set(ours.map((i) => key(i.label)));
  return [...ours, ...theirs.filter((t) => !labels.has(t.label) && !ourKeys.has(key(t.label))).map((t) => service.resolveCompletionItem(t))];
}
