// Table tests for DL3064 sensitive-arg-or-env: credential words matched as whole words of the name, and values that cannot be credentials.
import rule from '../../../server/src/core/rules/dockerfile/sensitive-arg-or-env';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM python:3.12-slim\nARG VERSION\nENV HOME_DIR=/srv\n',
    { name: 'TOKEN inside another word is not the word token', code: 'FROM python:3.12-slim\nENV TIKTOKEN_CACHE_DIR=/opt/tiktoken TIKTOKEN_ENCODING_NAME=cl100k_base\n' },
    { name: 'legacy ENV form of a TIKTOKEN name', code: 'FROM python:3.12-slim\nENV TIKTOKEN_ENCODING_NAME o200k_base\n' },
    { name: 'a switch with a boolean value', code: 'FROM python:3.12-slim\nENV HF_USE_ID_TOKEN=true\nARG USE_AUTH_TOKEN=false\n' },
    { name: 'a _TOKEN_ENABLED switch set to 1', code: 'FROM python:3.12-slim\nENV GITLAB_TOKEN_ENABLED=1\n' },
    { name: 'a credential name whose value is a switch word', code: 'FROM python:3.12-slim\nARG NPM_TOKEN=off\nENV DB_PASSWORD=No\n' },
    { name: 'a switch name without a value', code: 'FROM python:3.12-slim\nARG HF_USE_ID_TOKEN\n' },
    { name: 'a path or a location word', code: 'FROM python:3.12-slim\nENV SECRET_STORE=/run/secrets PRIVATE_KEY_PATH=\n' },
    { name: 'a URL without user info or query', code: 'FROM python:3.12-slim\nARG PRIVATE_INDEX=https://pypi.internal.example/simple\n' },
    { name: 'a file holding the password', code: 'FROM python:3.12-slim\nENV POSTGRES_PASSWORD_FILE=/run/secrets/db\n' },
    { name: 'a user name for useradd', code: 'FROM python:3.12-slim\nARG USERNAME=app\nRUN useradd -m "$USERNAME"\n' },
  ],
  invalid: [
    { name: 'known names and suspicious words', code: 'FROM python:3.12-slim\nARG GITHUB_TOKEN\nENV DB_PASSWORD=x\n', errors: [{ text: 'GITHUB_TOKEN' }, { text: 'DB_PASSWORD' }] },
    { name: 'API_KEY with a literal value', code: 'FROM python:3.12-slim\nENV API_KEY=sk-12345\n', errors: [{ text: 'API_KEY', message: '`API_KEY` looks like a secret' }], output: null },
    { name: 'camelCase words', code: 'FROM python:3.12-slim\nARG apiToken\nARG clientKey=abc\n', errors: [{ text: 'apiToken' }, { text: 'clientKey' }] },
    { name: 'a password word run together with its prefix', code: 'FROM python:3.12-slim\nENV PGPASSWORD=hunter2\n', errors: [{ text: 'PGPASSWORD' }] },
    { name: 'a URL with user info', code: 'FROM python:3.12-slim\nARG PRIVATE_INDEX=https://me:s3cret@pypi.internal.example/simple\n', errors: [{ text: 'PRIVATE_INDEX' }] },
    { name: 'a reference to an ARG copies the value into ENV', code: 'FROM python:3.12-slim\nARG HF_TOKEN\nENV HF_TOKEN=$HF_TOKEN\n', errors: [{ text: 'HF_TOKEN', occurrence: 0 }, { text: 'HF_TOKEN', occurrence: 1 }] },
    { name: 'an empty ARG default is filled by --build-arg', code: 'FROM python:3.12-slim\nARG NPM_TOKEN=\n', errors: [{ text: 'NPM_TOKEN' }] },
    { name: 'inside ONBUILD', code: 'FROM python:3.12-slim\nONBUILD ARG SLACK_TOKEN\n', errors: [{ text: 'SLACK_TOKEN' }] },
  ],
});
