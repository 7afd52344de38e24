// DL3056: a label that `label-schema` types as `semver` must hold a semantic version.
import { defineRule } from '../rule';
import { reportInvalidSchemaLabels, isSemver } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3056',
    name: 'label-not-semver',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { invalid: 'Label `{label}` must be a semantic version (its `label-schema` type is `semver`)' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags the value of every label whose type there is `semver` when it is not a semantic version.',
      whyItMatters: 'Tools that read image labels (registries, scanners, deployment dashboards) expect each label in one format; a malformed value is silently ignored or breaks them. The schema makes the expected format part of the lint.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version="v1.2"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version="1.2.0"\n',
      fixSafety: 'No fix: only the author knows the right value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3056', 'https://github.com/hadolint/hadolint#configure'],
    },
  },
  check(ctx) {
    reportInvalidSchemaLabels(ctx, 'semver', isSemver);
  },
});
