// LW108: `--trusted-host` in a requirements file lets pip fetch packages over plain HTTP or with an unverified certificate.
import { defineRule } from '../rule';
import type { RequirementsModel } from '../../model/requirements';
import { deleteEntryLines } from './requirements-helpers';

export default defineRule<RequirementsModel>({
  meta: {
    code: 'LW108',
    name: 'requirements-trusted-host',
    origin: 'layerwise',
    language: 'requirements',
    category: 'security',
    severity: 'warning',
    messages: {
      trusted: '`--trusted-host {host}` turns off TLS verification for `{host}`: anyone on the network path can serve pip other packages',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes: 'Flags `--trusted-host` lines in a requirements file.',
      whyItMatters:
        'pip then accepts plain HTTP and invalid or self-signed certificates from that host. Whoever can intercept the build\'s traffic (a proxy, the CI network, a compromised mirror) can hand pip a different package, and it runs as root in the image build. A private index should serve HTTPS with a certificate the image trusts (`--cert`, `PIP_CERT`, or the CA installed in the build stage).',
      example: '--index-url http://pypi.internal.example/simple\n--trusted-host pypi.internal.example\nflask==3.0.3\n',
      useInstead: '--index-url https://pypi.internal.example/simple\nflask==3.0.3\n',
      fixSafety: 'The fix deletes the line. Unsafe: installs from that host fail until it serves HTTPS with a certificate the build trusts.',
      references: ['https://pip.pypa.io/en/stable/cli/pip/#cmdoption-trusted-host', 'https://pip.pypa.io/en/stable/topics/https-certificates/'],
    },
  },
  check(ctx) {
    for (const e of ctx.model.file.entries) {
      if (e.kind !== 'option' || e.name !== '--trusted-host' || e.value === undefined) continue;
      ctx.report({
        range: e.range,
        messageId: 'trusted',
        data: { host: e.value },
        fixes: [{ title: `Delete \`--trusted-host ${e.value}\``, applicability: 'unsafe', edits: [deleteEntryLines(ctx.model, e)] }],
      });
    }
  },
});
