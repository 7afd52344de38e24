// The rule contract: metadata with docs as data, and a pure check that reports through its context.
import type { Category, Fix, Range, RelatedInformation, Severity } from '../types';
import type { DockerfileModel } from '../model/dockerfile';
import type { ProjectFiles } from '../project';
import type { LayerwiseConfig } from '../config';
import type { ShellChecker } from '../shellcheck';

export interface RuleDocs {
  /** One or two sentences: what the rule flags. */
  whatItDoes: string;
  /** Why it matters for the image (size, build time, safety, correctness). */
  whyItMatters: string;
  /** A file the rule fires on (a test runs it). */
  example: string;
  /** The same file written the right way (a test checks the rule stays quiet). */
  useInstead: string;
  /** What the fix changes and when it is marked unsafe. */
  fixSafety: string;
  references: string[];
  /** Where Layerwise deliberately differs from the peer whose code it reuses. */
  divergences?: string;
  /** Settings `example` and `useInstead` are linted with, for rules that only act when configured (`trustedRegistries`). */
  exampleConfig?: Partial<LayerwiseConfig>;
  /** Other project files `example` and `useInstead` are linted with, by path relative to the Dockerfile's folder (`.dockerignore`). */
  exampleFiles?: Record<string, string>;
}

export type Origin = 'hadolint' | 'buildkit' | 'layerwise';

export interface RuleMeta {
  /** Stable code: `DL3042`, `JSONArgsRecommended`, `LW001`. Never renumbered. */
  code: string;
  /** kebab-case description of the flagged pattern; equals the rule's file name. */
  name: string;
  origin: Origin;
  language: 'dockerfile' | 'requirements';
  category: Category;
  severity: Severity;
  /** Message templates by id, with `{placeholders}`. */
  messages: Record<string, string>;
  fix: 'safe' | 'unsafe' | 'sometimes' | 'none';
  docs: RuleDocs;
  /** Off unless enabled (BuildKit's experimental checks). */
  experimental?: boolean;
  /** Off unless given a severity in the configuration (hadolint's opt-in policy rules such as DL1001). */
  defaultOff?: boolean;
  /** Also runs on a text the model found is not a Dockerfile (`model.notDockerfile`), where every other rule is skipped. */
  notDockerfile?: boolean;
}

export interface Report {
  range: Range;
  messageId: string;
  data?: Record<string, string | number>;
  fixes?: Fix[];
  related?: RelatedInformation[];
  tags?: ('unnecessary' | 'deprecated')[];
  /**
   * For rules that forward another tool's findings (ShellCheck): the finding's own code (`SC2086`), which the
   * engine uses for severity overrides and suppressions instead of the rule's code.
   */
  code?: string;
  /** The forwarded finding's own level, used unless configuration re-levels the code. */
  severity?: Severity;
  /** Documentation link of the forwarded code. */
  docsUrl?: string;
}

export interface RuleContext<M> {
  model: M;
  config: LayerwiseConfig;
  /** Today's date, injected so date-dependent rules are testable. */
  today: Date;
  /** Other files of the project (requirements files, `.dockerignore`); may be empty. */
  files: ProjectFiles;
  /** Path of the linted file, when it has one. */
  path?: string;
  /** Runs ShellCheck on a script, when allowed (trusted workspace) and available; see core/shellcheck.ts. */
  shellChecker?: ShellChecker;
  report(report: Report): void;
}

export interface Rule<M = DockerfileModel> {
  meta: RuleMeta;
  check(ctx: RuleContext<M>): void;
}

export function defineRule<M = DockerfileModel>(rule: Rule<M>): Rule<M> {
  return rule;
}
