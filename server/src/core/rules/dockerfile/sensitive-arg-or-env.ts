// DL3064: secrets passed as ARG or ENV end up in the image history or configuration.
import { defineRule } from '../rule';
import { nameParts, nameShowsNoSecret, valueShowsNoSecret } from './secret-name-helpers';

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
/** Words that say a credential, matched against the name's words (`DB_PASSWORD`, `apiToken`), never inside another word. */
const SECRET_WORDS = new Set(['password', 'passwd', 'secret', 'token', 'tokens', 'private', 'apikey', 'clientkey']);
/** Two-word credentials: `API_KEY`, `clientKey`. */
const SECRET_PAIRS: readonly (readonly [string, string])[] = [['api', 'key'], ['api', 'keys'], ['client', 'key']];
/** Words that make the name describe a secret rather than hold one (BuildKit's list: `PUBLIC_KEY`, `PASSWORD_FILE`). */
const DESCRIBES = new Set(['public', 'file', 'version']);

/** Whether an ARG/ENV name looks like a credential: a well-known name, or one of the credential words among its words. */
export function looksSensitive(name: string): boolean {
  if (KNOWN.has(name.toUpperCase())) return true;
  const parts = nameParts(name);
  if (parts.some((p) => DESCRIBES.has(p)) || nameShowsNoSecret(parts)) return false;
  // A password word also hides inside a run-together name (`PGPASSWORD`, `DBPASSWORD`); `token` does not (`TIKTOKEN`).
  if (parts.some((p) => SECRET_WORDS.has(p) || p.includes('password') || p.includes('passwd'))) return true;
  return SECRET_PAIRS.some(([a, b]) => parts.some((p, i) => p === a && parts[i + 1] === b));
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
      whatItDoes:
        'Flags `ARG` and `ENV` names that look like credentials: well-known ones (`AWS_SECRET_ACCESS_KEY`, `GITHUB_TOKEN`, `NPM_TOKEN`, …) and names with one of the words `password` (also run together: `PGPASSWORD`), `passwd`, `secret`, `token`, `private`, `api key` or `client key`. Words are found by splitting the name at `_`, `-`, `.` and camelCase boundaries (`apiToken`), so `TIKTOKEN_CACHE_DIR` has no word `token`. A name that also says `public`, `file`, `version`, `path`, `dir`, `use`, `enable(d)` or `disable(d)` describes or switches a secret and is not flagged, nor is a value that cannot be a credential: a switch (`true`, `false`, `yes`, `no`, `on`, `off`, `0`, `1`), a path, or a URL without user info or query string.',
      whyItMatters: 'ENV values are stored in the image configuration and ARG values in its build history (`docker history`); anyone who can pull the image can read them. BuildKit secret mounts give a RUN the value without writing it anywhere.',
      example: 'FROM python:3.12-slim\nARG PYPI_TOKEN\nRUN pip install --no-cache-dir --index-url "https://__token__:${PYPI_TOKEN}@pypi.example.com/simple" app\n',
      useInstead: 'FROM python:3.12-slim\nRUN --mount=type=secret,id=pypi,env=PIP_INDEX_URL pip install --no-cache-dir app\n',
      fixSafety: 'No fix: moving to a secret mount changes how the build is invoked.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3064', 'https://docs.docker.com/build/building/secrets/'],
      divergences:
        'hadolint looks for its words anywhere in the name (`TIKTOKEN_CACHE_DIR`, `HF_USE_ID_TOKEN=true` and `ARG USERNAME=app` are secrets to it); Layerwise matches whole words, reads the value, and no longer counts `username` alone as a credential (a user name for `useradd` is not one; `DOCKER_USERNAME` and the other well-known names still are). Where BuildKit\'s SecretsUsedInArgOrEnv reports the same variable, the engine shows that finding only (one problem, one finding); DL3064 speaks alone when SecretsUsedInArgOrEnv is off, deferred or silenced by `# check=skip=all`; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    for (const outer of ctx.model.instructions) {
      const instr = outer.trigger ?? outer;
      for (const kv of [...(instr.argDecls ?? []), ...(instr.env ?? [])]) {
        if (looksSensitive(kv.key) && !valueShowsNoSecret(kv)) ctx.report({ range: kv.keyRange, messageId: 'sensitive', data: { name: kv.key, keyword: instr.keyword } });
      }
    }
  },
});
