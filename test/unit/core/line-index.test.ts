// LineIndex: positions answer the same whatever was asked before (positionAt starts from the last answer's line).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../../server/src/core/text';

const text = 'FROM a\r\nRUN b \\\n  c\rUSER d\n\nCMD e';

test('positionAt gives the same positions forwards, backwards and jumping, across \\n, \\r\\n and \\r', () => {
  // Offsets and their positions, written by hand from the text above.
  const expected: [number, { line: number; character: number }][] = [
    [0, { line: 0, character: 0 }],
    [6, { line: 0, character: 6 }],
    [7, { line: 0, character: 7 }],
    [8, { line: 1, character: 0 }],
    [14, { line: 1, character: 6 }],
    [15, { line: 1, character: 7 }],
    [16, { line: 2, character: 0 }],
    [19, { line: 2, character: 3 }],
    [20, { line: 3, character: 0 }],
    [26, { line: 3, character: 6 }],
    [27, { line: 4, character: 0 }],
    [28, { line: 5, character: 0 }],
    [33, { line: 5, character: 5 }],
    [99, { line: 5, character: 5 }],
    [-3, { line: 0, character: 0 }],
  ];
  const orders = [expected, [...expected].reverse(), [expected[11]!, expected[3]!, expected[12]!, expected[4]!, expected[5]!, expected[6]!, expected[0]!, expected[8]!, expected[9]!, expected[10]!]];
  for (const order of orders) {
    const idx = new LineIndex(text);
    for (const [offset, position] of order) assert.deepEqual(idx.positionAt(offset), position, `offset ${offset}`);
  }
});
