// Table tests for LW105 broken-requirements-include.
import rule from '../../../server/src/core/rules/requirements/broken-requirements-include';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: [
    { code: '-r base.txt\n-c constraints.txt\nflask\n', files: { 'base.txt': 'requests\n', 'constraints.txt': 'flask==3.0.3\n' } },
    { name: 'resolves against the including file\'s folder', path: 'requirements/prod.txt', code: '-r base.txt\ngunicorn\n', files: { 'requirements/base.txt': 'flask\n' } },
    { name: 'does not check URLs or ${VAR} paths', code: '-r https://example.com/reqs.txt\n-r ${REQS}\n' },
    { name: 'a chain of includes without a loop', code: '-r a.txt\n', files: { 'a.txt': '-r b.txt\n', 'b.txt': 'flask\n' } },
  ],
  invalid: [
    {
      name: 'a missing file is reported on its path',
      code: '-r base.txt\nflask\n',
      files: { 'other.txt': '' },
      errors: [{ text: 'base.txt', message: 'looks for `/ctx/base.txt`' }],
    },
    {
      name: 'a path relative to the working directory instead of the file',
      path: 'requirements/prod.txt',
      code: '-r requirements/base.txt\n',
      files: { 'requirements/base.txt': 'flask\n' },
      errors: [{ text: 'requirements/base.txt', message: '/ctx/requirements/requirements/base.txt' }],
    },
    {
      name: 'a missing constraints file',
      code: '--constraint=constraints.txt\nflask\n',
      files: { 'x.txt': '' },
      errors: [{ text: 'constraints.txt', message: 'pip reads `-c` paths' }],
    },
    {
      name: 'an include that leads back to the file',
      code: '-r dev.txt\nflask\n',
      files: { 'dev.txt': '-r requirements.txt\npytest\n' },
      errors: [{ text: 'dev.txt', message: '`requirements.txt` → `dev.txt` → `requirements.txt`' }],
    },
    {
      name: 'a file that includes itself',
      code: '-r requirements.txt\n',
      errors: [{ text: 'requirements.txt', message: 'form a loop' }],
    },
  ],
});
