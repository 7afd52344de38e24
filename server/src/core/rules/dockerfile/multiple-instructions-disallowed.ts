// MultipleInstructionsDisallowed: a second CMD, ENTRYPOINT or HEALTHCHECK in a stage, which makes the earlier one dead code.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { fullLinesRange } from './util';

const ONCE = new Set(['CMD', 'ENTRYPOINT', 'HEALTHCHECK']);

export default defineRule({
  meta: {
    code: 'MultipleInstructionsDisallowed',
    name: 'multiple-instructions-disallowed',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      overridden: 'This `{keyword}` has no effect: a later `{keyword}` in the same stage replaces it',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags every `CMD`, `ENTRYPOINT` and `HEALTHCHECK` that a later instruction of the same kind in the same stage overrides.',
      whyItMatters: 'Only the last one ends up in the image. The earlier one reads as if it mattered — often someone expected both commands to run, which never happens.',
      example: 'FROM python:3.12-slim\nCMD ["python", "migrate.py"]\nCMD ["python", "app.py"]\n',
      useInstead: 'FROM python:3.12-slim\nCMD ["python", "app.py"]\n',
      fixSafety: 'Safe: deletes the overridden instruction, which the image never used.',
      references: ['https://docs.docker.com/reference/build-checks/multiple-instructions-disallowed/'],
      divergences: 'hadolint covers CMD/ENTRYPOINT in DL4003/DL4004 and HEALTHCHECK in DL3012, flagging the later instructions; this check, like BuildKit, flags the earlier ones, which are the ones without effect. Where hadolint\'s DL3012 reports the same range, the engine shows this finding only (same fault, one finding), with the more severe of the two levels and any fix only DL3012 offers; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const last = new Map<string, Instruction>();
      for (const instr of stage.instructions) {
        if (!ONCE.has(instr.keyword)) continue;
        const prev = last.get(instr.keyword);
        if (prev) {
          ctx.report({
            range: prev.keywordRange,
            messageId: 'overridden',
            data: { keyword: prev.keyword },
            tags: ['unnecessary'],
            fixes: [{ title: `Remove the overridden \`${prev.keyword}\``, applicability: 'safe', edits: [{ range: fullLinesRange(ctx.model, prev.startLine, prev.endLine), newText: '' }] }],
          });
        }
        last.set(instr.keyword, instr);
      }
    }
  },
});
