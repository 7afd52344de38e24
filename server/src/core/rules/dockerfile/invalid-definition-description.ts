// InvalidDefinitionDescription (experimental): a comment right above an ARG or a named FROM that does not start with the name it describes.
import { defineRule } from '../rule';
import type { Range } from '../../types';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=/;

export default defineRule({
  meta: {
    code: 'InvalidDefinitionDescription',
    name: 'invalid-definition-description',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    experimental: true,
    messages: {
      arg: 'The comment above `ARG {name}` should start with `{name}`, or be separated from it by an empty line',
      args: 'The comment above this `ARG` should start with one of its names ({names}), or be separated from it by an empty line',
      stage: 'The comment above stage `{name}` should start with `{name}`, or be separated from it by an empty line',
    },
    fix: 'safe',
    docs: {
      whatItDoes:
        'Experimental (off unless enabled with `# check=experimental=InvalidDefinitionDescription`, `experimental=all` or the `experimental` setting). Reads the comment lines directly above an `ARG` or a `FROM … AS <name>` as the description of that build argument or stage, and flags them when their first word is not the name described (`# VERSION the version to build`).',
      whyItMatters: 'Tools such as `docker buildx build --call=outline` show these comments as the documentation of build arguments and targets; a comment that is not written as a description shows up there as nonsense.',
      example: '# pick the interpreter\nARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim AS runtime\n',
      useInstead: '# PYTHON_VERSION the interpreter to build with\nARG PYTHON_VERSION=3.12\nFROM python:${PYTHON_VERSION}-slim AS runtime\n',
      exampleConfig: { experimental: true },
      fixSafety: 'Safe: inserts an empty line between the comment and the instruction, which makes it an ordinary comment; nothing in the build changes.',
      references: ['https://docs.docker.com/reference/build-checks/invalid-definition-description/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const directiveEnd = leadingDirectives(model);
    for (const instr of model.instructions) {
      let names: string[];
      let nameRange: Range | undefined;
      if (instr.keyword === 'ARG' && instr.argDecls?.length) {
        names = instr.argDecls.map((a) => a.key);
        nameRange = instr.argDecls[0]!.keyRange;
      } else if (instr.keyword === 'FROM') {
        const stage = model.stages[instr.stage];
        if (!stage?.name || !stage.nameRange) continue;
        names = [stage.name.toLowerCase()];
        nameRange = stage.nameRange;
      } else continue;
      const first = descriptionWord(model, instr, directiveEnd);
      if (first === undefined || names.includes(first)) continue;
      const messageId = instr.keyword === 'FROM' ? 'stage' : names.length > 1 ? 'args' : 'arg';
      const insertAt = { line: instr.startLine, character: 0 };
      ctx.report({
        range: nameRange,
        messageId,
        data: { name: names[0]!, names: names.map((n) => `\`${n}\``).join(', ') },
        fixes: [{ title: 'Separate the comment with an empty line', applicability: 'safe', edits: [{ range: { start: insertAt, end: insertAt }, newText: '\n' }] }],
      });
    }
  },
});

/** Lines of the parser directives at the top of the file, which are not comments. */
function leadingDirectives(model: DockerfileModel): number {
  let line = 0;
  while (line < model.lines.lineCount && DIRECTIVE.test(model.lines.lineText(line).trim())) line++;
  return line;
}

/** First word of the comment block right above an instruction, or undefined when there is none or it is empty. */
function descriptionWord(model: DockerfileModel, instr: Instruction, directiveEnd: number): string | undefined {
  const block: string[] = [];
  for (let line = instr.startLine - 1; line >= directiveEnd; line--) {
    const t = model.lines.lineText(line).trim();
    if (!t.startsWith('#')) break;
    block.unshift(t.replace(/^#+/, '').trim());
  }
  const words = block.join(' ').split(/\s+/).filter(Boolean);
  return words[0];
}
