// Table tests for LW105 broken-requirements-include.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/requirements/broken-requirements-include';
import { lintRequirementsRule, requirementsRuleTester } from '../../helpers/rule-tester';

/** `f1.txt` includes `f2.txt`, … up to `f<n>.txt`, which includes nothing. */
function chain(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`f${i + 1}.txt`, i + 1 < n ? `-r f${i + 2}.txt\n` : 'flask\n']));
}

/** `layers` layers of two files, each including both files of the next layer: 2^layers include paths, 2 × layers files. */
function web(layers: number): Record<string, string> {
  const files: Record<string, string> = {};
  for (let l = 1; l <= layers; l++) {
    for (const side of ['a', 'b']) files[`${side}${l}.txt`] = l < layers ? `-r a${l + 1}.txt\n-r b${l + 1}.txt\n` : 'flask\n';
  }
  return files;
}

requirementsRuleTester(rule, {
  valid: [
    { code: '-r base.txt\n-c constraints.txt\nflask\n', files: { 'base.txt': 'requests\n', 'constraints.txt': 'flask==3.0.3\n' } },
    { name: 'resolves against the including file\'s folder', path: 'requirements/prod.txt', code: '-r base.txt\ngunicorn\n', files: { 'requirements/base.txt': 'flask\n' } },
    { name: 'does not check URLs or ${VAR} paths', code: '-r https://example.com/reqs.txt\n-r ${REQS}\n' },
    { name: 'a chain of includes without a loop', code: '-r a.txt\n', files: { 'a.txt': '-r b.txt\n', 'b.txt': 'flask\n' } },
    { name: 'a chain exactly 32 files deep', code: '-r f1.txt\n', files: chain(32) },
    { name: 'two files included along two paths is not a loop', code: '-r a.txt\n-r b.txt\n', files: { 'a.txt': '-r c.txt\n', 'b.txt': '-r c.txt\n', 'c.txt': 'flask\n' } },
  ],
  invalid: [
    {
      name: 'a missing file is reported on its path',
      code: '-r base.txt\nflask\n',
      files: { 'other.txt': '' },
      errors: [{ text: 'base.txt', message: 'looks for `/ctx/base.txt`' }],
    },
    {
      name: 'a path relative to the working directory instead of the file',
      path: 'requirements/prod.txt',
      code: '-r requirements/base.txt\n',
      files: { 'requirements/base.txt': 'flask\n' },
      errors: [{ text: 'requirements/base.txt', message: '/ctx/requirements/requirements/base.txt' }],
    },
    {
      name: 'a missing constraints file',
      code: '--constraint=constraints.txt\nflask\n',
      files: { 'x.txt': '' },
      errors: [{ text: 'constraints.txt', message: 'pip reads `-c` paths' }],
    },
    {
      name: 'an include that leads back to the file',
      code: '-r dev.txt\nflask\n',
      files: { 'dev.txt': '-r requirements.txt\npytest\n' },
      errors: [{ text: 'dev.txt', message: '`requirements.txt` → `dev.txt` → `requirements.txt`' }],
    },
    {
      name: 'a loop below the file that does not come back to it',
      code: '-r a.txt\nflask\n',
      files: { 'a.txt': '-r b.txt\n', 'b.txt': '-r a.txt\n' },
      errors: [{ text: 'a.txt', message: '`a.txt` leads into a loop of includes (`a.txt` → `b.txt` → `a.txt`)' }],
    },
    {
      name: 'a chain 33 files deep stops on the include line',
      code: 'flask\n-r f1.txt\n',
      files: chain(33),
      errors: [{ text: 'f1.txt', message: 'The includes below `f1.txt` go more than 32 files deep; Layerwise follows them no further' }],
    },
    {
      name: 'a file that includes itself',
      code: '-r requirements.txt\n',
      errors: [{ text: 'requirements.txt', message: 'form a loop' }],
    },
  ],
});

test('a web of 2^30 include paths is walked once per file', () => {
  assert.deepEqual(lintRequirementsRule(rule, '-r a1.txt\n', { files: web(30) }), []);
});

test('a 1,000-file chain stops with one finding', () => {
  const found = lintRequirementsRule(rule, '-r f1.txt\n', { files: chain(1_000) });
  assert.deepEqual(found.map((f) => f.message), ['The includes below `f1.txt` go more than 32 files deep; Layerwise follows them no further']);
});
