// LW004: `apt-get update` in a RUN of its own, with the install in a later RUN: the cached index goes stale.
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import type { Instruction } from '../../model/dockerfile';
import type { CommandInfo } from '../../model/commands';
import { commandSpan, fullLinesRange } from './util';

const isUpdate = (c: CommandInfo): boolean => c.apt?.sub === 'update';
const isInstall = (c: CommandInfo): boolean => c.apt !== undefined && ['install', 'upgrade', 'dist-upgrade', 'full-upgrade'].includes(c.apt.sub);

export default defineRule({
  meta: {
    code: 'LW004',
    name: 'apt-get-update-in-separate-run',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'cache',
    severity: 'warning',
    messages: {
      separate:
        '`{command}` runs in its own RUN, apart from the install on line {line}: the install layer can be rebuilt against a cached, stale package index',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes: 'Flags `apt-get update` (or `apt update`) in a RUN without an install, when a later RUN of the same stage installs packages without updating first.',
      whyItMatters:
        'Docker caches each RUN by its text. When the install line changes, the update layer is still reused from the cache, so the install runs against an index that may be weeks old: packages that were since replaced on the mirror fail to download ("404 Not Found"), or old versions get installed. Updating and installing in one RUN keeps the two together. A RUN that only updates also leaves the lists in a layer of its own.',
      example: 'FROM debian:bookworm-slim\nRUN apt-get update\nRUN apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      useInstead: 'FROM debian:bookworm-slim\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
      fixSafety:
        'When the RUN does nothing but update, the fix deletes it and starts the install RUN with `apt-get update && `; it is safe when the install RUN is a plain `&&` chain, because the install then sees a fresh index of the same sources and a failed update still stops the build; with `;` or `||` in that RUN it is marked unsafe. A RUN that does more than update gets no fix.',
      references: ['https://docs.docker.com/build/building/best-practices/#apt-get', 'https://docs.docker.com/build/cache/'],
      divergences: 'hadolint has no rule for this; its DL3009 only asks for the lists to be deleted.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const stage of model.stages) {
      const runs = stage.instructions.filter((i) => i.run);
      for (const [k, instr] of runs.entries()) {
        const commands = instr.run!.commands;
        const update = commands.find(isUpdate);
        if (!update || commands.some(isInstall)) continue;
        // The next RUN that touches apt decides: an install without its own update is the trap.
        const next = runs.slice(k + 1).find((i) => i.run!.commands.some((c) => c.apt !== undefined));
        if (!next || next.run!.commands.some(isUpdate)) continue;
        const install = next.run!.commands.find(isInstall);
        if (!install) continue;
        ctx.report({
          range: commandSpan(update, update.apt!.subToken),
          messageId: 'separate',
          data: { command: `${update.name.value} update`, line: next.startLine + 1 },
          fixes: fixFor(model, instr, update, next),
          related: [{ range: commandSpan(install, install.apt!.subToken), message: 'the install that may use a stale index' }],
        });
      }
    }
  },
});

function fixFor(model: Parameters<typeof fullLinesRange>[0], updateRun: Instruction, update: CommandInfo, installRun: Instruction): Fix[] {
  const commands = updateRun.run!.commands;
  if (commands.length !== 1 || updateRun.run!.form !== 'shell' || installRun.run!.form !== 'shell' || updateRun.flags.length > 0) return [];
  if (installRun.run!.script?.hasErrors) return [];
  const updateText = model.lines.slice(update.range);
  const first = installRun.run!.commands[0]!;
  // Prefixing the first command keeps the whole RUN after the update; only a pure `&&` chain still stops on a failed update.
  const chained = (installRun.run!.script?.operators ?? []).every((o) => o.op === '&&');
  return [
    {
      title: `Run \`${updateText}\` in the same RUN as the install`,
      applicability: chained ? 'safe' : 'unsafe',
      edits: [
        { range: fullLinesRange(model, updateRun.startLine, updateRun.endLine), newText: '' },
        { range: { start: first.range.start, end: first.range.start }, newText: `${updateText} && ` },
      ],
    },
  ];
}
