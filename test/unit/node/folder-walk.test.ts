// The folder walk of `layerwise lint <folder>`: loops end, each file once, nothing outside, unreadable folders noted.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NODE_WALK_FS, walkFolder } from '../../../server/src/node/folder-walk';

const tmp = (): string => realpathSync(mkdtempSync(join(tmpdir(), 'layerwise-walk-')));
const dockerfiles = (p: string): boolean => /Dockerfile$/.test(p);

test('two links to "." end at once and each Dockerfile is listed once', () => {
  const root = tmp();
  writeFileSync(join(root, 'Dockerfile'), 'FROM x\n');
  mkdirSync(join(root, 'api'));
  writeFileSync(join(root, 'api', 'Dockerfile'), 'FROM y\n');
  symlinkSync('.', join(root, 'loop1'));
  symlinkSync('.', join(root, 'loop2'));
  symlinkSync('..', join(root, 'api', 'up'));
  const started = Date.now();
  const r = walkFolder(root, { accept: dockerfiles });
  assert.ok(Date.now() - started < 2000);
  assert.deepEqual(r.files, [join(root, 'Dockerfile'), join(root, 'api', 'Dockerfile')]);
  assert.deepEqual(r.notes, []);
});

test('a file reached through a link and by its own name is listed once, by its own name', () => {
  const root = tmp();
  mkdirSync(join(root, 'real'));
  writeFileSync(join(root, 'real', 'Dockerfile'), 'FROM x\n');
  symlinkSync(join(root, 'real', 'Dockerfile'), join(root, 'A.Dockerfile'));
  assert.deepEqual(walkFolder(root, { accept: dockerfiles }).files, [join(root, 'real', 'Dockerfile')]);
});

test('links out of the folder are not followed, with a note; dangling links are noted', () => {
  const root = tmp();
  const outside = tmp();
  writeFileSync(join(outside, 'Dockerfile'), 'FROM outside\n');
  symlinkSync(outside, join(root, 'elsewhere'));
  symlinkSync(join(outside, 'Dockerfile'), join(root, 'linked.Dockerfile'));
  symlinkSync(join(root, 'gone'), join(root, 'dangling'));
  writeFileSync(join(root, 'Dockerfile'), 'FROM x\n');
  const r = walkFolder(root, { accept: dockerfiles });
  assert.deepEqual(r.files, [join(root, 'Dockerfile')]);
  assert.deepEqual(r.notes, [
    `skipped link ${join(root, 'dangling')}: its target does not exist`,
    `skipped link ${join(root, 'elsewhere')}: it points outside ${root}`,
    `skipped link ${join(root, 'linked.Dockerfile')}: it points outside ${root}`,
  ]);
});

test('a sub-folder that cannot be listed is skipped with a note and the rest is walked', () => {
  const root = tmp();
  mkdirSync(join(root, 'a'));
  mkdirSync(join(root, 'locked'));
  mkdirSync(join(root, 'z'));
  writeFileSync(join(root, 'a', 'Dockerfile'), 'FROM a\n');
  writeFileSync(join(root, 'locked', 'Dockerfile'), 'FROM locked\n');
  writeFileSync(join(root, 'z', 'Dockerfile'), 'FROM z\n');
  // Root reads any folder whatever its mode, so the failure is handed in.
  const fs = {
    ...NODE_WALK_FS,
    readdir: (p: string): string[] => {
      if (p === join(root, 'locked')) throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
      return NODE_WALK_FS.readdir(p);
    },
  };
  const r = walkFolder(root, { accept: dockerfiles, fs });
  assert.deepEqual(r.files, [join(root, 'a', 'Dockerfile'), join(root, 'z', 'Dockerfile')]);
  assert.deepEqual(r.notes, [`skipped folder ${join(root, 'locked')}: permission denied`]);
});

test('FIFOs are never opened and skipped folders are not entered', () => {
  const root = tmp();
  execFileSync('mkfifo', [join(root, 'Dockerfile')]);
  mkdirSync(join(root, 'node_modules'));
  writeFileSync(join(root, 'node_modules', 'Dockerfile'), 'FROM x\n');
  mkdirSync(join(root, 'svc'));
  writeFileSync(join(root, 'svc', 'Dockerfile'), 'FROM y\n');
  const r = walkFolder(root, { accept: dockerfiles, skipDirs: new Set(['node_modules']) });
  assert.deepEqual(r.files, [join(root, 'svc', 'Dockerfile')]);
});

test('a folder nested 40 levels deep is walked to the bottom', () => {
  const root = tmp();
  let dir = root;
  for (let i = 0; i < 40; i++) {
    dir = join(dir, `d${i % 10}`);
    mkdirSync(dir);
  }
  writeFileSync(join(dir, 'Dockerfile'), 'FROM deep\n');
  assert.deepEqual(walkFolder(root, { accept: dockerfiles }).files, [join(dir, 'Dockerfile')]);
});
