// DL3066: `USER name` only works where the name resolves; a numeric UID works everywhere, including under Kubernetes' runAsNonRoot.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'DL3066',
    name: 'non-numeric-user',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'security',
    severity: 'warning',
    messages: { nonNumeric: 'USER `{user}` is a name: use a numeric UID (and GID) so the platform can verify it' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags `USER` given a user or group name instead of numbers (`USER app`, `USER app:app`). Variables are not judged.',
      whyItMatters: 'A name is resolved from `/etc/passwd` inside the container; the host and orchestrators cannot. Kubernetes\' `runAsNonRoot` rejects a container whose user is not numeric because it cannot prove the name is not root.',
      example: 'FROM python:3.12-slim\nRUN useradd -u 10001 app\nUSER app\n',
      useInstead: 'FROM python:3.12-slim\nRUN useradd -u 10001 app\nUSER 10001\n',
      fixSafety: 'No fix: the UID a name stands for is only known inside the image.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3066', 'https://kubernetes.io/docs/tasks/configure-pod-container/security-context/'],
    },
  },
  check(ctx) {
    for (const outer of ctx.model.instructions) {
      const instr = outer.trigger ?? outer;
      if (instr.keyword !== 'USER' || instr.args.length === 0) continue;
      const arg = instr.args[0]!;
      if (arg.value.includes('$')) continue;
      if (arg.value.split(':').every((p) => /^\d+$/.test(p))) continue;
      ctx.report({ range: arg.range, messageId: 'nonNumeric', data: { user: arg.value } });
    }
  },
});
