// DL3050: with `strict-labels`, labels outside `label-schema` are not allowed.
import { defineRule } from '../rule';
import { labelPairs } from './label-helpers';

export default defineRule({
  meta: {
    code: 'DL3050',
    name: 'superfluous-label',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'style',
    severity: 'info',
    messages: { extra: 'Label `{key}` is not in `label-schema` (strict labels are on)' },
    fix: 'safe',
    docs: {
      whatItDoes: 'With `strict-labels` on and a `label-schema`, flags every LABEL key the schema does not list.',
      whyItMatters: 'A team that fixes the set of labels its images carry wants typos (`org.opencontainers.image.sorce`) and ad-hoc labels caught before they reach the registry.',
      example: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version="1.2.0" build-host="laptop"\n',
      useInstead: 'FROM python:3.12-slim\nLABEL org.opencontainers.image.version="1.2.0"\n',
      fixSafety: 'Safe: removes the label pair (the whole LABEL line when it is the only pair); the image loses only that label.',
      exampleConfig: { labelSchema: { 'org.opencontainers.image.version': 'semver' }, strictLabels: true },
      references: ['https://github.com/hadolint/hadolint/wiki/DL3050'],
    },
  },
  check(ctx) {
    if (!ctx.config.strictLabels) return;
    const schema = ctx.config.labelSchema;
    const model = ctx.model;
    for (const { instr, kv } of labelPairs(model)) {
      if (Object.prototype.hasOwnProperty.call(schema, kv.key)) continue;
      const pairs = instr.labels ?? [];
      const fixes = [];
      if (!instr.onbuild && pairs.length === 1) {
        const next = instr.endLine + 1 < model.lines.lineCount ? { line: instr.endLine + 1, character: 0 } : instr.range.end;
        fixes.push({ title: `Remove label \`${kv.key}\``, applicability: 'safe' as const, edits: [{ range: { start: { line: instr.startLine, character: 0 }, end: next }, newText: '' }] });
      } else if (!instr.onbuild && kv.valueRange && !/\\\r?\n/.test(model.lines.slice({ start: kv.keyRange.start, end: kv.valueRange.end }))) {
        const i = pairs.indexOf(kv);
        const start = i > 0 ? (pairs[i - 1]!.valueRange ?? pairs[i - 1]!.keyRange).end : kv.keyRange.start;
        const end = i > 0 ? kv.valueRange.end : pairs[i + 1]!.keyRange.start;
        fixes.push({ title: `Remove label \`${kv.key}\``, applicability: 'safe' as const, edits: [{ range: { start, end }, newText: '' }] });
      }
      ctx.report({ range: kv.keyRange, messageId: 'extra', data: { key: kv.key }, fixes });
    }
  },
});
