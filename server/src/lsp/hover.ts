// Hover: reads the document's analysis and renders what the core says about the position, sizes first, then the instruction and flag docs.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { hoverAt } from '../core/features/hover';
import { requirementSizeHover, requirementSizeMarkdown } from '../core/features/requirement-size';
import { requirementsHoverAt, type RequirementHoverSection } from '../core/features/requirements-hover';
import { DEFAULT_REQUIREMENT_TARGET } from '../core/features/size-hover';
import { flagAt } from '../core/features/dockerfile-completion';
import { isProjectFile, projectFileHover } from '../core/features/project-file-hover';
import { URI } from 'vscode-uri';
import { dockerService, INTERACTIVE_LIMIT } from './docker-service';
import type { Hover, MarkupContent, Position, Range } from 'vscode-languageserver';

export function registerHover(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer, estimates?: Estimates): void {
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return null;
    const analysis = analyzer.get(doc);
    if (analysis?.kind === 'requirements') {
      // The core describes the line; the size estimate is appended as an extra section for requirements.
      const size: RequirementHoverSection = (req, target) => requirementSizeMarkdown(req, { ...DEFAULT_REQUIREMENT_TARGET, ...target });
      const h = analysis.requirements ? requirementsHoverAt(analysis.requirements, params.position, [size]) : undefined;
      if (h) return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range };
      const s = requirementSizeHover(doc.getText(), params.position);
      return s ? { contents: { kind: MarkupKind.Markdown, value: s.markdown }, range: s.range } : null;
    }
    if (!analysis) {
      // pyproject.toml, Pipfile and lock files are not linted; their dependencies get a size hover.
      const uri = URI.parse(doc.uri);
      if (uri.scheme !== 'file' || !isProjectFile(uri.path)) return null;
      const p = projectFileHover(uri.fsPath, doc.getText(), params.position, analyzer.files);
      return p ? { contents: { kind: MarkupKind.Markdown, value: p.markdown }, range: p.range } : null;
    }
    if (!analysis.model) return null;
    const estimate = estimates?.get(doc);
    const h = hoverAt(analysis.model, params.position, estimate ? { estimate } : {});
    // Another Dockerfile server (Docker's extension) shows the reference docs; ours would show them twice.
    const docs = analyzer.editingDeferred() ? undefined : referenceDocs(analysis.model, doc, params.position);
    if (!h && !docs) return null;
    const value = [h?.markdown, docs?.markdown].filter((x): x is string => x !== undefined).join('\n\n---\n\n');
    const range = h?.range ?? docs?.range;
    return range ? { contents: { kind: MarkupKind.Markdown, value }, range } : { contents: { kind: MarkupKind.Markdown, value } };
  });
}

/** The Dockerfile reference text at the position: ours on a flag (the BuildKit flags rcjsuen's lacks, too), else rcjsuen's (instructions, variables). */
function referenceDocs(model: Parameters<typeof flagAt>[0], doc: TextDocument, position: Position): { markdown: string; range?: Range } | undefined {
  const flag = flagAt(model, position);
  if (flag) return { markdown: `**${flag.instruction} --${flag.flag.name}**${flag.flag.value ? '=…' : ''}\n\n${flag.flag.doc}`, range: flag.range };
  const text = doc.getText();
  const theirs: Hover | null = text.length > INTERACTIVE_LIMIT ? null : dockerService().computeHover(text, position);
  if (theirs) {
    const c = theirs.contents as MarkupContent | string;
    const markdown = typeof c === 'string' ? c : c.value;
    if (markdown.trim()) return theirs.range ? { markdown, range: theirs.range } : { markdown };
  }
  return undefined;
}
