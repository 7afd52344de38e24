// Table tests for LW114 requirement-name-typo (the typosquatting guard over requirements files).
import rule from '../../../server/src/core/rules/requirements/requirement-name-typo';
import { requirementsRuleTester } from '../../helpers/rule-tester';

requirementsRuleTester(rule, {
  valid: [
    'requests==2.32.3\ndjangorestframework\nbeautifulsoup4\n',
    { name: 'real packages next to a popular name: boto (boto3), jwt (pyjwt), beautifulsoup (3.x)', code: 'boto==2.49.0\njwt\nbeautifulsoup\n' },
    { name: 'short names are not guessed at', code: 'yaml\nreq\nfask\n' },
    { name: 'a name far from every popular one is unknown, not a typo', code: 'my-internal-lib==1.0\n' },
    { name: 'URLs, paths and ${VAR} names are not judged', code: 'reqeusts @ https://example.com/reqeusts-1.0.tar.gz\n./reqeusts\n${REQEUSTS}\n' },
    { name: 'deprecated placeholders are LW111\'s, not typos', code: 'sklearn\nbs4\n' },
  ],
  invalid: [
    {
      name: 'two swapped letters: reqeusts',
      code: 'reqeusts==2.32.3\n',
      errors: [{ text: 'reqeusts', message: '`reqeusts` is not a known package: did you mean `requests`?' }],
      output: 'requests==2.32.3\n',
      applicability: 'unsafe',
    },
    {
      name: 'a dropped letter in a long name, extras and marker kept',
      code: 'djangorestframwork[markdown]>=3.15; python_version >= "3.10"\n',
      errors: [{ text: 'djangorestframwork', message: 'did you mean `djangorestframework`?' }],
      output: 'djangorestframework[markdown]>=3.15; python_version >= "3.10"\n',
    },
    {
      name: 'request (no such PyPI project) is one letter from requests',
      code: 'flask\nrequest\n',
      errors: [{ text: 'request', message: 'did you mean `requests`?' }],
      output: 'flask\nrequests\n',
    },
    {
      name: 'a dropped letter and a swap, each reported at its name',
      code: 'scikit-lern\npandsa==2.2\n',
      errors: [{ text: 'scikit-lern', message: '`scikit-learn`' }, { text: 'pandsa', message: '`pandas`' }],
      output: 'scikit-learn\npandas==2.2\n',
    },
  ],
});
