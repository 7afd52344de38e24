// Table tests for SecretsUsedInArgOrEnv secrets-used-in-arg-or-env.
import rule from '../../../server/src/core/rules/dockerfile/secrets-used-in-arg-or-env';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: ['FROM alpine\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/pw\nARG AUTH_MODULE_VERSION\nENV MONKEY=1 SUNFLOWER=2\n'],
  invalid: [
    { code: 'ARG AWS_SECRET_ACCESS_KEY\nFROM alpine\n', errors: [{ text: 'AWS_SECRET_ACCESS_KEY', message: 'ARG `AWS_SECRET_ACCESS_KEY`' }], output: null },
    { code: 'FROM alpine\nENV password=bar apikey=x git_key=\n', errors: [{ text: 'password' }, { text: 'apikey' }, { text: 'git_key' }] },
  ],
});
