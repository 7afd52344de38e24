// Table tests for LW104 duplicate-requirement.
import rule from '../../../server/src/core/rules/requirements/duplicate-requirement';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: [
    'flask==3.0.3\nrequests==2.32.3\n',
    { name: 'accepts the same package under different markers', code: 'numpy==1.26.4 ; python_version < "3.12"\nnumpy==2.1.3 ; python_version >= "3.12"\n' },
    { name: 'accepts a package that a constraints file pins too', code: '-c constraints.txt\nflask\n', files: { 'constraints.txt': 'flask==3.0.3\n' } },
  ],
  invalid: [
    {
      name: 'an exact repeat is deleted',
      code: 'flask==3.0.3\nrequests==2.32.3\nflask==3.0.3\n',
      errors: [{ text: 'flask==3.0.3', occurrence: 1, message: 'already required on line 1' }],
      output: 'flask==3.0.3\nrequests==2.32.3\n',
      applicability: 'safe',
    },
    {
      name: 'names are compared after PEP 503 normalization',
      code: 'Flask_SQLAlchemy==3.1.1\nflask-sqlalchemy==3.1.1\n',
      errors: [{ text: 'flask-sqlalchemy==3.1.1', message: '`flask-sqlalchemy` is already required on line 1' }],
      output: 'Flask_SQLAlchemy==3.1.1\n',
    },
    {
      name: 'the last line without a newline is deleted with the line break before it',
      code: 'flask\nflask',
      errors: [{ text: 'flask', occurrence: 1 }],
      output: 'flask',
    },
    {
      name: 'two different pins conflict',
      code: 'flask==3.0.3\nflask==2.3.3\n',
      errors: [{ text: '==2.3.3', message: 'no version satisfies both' }],
      output: null,
    },
    {
      name: 'a pin outside the other range conflicts',
      code: 'django>=5.0\ndjango==4.2.16\n',
      errors: [{ text: '==4.2.16', message: 'conflicts with `django>=5.0`' }],
    },
    {
      name: 'two ranges that can both hold are reported as one to merge',
      code: 'django>=4.2\ndjango<5\n',
      errors: [{ text: 'django', occurrence: 1, message: 'pip applies both' }],
      output: null,
    },
    {
      name: 'a repeat of a requirement from an included file points at that file',
      code: '-r base.txt\nrequests==2.32.3\n',
      files: { 'base.txt': 'requests==2.32.3\n' },
      errors: [{ text: 'requests==2.32.3', message: 'already required on line 1 of `base.txt`' }],
      output: null,
    },
  ],
});
