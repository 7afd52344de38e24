// Hover: reads the document's analysis and renders what the core says about the position, sizes included.
import type { Connection, TextDocuments } from 'vscode-languageserver';
import { MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import type { Estimates } from './estimates';
import { hoverAt } from '../core/features/hover';
import { requirementSizeHover, requirementSizeMarkdown } from '../core/features/requirement-size';
import { requirementsHoverAt, type RequirementHoverSection } from '../core/features/requirements-hover';
import { DEFAULT_REQUIREMENT_TARGET } from '../core/features/size-hover';

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
    if (!analysis?.model) return null;
    const estimate = estimates?.get(doc);
    const h = hoverAt(analysis.model, params.position, estimate ? { estimate } : {});
    if (!h) return null;
    return { contents: { kind: MarkupKind.Markdown, value: h.markdown }, range: h.range };
  });
}
