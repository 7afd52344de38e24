// DL3051: a label `label-schema` requires must not be set to an empty value.
import { defineRule } from '../rule';
import { labelPairs } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3051',
    name: 'empty-label',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: { empty: 'Label `{label}` is empty' },
    fix: 'none',
    docs: {
      whatItDoes: 'With a `label-schema` in the configuration, flags its labels when they are set to an empty string.',
      whyItMatters: 'An empty required label satisfies the letter of the schema but gives whoever reads it nothing; it usually comes from a build argument that was not passed.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version=""\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version="1.2.0"\n',
      fixSafety: 'No fix: only the author knows the value.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.version': 'semver' } },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3051'],
    },
  },
  check(ctx) {
    const schema = ctx.config.labelSchema;
    for (const { kv } of labelPairs(ctx.model)) {
      if (!Object.prototype.hasOwnProperty.call(schema, kv.key) || kv.value !== '') continue;
      ctx.report({ range: kv.valueRange ?? kv.keyRange, messageId: 'empty', data: { label: kv.key } });
    }
  },
});
