// The core's own POSIX path helpers agree with Node's path.posix (the oracle) on the shapes Dockerfiles and projects use.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as node from 'node:path/posix';
import * as core from '../../../server/src/core/path';

const PATHS = ['', '.', '..', '/', '//', 'a', 'a/', '/a', '/a/', 'a/b', 'a//b', './a', 'a/./b', 'a/../b', '../a', '../../a/b', '/..', '/../a', '/a/b/../../..', 'a/b/..', 'a/..', '/app/.venv/', '~/x', '.venv', 'x.tar.gz'];

test('normalize, dirname, basename and isAbsolute match path.posix', () => {
  for (const p of PATHS) {
    assert.equal(core.normalize(p), node.normalize(p), `normalize(${JSON.stringify(p)})`);
    assert.equal(core.dirname(p), node.dirname(p), `dirname(${JSON.stringify(p)})`);
    assert.equal(core.basename(p), node.basename(p), `basename(${JSON.stringify(p)})`);
    assert.equal(core.isAbsolute(p), node.isAbsolute(p), `isAbsolute(${JSON.stringify(p)})`);
  }
  assert.equal(core.basename('/a/b.txt', '.txt'), 'b');
  assert.equal(core.basename('.txt', '.txt'), '.txt');
});

test('join, resolve (working directory /) and relative match path.posix', () => {
  for (const a of PATHS) {
    for (const b of ['', 'x', '../y', '/abs', './z/', '..']) {
      assert.equal(core.join(a, b), node.join(a, b), `join(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
      assert.equal(core.resolve(a, b), node.resolve('/', a, b), `resolve(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
      assert.equal(core.relative(a, b), node.relative(node.resolve('/', a), node.resolve('/', b)), `relative(${JSON.stringify(a)}, ${JSON.stringify(b)})`);
    }
  }
  assert.equal(core.join(), '.');
  assert.equal(core.resolve(), '/');
});

test('under gives the path inside a folder, or undefined outside it', () => {
  assert.equal(core.under('/app/src/x.py', '/app'), 'src/x.py');
  assert.equal(core.under('/app', '/app'), '');
  assert.equal(core.under('/application', '/app'), undefined);
  assert.equal(core.under('/etc/x', '/'), 'etc/x');
});
