// Semantic tokens for Dockerfiles (rcjsuen's): what VS Code's TextMate grammar leaves uncoloured — flags, variables, stage names, keywords after a line continuation.
import type { Connection, SemanticTokensLegend, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analyzer } from './analyzer';
import { dockerService } from './docker-service';

/**
 * The legend the service encodes with (its TokensLegend, not exported; the order is that of
 * dockerfile-language-service 0.16.1's dockerSemanticTokens.js, pinned in package.json).
 */
export const SEMANTIC_LEGEND: SemanticTokensLegend = {
  tokenTypes: ['keyword', 'comment', 'parameter', 'property', 'namespace', 'class', 'macro', 'string', 'variable', 'operator', 'modifier'],
  tokenModifiers: ['declaration', 'definition', 'deprecated'],
};

export function registerSemanticTokens(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer): void {
  connection.languages.semanticTokens.on((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc || analyzer.kindOf(doc) !== 'dockerfile') return { data: [] };
    return dockerService().computeSemanticTokens(doc.getText());
  });
}
