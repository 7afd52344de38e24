// LW006: `chown -R`/`chmod -R` of copied files in a later RUN writes every file again into a new layer.
import { defineRule } from '../rule';
import type { Fix, Range, TextEdit } from '../../types';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import type { CommandInfo } from '../../model/commands';
import { semanticsFor, type Semantics } from '../../model/semantic';
import { fullLinesRange, insertAfter } from './util';

export default defineRule({
  meta: {
    code: 'LW006',
    name: 'recursive-chown-of-copied-files',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      duplicates: '`{command}` changes every file the {keyword} on line {line} copied: the files are stored a second time in this layer; use `{keyword} --{flag}`',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags a recursive `chown -R`/`chgrp -R`/`chmod -R` in a RUN of a stage that ships, when its path is where an earlier `COPY`/`ADD` of the same stage put files.',
      whyItMatters:
        'Changing a file\'s owner or mode changes the file in the layer filesystem, so the RUN stores a complete second copy of every file it touches. A 300 MB application folder becomes 600 MB of layers. `COPY --chown`/`--chmod` sets ownership and mode while copying, at no cost.',
      example: 'FROM python:3.12-slim\nRUN useradd --system --uid 10001 app\nWORKDIR /app\nCOPY . .\nRUN chown -R app:app /app\nUSER 10001\n',
      useInstead: 'FROM python:3.12-slim\nRUN useradd --system --uid 10001 app\nWORKDIR /app\nCOPY --chown=app:app . .\nUSER 10001\n',
      fixSafety:
        'The fix adds `--chown=OWNER` (or `--chmod=MODE`) to the COPY and deletes the command (the whole RUN when it was the only command). It is safe when the path is exactly the COPY\'s destination, that folder is created by the COPY (not by an earlier `WORKDIR`, whose folder `--chown` leaves owned by root while `chown -R` changed it), nothing else is written there in between, the owner is numeric or created before the COPY, and the command is joined with `&&` alone. Otherwise it is unsafe: the RUN may also change files the COPY did not bring, or the user may not exist yet when COPY runs. A symbolic mode (`u+x`) gets no fix: `--chmod` takes octal modes.',
      references: ['https://docs.docker.com/reference/dockerfile/#copy---chown---chmod', 'https://docs.docker.com/get-started/docker-concepts/building-images/understanding-image-layers/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    for (const stage of model.stages) {
      if (!stage.layersInFinal) continue;
      for (const instr of stage.instructions) {
        if (!instr.run) continue;
        for (const c of instr.run.commands) {
          const perm = c.perm;
          if (!perm || !perm.recursive || !perm.spec || perm.spec.dynamic) continue;
          for (const p of perm.paths) {
            const abs = sem.path(instr, p.value, sem.commandDir(instr, c));
            if (!abs) continue;
            const copy = lastCopyTo(sem, stage.instructions, instr, abs);
            if (!copy) continue;
            const flag = perm.tool === 'chmod' ? 'chmod' : 'chown';
            ctx.report({
              range: c.range,
              messageId: 'duplicates',
              data: { command: model.lines.slice(c.range), keyword: copy.keyword, line: copy.startLine + 1, flag },
              fixes: perm.paths.length === 1 ? fixFor(model, sem, stage.instructions, copy, instr, c, abs) : [],
              related: [{ range: copy.range, message: 'the files copied here' }],
            });
            break;
          }
        }
      }
    }
  },
});

/** The last COPY/ADD from the build context or a stage before `instr` whose destination is `abs` (or contains it). */
function lastCopyTo(sem: Semantics, instrs: Instruction[], instr: Instruction, abs: string): Instruction | undefined {
  for (let k = instrs.indexOf(instr) - 1; k >= 0; k--) {
    const i = instrs[k]!;
    if (!i.copy?.dest) continue;
    const dest = sem.path(i, i.copy.dest.value);
    if (dest === abs) return i;
  }
  return undefined;
}

