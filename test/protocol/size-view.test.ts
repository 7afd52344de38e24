// `layerwise/sizeView` over the protocol: the view's shape and figures on examples/flask-app, and CodeLenses that open it.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CodeLens } from 'vscode-languageserver-protocol';
import type { SizeView } from '../../server/src/core/features/size-view';
import { ROOT, startServer, type ServerSession } from './harness';

const DIR = join(ROOT, 'examples', 'flask-app');
const EXAMPLE = join(DIR, 'Dockerfile');
const text = readFileSync(EXAMPLE, 'utf8');
const GB = 1e9;
const MB = 1e6;

interface Result {
  uri: string;
  version: number;
  fileName: string;
  view: SizeView | null;
  html: { body: string; css: string };
}

let server: ServerSession;
let changed = 0;

before(async () => {
  server = await startServer({ rootPath: DIR, experimental: { layerwise: { sizeView: true } } });
  server.connection.onNotification('layerwise/sizeViewChanged', () => changed++);
});
after(async () => server.stop());

const sizeView = (uri: string, stage?: number): Promise<Result | null> =>
  server.connection.sendRequest('layerwise/sizeView', { textDocument: { uri }, ...(stage !== undefined ? { stage } : {}) }) as Promise<Result | null>;

/** The view once the build context has been measured (the first answer may say "not measured yet" for `COPY . .`). */
async function measuredView(uri: string): Promise<Result> {
  const end = Date.now() + 10_000;
  for (;;) {
    const r = await sizeView(uri);
    const copy = r?.view?.stages[0]?.layers.find((l) => l.keyword === 'COPY');
    if (r && copy && !copy.basis.some((b) => b.what.includes('not measured'))) return r;
    if (Date.now() > end) throw new Error(`the COPY layer stayed unmeasured: ${JSON.stringify(copy)}`);
    // The server says when a walk finished; polling covers a walk that ended before the first request.
    const seen = changed;
    await new Promise<void>((resolve) => {
      const t = setInterval(() => (changed !== seen || Date.now() > end ? (clearInterval(t), resolve()) : undefined), 50);
    });
  }
}

