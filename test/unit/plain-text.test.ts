// The LSP adapter's plain-text messages: code spans become quotes, because the Problems panel and menus show text verbatim.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plainText, toDiagnostic } from '../../server/src/lsp/convert';
import type { Finding } from '../../server/src/core/types';

test('turns code spans into single quotes', () => {
  assert.equal(plainText('`pip install` keeps its download cache in the layer'), "'pip install' keeps its download cache in the layer");
  assert.equal(plainText('Add `--no-cache-dir`'), "Add '--no-cache-dir'");
});

test('uses double quotes for a span holding a single quote, and reads double-backtick spans', () => {
  assert.equal(plainText("quote `echo 'a'` first"), `quote "echo 'a'" first`);
  assert.equal(plainText('``a`b`` is one span'), "'a`b' is one span");
});

test('leaves text without spans, and a lone backtick, as it is', () => {
  assert.equal(plainText('no code here'), 'no code here');
  assert.equal(plainText('# escape=` is set'), '# escape=` is set');
});

const finding = (over: Partial<Finding>): Finding => ({
  code: 'DL3042',
  name: 'pip-install-without-no-cache-dir',
  category: 'size',
  severity: 'warning',
  message: '`pip install` keeps its download cache in the layer',
  range: { start: { line: 1, character: 4 }, end: { line: 1, character: 15 } },
  fixes: [],
  docsUrl: 'https://example.invalid/DL3042.md',
  ...over,
});

test('a diagnostic carries the plain message; a ShellCheck message keeps its backticks (they mean backticks)', () => {
  assert.equal(toDiagnostic(finding({}), 'file:///x/Dockerfile').message, "'pip install' keeps its download cache in the layer");
  const sc = finding({ code: 'SC2006', name: 'shellcheck', message: 'Use $(...) notation instead of legacy backticks `...`.' });
  assert.equal(toDiagnostic(sc, 'file:///x/Dockerfile').message, 'Use $(...) notation instead of legacy backticks `...`.');
});
