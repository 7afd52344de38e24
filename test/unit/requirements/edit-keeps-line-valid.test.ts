// editKeepsLineValid judges a candidate fix on its own logical line (continuations included), as a parse of the whole file would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { editKeepsLineValid } from '../../../server/src/core/rules/requirements/requirements-helpers';

const at = (line: number, character: number, length: number, newText: string) => ({ range: { start: { line, character }, end: { line, character: character + length } }, newText });

test('a fix that makes its line parse is accepted, one that leaves it invalid is not', () => {
  const text = 'requests==2.32.3\nflask=3.0.3\ntorch=>1.0\nnumpy==1.26.4\n';
  assert.equal(editKeepsLineValid(text, at(1, 5, 1, '=='), 1, 1), true);
  assert.equal(editKeepsLineValid(text, at(2, 5, 1, '=='), 2, 1), false);
});

test('the line is judged with its continuation lines, in LF and CRLF files', () => {
  for (const nl of ['\n', '\r\n']) {
    const text = `requests==2.32.3${nl}flask=3.0.3 \\${nl}    --hash=sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef${nl}numpy==1.26.4${nl}`;
    assert.equal(editKeepsLineValid(text, at(1, 5, 1, '=='), 1, 1), true, JSON.stringify(nl));
    // An edit on the continued line that cuts the hash value: the logical line gains an error.
    assert.equal(editKeepsLineValid(text, at(2, 18, 64, ''), 2, 0), false, JSON.stringify(nl));
    assert.equal(editKeepsLineValid(text, at(2, 18, 64, '1'.repeat(64)), 2, 0), true, JSON.stringify(nl));
  }
});

test('an edit on the first line of a continued requirement is judged with the lines after it', () => {
  const text = 'flask=3.0.3 \\\n    ; python_version >= "3.8"\n';
  assert.equal(editKeepsLineValid(text, at(0, 5, 1, '=='), 0, 1), true);
  assert.equal(editKeepsLineValid(text, at(0, 5, 1, '=>'), 0, 1), false);
});
