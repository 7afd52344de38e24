// Table tests for LW108 requirements-trusted-host.
import rule from '../../../server/src/core/rules/requirements/requirements-trusted-host';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: ['--index-url https://pypi.internal.example/simple\nflask==3.0.3\n', { name: 'a comment mentioning the option', code: '# no --trusted-host here\nflask\n' }],
  invalid: [
    {
      code: '--index-url http://pypi.internal.example/simple\n--trusted-host pypi.internal.example\nflask==3.0.3\n',
      errors: [{ text: '--trusted-host pypi.internal.example', message: 'turns off TLS verification for `pypi.internal.example`' }],
      output: '--index-url http://pypi.internal.example/simple\nflask==3.0.3\n',
      applicability: 'unsafe',
    },
    {
      name: 'the = spelling with a port',
      code: 'flask\n--trusted-host=10.0.0.5:8080\n',
      errors: [{ text: '--trusted-host=10.0.0.5:8080', message: '`10.0.0.5:8080`' }],
      output: 'flask\n',
    },
  ],
});
