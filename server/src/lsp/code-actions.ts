// Code actions: the fixes carried on each diagnostic, pragma suppressions, and fix-all. No rule is re-run here.
import { CodeAction, CodeActionKind, type Connection, type TextDocuments, type Diagnostic } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Analyzer } from './analyzer';
import { documentEdit, fixToCodeAction, type DiagnosticData } from './convert';
import type { Fix } from '../core/types';
import { fixAll } from '../core/index';
import { ignoreForFileEdit, ignoreForInstructionEdit } from '../core/features/suppress';
import { assistCodeActions } from './assists';
import { checkFix } from '../core/rewrite-contract';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.layerwise`;

function wants(only: string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  return only.some((o) => kind === o || kind.startsWith(`${o}.`));
}

/** What a fix-all action carries until it is resolved. */
interface FixAllData {
  fixAll: true;
  uri: string;
}

function fixAllEdit(doc: TextDocument, analyzer: Analyzer): { edit: CodeAction['edit']; applied: number } | undefined {
  const analysis = analyzer.get(doc);
  if (!analysis) return undefined;
  const text = doc.getText();
  // ShellCheck findings carry no fixes, so fix-all never needs it: nothing is spawned on this path, trusted or not.
  const result = fixAll(text, { kind: analysis.kind, config: analyzer.configFor(analysis.path), files: analyzer.files, ...(analysis.path ? { path: analysis.path } : {}), ...analyzer.lintOptions(), shellcheck: false });
  if (result.text === text) return undefined;
  return { edit: documentEdit(doc.uri, doc.version, [{ range: { start: { line: 0, character: 0 }, end: doc.positionAt(text.length) }, newText: result.text }]), applied: result.applied.length };
}

/**
 * The fixes of a diagnostic for the text as it is now. The editor sends the diagnostics it shows, which may come
 * from an earlier text (a lint is debounced, a document may have been closed and reopened): their fixes' offsets
 * belong to that text. Those are replaced by the fixes of the finding with the same code at the same range in the
 * current analysis, or dropped when there is none.
 */
function currentFixes(d: Diagnostic, analysis: Analysis | undefined): Fix[] {
  const data = d.data as DiagnosticData | undefined;
  if (!analysis) return [];
  if (data?.analysis === analysis.id) return data.fixes ?? [];
  const same = (a: Diagnostic['range'], b: Diagnostic['range']): boolean =>
    a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
  const now = analysis.findings.find((f) => f.code === d.code && same(f.range, d.range));
  return now?.fixes ?? [];
}

/**
 * `resolveEdits`: the client resolves a code action's edit when it is chosen (codeAction/resolve). Fix-all then
 * costs nothing on the lightbulb path — it re-lints up to ten times, seconds on a 20,000-line file — and is computed
 * once, on the text of the moment it is applied.
 */
export function registerCodeActions(connection: Connection, documents: TextDocuments<TextDocument>, analyzer: Analyzer, resolveEdits: () => boolean = () => false): void {
  connection.onCodeActionResolve((action) => {
    const data = action.data as FixAllData | undefined;
    if (!data?.fixAll) return action;
    const doc = documents.get(data.uri);
    const fixed = doc ? fixAllEdit(doc, analyzer) : undefined;
    // Nothing left to fix (the text changed meanwhile): an empty edit, so applying it changes nothing.
    return { ...action, edit: fixed?.edit ?? { changes: {} } };
  });
  connection.onCodeAction((params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const only = params.context.only;
    const actions: CodeAction[] = [];
    const ours = params.context.diagnostics.filter((d) => d.source === 'layerwise');
    if (wants(only, CodeActionKind.QuickFix)) {
      // A fix that moves, joins or adds instructions is offered only when its rewrite keeps the rewrite contract;
      // checked here, for the diagnostics the editor asks about, not on every lint.
      const analysis = analyzer.get(doc);
      const keeps = (fix: Fix): boolean =>
        !analysis?.model || analysis.model.text !== doc.getText() || checkFix(analysis.model, fix, { files: analyzer.files, config: analyzer.configFor(analysis.path), ...(analysis.path ? { path: analysis.path } : {}) }).ok;
      for (const d of ours) {
        const fixes = currentFixes(d, analysis).filter(keeps);
        fixes.forEach((fix, i) => actions.push(fixToCodeAction(fix, d, doc.uri, doc.version, i === 0 && fix.applicability === 'safe')));
      }
      if (analysis?.model) {
        for (const d of ours) {
          const code = String(d.code ?? '');
          if (!code) continue;
          const edit = ignoreForInstructionEdit(analysis.model, code, d.range.start);
          if (edit) actions.push(suppressAction(`Ignore ${code} for this instruction`, d, doc, edit));
          actions.push(suppressAction(`Ignore ${code} in this file`, d, doc, ignoreForFileEdit(analysis.model, code)));
        }
      }
    }
    if (wants(only, FIX_ALL_KIND) && (only?.length || ours.some((d) => currentFixes(d, analyzer.get(doc)).some((f) => f.applicability === 'safe')))) {
      if (resolveEdits()) {
        // Offered when the document has a safe fix at all; the edit is computed when it is chosen.
        if ((analyzer.get(doc)?.findings ?? []).some((f) => f.fixes.some((x) => x.applicability === 'safe'))) {
          const action = CodeAction.create('Fix all safe Layerwise problems', FIX_ALL_KIND);
          action.data = { fixAll: true, uri: doc.uri } satisfies FixAllData;
          actions.push(action);
        }
      } else {
        const fixed = fixAllEdit(doc, analyzer);
        if (fixed) actions.push(CodeAction.create(`Fix all safe Layerwise problems (${fixed.applied})`, fixed.edit!, FIX_ALL_KIND));
      }
    }
    // Refactors (Split into builder stage, …) are not tied to a diagnostic: offered for the cursor's range.
    actions.push(...assistCodeActions(doc, params.range, analyzer, only));
    return oneEntryPerEdit(actions);
  });
}

/** The text edits of an action's workspace edit, as one comparable string (undefined when it has none). */
function editKey(a: CodeAction): string | undefined {
  const e = a.edit;
  if (!e) return undefined;
  if (e.changes) return JSON.stringify(Object.entries(e.changes));
  if (e.documentChanges) return JSON.stringify(e.documentChanges.map((c) => ('edits' in c ? [c.textDocument.uri, c.edits] : c)));
  return undefined;
}

/**
 * One menu entry per rewrite: the same fix carried by several findings (the split on every build-only package of
 * a RUN) is listed once with all of them, and a quick fix whose edit equals a refactor's (LW003's split and the
 * "Split into builder stage — saves …" refactor) gives way to the refactor, which names its saving and now lists
 * the findings it fixes.
 */
export function oneEntryPerEdit(given: CodeAction[]): CodeAction[] {
  // Copies: the refactors come from a per-version cache, and a merged entry's diagnostics belong to this answer.
  const actions = given.map((a) => ({ ...a }));
  const byEdit = new Map<string, CodeAction>();
  const out: CodeAction[] = [];
  const refactorOf = new Map<string, CodeAction>();
  for (const a of actions) {
    const k = editKey(a);
    if (k !== undefined && a.kind?.startsWith(CodeActionKind.Refactor)) refactorOf.set(k, a);
  }
  for (const a of actions) {
    const k = editKey(a);
    if (k === undefined) {
      out.push(a);
      continue;
    }
    const refactor = a.kind === CodeActionKind.QuickFix ? refactorOf.get(k) : undefined;
    const keep = refactor ?? byEdit.get(`${a.kind}\u0000${a.title}\u0000${k}`);
    if (keep && keep !== a) {
      if (a.diagnostics?.length) keep.diagnostics = [...(keep.diagnostics ?? []), ...a.diagnostics.filter((d) => !keep.diagnostics?.includes(d))];
      continue;
    }
    byEdit.set(`${a.kind}\u0000${a.title}\u0000${k}`, a);
    out.push(a);
  }
  return out;
}

function suppressAction(title: string, d: Diagnostic, doc: TextDocument, edit: { range: Diagnostic['range']; newText: string }): CodeAction {
  const a = CodeAction.create(title, documentEdit(doc.uri, doc.version, [edit]), CodeActionKind.QuickFix);
  a.diagnostics = [d];
  return a;
}
