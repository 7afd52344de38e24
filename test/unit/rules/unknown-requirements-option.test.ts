// Table tests for LW103 unknown-requirements-option.
import rule from '../../../server/src/core/rules/requirements/unknown-requirements-option';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: [
    '--index-url https://pypi.org/simple\n--extra-index-url https://example.com/simple\n--pre\n--prefer-binary\n-f ./wheels\nflask==3.0.3\n',
    { name: 'accepts an abbreviation optparse resolves (--index)', code: '--index https://pypi.org/simple\nflask\n' },
    { name: 'accepts per-requirement options on a requirement line', code: 'mypkg==1.0 --config-settings=key=value\n' },
  ],
  invalid: [
    {
      name: 'an underscore instead of a dash, with a suggestion',
      code: '--index_url https://pypi.org/simple\nflask==3.0.3\n',
      errors: [{ text: '--index_url', message: 'did you mean `--index-url`?' }],
      output: '--index-url https://pypi.org/simple\nflask==3.0.3\n',
      applicability: 'unsafe',
    },
    {
      name: 'no fix when the near option would leave the line invalid (a flag without a value takes none)',
      code: '--prex sub/child.txt\n',
      errors: [{ text: '--prex', message: 'did you mean `--pre`?' }],
      output: null,
    },
    {
      name: 'a command-line-only option',
      code: '--no-deps\nflask\n',
      errors: [{ text: '--no-deps', message: '`--no-deps` is not an option pip accepts' }],
    },
    {
      name: 'an unknown option on a requirement line',
      code: 'flask==3.0.3 --upgrade\n',
      errors: [{ text: '--upgrade' }],
    },
    {
      name: 'a per-requirement option alone on a line',
      code: '--hash=sha256:34e815dfaa43340d1d15a5c3a02b8476004037eb4840b34910c6e21679d288f3\nflask\n',
      errors: [{ text: '--hash', message: 'applies to the requirement on its line' }],
    },
    {
      name: 'the deprecated --global-option',
      code: 'mypkg==1.0 --global-option=build_ext\n',
      errors: [{ text: '--global-option', message: 'deprecated' }],
    },
  ],
});
