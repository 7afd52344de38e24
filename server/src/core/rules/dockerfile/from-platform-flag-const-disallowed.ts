// FromPlatformFlagConstDisallowed: `FROM --platform=linux/amd64` pins a stage to one platform without saying why.
import { defineRule } from '../rule';
import { expandWord, flagOf, parsePlatform } from './buildkit-helpers';

export default defineRule({
  meta: {
    code: 'FromPlatformFlagConstDisallowed',
    name: 'from-platform-flag-const-disallowed',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      constant: '`--platform={value}` pins this stage to one platform: use `$BUILDPLATFORM`/`$TARGETPLATFORM`, or name the stage after the platform',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `FROM --platform=<constant>` (no variable in the value) unless the stage name mentions the platform\'s OS or architecture (`AS build-arm64`).',
      whyItMatters: 'A constant platform makes the stage ignore `--platform` on the command line: a multi-platform build then ships amd64 binaries in the arm64 image, or runs everything under emulation. Stages meant for one platform should say so in their name.',
      example: 'FROM --platform=linux/amd64 python:3.12-slim AS base\n',
      useInstead: 'FROM --platform=$BUILDPLATFORM python:3.12-slim AS base\n',
      fixSafety: 'No fix: whether the stage should follow the build or the target platform is a design choice.',
      references: ['https://docs.docker.com/reference/build-checks/from-platform-flag-const-disallowed/'],
      divergences: 'hadolint\'s DL3029 flags every `--platform`, variables included; this check follows BuildKit and accepts variables and platform-named stages.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      const flag = flagOf(stage.fromInstruction, 'platform');
      if (!flag) continue;
      if (expandWord(flag.value, () => undefined, model.escapeChar).refs.length > 0) continue;
      const p = parsePlatform(flag.value);
      if (!p) continue;
      const name = (stage.name ?? '').toLowerCase();
      if (name && (name.includes(p.os) || (p.arch !== undefined && name.includes(p.arch)))) continue;
      ctx.report({ range: flag.valueRange, messageId: 'constant', data: { value: flag.value } });
    }
  },
});
