// DL3062: `go install`/`go get`/`go run` of a remote module without `@version` builds whatever is newest that day.
import { defineRule } from '../rule';
import { runInstructions, toolName } from './package-manager-helpers';

const VALUE_FLAGS = new Set(['-o', '-C', '-p', '-modfile', '-tags', '-ldflags', '-gcflags', '-asmflags', '-mod', '-exec', '-pkgdir', '-toolexec', '-overlay', '-pgo', '-buildmode', '-compiler', '-gccgoflags', '-installsuffix', '-coverpkg', '-covermode']);

function isLocal(p: string): boolean {
  return p === '.' || p === '..' || p.startsWith('./') || p.startsWith('../') || p.startsWith('/') || p.endsWith('.go');
}

export default defineRule({
  meta: {
    code: 'DL3062',
    name: 'go-install-unpinned',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'reproducibility',
    severity: 'warning',
    messages: { unpinned: '`{pkg}` is not pinned: write `{base}@<version>`' },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags remote packages given to `go install`, `go get` (also `go get -tool`) and `go run` without a version, or with `@latest`. Local paths (`.`, `./cmd/app`, `/src`) are fine.',
      whyItMatters: 'Without a version Go resolves the newest release at build time, so rebuilding the same Dockerfile can produce a different binary or fail.',
      example: 'FROM golang:1.22\nRUN go install golang.org/x/tools/cmd/goimports@latest\n',
      useInstead: 'FROM golang:1.22\nRUN go install golang.org/x/tools/cmd/goimports@v0.24.0\n',
      fixSafety: 'No fix: the version to pin cannot be known offline.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3062', 'https://go.dev/ref/mod#go-install'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      for (const command of instr.run!.commands) {
        if (toolName(command) !== 'go') continue;
        const sub = command.args[0]?.value;
        if (sub !== 'install' && sub !== 'get' && sub !== 'run') continue;
        const operands = [];
        const rest = command.args.slice(1);
        for (let i = 0; i < rest.length; i++) {
          const v = rest[i]!.value;
          if (v === '--') continue;
          if (v.startsWith('-')) {
            if (VALUE_FLAGS.has(v.replace(/^--/, '-'))) i++;
            continue;
          }
          operands.push(rest[i]!);
          if (sub === 'run') break; // the rest are the program's own arguments
        }
        for (const op of operands) {
          if (isLocal(op.value) || op.dynamic) continue;
          const at = op.value.lastIndexOf('@');
          if (at > 0 && op.value.slice(at + 1) !== 'latest') continue;
          const base = at > 0 ? op.value.slice(0, at) : op.value;
          ctx.report({ range: op.range, messageId: 'unpinned', data: { pkg: op.value, base } });
        }
      }
    }
  },
});
