// Dockerfile editing features over stdio: completion, hover docs, formatting, outline, folding, definition/references/rename, signature help, semantic tokens.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem, DocumentSymbol, FoldingRange, Hover, Location, SemanticTokens, SignatureHelp, TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { startServer, type ServerSession } from './harness';

const DIR = mkdtempSync(join(tmpdir(), 'layerwise-editing-'));

// Two stages; a three-line RUN; a lower-case `run` with extra spaces for the formatter.
const DOCKERFILE = [
  'ARG PY=3.12', // 0
  'FROM python:${PY}-slim AS builder', // 1
  'RUN echo one \\', // 2
  '    && echo two \\', // 3
  '    && echo three', // 4
  'FROM python:3.12-slim', // 5
  'ENV APP_HOME=/app', // 6
  'COPY --from=builder /usr/local /usr/local', // 7
  'run   echo ${APP_HOME}', // 8
  '',
].join('\n');

let server: ServerSession;
let n = 0;

before(async () => {
  server = await startServer({ rootPath: DIR });
});
after(async () => {
  await server.stop();
});

/** Opens a new document (each test its own URI) and returns its URI. */
function open(text: string): string {
  n += 1;
  return server.open(join(DIR, `Dockerfile.${n}`), 'dockerfile', text);
}

const request = <T>(method: string, params: object): Promise<T> => server.connection.sendRequest(method, params) as Promise<T>;

function applyEdits(text: string, edits: TextEdit[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }): number => lines.slice(0, p.line).reduce((s, l) => s + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

const labels = (items: CompletionItem[]): string[] => items.map((i) => i.label).sort();

test('completion after `COPY --` offers every COPY flag once: --from=, --chown=, --chmod=, --link, --parents, --exclude=', async () => {
  const uri = open('FROM python:3.12-slim\nCOPY --\n');
  const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 7 } });
  assert.deepEqual(labels(items), ['--chmod=', '--chown=', '--exclude=', '--from=', '--link', '--parents']);
});

test('completion after `RUN --` offers --mount=, --network=, --security=', async () => {
  const uri = open('FROM python:3.12-slim\nRUN --\n');
  const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 6 } });
  assert.deepEqual(labels(items), ['--mount=', '--network=', '--security=']);
});

test('completion after `--from=` offers the earlier stage names, once', async () => {
  const uri = open(DOCKERFILE.replace('COPY --from=builder', 'COPY --from='));
  const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 7, character: 12 } });
  assert.deepEqual(labels(items), ['builder']);
});

test('completion in FROM offers the official images of the embedded table, then their tags with sizes', async () => {
  const uri = open('FROM pyth\nFROM python:3.12-sl\n');
  const images = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 0, character: 9 } });
  assert.deepEqual(labels(images), ['python']);
  const tags = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 19 } });
  assert.deepEqual(labels(tags), ['3.12-slim', '3.12-slim-bookworm', '3.12-slim-trixie']);
  const slim = tags.find((t) => t.label === '3.12-slim')!;
  assert.match(slim.detail ?? '', /^\d+(\.\d)? MB on disk · \d+(\.\d)? MB download$/);
  assert.deepEqual(slim.textEdit, { range: { start: { line: 1, character: 12 }, end: { line: 1, character: 19 } }, newText: '3.12-slim' });
});

test('completion inside `${` offers the ARG and ENV names in scope', async () => {
  const uri = open(DOCKERFILE.replace('run   echo ${APP_HOME}', 'run   echo ${AP'));
  const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 8, character: 15 } });
  assert.deepEqual(labels(items), ['${APP_HOME}']);
});

test('completion on an empty line offers instructions (with their documentation), each once', async () => {
  const uri = open('FROM python:3.12-slim\n\n');
  const items = await request<CompletionItem[]>('textDocument/completion', { textDocument: { uri }, position: { line: 1, character: 0 } });
  const names = labels(items);
  for (const k of ['COPY', 'RUN', 'WORKDIR', 'HEALTHCHECK CMD', 'HEALTHCHECK NONE', 'ENTRYPOINT']) assert.ok(names.includes(k), k);
  assert.equal(new Set(names).size, names.length);
  const run = items.find((i) => i.label === 'RUN')!;
  assert.match(JSON.stringify(run.documentation), /Execute any commands on top of the current image/);
});

test('hover on a RUN keyword: the size section first, then the instruction docs, in one hover', async () => {
  const uri = open(DOCKERFILE);
  const hover = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 1 } });
  const value = (hover.contents as { value: string }).value;
  const size = value.indexOf('This layer adds');
  const docs = value.indexOf('Execute any commands on top of the current image');
  assert.ok(size >= 0 && docs > size, value);
});

