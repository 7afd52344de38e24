// The `.dockerignore` matcher against Docker's documented behaviour, its invalid patterns, and pathological patterns that must stay linear.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanPath, matchStats, parseDockerignore, sourceGlob } from '../../../server/src/core/model/dockerignore';
import { sourceMatcher } from '../../../server/src/core/model/build-context';

// [file text, context path, left out?]. Facts from the dockerignore reference and moby/patternmatcher's tests.
const CASES: [string, string, boolean][] = [
  // The documented example file: `*/temp*`, `*/*/temp*`, `temp?`.
  ['*/temp*', 'somedir/temporary.txt', true],
  ['*/temp*', 'somedir/temp', true],
  ['*/temp*', 'temp', false],
  ['*/temp*', 'a/b/temporary.txt', false],
  ['*/temp*', 'somedir/temp/inner.txt', true],
  ['*/*/temp*', 'somedir/subdir/temporary.txt', true],
  ['*/*/temp*', 'somedir/temporary.txt', false],
  ['temp?', 'tempa', true],
  ['temp?', 'tempb/x', true],
  ['temp?', 'temp', false],
  ['temp?', 'tempab', false],
  ['temp?', 'dir/tempa', false],
  // `**` is any number of folders, none included.
  ['**/*.go', 'main.go', true],
  ['**/*.go', 'cmd/tool/main.go', true],
  ['**/*.go', 'main.gox', false],
  ['**', 'anything/at/all', true],
  ['dir/**', 'dir/file', true],
  ['dir/**', 'dir/sub/file', true],
  ['dir/**', 'dir', false],
  ['**/dir', 'dir', true],
  ['**/dir', 'dir/file', true],
  ['**/dir2/*', 'dir/dir2/file', true],
  ['**/dir2/**', 'dir/dir2/dir3/file', true],
  ['**file', 'dir/dir/file', true],
  ['**/file*.txt', 'dir/dir/file.txt', true],
  ['**/**/*.txt2', 'dir/dir/file.txt', false],
  ['**/**/*.txt', 'file.txt', true],
  ['a**/*.txt', 'a/dir/dir/file.txt', true],
  ['a/**/b', 'a/b', true],
  ['a/**/b', 'a/x/y/b', true],
  ['a/**/b', 'a/xb', false],
  ['**/.foo', 'bar.foo', false],
  ['**/.foo', 'x/.foo', true],
  // `*` and `?` stay inside one name.
  ['a/*.txt', 'a/dir/file.txt', false],
  ['a/*.txt', 'a/file.txt', true],
  ['*', 'a/b', true],
  ['a?c', 'a/c', false],
  ['.*', '.foo', true],
  ['.*', 'foo', false],
  // A folder left out leaves out what is inside it; patterns start at the context root.
  ['build', 'build/app.tar', true],
  ['build/', 'build/lib/x.py', true],
  ['build', 'src/build', false],
  ['/foo/bar', 'foo/bar/baz', true],
  ['foo/bar', 'foo/bar', true],
  ['./foo/../bar/', 'bar/x', true],
  ['foo', 'foobar', false],
  // Exceptions: the last matching line wins.
  ['*.md\n!README.md', 'README.md', false],
  ['*.md\n!README.md', 'CHANGES.md', true],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-secret.md', true],
  ['*.md\n!README*.md\nREADME-secret.md', 'README-public.md', false],
  ['*.md\nREADME-secret.md\n!README*.md', 'README-secret.md', false],
  ['docs\n!docs/keep', 'docs/keep/a.txt', false],
  ['docs\n!docs/keep', 'docs/other.txt', true],
  ['!a\na', 'a', true],
  ['! spaced', 'spaced', false],
  ['*\n! spaced', 'spaced', false],
  // Character classes: `^` negates (Go's rule), `!` is an ordinary character.
  ['a[b-d]e', 'ace', true],
  ['a[b-d]e', 'aae', false],
  ['a[b-d]e', 'ae', false],
  ['a[^b-d]e', 'aze', true],
  ['a[^b-d]e', 'ace', false],
  ['[!a]x', '!x', true],
  ['[!a]x', 'bx', false],
  ['file[0-9].txt', 'file7.txt', true],
  ['file[\\]]', 'file]', true],
  // Escapes and characters that mean something to regular expressions.
  ['a\\*b', 'a*b', true],
  ['a\\*b', 'axb', false],
  ['a\\\\', 'a\\', true],
  ['abc.def', 'abcZdef', false],
  ['abc?def', 'abcZdef', true],
  ['a(b)c/def', 'a(b)c/def', true],
  ['a.|)$(}+{bc', 'a.|)$(}+{bc', true],
  ['dist/*.whl', 'dist/proxy.py-2.4.0rc3.dev36+g08acad9-py3-none-any.whl', true],
  // Comments and blank lines.
  ['# *.py\n\n   \n', 'a.py', false],
  [' # x', '# x', true],
  ['\uFEFF*.pyc', 'a.pyc', true],
  ['*.pyc\r\n.git\r\n', '.git/config', true],
  // Beyond ASCII: `?` is one character, even outside the BMP.
  ['caf?', 'café', true],
  ['x?y', 'x😀y', true],
];

describe('parseDockerignore matches as Docker does', () => {
  for (const [text, path, expected] of CASES) {
    test(`${JSON.stringify(text)} ${expected ? 'leaves out' : 'keeps'} ${path}`, () => {
      assert.equal(parseDockerignore(text).ignores(path), expected);
    });
  }
  test('the table is at least forty cases', () => assert.ok(CASES.length >= 40));
});

