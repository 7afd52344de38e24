// NoEmptyContinuation: a blank line inside an instruction continued with `\`, which Docker skips today and will reject.
import { defineRule } from '../rule';
import type { Range } from '../../types';

export default defineRule({
  meta: {
    code: 'NoEmptyContinuation',
    name: 'empty-continuation-line',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      empty: 'Empty line inside a continued `{keyword}`: Docker skips it today and will treat it as an error',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags a blank line in the middle of an instruction that a line continuation (`\\`, or the file\'s escape character) carries over several lines. Comment lines are not blank.',
      whyItMatters: 'A blank line usually ends something, so readers take the instruction to stop there, while Docker joins the next line to it. Docker deprecated this and announces it will become a parse error.',
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n\n    flask\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir \\\n    flask\n',
      fixSafety: 'Safe: deletes the blank line, which Docker ignores anyway.',
      references: ['https://docs.docker.com/reference/build-checks/no-empty-continuation/'],
      divergences: 'BuildKit reports the line where the instruction ends; Layerwise points at the blank line itself, which is what the fix removes.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const instr of model.instructions) {
      if (instr.startLine === instr.endLine) continue;
      // getHeredocs() re-scans the instruction: asked only once an empty line is found.
      let heredocs: { getContentRange(): Range | null; getDelimiterRange?(): Range | null }[] | undefined;
      const inHeredoc = (line: number): boolean => {
        try {
          return (heredocs ??= (instr.ast as unknown as { getHeredocs?: () => NonNullable<typeof heredocs> }).getHeredocs?.() ?? []).some((h) => {
            const r = h.getContentRange();
            return r !== null && line >= r.start.line && line <= r.end.line + 1;
          });
        } catch {
          // dockerfile-ast's heredoc scan throws on some half-typed `<<-x \` lines: report nothing rather than guess.
          return true;
        }
      };
      for (let line = instr.startLine + 1; line < instr.endLine; line++) {
        if (model.lines.lineText(line).trim() !== '' || inHeredoc(line)) continue;
        const range = { start: { line, character: 0 }, end: { line, character: model.lines.lineText(line).length } };
        ctx.report({
          range,
          messageId: 'empty',
          data: { keyword: instr.keyword },
          fixes: [{ title: 'Remove the empty line', applicability: 'safe', edits: [{ range: { start: { line, character: 0 }, end: { line: line + 1, character: 0 } }, newText: '' }] }],
        });
      }
    }
  },
});
