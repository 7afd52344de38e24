// DL3007: `FROM image:latest` is as unpinned as no tag at all.
import { defineRule } from '../rule';
import { replace } from './util';
import { PIN_BASIS, pinnedTagFor } from './base-image-tag';

export default defineRule({
  meta: {
    code: 'DL3007',
    name: 'latest-base-image-tag',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      latest: 'Base image tag `latest` moves with every release: pin a version',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags `FROM image:latest`.',
      whyItMatters:
        '`latest` is re-pointed at every release of the image, so two builds of the same Dockerfile can differ in Python version, OS release, libraries and size.',
      example: 'FROM python:latest\n',
      useInstead: 'FROM python:3.13-slim\n',
      fixSafety: 'Unsafe: replaces `latest` with the version it pointed to in Layerwise\'s dated data, which may differ from what your last build pulled.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3007'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const from = instr.from;
      if (!from || from.stage !== undefined || from.ref.tag !== 'latest' || !from.tagRange) continue;
      if (from.ref.digest !== undefined) continue;
      const tag = pinnedTagFor(from);
      ctx.report({
        range: from.tagRange,
        messageId: 'latest',
        fixes: tag ? [{ title: `Pin to \`${from.ref.repository}:${tag}\` (${PIN_BASIS})`, applicability: 'unsafe', edits: [replace(from.tagRange, tag)] }] : [],
      });
    }
  },
});
