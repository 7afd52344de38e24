// BuildKit cases where Layerwise deliberately behaves differently; each must also be explained in the rule's docs `divergences`.

export interface BuildkitDivergence {
  /** Case id in buildkit-cases.json (`buildkit-023`, `buildkit-doc-CopyIgnoredFile-1`). */
  id: string;
  /** The BuildKit rule the difference is about. */
  rule: string;
  /** A phrase that must appear (case-insensitively) in that rule's docs `divergences` section. */
  topic: string;
  /** Why Layerwise differs here. */
  reason: string;
}

export const BUILDKIT_DIVERGENCES: readonly BuildkitDivergence[] = [
  {
    id: 'buildkit-023',
    rule: 'NoEmptyContinuation',
    topic: 'points at the blank line itself',
    reason: 'BuildKit reports the line where the continued instruction ends (6); Layerwise reports the blank line (5), which is the offending text and what the fix deletes.',
  },
  {
    id: 'buildkit-doc-LegacyKeyValueFormat-1',
    rule: 'LegacyKeyValueFormat',
    topic: '`ARG foo bar` declares two build arguments',
    reason: 'The BuildKit docs list `ARG foo bar` as bad, but it declares two ARGs and BuildKit\'s implementation only checks ENV and LABEL.',
  },
  {
    id: 'buildkit-doc-CopyIgnoredFile-1',
    rule: 'CopyIgnoredFile',
    topic: '`*/tmp/*`',
    reason: 'With Docker\'s .dockerignore matching, `*/tmp/*` does not exclude `tmp/helloworld.txt` (the `*` needs a folder before `tmp/`); the BuildKit docs example is wrong.',
  },
];
