// DL3058: a label that `label-schema` types as `email` must hold an email address.
import { defineRule } from '../rule';
import { reportInvalidSchemaLabels, isEmail } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3058',
    name: 'label-not-email',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { invalid: 'Label `{label}` must be an email address (its `label-schema` type is `email`)' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags the value of every label whose type there is `email` when it is not an email address.',
      whyItMatters: 'Tools that read image labels (registries, scanners, deployment dashboards) expect each label in one format; a malformed value is silently ignored or breaks them. The schema makes the expected format part of the lint.',
      example: 'FROM python:3.12-slim\nLABEL maintainer="Jane Doe"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL maintainer="jane@example.com"\n',
      fixSafety: 'No fix: only the author knows the right value.',
      exampleConfig: { labelSchema: { 'maintainer': 'email' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3058', 'https://github.com/hadolint/hadolint#configure'],
    },
  },
  check(ctx) {
    reportInvalidSchemaLabels(ctx, 'email', isEmail);
  },
});
