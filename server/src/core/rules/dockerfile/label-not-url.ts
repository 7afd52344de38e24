// DL3052: a label that `label-schema` types as `url` must hold an absolute URL.
import { defineRule } from '../rule';
import { reportInvalidSchemaLabels, isUrl } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3052',
    name: 'label-not-url',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { invalid: 'Label `{label}` must be an absolute URL (its `label-schema` type is `url`)' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags the value of every label whose type there is `url` when it is not an absolute URL.',
      whyItMatters: 'Tools that read image labels (registries, scanners, deployment dashboards) expect each label in one format; a malformed value is silently ignored or breaks them. The schema makes the expected format part of the lint.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="github.com/acme/app"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.source="https://github.com/acme/app"\n',
      fixSafety: 'No fix: only the author knows the right value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.source': 'url' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3052', 'https://github.com/hadolint/hadolint#configure'],
    },
  },
  check(ctx) {
    reportInvalidSchemaLabels(ctx, 'url', isUrl);
  },
});
