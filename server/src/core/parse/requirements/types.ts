// The syntax tree of a pip requirements file: entries, options, specifiers, markers and parse errors, all with ranges.
import type { Range } from '../../types';
import type { EnvironmentMarker } from 'pip-requirements-js';

export type { EnvironmentMarker };

/** A `${NAME}` reference; pip expands these (upper-case names only) before it parses a line. */
export interface EnvVarRef {
  name: string;
  range: Range;
}

export interface Comment {
  /** The comment text including the leading `#`. */
  text: string;
  range: Range;
}

export type SpecifierOperator = '===' | '~=' | '==' | '!=' | '<=' | '>=' | '<' | '>';

export interface Specifier {
  operator: SpecifierOperator;
  version: string;
  /** Operator through version, as written (inner blanks included). */
  range: Range;
  operatorRange: Range;
  versionRange: Range;
  /** A valid PEP 440 specifier; false when the version or the operator/version pairing is invalid. */
  valid: boolean;
  /** The version contains a `${VAR}` reference, so it cannot be checked before pip expands it. */
  dynamic: boolean;
}

export interface Extra {
  name: string;
  normalizedName: string;
  range: Range;
}

export interface Marker {
  /** The marker text after `;`, trimmed. */
  text: string;
  range: Range;
  /** The parsed marker expression; absent when the marker is invalid or contains `${VAR}`. */
  tree?: EnvironmentMarker;
}

export interface Hash {
  algorithm: string;
  digest: string;
  /** The `algo:hex` value. */
  range: Range;
  /** The whole `--hash=algo:hex` (or `--hash algo:hex`) option. */
  optionRange: Range;
}

/** Where an option has effect in pip: the whole file, the requirement on its line, or nowhere pip knows. */
export type OptionScope = 'file' | 'requirement' | 'unknown';

export interface ParsedOption {
  /** Canonical long name (`--index-url`) for known options; the spelling as written for unknown ones. */
  name: string;
  /** As written: `-i`, `--index`, `--index-url`. Differs from `name` for short and abbreviated spellings. */
  spelling: string;
  known: boolean;
  scope: OptionScope;
  nameRange: Range;
  /** The value with shell quoting removed (`${VAR}` left unexpanded). */
  value?: string;
  valueRange?: Range;
  /** Name through value. */
  range: Range;
  /** Pip still accepts the option but has deprecated it. */
  deprecated?: boolean;
}

/** A direct reference: a URL (`https:`, `file:`, `git+https:` …) or a local path. */
export interface DirectReference {
  value: string;
  range: Range;
  isUrl: boolean;
  /** Name and version read off a wheel file name, which pip treats as `name==version`. */
  wheel?: { name: string; version: string; nameRange: Range; versionRange: Range };
}

interface EntryBase {
  /** 0-based physical line on which the logical line starts. */
  line: number;
  /** The entry's text on its logical line, without comment or surrounding blanks. */
  range: Range;
}

/**
 * A requirement line: `name[extras] specifiers ; marker`, `name @ url ; marker`, or a bare URL or path,
 * followed by per-requirement options.
 */
export interface Requirement extends EntryBase {
  kind: 'requirement';
  form: 'pep508' | 'url' | 'path';
  /** The requirement text as pip sees it (continuations joined, options and comment removed). */
  text: string;
  /** As written; for a URL or path, taken from `#egg=` or a wheel file name, absent when neither is there. */
  name?: string;
  normalizedName?: string;
  nameRange?: Range;
  extras: Extra[];
  /** `[` through `]`. */
  extrasRange?: Range;
  specifiers: Specifier[];
  /** First operator through last version (parentheses included when written). */
  specifierRange?: Range;
  url?: DirectReference;
  marker?: Marker;
  hashes: Hash[];
  /** Every option on the line, in order: `--hash`, `--config-settings`, and any that pip ignores or rejects here. */
  options: ParsedOption[];
  /** The requirement part did not parse; the fields above hold what was recognized before the error. */
  malformed: boolean;
  /** The requirement text contains `${VAR}`. */
  dynamic: boolean;
}

/** `-e path-or-url` (`--editable`). */
export interface Editable extends EntryBase {
  kind: 'editable';
  option: ParsedOption;
  target: DirectReference;
  name?: string;
  normalizedName?: string;
  nameRange?: Range;
  extras: Extra[];
  hashes: Hash[];
  /** The other options on the line. */
  options: ParsedOption[];
}

/** `-r path` / `--requirement` or `-c path` / `--constraint`. The caller resolves the path against the file. */
export interface Include extends EntryBase, ParsedOption {
  kind: 'include';
  constraint: boolean;
  path: string;
  pathRange: Range;
  /** `-r https://…`: pip fetches remote requirement files. */
  isUrl: boolean;
}

/** A known option on a line without a requirement (`--index-url`, `--pre`, …). */
export interface OptionEntry extends EntryBase, ParsedOption {
  kind: 'option';
}

/** An option pip does not know, kept so a rule can name it; pip refuses the file. */
export interface UnknownOptionEntry extends EntryBase, ParsedOption {
  kind: 'unknown-option';
}

export type Entry = Requirement | Editable | Include | OptionEntry | UnknownOptionEntry;

export type ParseErrorCode =
  | 'syntax'
  | 'invalid-name'
  | 'invalid-extra'
  | 'invalid-version'
  | 'invalid-specifier'
  | 'invalid-marker'
  | 'invalid-hash'
  | 'invalid-option-value'
  | 'missing-option-value'
  | 'unexpected-option-value'
  | 'ignored-argument';

export interface ParseError {
  code: ParseErrorCode;
  message: string;
  range: Range;
}

export interface RequirementsFile {
  entries: Entry[];
  errors: ParseError[];
  comments: Comment[];
  envVars: EnvVarRef[];
}
