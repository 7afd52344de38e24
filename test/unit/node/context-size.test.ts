// The build-context walk: limits, links, unreadable folders, the ignore file that applies, and the server's background sizer.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync, symlinkSync, realpathSync } from 'node:fs';
import * as fsp from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { summarizeContext } from '../../../server/src/core/estimate/context';
import { BackgroundContextSizer, diskContextSizer, ignoreFileFor, walkContext, walkContextSync, type ContextListing, type WalkFs } from '../../../server/src/node/context-size';

/** A temp folder holding `files` (relative path → content). */
function tree(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lw-walk-')));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const listed = (l: ContextListing | undefined): [string, number, boolean][] => l!.files.map((f) => [f.path, f.bytes, f.ignored === true]);

test('lists every file with its size, folders in name order', async () => {
  const dir = tree({ 'b.txt': 'bb', 'a/x.py': 'xxx', 'a/y/z.py': 'z' });
  const l = await walkContext(dir);
  assert.deepEqual(listed(l), [['b.txt', 2, false], ['a/x.py', 3, false], ['a/y/z.py', 1, false]]);
  assert.equal(l!.truncated, false);
  assert.equal(l!.hasDockerignore, false);
});

test('the synchronous walk gives the same listing as the asynchronous one', async () => {
  const dir = tree({ 'b.txt': 'bb', 'a/x.py': 'xxx', '.dockerignore': '*.txt\n' });
  const options = { ignoreFile: join(dir, '.dockerignore') };
  const { at: _a, ...sync } = walkContextSync(dir, options)!;
  const { at: _b, ...async } = (await walkContext(dir, options))!;
  assert.deepEqual(sync, async);
});

test('the entry limit stops the walk and says truncated', async () => {
  const dir = tree({ '1': 'a', '2': 'b', '3': 'c', '4': 'd', '5': 'e' });
  const l = await walkContext(dir, { maxEntries: 3 });
  assert.deepEqual(listed(l), [['1', 1, false], ['2', 1, false], ['3', 1, false]]);
  assert.equal(l!.truncated, true);
});

test('the depth limit keeps out deeper folders and says truncated', async () => {
  const dir = tree({ 'top.txt': 'tt', 'a/one.txt': 'o', 'a/b/deep.txt': 'ddd' });
  const l = await walkContext(dir, { maxDepth: 1 });
  assert.deepEqual(listed(l), [['top.txt', 2, false], ['a/one.txt', 1, false]]);
  assert.equal(l!.truncated, true);
});

test('a time limit already spent stops at the first entry', async () => {
  const dir = tree({ 'a.txt': 'a' });
  const l = await walkContext(dir, { maxMillis: -1 });
  assert.deepEqual(listed(l), []);
  assert.equal(l!.truncated, true);
});

test('a symlink loop terminates: links are listed, not followed', async () => {
  const dir = tree({ 'a/file.txt': 'ffff' });
  symlinkSync('..', join(dir, 'a', 'up'));
  symlinkSync('.', join(dir, 'self'));
  const l = await walkContext(dir);
  assert.deepEqual(listed(l), [['self', 0, false], ['a/file.txt', 4, false], ['a/up', 0, false]]);
  assert.equal(l!.truncated, false);
});

test('a symlink out of the context root is not followed', async () => {
  const outside = tree({ 'big.bin': 'x'.repeat(10_000) });
  const dir = tree({ 'app.py': 'pp' });
  symlinkSync(outside, join(dir, 'out'));
  symlinkSync(join(outside, 'big.bin'), join(dir, 'big-link'));
  const l = await walkContext(dir);
  assert.deepEqual(listed(l), [['app.py', 2, false], ['big-link', 0, false], ['out', 0, false]]);
});

test('a root reached through a symlink is walked once', async () => {
  const real = tree({ 'src/app.py': 'ppp' });
  const holder = tree({});
  symlinkSync(real, join(holder, 'ctx'));
  const l = await walkContext(join(holder, 'ctx'));
  assert.deepEqual(listed(l), [['src/app.py', 3, false]]);
});

test('an unreadable folder is skipped and reported; the rest is listed', async () => {
  const dir = tree({ 'ok/a.txt': 'aa', 'secret/key.pem': 'kkkk', 'z.txt': 'z' });
  // Root can read a chmod 000 folder, so a file system that refuses one folder stands in for the permission error.
  const refusing: WalkFs = {
    realpath: (p) => fsp.realpath(p),
    readdir: (p, o) => (p === join(dir, 'secret') ? Promise.reject(Object.assign(new Error('EACCES'), { code: 'EACCES' })) : fsp.readdir(p, o)),
    lstat: (p) => fsp.lstat(p),
    readFile: (p, e) => fsp.readFile(p, e),
  };
  const l = await walkContext(dir, { fs: refusing });
  assert.deepEqual(listed(l), [['z.txt', 1, false], ['ok/a.txt', 2, false]]);
  assert.deepEqual(l!.unreadable, ['secret']);
  assert.equal(l!.truncated, false);
});

test('a context root that does not exist is not measured', async () => {
  assert.equal(await walkContext(join(tmpdir(), 'lw-walk-does-not-exist-7f3a')), undefined);
});

test('an aborted walk resolves to undefined', async () => {
  const dir = tree({ 'a/b.txt': 'b' });
  const abort = new AbortController();
  abort.abort();
  assert.equal(await walkContext(dir, { signal: abort.signal }), undefined);
});

test('<Dockerfile>.dockerignore is preferred over the root .dockerignore', async () => {
  const dir = tree({
    '.dockerignore': '*.txt\n',
    'docker/app.Dockerfile': 'FROM python:3.12-slim\n',
    'docker/app.Dockerfile.dockerignore': '*.log\n',
    'notes.txt': 'nnn',
    'debug.log': 'lllll',
  });
  const ignoreFile = ignoreFileFor(join(dir, 'docker/app.Dockerfile'), dir);
  assert.equal(ignoreFile, join(dir, 'docker/app.Dockerfile.dockerignore'));
  const l = await walkContext(dir, { ignoreFile });
  assert.deepEqual(
    listed(l).filter(([p]) => !p.startsWith('docker/')),
    [['.dockerignore', 6, false], ['debug.log', 5, true], ['notes.txt', 3, false]],
  );
  // The CLI's sizer makes the same choice.
  const m = diskContextSizer({ dockerfilePath: join(dir, 'docker/app.Dockerfile') }).measure(dir, ['debug.log', 'notes.txt'])!;
  assert.equal(m.ignoredBytes, 5);
  assert.equal(m.bytes, 3);
  assert.equal(m.hasDockerignore, true);
});

test('the background sizer measures with the Dockerfile\'s own ignore file', async () => {
  const dir = tree({ '.dockerignore': '*.py\n', 'Dockerfile': 'FROM python:3.12-slim\n', 'Dockerfile.dockerignore': 'data/\n', 'app.py': 'ppp', 'data/big.csv': 'x'.repeat(900) });
  const sizer = new BackgroundContextSizer();
  const dockerfile = join(dir, 'Dockerfile');
  assert.equal(sizer.forDockerfile(dockerfile).measure(dir, ['app.py', 'data']), undefined);
  await sizer.whenWalked(dir, dockerfile);
  const m = sizer.forDockerfile(dockerfile).measure(dir, ['app.py', 'data'])!;
  assert.equal(m.bytes, 3);
  assert.equal(m.ignoredBytes, 900);
  sizer.dispose();
});

test('without a Dockerfile of its own, the root .dockerignore applies', () => {
  const dir = tree({ '.dockerignore': '*.txt\n', 'Dockerfile': 'FROM python:3.12-slim\n', 'notes.txt': 'nnn' });
  const m = diskContextSizer({ dockerfilePath: join(dir, 'Dockerfile') }).measure(dir, ['notes.txt'])!;
  assert.equal(m.ignoredBytes, 3);
  assert.equal(m.bytes, 0);
});

/** Resolves at the sizer's next "walk finished with a new listing" event. */
const nextWalk = (sizer: BackgroundContextSizer): Promise<string> => new Promise((done) => sizer.onWalked(done));

test('the background sizer answers "not measured" first and the listing once the walk is done', async () => {
  const dir = tree({ 'app.py': 'x'.repeat(1000), 'Dockerfile': 'FROM python:3.12-slim\n' });
  const sizer = new BackgroundContextSizer();
  const walked = nextWalk(sizer);
  const forFile = sizer.forDockerfile(join(dir, 'Dockerfile'));
  assert.equal(forFile.measure(dir, ['app.py']), undefined);
  assert.equal(await walked, dir);
  const m = forFile.measure(dir, ['app.py'])!;
  assert.equal(m.bytes, 1000);
  assert.equal(m.files, 1);
  assert.equal(m.truncated, false);
  sizer.dispose();
});

test('the background sizer also exposes the running walk as a promise', async () => {
  const dir = tree({ 'app.py': 'abc' });
  const sizer = new BackgroundContextSizer();
  assert.equal(sizer.measure(dir, ['.']), undefined);
  await sizer.whenWalked(dir);
  assert.equal(sizer.measure(dir, ['.'])!.bytes, 3);
  sizer.dispose();
});

test('the background sizer says truncated when the walk hit its entry limit', async () => {
  const dir = tree({ a: '1', b: '22', c: '333' });
  const sizer = new BackgroundContextSizer({ maxEntries: 2 });
  sizer.measure(dir, ['.']);
  await sizer.whenWalked(dir);
  const m = sizer.measure(dir, ['.'])!;
  assert.equal(m.truncated, true);
  assert.equal(m.bytes, 3);
  sizer.dispose();
});

test('a reported file change walks the context again and announces the new listing', async () => {
  const dir = tree({ 'app.py': 'abc' });
  const sizer = new BackgroundContextSizer({ settleMillis: 0 });
  sizer.measure(dir, ['.']);
  await sizer.whenWalked(dir);
  writeFileSync(join(dir, 'data.csv'), 'x'.repeat(500));
  const walked = nextWalk(sizer);
  sizer.filesChanged([join(dir, 'data.csv')]);
  await walked;
  assert.equal(sizer.measure(dir, ['.'])!.bytes, 503);
  sizer.dispose();
});

test('after its time to live, the old listing answers while a new walk runs', async () => {
  const dir = tree({ 'app.py': 'abc' });
  const sizer = new BackgroundContextSizer({ ttlMillis: -1 });
  sizer.measure(dir, ['.']);
  await sizer.whenWalked(dir);
  writeFileSync(join(dir, 'more.py'), 'mm');
  assert.equal(sizer.measure(dir, ['.'])!.bytes, 3);
  await sizer.whenWalked(dir);
  assert.equal(sizer.measure(dir, ['.'])!.bytes, 5);
  sizer.dispose();
});

test('the background sizer keeps a bounded number of contexts', async () => {
  const one = tree({ 'a.py': 'a' });
  const two = tree({ 'b.py': 'bb' });
  const sizer = new BackgroundContextSizer({ maxContexts: 1 });
  sizer.measure(one, ['.']);
  await sizer.whenWalked(one);
  assert.equal(sizer.measure(one, ['.'])!.bytes, 1);
  sizer.measure(two, ['.']);
  await sizer.whenWalked(two);
  assert.equal(sizer.measure(two, ['.'])!.bytes, 2);
  // `one` was evicted: asking again starts over.
  assert.equal(sizer.measure(one, ['.']), undefined);
  await sizer.whenWalked(one);
  sizer.dispose();
});

test('a large listing is summarized in the background, in slices, with the same answer as in one go', async () => {
  // 2,500 files of distinct sizes under app/ (1..2,500 bytes) and 700 under node_modules/ (3,001..3,700 bytes).
  const files: Record<string, string> = {};
  for (let i = 1; i <= 2500; i++) files[`app/m${String(i).padStart(4, '0')}.py`] = 'x'.repeat(i);
  for (let i = 1; i <= 700; i++) files[`node_modules/p/${String(i).padStart(3, '0')}.js`] = 'y'.repeat(3000 + i);
  const dir = tree(files);
  const sizer = new BackgroundContextSizer();
  assert.equal(sizer.measure(dir, ['.']), undefined);
  await sizer.whenWalked(dir);
  // Sources asked about before the walk finished are answered as soon as it has.
  const all = sizer.measure(dir, ['.'])!;
  assert.equal(all.files, 3200);
  assert.equal(all.bytes, (2500 * 2501) / 2 + 700 * 3000 + (700 * 701) / 2);
  assert.deepEqual(all.largestFiles.map((f) => [f.path, f.bytes]), [
    ['node_modules/p/700.js', 3700],
    ['node_modules/p/699.js', 3699],
    ['node_modules/p/698.js', 3698],
    ['node_modules/p/697.js', 3697],
    ['node_modules/p/696.js', 3696],
  ]);
  assert.deepEqual(all.largestDirs.map((d) => [d.path, d.bytes]), [
    ['app/', 3_126_250],
    ['node_modules/', 2_345_350],
    ['node_modules/p/', 2_345_350],
  ]);
  assert.deepEqual(all.droppable.map((d) => [d.pattern, d.bytes, d.files]), [['node_modules', 2_345_350, 700]]);
  assert.deepEqual(all.unmatched, []);
  // New sources on a large listing: "not measured" until the background summary is done.
  assert.equal(sizer.measure(dir, ['app', 'missing.txt']), undefined);
  await sizer.whenWalked(dir);
  const app = sizer.measure(dir, ['app', 'missing.txt'])!;
  assert.equal(app.bytes, 3_126_250);
  assert.equal(app.files, 2500);
  assert.deepEqual(app.unmatched, ['missing.txt']);
  const { at: _at, ...listing } = (await walkContext(dir))!;
  assert.deepEqual(app, summarizeContext(listing.files, ['app', 'missing.txt'], { hasDockerignore: false, truncated: false }));
  sizer.dispose();
});
