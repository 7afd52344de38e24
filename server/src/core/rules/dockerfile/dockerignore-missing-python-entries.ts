// LW010: the whole build context is copied while `.dockerignore` is missing or lets through what a Python project must keep out.
import * as posix from '../../path';
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import { buildContextFor } from '../../model/build-context';
import { copiesWholeContext } from './copy-context-before-dependency-install';

interface Entry {
  /** The line written to `.dockerignore`. */
  pattern: string;
  /** Paths that pattern must exclude, as Docker matches them. */
  probes: string[];
}

const ENTRIES: readonly Entry[] = [
  { pattern: '.git', probes: ['.git'] },
  { pattern: '.venv', probes: ['.venv'] },
  { pattern: 'venv', probes: ['venv'] },
  { pattern: '**/__pycache__', probes: ['__pycache__', 'app/__pycache__'] },
  { pattern: '**/*.pyc', probes: ['x.pyc', 'app/x.pyc'] },
  { pattern: '.env', probes: ['.env'] },
  { pattern: '.pytest_cache', probes: ['.pytest_cache'] },
  { pattern: '.mypy_cache', probes: ['.mypy_cache'] },
  { pattern: 'node_modules', probes: ['node_modules'] },
];

export default defineRule({
  meta: {
    code: 'LW010',
    name: 'dockerignore-missing-python-entries',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      missing: '`{copy}` copies the whole build context but there is no `.dockerignore`: `.git`, virtual environments, caches and `.env` go into the image',
      incomplete: '`{copy}` copies the whole build context and {file} does not exclude {entries}',
    },
    fix: 'safe',
    docs: {
      whatItDoes:
        'When a `COPY`/`ADD` copies the whole build context (`COPY . .`), reads the ignore file that applies to the build (`<Dockerfile>.dockerignore` beside the Dockerfile, else `.dockerignore` at the root of the build context: the Dockerfile\'s folder, or the folder the `context` setting names) with Docker\'s matching rules and flags it when it is missing or does not exclude `.git`, `.venv`, `venv`, `__pycache__` folders, `*.pyc` files, `.env`, `.pytest_cache`, `.mypy_cache` and `node_modules`. Reported once, at the `.` of the first such copy.',
      whyItMatters:
        'Everything in the context is sent to the builder and copied into the layer: the Git history (often larger than the code), a local virtual environment built for another OS, bytecode caches that break layer caching on every run, and `.env` files with secrets that then ship in the image.',
      example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nCMD ["python", "app.py"]\n',
      useInstead: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY app.py .\nCMD ["python", "app.py"]\n',
      fixSafety:
        'Safe: creates `.dockerignore` with the missing patterns, or appends them to the existing file. Nothing the build needs should live in these folders; if the build does copy one of them on purpose, remove its line.',
      references: ['https://docs.docker.com/build/concepts/context/#dockerignore-files', 'https://docs.docker.com/build/building/best-practices/#exclude-with-dockerignore'],
    },
  },
  check(ctx) {
    const bc = buildContextFor(ctx);
    if (bc.root === undefined || bc.dockerfilePath === undefined) return;
    const copy = ctx.model.instructions.map((i) => ({ instr: i, token: copiesWholeContext(i) })).find((x) => x.token !== undefined);
    if (!copy || !copy.token) return;
    // The file the build reads, or the one the fix creates at the context's root; named as seen from the Dockerfile.
    const file = bc.ignoreFile?.path ?? posix.join(bc.root, '.dockerignore');
    const name = bc.shown(file);
    const text = bc.ignoreFile?.text;
    const copyText = `${copy.instr.keyword} ${copy.instr.args.filter((a) => !a.value.startsWith('--')).map((a) => a.value).join(' ')}`;
    if (text === undefined) {
      const content = ENTRIES.map((e) => `${e.pattern}\n`).join('');
      ctx.report({ range: copy.token.range, messageId: 'missing', data: { copy: copyText }, fixes: [fixFor(file, name, '', content, true)] });
      return;
    }
    const missing = ENTRIES.filter((e) => !e.probes.every((p) => bc.ignores(p)));
    if (missing.length === 0) return;
    const eol = text.includes('\r\n') ? '\r\n' : '\n';
    const prefix = text === '' || text.endsWith('\n') ? '' : eol;
    ctx.report({
      range: copy.token.range,
      messageId: 'incomplete',
      data: { copy: copyText, file: `\`${name}\``, entries: missing.map((e) => `\`${e.pattern}\``).join(', ') },
      fixes: [fixFor(file, name, text, prefix + missing.map((e) => `${e.pattern}${eol}`).join(''), false)],
    });
  },
});

function fixFor(path: string, name: string, existing: string, added: string, create: boolean): Fix {
  const lines = existing.split(/\r?\n/);
  const last = lines.length - 1;
  const end = { line: last, character: lines[last]!.length };
  return {
    title: create ? `Create \`${name}\`` : `Add the missing patterns to \`${name}\``,
    applicability: 'safe',
    edits: [],
    fileEdits: [{ path, ...(create ? { create: true } : {}), edits: [{ range: { start: end, end }, newText: added }] }],
  };
}
