// LW020: a line starts with a word that is no Dockerfile instruction (`RUNN`, `CPOY`, `FROMpython:3.12`): the build fails there.
import { defineRule } from '../rule';
import { INSTRUCTION_KEYWORDS, type Instruction } from '../../model/dockerfile';
import { suggestInstruction } from '../../instruction-typo';
import type { Fix } from '../../types';
import { parseShell } from '../../parse/shell';
import { writtenKeyword } from './buildkit-helpers';

/** Instructions whose first argument is a command name, so `RUNpip install x` is `RUN` glued to `pip`. */
const COMMAND_FIRST = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'HEALTHCHECK', 'ONBUILD']);

export default defineRule({
  meta: {
    code: 'LW020',
    name: 'unknown-instruction',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      didYouMean: 'Unknown instruction `{word}`: did you mean `{keyword}`?',
      unknown: 'Unknown instruction `{word}`: Docker stops the build at this line',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags a line (or an `ONBUILD` trigger) that starts with a word that is no Dockerfile instruction, and names the instruction it was probably meant to be: one typo away (`RUNN`, `CPOY`, `WORKDIRR`; two for instructions of 6 letters or more, `ENTRYPONT`), or an instruction with its argument glued on (`FROMpython:3.12`, `RUNpip install flask`, `FROMasdkjh python:3.12`). A file that is mostly not instructions is LW013\'s (not a Dockerfile), not reported line by line; casing (ConsistentInstructionCasing) and order (DL3061) rules leave such a line to this one.',
      whyItMatters:
        'Docker rejects the whole Dockerfile with `unknown instruction` before it builds anything. Other rules read the line as an instruction they do not know, so without this finding a half-typed line shows up only as a casing warning.',
      example: 'FROM python:3.12-slim\nWORKDIR /app\nCPOY requirements.txt .\nRUNN pip install --no-cache-dir -r requirements.txt\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      fixSafety:
        'Unsafe: the fix turns a file that does not build into one that does, and runs what the line says (`RUNN rm -rf /app` becomes a command that runs), so it is never applied by `--fix`. A typo is replaced by the instruction in the same case; a glued word gets two fixes, a space after the instruction (`FROM python:3.12`, first for `RUN`, `CMD` and the other instructions whose argument is a command, and when nothing follows the word) and the word replaced by the instruction (`FROMasdkjh python:3.12` → `FROM python:3.12`). No fix where the line would become a RUN whose body the shell cannot parse (an unterminated quote): that would trade one broken line for another.',
      references: ['https://docs.docker.com/reference/dockerfile/#overview', 'https://docs.docker.com/reference/dockerfile/#format'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const check = (instr: Instruction): void => {
      if (INSTRUCTION_KEYWORDS.has(instr.keyword)) return;
      const word = writtenKeyword(model, instr);
      const s = suggestInstruction(word, INSTRUCTION_KEYWORDS);
      if (!s) {
        ctx.report({ range: instr.keywordRange, messageId: 'unknown', data: { word } });
        return;
      }
      // A line that becomes a RUN must leave a body the shell can read: `R:UN echo 'unterminated` would turn one
      // unknown instruction into a RUN that does not parse (fuzz seed 777 #23661); reported, no fix then.
      if (s.keyword === 'RUN' && !/^\s*\[/.test(instr.argsText) && parseShell(instr.argsText).hasErrors) {
        ctx.report({ range: instr.keywordRange, messageId: 'didYouMean', data: { word, keyword: s.keyword } });
        return;
      }
      const keyword = word === word.toLowerCase() ? s.keyword.toLowerCase() : s.keyword;
      const replace: Fix = { title: `Replace \`${word}\` with \`${keyword}\``, applicability: 'unsafe', edits: [{ range: instr.keywordRange, newText: keyword }] };
      const fixes = [replace];
      if (s.glued) {
        const rest = word.slice(keyword.length);
        const split: Fix = { title: `Write \`${keyword} ${rest}\``, applicability: 'unsafe', edits: [{ range: instr.keywordRange, newText: `${keyword} ${rest}` }] };
        const nothingAfter = instr.args.length === 0;
        if (nothingAfter || COMMAND_FIRST.has(s.keyword)) fixes.unshift(split);
        else fixes.push(split);
      }
      ctx.report({ range: instr.keywordRange, messageId: 'didYouMean', data: { word, keyword }, fixes });
    };
    for (const instr of model.instructions) {
      check(instr);
      if (instr.keyword === 'ONBUILD' && instr.trigger) check(instr.trigger);
    }
  },
});
