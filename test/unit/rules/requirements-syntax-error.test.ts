// Table tests for LW101 requirements-syntax-error.
import rule from '../../../server/src/core/rules/requirements/requirements-syntax-error';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: [
    'flask==3.0.3\nrequests[socks]>=2.31,<3 ; python_version >= "3.9"\n',
    { name: 'accepts options, includes, URLs and continuation lines', code: '--index-url https://pypi.org/simple\n-r base.txt\nmypkg @ https://example.com/mypkg-1.0.tar.gz\nflask==3.0.3 \\\n    --hash=sha256:34e815dfaa43340d1d15a5c3a02b8476004037eb4840b34910c6e21679d288f3\n' },
    { name: 'leaves invalid versions to LW102', code: 'flask=3.0\n' },
    { name: 'accepts ${VAR} in names and URLs', code: '${PKG}==1.0\nprivate @ https://${TOKEN}@git.example.com/p.tar.gz\n' },
    { name: 'a comment with odd characters is no error', code: '# flask[[ >> \nflask\n' },
  ],
  invalid: [
    {
      name: 'an unclosed extras list is reported at the bracket',
      code: 'flask[async\nrequests==2.32.3\n',
      errors: [{ text: '[async', message: 'Expected `]` to close the extras' }],
    },
    {
      name: 'an invalid marker names the bad token; later lines are still checked',
      code: 'requests ; python_version >> "3.8"\nflask[async,]\n',
      errors: [{ text: '>', occurrence: 1, message: 'Invalid environment marker' }, { text: ']', message: 'Expected an extra name' }],
    },
    {
      name: 'a hash with a weak algorithm',
      code: 'flask==3.0.3 --hash=sha1:abc\n',
      errors: [{ text: 'sha1:abc', message: '`sha1` is not allowed for --hash' }],
    },
    {
      name: 'a version without an operator',
      code: 'flask 3.0.3\n',
      errors: [{ text: '3.0.3', message: 'write `flask==3.0.3`' }],
    },
    {
      name: 'an option that needs a value has none',
      code: '--index-url\nflask\n',
      errors: [{ text: '--index-url', message: 'needs a value' }],
    },
    {
      name: 'words after an option are ignored by pip',
      code: '--pre flask\n',
      errors: [{ text: 'flask', message: 'is ignored' }],
    },
  ],
});
