// RedundantTargetPlatform: `FROM --platform=$TARGETPLATFORM`, which only restates the default.
import { defineRule } from '../rule';
import { expandWord, flagOf, globalArgDefaults } from './buildkit-helpers';

export default defineRule({
  meta: {
    code: 'RedundantTargetPlatform',
    name: 'platform-flag-repeats-target',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      redundant: '`--platform={value}` repeats the default: a stage is built for the target platform anyway',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `FROM --platform=$TARGETPLATFORM` (or `${TARGETPLATFORM}`) on its own.',
      whyItMatters: 'Every stage already pulls its base image for the target platform, so the flag adds noise, and it hides the stages where `--platform` matters (`$BUILDPLATFORM` for cross-compiling builders).',
      example: 'FROM --platform=$TARGETPLATFORM python:3.12-slim\n',
      useInstead: 'FROM python:3.12-slim\n',
      fixSafety: 'Safe: removes the flag; the stage is built for the same platform.',
      references: ['https://docs.docker.com/reference/build-checks/redundant-target-platform/', 'https://docs.docker.com/build/building/variables/#multi-platform-build-arguments'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const defaults = globalArgDefaults(model);
    for (const stage of model.stages) {
      const instr = stage.fromInstruction;
      const flag = flagOf(instr, 'platform');
      if (!flag) continue;
      const exp = expandWord(flag.value, (n) => defaults.get(n), model.escapeChar);
      if (exp.refs.length !== 1 || exp.unmatched.size > 0 || !exp.matched.has('TARGETPLATFORM')) continue;
      if (exp.result !== defaults.get('TARGETPLATFORM')) continue;
      // Remove the flag and the blank that separates it from the image.
      const start = model.lines.offsetAt(flag.range.start);
      let end = model.lines.offsetAt(flag.range.end);
      while (model.text[end] === ' ' || model.text[end] === '\t') end++;
      ctx.report({
        range: flag.valueRange,
        messageId: 'redundant',
        data: { value: flag.value },
        fixes: [{ title: 'Remove `--platform`', applicability: 'safe', edits: [{ range: model.lines.rangeOf(start, end), newText: '' }] }],
      });
    }
  },
});