describe('invalid patterns match nothing and are listed with their lines', () => {
  test('an unterminated class, a trailing backslash, a backwards range and a lone `!`', () => {
    const ig = parseDockerignore('*.pyc\n[abc\n# ok\nfoo\\\n!\nx[z-a]\n[]a]\n*.log\n');
    assert.deepEqual(ig.invalid, [
      { line: 2, text: '[abc', reason: 'unterminatedClass' },
      { line: 4, text: 'foo\\', reason: 'trailingBackslash' },
      { line: 5, text: '!', reason: 'loneExclusion' },
      { line: 6, text: 'x[z-a]', reason: 'badRange' },
      { line: 7, text: '[]a]', reason: 'badClass' },
    ]);
    assert.deepEqual(
      ig.patterns.map((p) => p.pattern),
      ['*.pyc', '*.log'],
    );
    assert.equal(ig.ignores('[abc'), false);
    assert.equal(ig.ignores('a.pyc'), true);
    assert.equal(ig.ignores('a.log'), true);
  });
  test('a `[` alone does not throw and leaves the other lines working', () => {
    const ig = parseDockerignore('[\n.git\n');
    assert.deepEqual(ig.invalid, [{ line: 1, text: '[', reason: 'unterminatedClass' }]);
    assert.equal(ig.ignores('.git/HEAD'), true);
  });
  test('exceptions are noticed', () => {
    assert.equal(parseDockerignore('*.md\n!README.md\n').hasExceptions, true);
    assert.equal(parseDockerignore('*.md\n').hasExceptions, false);
  });
});

describe('pathological patterns stay linear', () => {
  test('`*a*a*a*a*a*a*a*a*a*a*b` against a 10,000-character path', () => {
    const path = 'a'.repeat(10_000);
    const before = matchStats.steps;
    const started = Date.now();
    assert.equal(parseDockerignore('*a*a*a*a*a*a*a*a*a*a*b\n').ignores(path), false);
    // One state-set step per character of the path: linear, whatever the pattern.
    assert.ok(matchStats.steps - before <= 10_000, `${matchStats.steps - before} steps`);
    console.log(`# *a*a…*b on 10,000 characters: ${Date.now() - started} ms`);
  });
  test('`**/*a*a*a*a*a*b` against a path of 5,000 folders asks every parent in one pass', () => {
    const path = Array.from({ length: 5_000 }, () => 'a').join('/');
    const before = matchStats.steps;
    assert.equal(parseDockerignore('**/*a*a*a*a*a*b\n').ignores(path), false);
    assert.ok(matchStats.steps - before <= path.length, `${matchStats.steps - before} steps`);
  });
  test('a match found at the end of a long path', () => {
    assert.equal(parseDockerignore('*a*a*a*a*a*a*a*a*a*a*b\n').ignores(`${'a'.repeat(10_000)}b`), true);
  });
});

describe('patterns longer than thirty pieces (matched without the bit-set shortcut)', () => {
  const stars = `${'a*'.repeat(16)}b`;
  const deep = `d/**/${'x?'.repeat(15)}`;
  for (const [pattern, path, expected] of [
    [stars, `${'a'.repeat(40)}b`, true],
    [stars, 'a'.repeat(40), false],
    [stars, `${'a'.repeat(10)}/b`, false],
    [deep, `d/e/f/${'xy'.repeat(15)}`, true],
    [deep, `d/${'xy'.repeat(15)}`, true],
    [deep, `d/${'xy'.repeat(14)}x`, false],
    [deep, `d/e/${'xy'.repeat(15)}/inside`, true],
  ] as const) {
    test(`${pattern} ${expected ? 'leaves out' : 'keeps'} ${path.slice(0, 40)}`, () => assert.equal(parseDockerignore(pattern).ignores(path), expected));
  }
  test('stays linear on a 10,000-character path', () => {
    const before = matchStats.steps;
    assert.equal(parseDockerignore(`${'*a'.repeat(16)}*b`).ignores('a'.repeat(10_000)), false);
    assert.ok(matchStats.steps - before <= 10_000, `${matchStats.steps - before} steps`);
  });
});

describe('COPY sources with wildcards (filepath.Match: `**` is no folder wildcard there)', () => {
  for (const [pattern, path, expected] of [
    ['requirements*.txt', 'requirements-dev.txt', true],
    ['src/*.py', 'src/a.py', true],
    ['src/*.py', 'src/sub/a.py', false],
    ['dir*', 'dir1/file', true],
    ['**/x', 'a/x', true],
    ['**/x', 'a/b/x', false],
    ['file[0-9]', 'file3', true],
    ['[z-a]', 'z', false],
    ['x[', 'x[', false],
  ] as const) {
    test(`${pattern} ${expected ? 'takes' : 'does not take'} ${path}`, () => assert.equal(sourceGlob(pattern)(path), expected));
  }
  test('sourceMatcher no longer throws on a backwards range, nor stalls on `*a*a…*b`', () => {
    assert.equal(sourceMatcher('[z-a]')('z'), false);
    const before = matchStats.steps;
    assert.equal(sourceMatcher('*a*a*a*a*a*a*a*a*a*a*b')('a'.repeat(10_000)), false);
    assert.ok(matchStats.steps - before <= 10_000);
  });
});

describe('cleanPath is Go\'s filepath.Clean', () => {
  for (const [input, expected] of [
    ['', '.'],
    ['./a/', 'a'],
    ['a//b/./c/..', 'a/b'],
    ['../x', '../x'],
    ['/../x', '/x'],
    ['/', '/'],
  ] as const) {
    test(`${JSON.stringify(input)} → ${expected}`, () => assert.equal(cleanPath(input), expected));
  }
});
