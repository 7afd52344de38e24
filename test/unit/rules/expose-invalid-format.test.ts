// Table tests for ExposeInvalidFormat expose-invalid-format.
import rule from '../../../server/src/core/rules/dockerfile/expose-invalid-format';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nEXPOSE 80 8000-8010/tcp\n'],
  invalid: [
    { code: 'FROM alpine\nEXPOSE 127.0.0.1:80:80 5000:5000/udp 8000\n', errors: [{ text: '127.0.0.1:80:80' }, { text: '5000:5000/udp' }], output: 'FROM alpine\nEXPOSE 80 5000/udp 8000\n', applicability: 'safe' },
  ],
});
