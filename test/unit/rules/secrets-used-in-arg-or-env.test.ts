// Table tests for SecretsUsedInArgOrEnv secrets-used-in-arg-or-env: BuildKit's secret words as whole words of the name, and values that cannot be credentials.
import rule from '../../../server/src/core/rules/dockerfile/secrets-used-in-arg-or-env';
import { ruleTester } from '../../helpers/rule-tester';

ruleTester(rule, {
  valid: [
    'FROM alpine\nARG PUBLIC_KEY\nENV PASSWORD_FILE=/run/secrets/pw\nARG AUTH_MODULE_VERSION\nENV MONKEY=1 SUNFLOWER=2\n',
    { name: 'TOKEN inside another word is not the word token', code: 'FROM python:3.12-slim\nENV TIKTOKEN_CACHE_DIR=/opt/tiktoken\nENV TIKTOKEN_ENCODING_NAME=cl100k_base\n' },
    { name: 'switches with boolean values', code: 'FROM python:3.12-slim\nENV HF_USE_ID_TOKEN=true AUTH_TOKEN_ENABLED=1\nARG USE_AUTH_TOKEN=false\n' },
    { name: 'a key name with a yes/no value', code: 'FROM python:3.12-slim\nARG VERIFY_KEY=yes\n' },
    { name: 'a switch or location name without a value', code: 'FROM python:3.12-slim\nARG HF_USE_ID_TOKEN\nARG SSH_KEY_PATH\nARG TOKEN_CACHE_DIR\n' },
    { name: 'a path value', code: 'FROM python:3.12-slim\nENV GOOGLE_AUTH=/var/run/gcp/credentials.json\n' },
    { name: 'a URL without credentials', code: 'FROM python:3.12-slim\nENV AUTH_SERVER=https://auth.example.com/realms/app\n' },
    { name: 'the signing key fingerprint of the official python images', code: 'FROM buildpack-deps:bookworm\nENV GPG_KEY A035C8C19219BA821ECEA86B64E628F8D684696D\n' },
  ],
  invalid: [
    { code: 'ARG AWS_SECRET_ACCESS_KEY\nFROM alpine\n', errors: [{ text: 'AWS_SECRET_ACCESS_KEY', message: 'ARG `AWS_SECRET_ACCESS_KEY`' }], output: null },
    { code: 'FROM alpine\nENV password=bar apikey=x git_key=\n', errors: [{ text: 'password' }, { text: 'apikey' }, { text: 'git_key' }] },
    { name: 'GITHUB_TOKEN without a default', code: 'FROM python:3.12-slim\nARG GITHUB_TOKEN\n', errors: [{ text: 'GITHUB_TOKEN' }] },
    { name: 'API_KEY and DB_PASSWORD with literal values', code: 'FROM python:3.12-slim\nENV API_KEY=sk-live-1 DB_PASSWORD=hunter2\n', errors: [{ text: 'API_KEY' }, { text: 'DB_PASSWORD' }] },
    { name: 'camelCase words', code: 'FROM python:3.12-slim\nARG apiToken\nENV dbPassword=x\n', errors: [{ text: 'apiToken' }, { text: 'dbPassword' }] },
    { name: 'a reference copies the ARG value into the image configuration', code: 'FROM python:3.12-slim\nARG HF_TOKEN\nENV HF_TOKEN=${HF_TOKEN}\n', errors: [{ text: 'HF_TOKEN', occurrence: 0 }, { text: 'HF_TOKEN', occurrence: 1 }] },
    { name: 'a URL whose query carries a token', code: 'FROM python:3.12-slim\nENV AUTH_URL=https://auth.example.com/cb?token=abc\n', errors: [{ text: 'AUTH_URL' }] },
    { name: 'a private signing key is still a secret', code: 'FROM python:3.12-slim\nARG GPG_PRIVATE_KEY\n', errors: [{ text: 'GPG_PRIVATE_KEY' }] },
    { name: 'a number is not a switch unless it is 0 or 1', code: 'FROM python:3.12-slim\nENV API_TOKEN=123456\n', errors: [{ text: 'API_TOKEN' }] },
  ],
});
