// DL3054: a label that `label-schema` types as `spdx` must hold an SPDX license expression.
import { defineRule } from '../rule';
import { reportInvalidSchemaLabels, isSpdxExpression } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3054',
    name: 'label-not-spdx',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { invalid: 'Label `{label}` must be an SPDX license expression (its `label-schema` type is `spdx`)' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags the value of every label whose type there is `spdx` when it is not an SPDX license expression.',
      whyItMatters: 'Tools that read image labels (registries, scanners, deployment dashboards) expect each label in one format; a malformed value is silently ignored or breaks them. The schema makes the expected format part of the lint.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.licenses="Apache 2"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.licenses="Apache-2.0"\n',
      fixSafety: 'No fix: only the author knows the right value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.licenses': 'spdx' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3054', 'https://github.com/hadolint/hadolint#configure'],
      divergences: 'Expressions (`MIT OR Apache-2.0`, `GPL-2.0-only WITH Classpath-exception-2.0`) and `LicenseRef-` identifiers are accepted.',
    },
  },
  check(ctx) {
    reportInvalidSchemaLabels(ctx, 'spdx', isSpdxExpression);
  },
});
