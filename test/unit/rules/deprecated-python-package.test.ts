// Table tests for LW111 deprecated-python-package.
import rule from '../../../server/src/core/rules/requirements/deprecated-python-package';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: ['scikit-learn==1.5.2\nbeautifulsoup4\npycryptodome\npillow\n', { name: 'a name that only contains a flagged one', code: 'sklearn-pandas==2.2.0\ntyping-extensions\n' }],
  invalid: [
    {
      name: 'sklearn becomes scikit-learn, its placeholder version dropped',
      code: 'sklearn==0.0\nflask\n',
      errors: [{ text: 'sklearn', message: 'install `scikit-learn` instead' }],
      output: 'scikit-learn\nflask\n',
      applicability: 'safe',
    },
    {
      name: 'bs4 with extras keeps them',
      code: 'bs4[lxml]>=0.0.1\n',
      errors: [{ text: 'bs4' }],
      output: 'beautifulsoup4[lxml]\n',
    },
    {
      name: 'pycrypto: unsafe rename, version kept',
      code: 'PyCrypto==2.6.1\n',
      errors: [{ text: 'PyCrypto', message: 'known vulnerabilities' }],
      output: 'pycryptodome==2.6.1\n',
      applicability: 'unsafe',
    },
    {
      name: 'a Python 2 backport is deleted',
      code: 'flask\nenum34==1.1.10\n',
      errors: [{ text: 'enum34', message: 'delete it' }],
      output: 'flask\n',
      applicability: 'unsafe',
    },
  ],
});
