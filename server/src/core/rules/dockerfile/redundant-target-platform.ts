// DL3065: `FROM --platform=$TARGETPLATFORM` says what BuildKit does anyway.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'DL3065',
    name: 'redundant-target-platform',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: { redundant: '`--platform={value}` is the default: remove it' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`).',
      whyItMatters: 'A stage is built for the target platform unless told otherwise, so the flag adds noise and suggests a cross-compilation set-up that is not there. `--platform=$BUILDPLATFORM` is the form that changes something.',
      example: 'FROM --platform=$TARGETPLATFORM python:3.12-slim\n',
      useInstead: 'FROM python:3.12-slim\n',
      fixSafety: 'Safe: the stage is built for the same platform without the flag.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3065', 'https://docs.docker.com/build/building/multi-platform/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const s of model.stages) {
      const instr = s.fromInstruction;
      for (const f of instr.flags) {
        if (f.name.toLowerCase() !== 'platform' || !/^\$(\{TARGETPLATFORM\}|TARGETPLATFORM)$/.test(f.value ?? '')) continue;
        const after = model.lines.offsetAt(f.range.end);
        let end = after;
        while (model.text[end] === ' ' || model.text[end] === '\t') end++;
        ctx.report({
          range: f.range,
          messageId: 'redundant',
          data: { value: f.value! },
          fixes: [{ title: 'Remove `--platform`', applicability: 'safe', edits: [{ range: { start: f.range.start, end: model.lines.positionAt(end) }, newText: '' }] }],
        });
      }
    }
  },
});
