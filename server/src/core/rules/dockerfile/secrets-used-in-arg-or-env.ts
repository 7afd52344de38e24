// SecretsUsedInArgOrEnv: an ARG or ENV whose name says it holds a secret; both end up readable in the image.
import { defineRule } from '../rule';
import { isPublicKeyId, nameParts, nameShowsNoSecret, valueShowsNoSecret } from './secret-name-helpers';

/** BuildKit's secret words, compared with whole words of the name. */
const SECRET = new Set(['apikey', 'auth', 'credential', 'credentials', 'key', 'password', 'pword', 'passwd', 'secret', 'token']);
/** BuildKit's words that make a name describe a secret rather than hold one. */
const ALLOWED = new Set(['public', 'file', 'version']);

/** Whether the name alone says the variable holds a secret (BuildKit's test, on words split also at camelCase and `-`). */
export function secretByName(name: string): boolean {
  const parts = nameParts(name);
  if (!parts.some((p) => SECRET.has(p)) || parts.some((p) => ALLOWED.has(p))) return false;
  return !nameShowsNoSecret(parts) && !isPublicKeyId(parts);
}

export default defineRule({
  meta: {
    code: 'SecretsUsedInArgOrEnv',
    name: 'secrets-used-in-arg-or-env',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: {
      secret: '{keyword} `{name}` looks like a secret: ARG and ENV values stay readable in the image; use a secret mount',
    },
    fix: 'none',
    docs: {
      whatItDoes:
        'Flags an `ARG` or `ENV` whose name has a secret word among its words (`password`, `secret`, `token`, `key`, `apikey`, `auth`, `credential(s)`, `passwd`, `pword`), unless a word also says `public`, `file` or `version` (`PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_VERSION`). Words are whole: the name is split at `_`, `-`, `.` and camelCase boundaries (`apiToken`), so `TIKTOKEN_CACHE_DIR` has no word `token`.',
      whyItMatters: '`ENV` values are stored in the image configuration and `ARG` values in its build history: anyone who can pull the image can read them with `docker history` or `docker inspect`, long after the build.',
      example: 'FROM python:3.12-slim\nARG PIP_INDEX_TOKEN\nRUN pip install --no-cache-dir --index-url "https://__token__:${PIP_INDEX_TOKEN}@pypi.example.org/simple" app\n',
      useInstead:
        'FROM python:3.12-slim\nRUN --mount=type=secret,id=pip_token,env=PIP_INDEX_TOKEN \\\n    pip install --no-cache-dir --index-url "https://__token__:${PIP_INDEX_TOKEN}@pypi.example.org/simple" app\n',
      fixSafety: 'No fix: moving a value to a secret mount changes how the build is invoked.',
      references: ['https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', 'https://docs.docker.com/build/building/secrets/'],
      divergences:
        'BuildKit judges the name only and splits it at `_` alone. Layerwise also splits at `-`, `.` and camelCase (`apiToken` is reported), and does not report a name that switches or locates a secret (a word `use`, `enable(d)`, `disable(d)`, `path` or `dir`: `HF_USE_ID_TOKEN`, `SSH_KEY_PATH`), a signing-key fingerprint (`GPG_KEY`, as the official python images set it), or a value that cannot be a credential: a switch (`true`, `false`, `yes`, `no`, `on`, `off`, `0`, `1`), a path, or a URL without user info or query string. An empty value, a missing ARG default and a `$VAR` reference are still reported, as BuildKit does. Where hadolint\'s DL3064 reports the same variable, the engine shows this finding only (one problem, one finding), with the more severe of the two levels; a pragma that names either code silences both.',
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const pairs = instr.keyword === 'ENV' ? instr.env : instr.keyword === 'ARG' ? instr.argDecls : undefined;
      for (const kv of pairs ?? []) {
        if (!secretByName(kv.key) || valueShowsNoSecret(kv)) continue;
        ctx.report({ range: kv.keyRange, messageId: 'secret', data: { keyword: instr.keyword, name: kv.key } });
      }
    }
  },
});