test('hover on a BuildKit flag rcjsuen has no docs for (`--mount`) shows Layerwise\'s flag docs', async () => {
  const uri = open('FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache echo hi\n');
  const hover = await request<Hover>('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 7 } });
  assert.match((hover.contents as { value: string }).value, /\*\*RUN --mount\*\*=…\n\nMount for this RUN only, not stored in the layer/);
});

test('formatting a `run   echo` line upper-cases the keyword and leaves one space', async () => {
  const text = 'FROM python:3.12-slim\nrun   echo hi\n';
  const uri = open(text);
  const edits = await request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.equal(applyEdits(text, edits), 'FROM python:3.12-slim\nRUN echo hi\n');
});

test('formatting indents continuation lines and removes leading blanks (rcjsuen\'s) ', async () => {
  const text = 'FROM python:3.12-slim\n  RUN echo a \\\n&& echo b\n';
  const uri = open(text);
  const edits = await request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 4, insertSpaces: true } });
  assert.equal(applyEdits(text, edits), 'FROM python:3.12-slim\nRUN echo a \\\n    && echo b\n');
});

test('range formatting touches only the lines of the range', async () => {
  const text = 'from python:3.12-slim\nrun   echo a\nrun   echo b\n';
  const uri = open(text);
  const range = { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } };
  const edits = await request<TextEdit[]>('textDocument/rangeFormatting', { textDocument: { uri }, range, options: { tabSize: 4, insertSpaces: true } });
  assert.equal(applyEdits(text, edits), 'from python:3.12-slim\nRUN echo a\nrun   echo b\n');
});

test('outline of a one-stage file names the stage by its base, not "stage 0"', async () => {
  const uri = open('FROM python:3.12-slim\nRUN echo one\n');
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name), ['python:3.12-slim']);
  assert.deepEqual(symbols[0]!.children!.map((c) => c.name), ['FROM python:3.12-slim', 'RUN echo one']);
});

test('outline: the global ARG, then each stage with its size text and its instructions under it', async () => {
  const uri = open(DOCKERFILE);
  const symbols = await request<DocumentSymbol[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(
    symbols.map((s) => s.name),
    ['ARG PY=3.12', 'builder (python:3.12-slim)', 'stage 1 (python:3.12-slim)'],
  );
  assert.match(symbols[1]!.detail ?? '', /^≈? ?\d+(\.\d)? MB on disk · copied from$/);
  assert.match(symbols[2]!.detail ?? '', /^≈? ?\d+(\.\d)? MB on disk · final image$/);
  assert.deepEqual(symbols[1]!.children!.map((c) => c.name), ['FROM python:${PY}-slim AS builder', 'RUN echo one']);
  assert.deepEqual(symbols[2]!.children!.map((c) => c.name), ['FROM python:3.12-slim', 'ENV APP_HOME=/app', 'COPY --from=builder /usr/local /usr/local', 'RUN echo ${APP_HOME}']);
  assert.deepEqual(symbols[1]!.range, { start: { line: 1, character: 0 }, end: { line: 4, character: 17 } });
});

test('folding: each stage, and the 3-line RUN', async () => {
  const uri = open(DOCKERFILE);
  const ranges = await request<FoldingRange[]>('textDocument/foldingRange', { textDocument: { uri } });
  assert.deepEqual(
    ranges.map((r) => [r.startLine, r.endLine]),
    [
      [1, 4],
      [2, 4],
      [5, 8],
    ],
  );
});

const BUILDER_DECL = { start: { line: 1, character: 26 }, end: { line: 1, character: 33 } };
const BUILDER_USE = { start: { line: 7, character: 12 }, end: { line: 7, character: 19 } };

test('definition of `--from=builder` is the `AS builder` of its FROM', async () => {
  const uri = open(DOCKERFILE);
  const loc = await request<Location>('textDocument/definition', { textDocument: { uri }, position: { line: 7, character: 14 } });
  assert.deepEqual(loc, { uri, range: BUILDER_DECL });
});

test('references of a stage name: its declaration and its use; without the declaration: the use', async () => {
  const uri = open(DOCKERFILE);
  const all = await request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 7, character: 14 }, context: { includeDeclaration: true } });
  assert.deepEqual(all, [{ uri, range: BUILDER_DECL }, { uri, range: BUILDER_USE }]);
  const uses = await request<Location[]>('textDocument/references', { textDocument: { uri }, position: { line: 1, character: 28 }, context: { includeDeclaration: false } });
  assert.deepEqual(uses, [{ uri, range: BUILDER_USE }]);
});

