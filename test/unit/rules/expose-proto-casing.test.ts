// Table tests for ExposeProtoCasing expose-proto-casing.
import rule from '../../../server/src/core/rules/dockerfile/expose-proto-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nEXPOSE 80 443/tcp 53/udp\n'],
  invalid: [{ code: 'FROM alpine\nEXPOSE 80/TcP 8080/udp 53/UDP\n', errors: [{ text: '80/TcP' }, { text: '53/UDP' }], output: 'FROM alpine\nEXPOSE 80/tcp 8080/udp 53/udp\n', applicability: 'safe' }],
});
