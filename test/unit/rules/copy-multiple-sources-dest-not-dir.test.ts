// Table tests for DL3021 copy-multiple-sources-dest-not-dir.
import rule from '../../../server/src/core/rules/dockerfile/copy-multiple-sources-dest-not-dir';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM debian:12\nCOPY a b\n',
    'FROM debian:12\nCOPY a b c/\n',
    'FROM debian:12\nCOPY a b "c/"\n',
    // The heredoc's body and terminator are file contents: one source (the inline file), destination /app/x.txt.
    { name: 'a heredoc COPY: its body lines are not sources, its terminator is not the destination', code: 'FROM debian:12\nCOPY <<EOF /app/x.txt\nhello\nworld\nEOF\nUSER 1000\n' },
    { name: 'a heredoc with a quoted terminator and flags', code: 'FROM debian:12\nCOPY --chmod=755 <<"END" /usr/local/bin/run\n#!/bin/sh\nexec app\nEND\n' },
  ],
  invalid: [
    { code: 'FROM debian:12\nCOPY a b /app\n', errors: [{ text: '/app', message: 'end `/app` with `/`' }], output: 'FROM debian:12\nCOPY a b /app/\n', applicability: 'safe' },
    {
      name: 'two heredocs into a destination without `/`: the destination is reported, not a terminator',
      code: 'FROM debian:12\nCOPY <<a.txt <<b.txt /app\nA\na.txt\nB\nb.txt\n',
      errors: [{ text: '/app' }],
      output: 'FROM debian:12\nCOPY <<a.txt <<b.txt /app/\nA\na.txt\nB\nb.txt\n',
    },
    { name: 'inside quotes', code: 'FROM debian:12\nCOPY a b "dest"\n', errors: [{ text: '"dest"' }], output: 'FROM debian:12\nCOPY a b "dest/"\n' },
  ],
});
