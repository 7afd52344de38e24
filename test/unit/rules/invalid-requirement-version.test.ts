// Table tests for LW102 invalid-requirement-version.
import rule from '../../../server/src/core/rules/requirements/invalid-requirement-version';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: [
    'flask==3.0.3\nrequests~=2.31\nnumpy==1.*\ntorch==2.5.1+cpu\nlegacy===1.0-foo\n',
    { name: 'does not check versions that come from ${VAR}', code: 'flask==${FLASK_VERSION}\n' },
    { name: 'leaves other syntax errors to LW101', code: 'flask[async\n' },
  ],
  invalid: [
    {
      name: 'a single = becomes ==',
      code: 'flask=3.0.3\n',
      errors: [{ text: '=', message: 'use `==`' }],
      output: 'flask==3.0.3\n',
      applicability: 'safe',
    },
    {
      name: 'no fix when == would still be invalid (a tab inside the version)',
      code: 'tensorflow>2.0\nflask=1\t.0\n',
      errors: [{ text: '=', message: 'use `==`' }],
      output: null,
    },
    {
      name: 'an operator written back to front (=>) is named as written, with an unsafe fix to >=',
      code: 'torch=>1.0\nflask\n',
      errors: [{ text: '=>', message: '`=>` is not a version operator: write `>=`' }],
      output: 'torch>=1.0\nflask\n',
      applicability: 'unsafe',
    },
    {
      name: '=< likewise becomes <=, never ==<',
      code: 'numpy=<2\n',
      errors: [{ text: '=<', message: '`=<` is not a version operator: write `<=`' }],
      output: 'numpy<=2\n',
      applicability: 'unsafe',
    },
    {
      name: '~= needs two release segments',
      code: 'requests~=2\n',
      errors: [{ text: '~=2', message: 'needs at least two release segments' }],
      output: null,
    },
    {
      name: 'a wildcard after >=',
      code: 'numpy>=1.*\n',
      errors: [{ text: '>=1.*', message: 'only `==` and `!=` accept' }],
    },
    {
      name: 'a version that is not PEP 440, among valid lines',
      code: 'flask==3.0.3\nfoo==1.0-beta-x\nbar==2\n',
      errors: [{ text: '1.0-beta-x', message: 'is not a valid PEP 440 version' }],
    },
    {
      name: 'a local version label after >=',
      code: 'torch>=2.5.1+cpu\n',
      errors: [{ text: '>=2.5.1+cpu', message: 'local version label' }],
    },
  ],
});
