// DL3002: a stage whose last USER is root runs its container (and later stages built on it) as root.
import { defineRule } from '../rule';
import type { Instruction } from '../../model/dockerfile';
import { semanticsFor } from '../../model/semantic';

function isRoot(user: string): boolean {
  return user === 'root' || user === '0' || user.startsWith('root:') || user.startsWith('0:');
}

export default defineRule({
  meta: {
    code: 'DL3002',
    name: 'last-user-root',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: {
      root: 'The last USER of this stage is `{user}`: the final stage runs as root',
      rootStage: 'The last USER of this stage is `{user}`: stages built on it run as root unless they set a USER',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a stage whose last `USER` instruction switches to root (`root`, `0`, `root:…`, `0:…`, also through an ARG or ENV value such as `USER ${APP_USER}` with `APP_USER=root`).',
      whyItMatters:
        'Processes running as root inside a container can do far more damage when the application is compromised (writing anywhere in the image, binding low ports, exploiting kernel bugs). Switching to root for installation steps is fine; switching back to an unprivileged user afterwards keeps the running container unprivileged.',
      example: 'FROM python:3.12-slim\nUSER root\nRUN pip install --no-cache-dir flask\n',
      useInstead: 'FROM python:3.12-slim\nUSER root\nRUN pip install --no-cache-dir flask\nUSER 10001\n',
      fixSafety: 'No fix: which unprivileged user the application can run as (and which files it must own) is not known.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3002', 'https://docs.docker.com/reference/dockerfile/#user'],
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const stage of ctx.model.stages) {
      let last: Instruction | undefined;
      for (const i of stage.instructions) if (i.keyword === 'USER') last = i;
      const arg = last?.args[0];
      // The value the USER line sets, with the ARG and ENV values it sees.
      if (!last || !arg || !isRoot(sem.expand(last, arg.value))) continue;
      ctx.report({ range: arg.range, messageId: stage.isFinal ? 'root' : 'rootStage', data: { user: arg.value } });
    }
  },
});
