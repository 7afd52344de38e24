// DL3064: secrets passed as ARG or ENV end up in the image history or configuration.
import { defineRule } from '../rule';

/** Variable names that are credentials by convention (the list hadolint checks). */
const KNOWN = new Set([
  'ACCESS_TOKEN', 'APPLICATION_KEY', 'APP_SECRET', 'AUTH_TOKEN', 'AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'BITTREX_API_KEY',
  'BITTREX_API_SECRET', 'CF_PASSWORD', 'CF_USERNAME', 'CIRCLE_TOKEN', 'CI_DEPLOY_PASSWORD', 'CI_DEPLOY_USER', 'DOCKERHUB_PASSWORD',
  'DOCKER_EMAIL', 'DOCKER_PASSWORD', 'DOCKER_USERNAME', 'FACEBOOK_ACCESS_TOKEN', 'FACEBOOK_APP_ID', 'FACEBOOK_APP_SECRET',
  'FIREBASE_API_TOKEN', 'FIREBASE_TOKEN', 'FOSSA_API_KEY', 'GH_ENTERPRISE_TOKEN', 'GH_TOKEN', 'GITHUB_ENTERPRISE_TOKEN', 'GITHUB_TOKEN',
  'HEROKU_API_KEY', 'HEROKU_API_USER', 'NPM_AUTH_TOKEN', 'NPM_TOKEN', 'OKTA_AUTHN_GROUPID', 'OKTA_CLIENT_ORGURL', 'OKTA_CLIENT_TOKEN',
  'OKTA_OAUTH2_CLIENTID', 'OKTA_OAUTH2_CLIENTSECRET', 'OPENAI_API_KEY', 'OS_PASSWORD', 'OS_USERNAME', 'POSTGRES_PASSWORD', 'SLACK_TOKEN',
  'STRIPE_API_KEY', 'STRIPE_DEVICE_NAME', 'TRAVIS_OS_NAME', 'TRAVIS_SECURE_ENV_VARS', 'TRAVIS_SUDO', 'VAULT_CLIENT_KEY', 'VAULT_TOKEN',
]);
const SUSPICIOUS = ['api_key', 'client_key', 'password', 'private', 'secret', 'token', 'username'];

export function looksSensitive(name: string): boolean {
  return KNOWN.has(name.toUpperCase()) || SUSPICIOUS.some((s) => name.toLowerCase().includes(s));
}

export default defineRule({
  meta: {
    code: 'DL3064',
    name: 'sensitive-arg-or-env',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: { sensitive: '`{name}` looks like a secret: {keyword} values stay in the image; use a build secret (`RUN --mount=type=secret`) instead' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `ARG` and `ENV` names that look like credentials: well-known ones (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NPM_TOKEN`, …) and any name containing `password`, `secret`, `token`, `private`, `api_key`, `client_key` or `username`.',
      whyItMatters: 'ENV values are stored in the image configuration and ARG values in its build history (`docker history`); anyone who can pull the image can read them. BuildKit secret mounts give a RUN the value without writing it anywhere.',
      example: 'FROM python:3.12-slim\nARG PYPI_TOKEN\nRUN pip install --no-cache-dir --index-url "https://__token__:${PYPI_TOKEN}@pypi.example.com/simple" app\n',
      useInstead: 'FROM python:3.12-slim\nRUN --mount=type=secret,id=pypi,env=PIP_INDEX_URL pip install --no-cache-dir app\n',
      fixSafety: 'No fix: moving to a secret mount changes how the build is invoked.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3064', 'https://docs.docker.com/build/building/secrets/'],
    },
  },
  check(ctx) {
    for (const outer of ctx.model.instructions) {
      const instr = outer.trigger ?? outer;
      for (const kv of [...(instr.argDecls ?? []), ...(instr.env ?? [])]) {
        if (looksSensitive(kv.key)) ctx.report({ range: kv.keyRange, messageId: 'sensitive', data: { name: kv.key, keyword: instr.keyword } });
      }
    }
  },
});