test('rename of stage `builder` updates `FROM … AS builder` and `--from=builder`', async () => {
  const uri = open(DOCKERFILE);
  const prepared = await request<unknown>('textDocument/prepareRename', { textDocument: { uri }, position: { line: 1, character: 28 } });
  assert.deepEqual(prepared, BUILDER_DECL);
  const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 1, character: 28 }, newName: 'compile' });
  const out = applyEdits(DOCKERFILE, edit.changes![uri]!);
  assert.equal(out, DOCKERFILE.replace('AS builder', 'AS compile').replace('--from=builder', '--from=compile'));
});

test('rename of an ENV variable updates its declaration and `${APP_HOME}`', async () => {
  const uri = open(DOCKERFILE);
  const edit = await request<WorkspaceEdit>('textDocument/rename', { textDocument: { uri }, position: { line: 6, character: 5 }, newName: 'HOME_DIR' });
  assert.equal(applyEdits(DOCKERFILE, edit.changes![uri]!), DOCKERFILE.replace('ENV APP_HOME=', 'ENV HOME_DIR=').replace('${APP_HOME}', '${HOME_DIR}'));
});

test('signature help on HEALTHCHECK flags names the flag being written', async () => {
  const uri = open('FROM python:3.12-slim\nHEALTHCHECK --interval=\n');
  const help = await request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 1, character: 23 } });
  assert.equal(help.signatures[help.activeSignature ?? 0]!.label, 'HEALTHCHECK --interval=30s ...');
});

test('signature help on COPY lists its shell and JSON forms', async () => {
  const uri = open(DOCKERFILE);
  const help = await request<SignatureHelp>('textDocument/signatureHelp', { textDocument: { uri }, position: { line: 7, character: 5 } });
  assert.deepEqual(help.signatures.map((s) => s.label), ['COPY [flags] source ... dest', 'COPY [flags] [ "source", ..., "dest" ]']);
});

test('semantic tokens colour a flag as a parameter and a variable as a variable (the TextMate grammar does neither)', async () => {
  const uri = open('FROM python:3.12-slim\nCOPY --from=x /a /b\nRUN echo $HOME\n');
  const legend = server.initialize.capabilities.semanticTokensProvider!.legend;
  const tokens = await request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  // Decode the relative encoding into (line, start, length, type).
  const out: [number, number, number, string][] = [];
  let line = 0;
  let char = 0;
  for (let i = 0; i < tokens.data.length; i += 5) {
    const [dl, dc, len, type] = tokens.data.slice(i, i + 4) as [number, number, number, number];
    line += dl;
    char = dl ? dc : char + dc;
    out.push([line, char, len, legend.tokenTypes[type]!]);
  }
  assert.ok(out.some(([l, c, len, t]) => l === 1 && c === 5 && len === 6 && t === 'parameter'), JSON.stringify(out));
  assert.ok(out.some(([l, c, , t]) => l === 2 && c === 9 && t === 'variable'), JSON.stringify(out));
});

test('document highlights of a variable: its declaration (write) and its use (read)', async () => {
  const uri = open(DOCKERFILE);
  const highlights = await request<{ range: object; kind: number }[]>('textDocument/documentHighlight', { textDocument: { uri }, position: { line: 6, character: 5 } });
  assert.deepEqual(highlights, [
    { range: { start: { line: 6, character: 4 }, end: { line: 6, character: 12 } }, kind: 3 },
    { range: { start: { line: 8, character: 13 }, end: { line: 8, character: 21 } }, kind: 2 },
  ]);
});

test('typing `\\` at the end of a line indents the continuation line', async () => {
  const text = 'FROM python:3.12-slim\nRUN echo a \\\necho b\n';
  const uri = open(text);
  const edits = await request<TextEdit[]>('textDocument/onTypeFormatting', { textDocument: { uri }, position: { line: 1, character: 12 }, ch: '\\', options: { tabSize: 4, insertSpaces: true } });
  assert.equal(applyEdits(text, edits), 'FROM python:3.12-slim\nRUN echo a \\\n    echo b\n');
});

test('document links: a FROM image opens its Docker Hub or ghcr.io page', async () => {
  const uri = open('FROM python:3.12-slim\nFROM ghcr.io/astral-sh/uv:0.5\n');
  const links = await request<{ range: object; target: string }[]>('textDocument/documentLink', { textDocument: { uri } });
  assert.deepEqual(links.map((l) => l.target), ['https://hub.docker.com/_/python/', 'https://github.com/astral-sh/uv/pkgs/container/uv']);
});
