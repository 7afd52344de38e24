// Table tests for DL3020 add-instead-of-copy.
import rule from '../../../server/src/core/rules/dockerfile/add-instead-of-copy';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nADD app.tar.gz /opt/\n', 'FROM debian:12\nADD https://example.com/x.txt /x.txt\n', 'FROM debian:12\nCOPY app.py /app/\n'],
  invalid: [
    { code: 'FROM debian:12\nADD --chown=app app.py /app/\n', errors: [{ text: 'ADD', message: 'ADD of local files' }], output: 'FROM debian:12\nCOPY --chown=app app.py /app/\n', applicability: 'safe' },
    { name: 'zip is not unpacked by ADD', code: 'FROM debian:12\nADD "file.zip" /app/\n', errors: [{ text: 'ADD' }], output: 'FROM debian:12\nCOPY "file.zip" /app/\n' },
  ],
});
