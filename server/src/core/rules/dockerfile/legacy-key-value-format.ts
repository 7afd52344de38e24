// LegacyKeyValueFormat: `ENV key value` / `LABEL key value`, the whitespace form whose value silently swallows the rest of the line.
import { defineRule } from '../rule';
import type { Fix, Range } from '../../types';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';

interface Prop {
  getName(): string;
  getValue(): string | null;
  getNameRange(): Range;
  getAssignmentOperator(): string | null;
}

export default defineRule({
  meta: {
    code: 'LegacyKeyValueFormat',
    name: 'legacy-key-value-format',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      legacy: '`{keyword} {key} …` uses the legacy space-separated form: write `{keyword} {key}=…`',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags `ENV` and `LABEL` written as `KEY value` (a space instead of `=`).',
      whyItMatters: 'In the legacy form everything after the key is one value: `ENV PATH /app/bin PYTHONUNBUFFERED 1` sets a single, broken `PATH`. The `key=value` form can set several variables per line and reads unambiguously; Docker documents the old form as deprecated.',
      example: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED 1\n',
      useInstead: 'FROM python:3.12-slim\nENV PYTHONUNBUFFERED=1\n',
      fixSafety: 'Safe: writes `key=value`, wrapping the value in double quotes when it contains blanks, so the value is unchanged. No fix when the value has quotes or escapes whose meaning would have to be re-read.',
      references: ['https://docs.docker.com/reference/build-checks/legacy-key-value-format/', 'https://docs.docker.com/reference/dockerfile/#env'],
      divergences: 'BuildKit\'s documentation shows `ARG foo bar` as an example, but `ARG foo bar` declares two build arguments and BuildKit itself does not report it; neither does Layerwise.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const instr of model.instructions) {
      const target = instr.trigger ?? instr;
      if (target.keyword !== 'ENV' && target.keyword !== 'LABEL') continue;
      const props = (target.ast as unknown as { getProperties?: () => Prop[] }).getProperties?.() ?? [];
      const legacy = props.find((p) => p.getAssignmentOperator() === null && p.getValue() !== null);
      if (!legacy) continue;
      const keyword = model.lines.slice(target.keywordRange);
      const keyRange = legacy.getNameRange();
      const range = { start: keyRange.start, end: target.range.end };
      ctx.report({ range, messageId: 'legacy', data: { keyword, key: legacy.getName() }, fixes: fixFor(model, target, keyRange) });
    }
  },
});

function fixFor(model: DockerfileModel, instr: Instruction, keyRange: Range): Fix[] {
  const esc = model.escapeChar;
  const keyEnd = model.lines.offsetAt(keyRange.end);
  const end = model.lines.offsetAt(instr.range.end);
  const t = model.text;
  // The gap between key and value may hold blanks and line continuations.
  let i = keyEnd;
  while (i < end) {
    if (t[i] === ' ' || t[i] === '\t') i++;
    else if (t[i] === esc && (t[i + 1] === '\n' || t[i + 1] === '\r')) {
      i++;
      while (t[i] === '\r' || t[i] === '\n') i++;
    } else break;
  }
  const raw = t.slice(i, end).replace(/\s+$/, '');
  if (raw === '' || /["']/.test(raw)) return [];
  // A comment line inside the continuation is no part of the value; quoting across it would copy it in (and the
  // line break with it, so the value's tail became an instruction of its own).
  if (raw.startsWith('#') || /[\r\n][ \t]*#/.test(raw)) return [];
  // An escape character is only harmless when it continues a line.
  for (let k = 0; k < raw.length; k++) if (raw[k] === esc && raw[k + 1] !== '\n' && raw[k + 1] !== '\r') return [];
  const gap = model.lines.rangeOf(keyEnd, i);
  const blank = /\s/.test(raw);
  const edits = [{ range: gap, newText: blank ? '="' : '=' }];
  if (blank) edits.push({ range: model.lines.rangeOf(i + raw.length, i + raw.length), newText: '"' });
  return [{ title: 'Use `key=value`', applicability: 'safe', edits }];
}
