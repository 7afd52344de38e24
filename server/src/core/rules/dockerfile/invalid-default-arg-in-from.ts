// InvalidDefaultArgInFrom: with only the ARG defaults, a FROM line expands to an empty or malformed image reference.
import { defineRule } from '../rule';
import { expandWord, globalArgDefaults, isValidImageReference } from './buildkit-helpers';

export default defineRule({
  meta: {
    code: 'InvalidDefaultArgInFrom',
    name: 'invalid-default-arg-in-from',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      invalid: 'With the ARG defaults, `{image}` becomes `{result}`, which is not a valid image reference',
      empty: 'With the ARG defaults, `{image}` becomes empty: give the ARG a default value',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Expands each `FROM` image that uses variables with nothing but the defaults of the global `ARG`s (and BuildKit\'s platform ARGs), and flags it when the result is empty or not a valid image reference (`python:`, `:3.12`).',
      whyItMatters: 'The Dockerfile then only builds when every caller remembers the right `--build-arg`; a plain `docker build` fails with an unhelpful reference error, and tools that read the file (scanners, Dependabot, this linter) cannot tell which image it uses.',
      example: 'ARG PYTHON_VERSION\nFROM python:${PYTHON_VERSION}-slim\n',
      useInstead: 'ARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim\n',
      fixSafety: 'No fix: only the author knows the right default.',
      references: ['https://docs.docker.com/reference/build-checks/invalid-default-arg-in-from/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const defaults = globalArgDefaults(model);
    const stageNames = new Set(model.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => n !== undefined));
    for (const stage of model.stages) {
      const from = stage.fromInstruction.from;
      if (!from) continue;
      const image = model.lines.slice(from.imageRange);
      const exp = expandWord(image, (n) => defaults.get(n), model.escapeChar);
      if (exp.refs.length === 0) continue;
      const result = exp.result;
      if (result !== '' && (isValidImageReference(result) || stageNames.has(result.toLowerCase()))) continue;
      ctx.report({ range: from.imageRange, messageId: result === '' ? 'empty' : 'invalid', data: { image, result } });
    }
  },
});
