// Table tests for LW106 incomplete-requirement-hashes.
import rule from '../../../server/src/core/rules/requirements/incomplete-requirement-hashes';
import { requirementsRuleTester } from '../../helpers/rule-tester';

const H1 = 'sha256:34e815dfaa43340d1d15a5c3a02b8476004037eb4840b34910c6e21679d288f3';
const H2 = 'sha256:70761cfe03c773ceb22aa2f671b4757976145175cdfca038c02654d061d6dcc6';
const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir --require-hashes -r requirements.txt\n';

requirementsRuleTester(rule, {
  valid: [
    'flask==3.0.3\nrequests>=2\n',
    `flask==3.0.3 --hash=${H1}\nrequests==2.32.3 --hash=${H2}\n`,
    { name: 'hashes in a constraints file do not turn the mode on for requirements', code: '-c constraints.txt\nflask\n', files: { 'constraints.txt': `flask==3.0.3 --hash=${H1}\n` } },
  ],
  invalid: [
    {
      name: 'one requirement without a hash among hashed ones',
      code: `flask==3.0.3 \\\n    --hash=${H1}\nrequests==2.32.3\n`,
      errors: [{ text: 'requests', message: 'the `--hash` of `flask` turns on hash-checking mode' }],
    },
    {
      name: '--require-hashes in the file',
      code: '--require-hashes\nflask==3.0.3\n',
      errors: [{ text: 'flask', message: '`--require-hashes`' }],
    },
    {
      name: 'a hashed requirement that is not pinned',
      code: `flask>=3.0 --hash=${H1}\n`,
      errors: [{ text: '>=3.0', message: 'only exact versions' }],
    },
    {
      name: 'an editable in hash-checking mode',
      code: `-e ./lib\nflask==3.0.3 --hash=${H1}\n`,
      errors: [{ text: '-e', message: 'cannot be installed in hash-checking mode' }],
    },
    {
      name: 'hashes in an included file turn the mode on here too',
      code: '-r base.txt\nrequests==2.32.3\n',
      files: { 'base.txt': `flask==3.0.3 --hash=${H1}\n` },
      errors: [{ text: 'requests' }],
    },
    {
      name: '--require-hashes on the Dockerfile\'s pip install',
      code: 'flask==3.0.3\n',
      files: { Dockerfile: DF },
      errors: [{ text: 'flask', message: '`--require-hashes` in the Dockerfile' }],
    },
  ],
});
