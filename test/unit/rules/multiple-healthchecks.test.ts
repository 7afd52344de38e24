// Table tests for DL3012 multiple-healthchecks.
import rule from '../../../server/src/core/rules/dockerfile/multiple-healthchecks';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM debian:12\nHEALTHCHECK CMD /bin/check\n', 'FROM debian:12\nHEALTHCHECK CMD /a\nFROM debian:12\nHEALTHCHECK CMD /b\n'],
  invalid: [
    {
      code: 'FROM debian:12\nHEALTHCHECK CMD /a\nHEALTHCHECK CMD /b\n',
      errors: [{ text: 'HEALTHCHECK', message: 'overridden by a later one' }],
      output: 'FROM debian:12\nHEALTHCHECK CMD /b\n',
      applicability: 'safe',
    },
  ],
});
