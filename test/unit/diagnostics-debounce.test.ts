// Adaptive debounce: a document that lints fast is linted at once; a slow one waits twice its lint time, within bounds.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { debounceFor, fixedDebounce } from '../../server/src/lsp/diagnostics';

test('a small document not linted yet, and any document that lints in under 20 ms, is linted at once', () => {
  assert.equal(debounceFor(undefined, 12), 0);
  assert.equal(debounceFor(undefined, 300), 0);
  assert.equal(debounceFor(1.5, 5000), 0);
  assert.equal(debounceFor(19.9, 12), 0);
});

test('a large document not linted yet waits the default 150 ms; a slow lint waits twice its time, 50 to 400 ms', () => {
  assert.equal(debounceFor(undefined, 301), 150);
  assert.equal(debounceFor(20, 10), 50);
  assert.equal(debounceFor(60, 10), 120);
  assert.equal(debounceFor(140, 5000), 280);
  assert.equal(debounceFor(600, 5000), 400);
});

test('LAYERWISE_DEBOUNCE_MS fixes the debounce only when it is a whole number of milliseconds', () => {
  assert.equal(fixedDebounce('0'), 0);
  assert.equal(fixedDebounce('250'), 250);
  assert.equal(fixedDebounce(undefined), undefined);
  assert.equal(fixedDebounce(''), undefined);
  assert.equal(fixedDebounce('-5'), undefined);
  assert.equal(fixedDebounce('fast'), undefined);
});
