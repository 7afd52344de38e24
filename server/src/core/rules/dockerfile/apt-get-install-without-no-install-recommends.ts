// DL3015: `apt-get install` without `--no-install-recommends` pulls in every recommended package too.
import { defineRule } from '../rule';
import { commandSpan, insertFlagAfter, runs } from './util';

/**
 * Packages whose recommended packages are usually needed at run time (Debian's Recommends fields):
 * without them the fix would change behaviour, so it is offered as unsafe.
 */
const NEEDS_RECOMMENDS: Record<string, string> = {
  curl: 'ca-certificates',
  wget: 'ca-certificates',
  git: 'ca-certificates',
  'python3-pip': 'build-essential, python3-dev',
  gnupg: 'dirmngr',
  gnupg2: 'dirmngr',
  'software-properties-common': 'python3-launchpadlib',
  // gcc only recommends the C library headers: without them `stdlib.h` is missing and every C extension fails to build.
  gcc: 'libc6-dev',
  gfortran: 'libc6-dev',
};

export default defineRule({
  meta: {
    code: 'DL3015',
    name: 'apt-get-install-without-no-install-recommends',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'info',
    messages: {
      recommends: '`{command}` also installs recommended packages: add `--no-install-recommends`',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags `apt-get install` without `--no-install-recommends` (or `-o APT::Install-Recommends=false`).',
      whyItMatters:
        'Recommended packages are not needed for the requested ones to work, yet apt installs them by default. On Debian slim images they often add tens to hundreds of MB (documentation tools, X libraries, compilers).',
      example: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y libpq5 && rm -rf /var/lib/apt/lists/*\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n',
      fixSafety:
        'Adds `--no-install-recommends` after `install`. Safe unless a package is known to rely on what it recommends (curl, wget and git recommend ca-certificates, without which HTTPS fails; gcc recommends libc6-dev, without which C extensions do not compile); then the fix is marked unsafe and names what to add.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3015', 'https://wiki.debian.org/ReduceDebian'],
      divergences: 'Stage-aware: stages whose layers do not reach the final image are not checked.',
    },
  },
  check(ctx) {
    for (const { instr, stage, command } of runs(ctx.model)) {
      const apt = command.apt;
      if (!apt || apt.tool !== 'apt-get' || apt.sub !== 'install' || apt.noInstallRecommends) continue;
      if (stage && !stage.layersInFinal && !instr.onbuild) continue;
      const names = new Set(apt.packages.map((p) => p.value.split('=')[0]!));
      // build-essential depends on the C library headers itself.
      if (names.has('build-essential')) names.add('libc6-dev');
      const needing = [...names].filter((n) => NEEDS_RECOMMENDS[n] && !NEEDS_RECOMMENDS[n]!.split(', ').every((r) => names.has(r)));
      const title = needing.length
        ? `Add \`--no-install-recommends\` (check: ${needing.map((n) => `${n} recommends ${NEEDS_RECOMMENDS[n]}`).join('; ')})`
        : 'Add `--no-install-recommends`';
      ctx.report({
        range: commandSpan(command, apt.subToken),
        messageId: 'recommends',
        data: { command: `${command.name.value} install` },
        fixes: apt.subToken
          ? [{ title, applicability: needing.length ? 'unsafe' : 'safe', edits: [insertFlagAfter(instr, apt.subToken, '--no-install-recommends')] }]
          : [],
      });
    }
  },
});
