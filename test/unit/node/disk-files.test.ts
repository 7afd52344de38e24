// Reading project files from disk: a symlink inside the workspace never leads a read outside it; binary and huge files read as missing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diskFiles } from '../../../server/src/node/runtime';

const tmp = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'layerwise-disk-files-')));

test('a requirements file linked outside the workspace reads as missing; one linked inside reads', () => {
  const root = tmp();
  const outside = tmp();
  writeFileSync(join(outside, 'secret.txt'), 'token=abc\n');
  writeFileSync(join(root, 'base.txt'), 'flask\n');
  symlinkSync(join(outside, 'secret.txt'), join(root, 'requirements.txt'));
  symlinkSync(join(root, 'base.txt'), join(root, 'dev.txt'));
  symlinkSync(outside, join(root, 'vendor'));
  const files = diskFiles(undefined, { roots: () => [root] });
  assert.equal(files.read(join(root, 'requirements.txt')), undefined);
  assert.equal(files.read(join(root, 'dev.txt')), 'flask\n');
  assert.equal(files.list!(join(root, 'vendor')), undefined);
  assert.equal(files.read(join(root, 'vendor', 'secret.txt')), undefined);
});

test('paths outside every root are not judged, and without roots nothing is confined', () => {
  const root = tmp();
  const elsewhere = tmp();
  writeFileSync(join(elsewhere, 'requirements.txt'), 'django\n');
  assert.equal(diskFiles(undefined, { roots: () => [root] }).read(join(elsewhere, 'requirements.txt')), 'django\n');
  symlinkSync(join(elsewhere, 'requirements.txt'), join(root, 'requirements.txt'));
  assert.equal(diskFiles().read(join(root, 'requirements.txt')), 'django\n');
});

test('binary, huge and folder paths read as missing; a Latin-1 file reads one character per byte', () => {
  const root = tmp();
  writeFileSync(join(root, 'bin.txt'), Buffer.from('flask\n\0'));
  writeFileSync(join(root, 'huge.txt'), Buffer.alloc(5 * 1024 * 1024 + 1, 0x61));
  mkdirSync(join(root, 'dir.txt'));
  writeFileSync(join(root, 'latin1.txt'), Buffer.from([0x23, 0x20, 0x43, 0x61, 0x66, 0xe9, 0x0a]));
  const files = diskFiles();
  assert.equal(files.read(join(root, 'bin.txt')), undefined);
  assert.equal(files.read(join(root, 'huge.txt')), undefined);
  assert.equal(files.read(join(root, 'dir.txt')), undefined);
  assert.equal(files.read(join(root, 'latin1.txt')), '# Caf\u00e9\n');
});