function fixFor(model: DockerfileModel, sem: Semantics, instrs: Instruction[], copy: Instruction, run: Instruction, c: CommandInfo, abs: string): Fix[] {
  const perm = c.perm!;
  const spec = perm.spec!.value;
  const flag = perm.tool === 'chmod' ? 'chmod' : 'chown';
  if (perm.tool === 'chmod' && !/^[0-7]{3,4}$/.test(spec)) return [];
  if (perm.tool === 'chgrp') return [];
  if (copy.flags.some((f) => f.name.toLowerCase() === flag) || copy.jsonForm) return [];
  if (run.run!.form !== 'shell' || run.run!.script?.hasErrors) return [];
  const commands = run.run!.commands;
  const ops = run.run!.script?.operators ?? [];
  const onlyAnd = ops.every((o) => o.op === '&&');
  const between = instrs.slice(instrs.indexOf(copy) + 1, instrs.indexOf(run));
  const writesBetween = between.some((i) => i.run || i.copy || i.keyword === 'WORKDIR');
  const owner = spec.split(':');
  const numeric = owner.every((o) => /^\d*$/.test(o));
  const userCreatedBefore =
    perm.tool === 'chmod' ||
    numeric ||
    instrs
      .slice(0, instrs.indexOf(copy))
      .some((i) => (i.run?.commands ?? []).some((x) => /^(useradd|adduser|groupadd|addgroup)$/.test(x.name.value) && x.args.some((a) => a.value === owner[0])));
  const edits: TextEdit[] = [insertAfter(copy.keywordRange, ` --${flag}=${spec}`)];
  if (commands.length === 1) edits.push({ range: fullLinesRange(model, run.startLine, run.endLine), newText: '' });
  else {
    const k = commands.indexOf(c);
    const bodyStart = model.lines.offsetAt(run.run!.bodyRange.start);
    const start = model.lines.offsetAt(c.range.start) - bodyStart;
    const end = model.lines.offsetAt(c.range.end) - bodyStart;
    // Remove the command with the operator that joins it to its neighbour (the one after it, or before it when last).
    const after = ops.find((o) => o.start >= end);
    const beforeOp = [...ops].reverse().find((o) => o.end <= start);
    // Only between two neighbours joined by nothing but one operator (and continuations): inside `{ …; }`, a
    // subshell or an `if`, cutting up to the next command would cut the group's own syntax too (fuzz seed 777 #2).
    const esc = model.escapeChar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const plainGap = (a: Range['end'], b: Range['start']): boolean =>
      new RegExp(`^(?:\\s|${esc}\\r?\\n)*(?:&&|\\|\\||;|\\||&)(?:\\s|${esc}\\r?\\n)*$`).test(model.text.slice(model.lines.offsetAt(a), model.lines.offsetAt(b)));
    if (k < commands.length - 1 && after && plainGap(c.range.end, commands[k + 1]!.range.start)) {
      const next = commands[k + 1]!;
      edits.push({ range: { start: c.range.start, end: next.range.start }, newText: '' });
    } else if (beforeOp && k > 0 && plainGap(commands[k - 1]!.range.end, c.range.start)) {
      const prev = commands[k - 1]!;
      edits.push({ range: { start: prev.range.end, end: c.range.end }, newText: '' });
    } else return [];
  }
  // COPY --chown leaves a folder that existed before it (made by WORKDIR) as it was; `chown -R` changed that folder too.
  const madeByWorkdir = (i: Instruction): boolean => {
    // The WORKDIR a WORKDIR line sets: its own argument resolved against the one before it.
    const dir = i.keyword === 'WORKDIR' && i.args[0] ? sem.path(i, i.args[0].value) : undefined;
    return dir !== undefined && `${dir}/`.startsWith(`${abs}/`);
  };
  const existed = abs === '/' || instrs.slice(0, instrs.indexOf(copy)).some(madeByWorkdir);
  const safe = !existed && onlyAnd && !writesBetween && userCreatedBefore && commands.every((x) => !x.substituted);
  return [{ title: `Use \`${copy.keyword} --${flag}=${spec}\` and drop \`${perm.tool} -R\``, applicability: safe ? 'safe' : 'unsafe', edits }];
}
