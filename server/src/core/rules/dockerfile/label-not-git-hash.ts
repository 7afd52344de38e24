// DL3055: a label that `label-schema` types as `hash` must hold a git commit hash.
import { defineRule } from '../rule';
import { reportInvalidSchemaLabels, isGitHash } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3055',
    name: 'label-not-git-hash',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { invalid: 'Label `{label}` must be a git commit hash (its `label-schema` type is `hash`)' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags the value of every label whose type there is `hash` when it is not a git commit hash.',
      whyItMatters: 'Tools that read image labels (registries, scanners, deployment dashboards) expect each label in one format; a malformed value is silently ignored or breaks them. The schema makes the expected format part of the lint.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.revision="main"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.revision="43c572f1272b6b3171dd1db9e41b7027128ce080"\n',
      fixSafety: 'No fix: only the author knows the right value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.revision': 'hash' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3055', 'https://github.com/hadolint/hadolint#configure'],
      divergences: 'Abbreviated hashes of 7 to 40 digits and SHA-256 hashes are accepted.',
    },
  },
  check(ctx) {
    reportInvalidSchemaLabels(ctx, 'hash', isGitHash);
  },
});
