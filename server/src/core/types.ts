// Core value types shared by every feature: positions, edits, fixes and findings (no protocol types here).

/** 0-based line and UTF-16 character offset, the same convention as LSP. */
export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

/** An edit to another file than the one linted (e.g. creating `.dockerignore`). `uri` is a file path. */
export interface FileEdit {
  /** Absolute or project-relative path of the file to change. */
  path: string;
  /** Create the file when it does not exist (edits then apply to an empty text). */
  create?: boolean;
  edits: TextEdit[];
}

export type Applicability = 'safe' | 'unsafe';

export interface Fix {
  /** Imperative title: "Add `--no-cache-dir`". */
  title: string;
  applicability: Applicability;
  /** Edits to the linted document. */
  edits: TextEdit[];
  /** Edits to other files. */
  fileEdits?: FileEdit[];
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';

export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1, hint: 0 };

export interface RelatedInformation {
  /** Path of the related file, or undefined for the linted document itself. */
  path?: string;
  range: Range;
  message: string;
}

export type Category = 'size' | 'correctness' | 'security' | 'reproducibility' | 'cache' | 'style';

export interface Finding {
  code: string;
  name: string;
  category: Category;
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  related?: RelatedInformation[];
  /**
   * Other codes that name this same fault at this place (the engine's same-fault table: DL3064 beside
   * SecretsUsedInArgOrEnv): reported once under `code`, and a pragma or setting naming any of them applies.
   */
  alsoCodes?: string[];
  /** Link to the rule's documentation page. */
  docsUrl: string;
  /** Tags the editor can render (unnecessary code, deprecated). */
  tags?: ('unnecessary' | 'deprecated')[];
}

export function pos(line: number, character: number): Position {
  return { line, character };
}

export function range(sl: number, sc: number, el: number, ec: number): Range {
  return { start: { line: sl, character: sc }, end: { line: el, character: ec } };
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

export function containsPosition(r: Range, p: Position): boolean {
  return comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;
}
