// DL3020: ADD of plain local files does what COPY does, plus surprises (URLs, auto-unpacking).
import { defineRule } from '../rule';
import { instructions, isArchive, isUrl } from './hadolint-helpers';
import { replace } from './util';

/** ADD options COPY does not have: the instruction must stay an ADD. */
const ADD_ONLY_FLAGS = new Set(['checksum', 'keep-git-dir', 'unpack']);

export default defineRule({
  meta: {
    code: 'DL3020',
    name: 'add-instead-of-copy',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      useCopy: 'ADD of local files: use COPY',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `ADD` whose sources are all local files or folders that are not tar archives (URLs and archives that ADD unpacks are left alone).',
      whyItMatters:
        '`ADD` also downloads URLs and unpacks local tar archives. When neither is wanted, `COPY` says exactly what happens, and a source renamed later to `.tar.gz` will not start being unpacked silently.',
      example: 'FROM python:3.12-slim\nADD requirements.txt /app/\n',
      useInstead: 'FROM python:3.12-slim\nCOPY requirements.txt /app/\n',
      fixSafety: 'Safe: for local non-archive sources COPY copies the same files with the same options (`--chown`, `--chmod`, `--link`). Not offered when ADD-only options (`--checksum`, `--keep-git-dir`) are used.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3020', 'https://docs.docker.com/build/building/best-practices/#add-or-copy'],
    },
  },
  check(ctx) {
    for (const { instr } of instructions(ctx.model)) {
      const copy = instr.copy;
      if (instr.keyword !== 'ADD' || !copy || copy.sources.length === 0) continue;
      if (copy.sources.some((s) => isUrl(s.value) || isArchive(s.value) || /^git@/.test(s.value))) continue;
      const canFix = !instr.flags.some((f) => ADD_ONLY_FLAGS.has(f.name.toLowerCase())) && copy.sources.every((s) => !s.value.includes('$'));
      ctx.report({
        range: instr.keywordRange,
        messageId: 'useCopy',
        fixes: canFix ? [{ title: 'Use COPY', applicability: 'safe', edits: [replace(instr.keywordRange, instr.ast.getKeyword() === 'add' ? 'copy' : 'COPY')] }] : [],
      });
    }
  },
});
