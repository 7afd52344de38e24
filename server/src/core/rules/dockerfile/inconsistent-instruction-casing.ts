// ConsistentInstructionCasing: an instruction keyword in mixed case, or in the other case than most of the file's keywords.
import { defineRule } from '../rule';
import { writtenKeyword } from './buildkit-helpers';
import { INSTRUCTION_KEYWORDS } from '../../model/dockerfile';

export default defineRule({
  meta: {
    code: 'ConsistentInstructionCasing',
    name: 'inconsistent-instruction-casing',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'style',
    severity: 'warning',
    messages: {
      casing: 'Instruction `{keyword}` is not in {casing} like most instructions of this file',
    },
    fix: 'safe',
    docs: {
      whatItDoes:
        'Counts the instruction keywords of every stage written all in uppercase and all in lowercase; the larger group (uppercase on a tie) sets the file\'s casing, and each keyword written differently — mixed case included — is flagged.',
      whyItMatters: 'Keywords are case-insensitive, but a file that mixes `RUN` and `run` is harder to scan, and mixed-case keywords such as `From` are usually typos.',
      example: 'FROM python:3.12-slim\nrun pip install --no-cache-dir flask\nCMD ["flask", "run"]\n',
      useInstead: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir flask\nCMD ["flask", "run"]\n',
      fixSafety: 'Safe: rewrites the keyword in the file\'s casing; keywords are case-insensitive.',
      references: ['https://docs.docker.com/reference/build-checks/consistent-instruction-casing/'],
      divergences: 'Like BuildKit, instructions before the first `FROM` (global `ARG`s) neither count nor get flagged.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    // A word that is no instruction (`FROMasdkjh`) is LW020's (unknown instruction): its casing means nothing.
    const inStages = model.instructions.filter((i) => i.stage >= 0 && INSTRUCTION_KEYWORDS.has(i.keyword));
    let lower = 0;
    let upper = 0;
    for (const i of inStages) {
      const k = writtenKeyword(model, i);
      if (k === k.toLowerCase()) lower++;
      else if (k === k.toUpperCase()) upper++;
    }
    const majorityLower = lower > upper;
    for (const i of inStages) {
      const k = writtenKeyword(model, i);
      const want = majorityLower ? k.toLowerCase() : k.toUpperCase();
      if (k === want) continue;
      ctx.report({
        range: i.keywordRange,
        messageId: 'casing',
        data: { keyword: k, casing: majorityLower ? 'lowercase' : 'uppercase' },
        fixes: [{ title: `Write \`${want}\``, applicability: 'safe', edits: [{ range: i.keywordRange, newText: want }] }],
      });
    }
  },
});
