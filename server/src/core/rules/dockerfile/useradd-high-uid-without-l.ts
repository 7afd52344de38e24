// DL3046: `useradd` with a large UID and without `-l` writes a huge sparse lastlog/faillog file into the layer.
import { defineRule } from '../rule';
import { insertWord, runInstructions, toolName } from './package-manager-helpers';

function uidOf(args: readonly { value: string }[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v === '-u' || v === '--uid') return args[i + 1]?.value;
    if (v.startsWith('--uid=')) return v.slice(6);
    if (/^-u\d+$/.test(v)) return v.slice(2);
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'DL3046',
    name: 'useradd-high-uid-without-l',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: { bigLog: '`useradd -u {uid}` without `-l` creates a large sparse lastlog file in the layer: add `-l`' },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `useradd` given a UID of six or more digits without `-l` / `--no-log-init`.',
      whyItMatters: '`useradd` reserves room for every UID up to the new one in `/var/log/lastlog` and `faillog`. The file is sparse on disk but a layer stores it in full: a UID of 100000000 can add gigabytes to the image.',
      example: 'FROM debian:bookworm-slim\nRUN useradd -u 123456 app\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN useradd -l -u 123456 app\n',
      fixSafety: 'Safe: `-l` only skips adding the user to the lastlog and faillog databases, which a container does not use.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3046', 'https://github.com/moby/moby/issues/5419'],
    },
  },
  check(ctx) {
    for (const instr of runInstructions(ctx.model)) {
      for (const command of instr.run!.commands) {
        if (toolName(command) !== 'useradd') continue;
        if (command.args.some((a) => a.value === '-l' || a.value === '--no-log-init' || /^-[a-zA-Z]*l[a-zA-Z]*$/.test(a.value))) continue;
        const uid = uidOf(command.args);
        if (uid === undefined || !/^\d{6,}$/.test(uid)) continue;
        ctx.report({
          range: command.name.range,
          messageId: 'bigLog',
          data: { uid },
          fixes: [{ title: 'Add `-l`', applicability: 'safe', edits: [insertWord(instr, command.name, '-l')] }],
        });
      }
    }
  },
});
