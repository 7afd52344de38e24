// Table tests for DL1001 inline-ignore-pragma.
import rule from '../../../server/src/core/rules/dockerfile/inline-ignore-pragma';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    { name: 'other hadolint pragmas are fine', code: '# hadolint shell=powershell\nFROM debian:12\n', config: { rules: { DL1001: 'info' } } },
    { name: 'off by default', code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n' },
    { name: 'global ignores are configuration, not inline', code: '# hadolint global ignore=DL3008\nFROM debian:12\n', config: { rules: { DL1001: 'info' } } },
  ],
  invalid: [
    {
      code: 'FROM debian:12\n# hadolint ignore=DL3008\nRUN apt-get install -y curl\n',
      config: { rules: { DL1001: 'info' } },
      errors: [{ text: '# hadolint ignore=DL3008', message: 'Inline `hadolint ignore` pragma' }],
      output: null,
    },
  ],
});
