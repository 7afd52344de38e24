// DL3048: label keys should follow Docker's key format: lower-case reverse-DNS words, no reserved namespaces.
import { defineRule } from '../rule';
import { labelPairs } from './label-helpers';

function problem(key: string): string | undefined {
  if (/^(com\.docker|io\.docker|org\.dockerproject)\./.test(key)) return 'uses a namespace reserved for Docker';
  if (!/^[a-z]/.test(key)) return 'must start with a lower-case letter';
  if (!/[a-z0-9]$/.test(key)) return 'must end with a lower-case letter or a digit';
  if (/[^a-z0-9.-]/.test(key)) return 'may only contain lower-case letters, digits, `.` and `-`';
  if (/\.\.|--/.test(key)) return 'must not repeat `.` or `-`';
  return undefined;
}

export default defineRule({
  meta: {
    code: 'DL3048',
    name: 'invalid-label-key',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'hint',
    messages: { invalid: 'Label key `{key}` {problem}' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags LABEL keys that do not follow Docker\'s recommended format: lower-case letters, digits, `.` and `-`, starting with a letter, ending with a letter or digit, without `..` or `--`, and outside the `com.docker.`, `io.docker.` and `org.dockerproject.` namespaces.',
      whyItMatters: 'Tools that read labels expect reverse-DNS keys such as `org.opencontainers.image.source`; the reserved namespaces belong to Docker itself and may be overwritten or misread.',
      example: 'FROM python:3.12-slim\nLABEL com.docker.build-host="ci"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL com.example.build-host="ci"\n',
      fixSafety: 'No fix: renaming a label breaks whatever reads it.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3048', 'https://docs.docker.com/engine/manage-resources/labels/#key-format-recommendations'],
    },
  },
  check(ctx) {
    for (const { kv } of labelPairs(ctx.model)) {
      const p = problem(kv.key);
      if (p) ctx.report({ range: kv.keyRange, messageId: 'invalid', data: { key: kv.key, problem: p } });
    }
  },
});
