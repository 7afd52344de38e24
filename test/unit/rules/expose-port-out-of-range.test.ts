// Table tests for DL3011 expose-port-out-of-range.
import rule from '../../../server/src/core/rules/dockerfile/expose-port-out-of-range';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nEXPOSE 8000\n', 'FROM debian:12\nEXPOSE 40000-60000/tcp 53/udp\n', 'FROM debian:12\nEXPOSE ${PORT}\n'],
  invalid: [
    { code: 'FROM debian:12\nEXPOSE 80 80000\n', errors: [{ text: '80000', message: 'Port `80000` is outside' }], output: null },
    { name: 'a range reaching past 65535', code: 'FROM debian:12\nEXPOSE 40000-80000/tcp\n', errors: [{ text: '40000-80000/tcp' }] },
  ],
});
