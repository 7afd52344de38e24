// DL3029: a hard-coded `FROM --platform=` builds for one platform whatever the build was asked for.
import { defineRule } from '../rule';
import { instructions } from './hadolint-helpers';

/** Values that follow the build's own platform: BuildKit's automatic platform ARGs. */
const AUTOMATIC = /\$\{?(BUILD|TARGET)(PLATFORM|OS|ARCH|VARIANT)\b/;

export default defineRule({
  meta: {
    code: 'DL3029',
    name: 'from-platform-flag',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: {
      platform: '`--platform={platform}` pins this stage to one platform',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags `FROM --platform=<value>` unless the value uses BuildKit\'s automatic platform arguments (`$BUILDPLATFORM`, `$TARGETPLATFORM`, `$TARGETOS`, `$TARGETARCH`, …).',
      whyItMatters:
        'A fixed platform ignores `docker build --platform` and multi-platform builds: an arm64 machine gets an amd64 image that runs under emulation, or a multi-arch build silently ships one architecture.',
      example: 'FROM --platform=linux/amd64 python:3.12-slim\n',
      useInstead: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS build\n',
      fixSafety: 'Unsafe: removes the flag, so the stage builds for the requested platform; an image that exists only for the pinned platform then fails to pull.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3029', 'https://docs.docker.com/build/building/multi-platform/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const { instr } of instructions(model)) {
      if (instr.keyword !== 'FROM') continue;
      const flag = instr.flags.find((f) => f.name.toLowerCase() === 'platform');
      if (!flag || flag.value === undefined || AUTOMATIC.test(flag.value)) continue;
      const end = model.lines.offsetAt(flag.range.end);
      let e = end;
      while (model.text[e] === ' ' || model.text[e] === '\t') e++;
      ctx.report({
        range: flag.range,
        messageId: 'platform',
        data: { platform: flag.value },
        fixes: [{ title: 'Remove `--platform`', applicability: 'unsafe', edits: [{ range: model.lines.rangeOf(model.lines.offsetAt(flag.range.start), e), newText: '' }] }],
      });
    }
  },
});
