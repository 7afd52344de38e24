// The assist contract: a pure rewrite of the model, offered as a refactor, that either returns edits or says why not.
import type { Range, TextEdit } from '../types';
import type { DockerfileModel } from '../model/dockerfile';
import type { ProjectFiles } from '../project';
import type { E } from '../estimate/types';
import type { RewriteChanges } from '../rewrite-contract';

/** LSP-style code action kinds an assist is offered under (the adapter maps them one to one). */
export type AssistKind = 'refactor.rewrite' | 'refactor.move' | 'refactor.extract';

export interface AssistContext {
  /** Where the editor's cursor or selection is; undefined when the caller asks about the whole file (CLI). */
  range?: Range;
  files?: ProjectFiles;
  path?: string;
  /**
   * Size of the final image of a model, when an estimator is available; assists use it to show the predicted
   * saving in their titles and never guess a number without it.
   */
  sizeOf?: (model: DockerfileModel) => E | undefined;
  /** Assist-specific options (e.g. `keepBase` for the split). */
  options?: Record<string, string | boolean>;
}

export interface AssistAction {
  /** Imperative title shown in the editor, with the predicted saving when known. */
  title: string;
  /** Edits to the document. Applying them gives `text`. */
  edits: TextEdit[];
  /** The whole document after the edits. */
  text: string;
  /** Predicted change of the final image's size (positive = smaller), when an estimator was given. */
  saving?: E;
  /** Extra facts about the rewrite (choices made, packages kept), for the CLI and the docs. */
  notes?: string[];
  /** What the rewrite changes on purpose (the rewrite contract holds everything else to the original). */
  changes?: RewriteChanges;
}

export type AssistResult = { applies: true; actions: AssistAction[] } | { applies: false; reason: string };

export interface Assist {
  /** kebab-case id; equals the file name. */
  id: string;
  /** The title without any number. */
  title: string;
  kind: AssistKind;
  run(model: DockerfileModel, ctx: AssistContext): AssistResult;
}

export function declined(reason: string): AssistResult {
  return { applies: false, reason };
}

export function defineAssist(a: Assist): Assist {
  return a;
}
