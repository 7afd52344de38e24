// DL3006: a FROM image without a tag or digest floats to whatever `latest` is at build time.
import { defineRule } from '../rule';
import { insertAfter } from './util';
import { PIN_BASIS, pinnedTagFor } from './base-image-tag';

export default defineRule({
  meta: {
    code: 'DL3006',
    name: 'untagged-base-image',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      untagged: 'Base image `{image}` has no tag: builds take whatever `latest` is that day',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags `FROM image` with neither a tag nor a digest (stage names, `scratch` and variables are not images and are skipped).',
      whyItMatters:
        'Without a tag Docker pulls `latest`, which moves: a rebuild next month may bring a new Python minor or Debian release, new system libraries, and a different image size.',
      example: 'FROM python\nRUN pip install --no-cache-dir flask\n',
      useInstead: 'FROM python:3.13-slim\nRUN pip install --no-cache-dir flask\n',
      fixSafety:
        'Unsafe: for official images Layerwise knows (python, debian, alpine, ubuntu) it writes the tag `latest` pointed to when its data was taken; that may not match what your build pulled before.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3006', 'https://docs.docker.com/reference/dockerfile/#from'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const from = instr.from;
      if (!from || from.stage !== undefined) continue;
      const ref = from.ref;
      if (ref.tag !== undefined || ref.digest !== undefined || ref.repository === 'scratch') continue;
      // A variable that may carry its own tag (`FROM ${BASE}`) cannot be judged.
      if (ref.hasVariables) continue;
      const tag = pinnedTagFor(from);
      const end = from.nameRange ?? from.imageRange;
      ctx.report({
        range: from.imageRange,
        messageId: 'untagged',
        data: { image: from.image },
        fixes: tag
          ? [{ title: `Pin to \`${ref.repository}:${tag}\` (${PIN_BASIS})`, applicability: 'unsafe', edits: [insertAfter(end, `:${tag}`)] }]
          : [],
      });
    }
  },
});
