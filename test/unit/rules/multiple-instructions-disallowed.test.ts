// Table tests for MultipleInstructionsDisallowed multiple-instructions-disallowed.
import rule from '../../../server/src/core/rules/dockerfile/multiple-instructions-disallowed';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nCMD ["a"]\n', { name: 'one per stage', code: 'FROM alpine AS a\nCMD ["a"]\nFROM a\nCMD ["b"]\n' }, 'FROM alpine\nHEALTHCHECK CMD ["check"]\nCMD ["serve"]\n'],
  invalid: [
    { code: 'FROM alpine\nCMD ["a"]\nCMD ["b"]\n', errors: [{ text: 'CMD', occurrence: 0 }], output: 'FROM alpine\nCMD ["b"]\n', applicability: 'safe' },
    { code: 'FROM alpine\nENTRYPOINT ["a"]\nHEALTHCHECK NONE\nENTRYPOINT ["b"]\nHEALTHCHECK CMD ["c"]\n', errors: [{ text: 'ENTRYPOINT', occurrence: 0 }, { text: 'HEALTHCHECK', occurrence: 0 }] },
  ],
});
