// ExposeInvalidFormat: `EXPOSE 127.0.0.1:80:80` or `EXPOSE 8080:80`: addresses and host ports do not belong in an image.
import { defineRule } from '../rule';

export default defineRule({
  meta: {
    code: 'ExposeInvalidFormat',
    name: 'expose-invalid-format',
    origin: 'buildkit',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'warning',
    messages: {
      mapping: '`EXPOSE {port}` names an IP address or host port: an image only declares its container port (`{container}`)',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags an `EXPOSE` value with a `:`: an IP address or a host-port mapping such as `8080:80`.',
      whyItMatters: 'Which host address and port a container is published on is decided by `docker run -p` or Compose, not by the image. Docker ignores everything but the container port today, and BuildKit announces this form will become an error.',
      example: 'FROM python:3.12-slim\nEXPOSE 8000:8000\n',
      useInstead: 'FROM python:3.12-slim\nEXPOSE 8000\n',
      fixSafety: 'Safe: keeps only the container port (and protocol), which is all the image records anyway.',
      references: ['https://docs.docker.com/reference/build-checks/expose-invalid-format/', 'https://docs.docker.com/reference/dockerfile/#expose'],
    },
  },
  check(ctx) {
    for (const instr of ctx.model.instructions) {
      if (instr.keyword !== 'EXPOSE') continue;
      for (const a of instr.args) {
        if (!a.value.includes(':') || a.value.includes('$')) continue;
        const container = a.value.slice(a.value.lastIndexOf(':') + 1);
        ctx.report({
          range: a.range,
          messageId: 'mapping',
          data: { port: a.value, container },
          fixes: container ? [{ title: `Expose only \`${container}\``, applicability: 'safe', edits: [{ range: a.range, newText: container }] }] : [],
        });
      }
    }
  },
});
