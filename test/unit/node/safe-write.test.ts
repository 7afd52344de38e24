// Reading files as bytes and writing them back: encodings and line endings survive, symlinks are never written through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdtempSync, readFileSync, readdirSync, statSync, symlinkSync, writeFileSync, chmodSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { RefusedWrite, decodeText, encodeText, readTextFile, writeTextFileAtomic } from '../../../server/src/node/safe-write';

const tmp = (): string => mkdtempSync(join(tmpdir(), 'layerwise-safe-write-'));

test('a Latin-1 file decodes one character per byte and encodes back to the same bytes', () => {
  const bytes = Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a, 0x46, 0x52, 0x4f, 0x4d, 0x0a]); // "# Café\nFROM\n" in Latin-1
  const { text, format } = decodeText(bytes);
  assert.equal(text, '# Caf\u00e9\nFROM\n');
  assert.deepEqual(format, { encoding: 'latin1', eol: 'lf' });
  assert.deepEqual(encodeText(text, format), bytes);
});

test('valid UTF-8 (with a BOM) decodes as UTF-8 and keeps the BOM', () => {
  const bytes = Buffer.from('\ufeff# Café\r\nFROM x\r\n', 'utf8');
  const { text, format } = decodeText(bytes);
  assert.equal(text, '\ufeff# Café\r\nFROM x\r\n');
  assert.deepEqual(format, { encoding: 'utf8', eol: 'crlf' });
  assert.deepEqual(encodeText(text, format), bytes);
});

test('a CRLF file gets CRLF on the lines a fix added with LF', () => {
  assert.deepEqual(encodeText('FROM x\r\nCOPY a .\nRUN b\r\n', { encoding: 'utf8', eol: 'crlf' }), Buffer.from('FROM x\r\nCOPY a .\r\nRUN b\r\n'));
});

test('a mixed-ending file is written as the text says', () => {
  assert.equal(decodeText(Buffer.from('a\r\nb\nc\r\n')).format.eol, 'lf');
  assert.deepEqual(encodeText('a\r\nb\nc\r\n', { encoding: 'utf8', eol: 'lf' }), Buffer.from('a\r\nb\nc\r\n'));
});

test('text Latin-1 cannot store is refused rather than written lossily', () => {
  assert.equal(encodeText('snowman \u2603\n', { encoding: 'latin1', eol: 'lf' }), undefined);
  const dir = tmp();
  const f = join(dir, 'Dockerfile');
  writeFileSync(f, Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
  assert.throws(() => writeTextFileAtomic(f, 'Caf\u00e9 \u2603\n', { encoding: 'latin1', eol: 'lf' }), RefusedWrite);
  assert.deepEqual(readFileSync(f), Buffer.from([0x43, 0x61, 0x66, 0xe9, 0x0a]));
});

test('a file over 5 MB is refused without being read, with the size in the reason', () => {
  const dir = tmp();
  const f = join(dir, 'Dockerfile');
  writeFileSync(f, Buffer.alloc(6 * 1024 * 1024, 0x61));
  assert.deepEqual(readTextFile(f), { ok: false, why: 'skip', reason: 'larger than 5 MB (6.0 MB)' });
});

test('a file with NUL bytes is refused as binary', () => {
  const dir = tmp();
  const f = join(dir, 'Dockerfile');
  writeFileSync(f, Buffer.from('FROM x\n\0\0\0'));
  assert.deepEqual(readTextFile(f), { ok: false, why: 'skip', reason: 'binary file (contains NUL bytes)' });
});

test('a FIFO is refused without blocking, a folder is reported as a folder', () => {
  const dir = tmp();
  const fifo = join(dir, 'Dockerfile');
  execFileSync('mkfifo', [fifo]);
  assert.deepEqual(readTextFile(fifo), { ok: false, why: 'unreadable', reason: 'not a regular file' });
  assert.deepEqual(readTextFile(dir), { ok: false, why: 'unreadable', reason: 'is a folder' });
});

test('writing replaces the file atomically, keeps its mode and leaves no temporary file', () => {
  const dir = tmp();
  const f = join(dir, 'Dockerfile');
  writeFileSync(f, 'FROM x\n');
  chmodSync(f, 0o640);
  const inodeBefore = statSync(f).ino;
  writeTextFileAtomic(f, 'FROM y\n', { encoding: 'utf8', eol: 'lf' });
  assert.equal(readFileSync(f, 'utf8'), 'FROM y\n');
  assert.equal(statSync(f).mode & 0o777, 0o640);
  assert.notEqual(statSync(f).ino, inodeBefore, 'renamed over, not rewritten in place');
  assert.deepEqual(readdirSync(dir), ['Dockerfile']);
});

test('a symlink target is refused: the file it points to is unchanged and the link stays a link', () => {
  const dir = tmp();
  const outside = join(tmp(), 'secret');
  writeFileSync(outside, 'keep\n');
  const link = join(dir, '.dockerignore');
  symlinkSync(outside, link);
  assert.throws(() => writeTextFileAtomic(link, 'keep\n.git\n', { encoding: 'utf8', eol: 'lf' }), /not writing .*\.dockerignore: it is a symbolic link \(to .*secret\)/);
  assert.equal(readFileSync(outside, 'utf8'), 'keep\n');
  assert.ok(lstatSync(link).isSymbolicLink());
});

test('a dangling symlink target is refused and its target is not created', () => {
  const dir = tmp();
  const target = join(tmp(), 'created-by-layerwise');
  const link = join(dir, '.dockerignore');
  symlinkSync(target, link);
  assert.throws(() => writeTextFileAtomic(link, '.git\n', { encoding: 'utf8', eol: 'lf' }), RefusedWrite);
  assert.equal(existsSync(target), false);
});
