// Hadolint cases where Layerwise deliberately behaves differently; each must also be explained in the rule's docs `divergences`.

export interface Divergence {
  /** Hadolint rule code the case belongs to. */
  rule: string;
  /** Case id in hadolint-cases.json (`hadolint-0123`), or … */
  id?: string;
  /** … the case's exact Dockerfile text, when ids may shift between versions of the case file. */
  dockerfile?: string;
  /** A phrase that must appear (case-insensitively) in that rule's docs `divergences` section. */
  topic: string;
  /** Why Layerwise differs here. */
  reason: string;
}

export const DIVERGENCES: readonly Divergence[] = [
  // --- hadolint DL3030-DL4006 and ShellCheck (issue 8) ---
  {
    rule: 'DL3033',
    id: 'hadolint-0472',
    topic: 'ARG declared in another stage',
    reason: 'The ARG is declared in an unrelated stage, so the RUN sees no version; hadolint accepts any ARG declared anywhere.',
  },
  {
    rule: 'DL3041',
    id: 'hadolint-0626',
    topic: 'ARG declared in another stage',
    reason: 'The ARG is declared in an unrelated stage, so the RUN sees no version; hadolint accepts any ARG declared anywhere.',
  },
  {
    rule: 'shellcheck',
    id: 'hadolint-1064',
    topic: 'ONBUILD triggers run with the SHELL',
    reason: 'SHELL is stored in the image configuration, so a trigger runs in the child build with that shell (bash here); hadolint checks triggers as /bin/sh.',
  },
];
