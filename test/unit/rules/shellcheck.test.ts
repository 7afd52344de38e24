// The ShellCheck rule is tested with the process behind it in test/unit/shellcheck.test.ts; this file checks its metadata.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import rule from '../../../server/src/core/rules/dockerfile/shellcheck';

test('ShellCheck forwards SC codes under its own name and documents how to silence them', () => {
  assert.equal(rule.meta.name, 'shellcheck');
  assert.match(rule.meta.docs.divergences ?? '', /hadolint ignore=SC2086/);
  // A missing binary is said once by the runner (CLI stderr, editor status bar), never as a finding per file.
  assert.equal(rule.meta.messages['missing'], undefined);
});
