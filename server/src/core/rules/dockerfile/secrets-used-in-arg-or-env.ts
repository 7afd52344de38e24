// SecretsUsedInArgOrEnv: an ARG or ENV whose name says it holds a secret; both end up readable in the image.
import { defineRule } from '../rule';

const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOWED = /(?:_|^)(?:public|file|version)(?:_|$)/i;

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
        'Flags an `ARG` or `ENV` whose name has a secret-like word as its whole name, first or last `_`-separated part or a middle part (`password`, `secret`, `token`, `key`, `apikey`, `auth`, `credential(s)`, `passwd`, `pword`), unless a part also says `public`, `file` or `version` (`PUBLIC_KEY`, `PASSWORD_FILE`, `AUTH_VERSION`).',
      whyItMatters: '`ENV` values are stored in the image configuration and `ARG` values in its build history: anyone who can pull the image can read them with `docker history` or `docker inspect`, long after the build.',
      example: 'FROM python:3.12-slim\nARG PIP_INDEX_TOKEN\nRUN pip install --no-cache-dir --index-url "https://__token__:${PIP_INDEX_TOKEN}@pypi.example.org/simple" app\n',
      useInstead:
        'FROM python:3.12-slim\nRUN --mount=type=secret,id=pip_token,env=PIP_INDEX_TOKEN \\\n    pip install --no-cache-dir --index-url "https://__token__:${PIP_INDEX_TOKEN}@pypi.example.org/simple" app\n',
      fixSafety: 'No fix: moving a value to a secret mount changes how the build is invoked.',
      references: ['https://docs.docker.com/reference/build-checks/secrets-used-in-arg-or-env/', 'https://docs.docker.com/build/building/secrets/'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      const pairs = instr.keyword === 'ENV' ? instr.env : instr.keyword === 'ARG' ? instr.argDecls : undefined;
      for (const kv of pairs ?? []) {
        if (!SECRET.test(kv.key) || ALLOWED.test(kv.key)) continue;
        ctx.report({ range: kv.keyRange, messageId: 'secret', data: { keyword: instr.keyword, name: kv.key } });
      }
    }
  },
});