test('the view of the example: one final stage named by its base, its layers with sizes, packages, savings and sources', { timeout: 30_000 }, async () => {
  const uri = server.open(EXAMPLE, 'dockerfile', text);
  await server.diagnostics(uri, (d) => d.length > 0);
  const r = await measuredView(uri);
  const lens = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  assert.deepEqual(lens.map((l) => [l.range.start.line, l.command!.command, l.command!.arguments]), [[1, 'layerwise.openSizeView', [uri, 0]]]);
  assert.match(lens[0]!.command!.title, /^python:3\.12 · final image ≈ 1\.1\d GB, 4\d\d MB download · rough$/); // rough: psycopg2 is built from source
  if (process.env.LAYERWISE_DUMP_SIZE_VIEW) writeFileSync(process.env.LAYERWISE_DUMP_SIZE_VIEW, JSON.stringify(r, null, 2));
  assert.equal(r.uri, uri);
  assert.equal(r.fileName, 'Dockerfile');
  const view = r.view!;
  assert.equal(view.stages.length, 1);
  const stage = view.stages[0]!;
  assert.deepEqual({ index: stage.index, label: stage.label, line: stage.line, fate: stage.fate, reach: stage.reach }, { index: 0, label: 'python:3.12', line: 1, fate: 'final', reach: 'final image' });
  assert.deepEqual(stage.layers.map((l) => [l.line, l.keyword]), [[1, 'FROM'], [4, 'RUN'], [7, 'COPY'], [8, 'RUN']]);
  assert.ok(stage.bytes.typical > 1.05 * GB && stage.bytes.typical < 1.25 * GB, `stage ${stage.bytes.typical}`);
  assert.ok(stage.bytes.low <= stage.bytes.typical && stage.bytes.typical <= stage.bytes.high);
  assert.deepEqual(view.image && { stage: view.image.stage, bytes: view.image.bytes }, { stage: 'python:3.12', bytes: stage.bytes });
  assert.ok(view.image!.download.typical > 380 * MB && view.image!.download.typical < 480 * MB, `download ${view.image!.download.typical}`);
  // The base layer is most of the image; the COPY sends the three files of the folder.
  const [base, apt, copy, pip] = stage.layers as [typeof stage.layers[0], typeof stage.layers[0], typeof stage.layers[0], typeof stage.layers[0]];
  assert.ok(base.bytes.typical > 1 * GB, `base ${base.bytes.typical}`);
  assert.match(base.basis[0]!.source, /repo-info/);
  assert.deepEqual(copy.basis.map((b) => b.what), ['3 files from the build context']);
  assert.match(copy.basis[0]!.source, /measured on disk/);
  // Packages inside the pip layer: the three requested, and their dependencies.
  assert.deepEqual(pip.packages.filter((p) => p.requested).map((p) => p.name).sort(), ['flask', 'gunicorn', 'psycopg2']);
  assert.equal(pip.packages.length, 10);
  assert.ok(pip.packages.some((p) => p.name === 'werkzeug' && !p.requested));
  // What the fixes save, on the layers that have them.
  assert.deepEqual(apt.savings.map((s) => s.what), ['apt lists']);
  assert.match(apt.savings[0]!.fix, /rm -rf \/var\/lib\/apt\/lists/);
  assert.deepEqual(pip.savings.map((s) => s.what), ['pip cache']);
  assert.match(pip.savings[0]!.fix, /--no-cache-dir/);
  // Every figure has a basis in words.
  for (const l of stage.layers) for (const b of l.basis) assert.ok(b.source.length > 10, `${l.instruction}: ${b.what}: "${b.source}"`);
  // The split's predicted saving, as the refactor's title says it (the CLI: ≈ −994 MB).
  const split = view.rewrites.find((w) => w.title === 'Split into builder stage');
  assert.ok(split?.saving, JSON.stringify(view.rewrites));
  assert.ok(split.saving.typical > 900 * MB && split.saving.typical < 1.1 * GB, `split ${split.saving.typical}`);
  // The rendered page carries the same figures.
  assert.match(r.html.body, /<h1>Dockerfile<\/h1>/);
  assert.match(r.html.body, /Split into builder stage<\/b><\/span><span class="num">saves <b>≈ 99\d MB/);
  assert.match(r.html.css, /#b0>\.typ\{width:/);
});

test('an unknown command is "unknown", not a number; the focus stage is passed back', { timeout: 30_000 }, async () => {
  const uri = server.open(join(DIR, 'Dockerfile.unknown'), 'dockerfile', 'FROM python:3.12-slim AS build\nRUN curl -sSL https://example.com/x.tgz | tar xz\nFROM python:3.12-slim\nCOPY --from=build /x /x\n');
  await server.diagnostics(uri);
  const view = (await sizeView(uri, 1))!.view!;
  assert.equal(view.focusStage, 1);
  assert.deepEqual(view.stages.map((s) => [s.label, s.fate]), [['build', 'copied-from'], ['stage 1 (python:3.12-slim)', 'final']]);
  const run = view.stages[0]!.layers.find((l) => l.keyword === 'RUN')!;
  const unknown = run.basis.find((b) => b.bytes === null);
  assert.ok(unknown, JSON.stringify(run.basis));
  assert.match(unknown.what, /`curl`, `tar`: not estimated/);
  assert.equal(run.rough, true);
});

test('CodeLens: one per stage, by name or base, at most 60 characters, opening the size view at its stage', { timeout: 30_000 }, async () => {
  const uri = server.open(join(DIR, 'Dockerfile.split'), 'dockerfile', 'FROM python:3.12 AS builder\nRUN pip install --no-cache-dir flask==3.1.2\nFROM python:3.12-slim\nCOPY --from=builder /usr/local /usr/local\n');
  await server.diagnostics(uri);
  const lenses = (await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as CodeLens[];
  const titles = lenses.map((l) => l.command!.title);
  assert.equal(lenses.length, 2, titles.join(' | '));
  assert.match(titles[0]!, /^builder · ≈ 1\.\d+ GB · not shipped, files copied from it$/);
  // With its download the lens would pass 60 characters: the download is in the view.
  assert.match(titles[1]!, /^stage 1 \(python:3\.12-slim\) · final image ≈ \d+ MB$/);
  for (const t of titles) assert.ok(t.length <= 60, `${t.length} characters: ${t}`);
  assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.command, l.command!.arguments]), [
    [0, 'layerwise.openSizeView', [uri, 0]],
    [2, 'layerwise.openSizeView', [uri, 1]],
  ]);
});

test('a request for a document that is not open answers null', async () => {
  assert.equal(await sizeView('file:///nowhere/Dockerfile'), null);
});
