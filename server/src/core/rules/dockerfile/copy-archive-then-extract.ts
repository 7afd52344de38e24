// DL3010: a COPY of a local archive that a later RUN unpacks leaves the archive in a layer; ADD unpacks it in one step.
import { defineRule } from '../rule';
import type { Range } from '../../types';
import type { CommandInfo } from '../../model/commands';
import { runs } from './util';
import { commandName, fileName, instructions, isArchive, positionalArgs } from './hadolint-helpers';

/** `tar -x…`, `tar --extract`, or the old dashless `tar xzf`. */
function tarExtracts(args: string[]): boolean {
  if (args[0] !== undefined && /^[a-zA-Z]*x[a-zA-Z]*$/.test(args[0])) return true;
  return args.some((a) => a === '--extract' || a === '--get' || /^-[^-]*x/.test(a));
}

const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

export default defineRule({
  meta: {
    code: 'DL3010',
    name: 'copy-archive-then-extract',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'info',
    messages: {
      extracted: '`{archive}` is copied and then unpacked by a RUN: `ADD` unpacks it without keeping the archive in a layer',
    },
    fix: 'none',
    docs: {
      whatItDoes: 'Flags a `COPY` of a local tar archive (`.tar`, `.tar.gz`, `.tgz`, `.xz`, …) whose file a later RUN of the same stage unpacks with `tar -x`, `gunzip`, `unzip` or similar.',
      whyItMatters:
        'The copied archive stays in the COPY layer even when the RUN deletes it afterwards, so the image carries the packed and the unpacked bytes. `ADD archive.tar.gz /dest/` unpacks local tar archives in a single layer.',
      example: 'FROM debian:bookworm-slim\nCOPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt && rm /tmp/app.tar.gz\n',
      useInstead: 'FROM debian:bookworm-slim\nADD app.tar.gz /opt/\n',
      fixSafety: 'No fix: `ADD` unpacks into the destination folder, which is rarely the same path the COPY wrote to, and the RUN usually does more than unpack.',
      references: ['https://github.com/hadolint/hadolint/wiki/DL3010', 'https://docs.docker.com/reference/dockerfile/#adding-local-tar-archives'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    // Only unpacking commands can make a finding: collect them first, and skip the COPY scan when there are none.
    const unpacksByInstr = new Map<number, CommandInfo[]>();
    for (const { instr, command } of runs(model)) {
      const name = commandName(command);
      if (!UNPACKERS.has(name) && !(name === 'tar' && tarExtracts(command.args.map((a) => a.value)))) continue;
      const list = unpacksByInstr.get(instr.index);
      if (list) list.push(command);
      else unpacksByInstr.set(instr.index, [command]);
    }
    if (unpacksByInstr.size === 0) return;
    let archives: { name: string; range: Range; reported: boolean }[] = [];
    for (const { instr } of instructions(model)) {
      if (instr.keyword === 'FROM') {
        archives = [];
        continue;
      }
      const copy = instr.copy;
      if (instr.keyword === 'COPY' && copy && copy.from === undefined && copy.dest) {
        // Raw text: a Windows path's backslashes are not escapes here.
        const raw = (t: { range: Range }): string => model.lines.slice(t.range);
        if (isArchive(raw(copy.dest))) archives.push({ name: fileName(raw(copy.dest)), range: copy.sources[0]?.range ?? copy.dest.range, reported: false });
        else for (const s of copy.sources) if (isArchive(raw(s))) archives.push({ name: fileName(raw(s)), range: s.range, reported: false });
        continue;
      }
      for (const command of unpacksByInstr.get(instr.index) ?? []) {
        const names = new Set(positionalArgs(command.args).map((a) => fileName(a.value)));
        for (const a of archives) {
          if (a.reported || !names.has(a.name)) continue;
          a.reported = true;
          ctx.report({ range: a.range, messageId: 'extracted', data: { archive: a.name } });
        }
      }
    }
  },
});
