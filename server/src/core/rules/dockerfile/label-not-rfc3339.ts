// DL3053: a label that `label-schema` types as `rfc3339` must hold an RFC 3339 date and time.
import { defineRule } from '../rule';
import { reportInvalidSchemaLabels, isRfc3339 } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3053',
    name: 'label-not-rfc3339',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { invalid: 'Label `{label}` must be an RFC 3339 date and time (its `label-schema` type is `rfc3339`)' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags the value of every label whose type there is `rfc3339` when it is not an RFC 3339 date and time.',
      whyItMatters: 'Tools that read image labels (registries, scanners, deployment dashboards) expect each label in one format; a malformed value is silently ignored or breaks them. The schema makes the expected format part of the lint.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.created="10 March 2021"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.created="2021-03-10T10:26:33Z"\n',
      fixSafety: 'No fix: only the author knows the right value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.created': 'rfc3339' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3053', 'https://github.com/hadolint/hadolint#configure'],
    },
  },
  check(ctx) {
    reportInvalidSchemaLabels(ctx, 'rfc3339', isRfc3339);
  },
});
