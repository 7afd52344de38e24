// Size hovers and CodeLens: every number shown comes with its source and its range.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage } from '../../../server/src/core/estimate/estimate';
import { memoryContext } from '../../../server/src/core/estimate/context';
import { memoryFiles } from '../../../server/src/core/project';
import { hoverAt } from '../../../server/src/core/features/hover';
import { requirementSizeHover } from '../../../server/src/core/features/requirement-size';
import { sizeLenses } from '../../../server/src/lsp/code-lens';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const DOCKERFILE = 'FROM python:3.12 AS build\nRUN apt-get update && apt-get install -y gcc libpq-dev\nCOPY . .\nRUN pip install -r requirements.txt\n\nFROM python:3.12-slim\nCOPY --from=build /usr/local/lib/python3.12/site-packages /usr/local/lib/python3.12/site-packages\n';
const files = memoryFiles({ '/ctx/requirements.txt': 'flask==3.1.2\ngunicorn==23.0.0\n' });
const context = memoryContext([
  { path: 'requirements.txt', bytes: 30 },
  { path: 'app.py', bytes: 400 },
  { path: '.git/objects/pack/big.pack', bytes: 40_000_000 },
  { path: 'data/model.bin', bytes: 5_000_000 },
]);

function setup() {
  const model = buildDockerfileModel(DOCKERFILE);
  const estimate = estimateImage(model, { files, contextDir: '/ctx', context });
  return { model, estimate };
}

const at = (model: ReturnType<typeof buildDockerfileModel>, line: number) => ({ line, character: model.lines.lineText(line).length - 1 });

test('FROM hover shows download and on-disk size with its source, slim and alpine side by side, and end-of-life status', () => {
  const { model, estimate } = setup();
  const h = hoverAt(model, { line: 0, character: 6 }, { estimate, today: new Date('2026-12-01') })!;
  assert.match(h.markdown, /\*\*Size\*\*: 411 MB download, ≈ 1\.11 GB/);
  // The basis in words a user can check (the public source and its date), not a file of this repository.
  assert.match(h.markdown, /Source: published image sizes for linux\/amd64, measured/);
  assert.match(h.markdown, /Source: docker-library\/repo-info, the official images' published sizes \(collected 2026-11-29\)/);
  assert.doesNotMatch(h.markdown, /base-images\.tsv/);
  assert.match(h.markdown, /`python:3\.12-slim` \| 43\.2 MB/);
  assert.match(h.markdown, /`python:3\.12-alpine`/);
  assert.match(h.markdown, /Python 3\.12: supported until 2028-10/);
  assert.match(h.markdown, /What `full` contains/);
});

test('RUN hover breaks the layer down and says what the fix saves', () => {
  const { model, estimate } = setup();
  const apt = hoverAt(model, at(model, 1), { estimate })!;
  assert.match(apt.markdown, /apt package lists/);
  assert.match(apt.markdown, /rm -rf \/var\/lib\/apt\/lists\/\*.*≈ 20 MB/);
  const pip = hoverAt(model, at(model, 3), { estimate })!;
  // flask==3.1.2 is not in the data: listed at its pinned version, sized from 3.1.3 (marked ~).
  assert.match(pip.markdown, /\| flask 3\.1\.2 \* \| 749 kB ~ \|/);
  assert.match(pip.markdown, /werkzeug/);
  assert.match(pip.markdown, /add `--no-cache-dir`: \*\*≈/);
  assert.match(pip.markdown, /sized for CPython 3\.12, glibc 2\.41, linux\/amd64 \(x86_64\) from PyPI file sizes/);
  assert.doesNotMatch(pip.markdown, /wheels\.json|dependency-closures|installed-vs-wheel|data\/python-dependencies/);
});

test('COPY hover shows the context bytes, largest entries and what .dockerignore could drop', () => {
  const { model, estimate } = setup();
  const h = hoverAt(model, at(model, 2), { estimate })!;
  assert.match(h.markdown, /\*\*Build context\*\*: 45 MB in 4 files; no \.dockerignore/);
  assert.match(h.markdown, /Largest files: `\.git\/objects\/pack\/big\.pack` 40 MB/);
  assert.match(h.markdown, /\.dockerignore could drop\*\* 40 MB: `\.git` 40 MB/);
});

test('a requirement line shows its installed size with dependencies', () => {
  const text = 'flask==3.1.2\n';
  const h = requirementSizeHover(text, { line: 0, character: 2 })!;
  assert.match(h.markdown, /\*\*Installed size\*\* with 6 dependencies: ≈ /);
  assert.match(h.markdown, /\| werkzeug 3\.1\.8 \|/);
  assert.match(h.markdown, /Source: sized from flask 3\.1\.3: the nearest release known \(`==3\.1\.2` is not in the data\); its wheel py3-none-any/);
});

test('CodeLens above each FROM: the stage by name or base, its size and reach, in at most 60 characters', () => {
  const { model, estimate } = setup();
  const lenses = sizeLenses(model, estimate);
  const titles = lenses.map((l) => [l.range.start.line, l.command!.title.replace(/[\d.]+ [kMG]?B/g, 'N')]);
  // The final stage's lens would pass 60 characters with the download: the size view has it.
  assert.deepEqual(titles, [
    [0, 'build · ≈ N · not shipped, files copied from it'],
    [5, 'stage 1 (python:3.12-slim) · final image ≈ N'],
  ]);
  // Without a document URI (a client without the size view) the lenses run no command.
  assert.deepEqual(lenses.map((l) => l.command!.command), ['', '']);
});

test('CodeLens of a one-stage file names it by its base and gives the download; with a URI it opens the size view there', () => {
  const model = buildDockerfileModel('FROM python:3.12-slim\nRUN pip install --no-cache-dir flask==3.1.2\n');
  const estimate = estimateImage(model, { files, contextDir: '/ctx', context });
  const [lens, ...rest] = sizeLenses(model, estimate, 'file:///w/Dockerfile');
  assert.deepEqual(rest, []);
  assert.equal(lens!.command!.title.replace(/[\d.]+ [kMG]?B/g, 'N'), 'python:3.12-slim · final image ≈ N, N download');
  assert.deepEqual([lens!.command!.command, lens!.command!.arguments], ['layerwise.openSizeView', ['file:///w/Dockerfile', 0]]);
});
