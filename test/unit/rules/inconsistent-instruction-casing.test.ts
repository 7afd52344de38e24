// Table tests for ConsistentInstructionCasing inconsistent-instruction-casing.
import rule from '../../../server/src/core/rules/dockerfile/inconsistent-instruction-casing';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nRUN true\n', 'from alpine\nrun true\n', { name: 'global ARGs do not count', code: 'arg X=1\nFROM alpine\nRUN true\n' }],
  invalid: [
    { code: 'FROM alpine\ncopy a /a\nCOPY b /b\n', errors: [{ text: 'copy', message: 'uppercase' }], output: 'FROM alpine\nCOPY a /a\nCOPY b /b\n', applicability: 'safe' },
    { name: 'lowercase majority', code: 'FROM alpine\ncopy a /a\ncopy b /b\n', errors: [{ text: 'FROM', message: 'lowercase' }], output: 'from alpine\ncopy a /a\ncopy b /b\n' },
    { name: 'mixed case is always flagged; a tie means uppercase', code: 'From alpine\nrun true\nRUN true\n', errors: [{ text: 'From' }, { text: 'run' }] },
  ],
});
