// DL3042: `pip install` without `--no-cache-dir` leaves pip's download cache in the layer.
import { defineRule } from '../rule';
import { envAt, type DockerfileModel, type Instruction } from '../../model/dockerfile';
import type { CommandInfo } from '../../model/commands';
import { commandSpan, hasCacheMount, insertFlagAfter, runs, truthyEnv } from './util';

export default defineRule({
  meta: {
    code: 'DL3042',
    name: 'pip-install-without-no-cache-dir',
    origin: 'hadolint',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      keepsCache: '`{command}` keeps its download cache in the layer: add `--no-cache-dir`',
    },
    fix: 'safe',
    docs: {
      whatItDoes: 'Flags `pip install` (also `pip3`, `python -m pip`) run without `--no-cache-dir` in a stage whose layers become the image.',
      whyItMatters:
        'pip stores every downloaded wheel and every wheel it built under `~/.cache/pip`. In an image that cache is dead weight: roughly the total download size again on top of the installed packages (for a CUDA build of torch, about 2.7 GB).',
      example: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n',
      useInstead: 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n',
      fixSafety: 'Safe: adds `--no-cache-dir` after `install`; what gets installed does not change.',
      references: [
        'https://pip.pypa.io/en/stable/topics/caching/',
        'https://github.com/hadolint/hadolint/wiki/DL3042',
      ],
      divergences:
        'Stage-aware: a builder stage whose layers do not reach the final image may keep its cache. Setting `PIP_NO_CACHE_DIR` (ENV or ARG) or a `RUN --mount=type=cache` on pip\'s cache folder also satisfies the rule.',
    },
  },
  check(ctx) {
    for (const { instr, stage, command } of runs(ctx.model)) {
      const pip = command.pip;
      if (!pip || pip.tool !== 'pip' || pip.sub !== 'install' || pip.noCacheDir) continue;
      if (stage && !stage.layersInFinal && !instr.onbuild) continue;
      if (pip.options.some((o) => o.value.startsWith('--cache-dir'))) continue;
      const env = envAt(ctx.model, instr);
      // Before the first FROM there is no stage environment; ENV lines above still set the variable (hadolint reads them).
      if (instr.stage < 0) for (const i of ctx.model.instructions) if (i.index < instr.index) for (const kv of i.env ?? []) env.set(kv.key, kv.value);
      if (truthyEnv(env.get('PIP_NO_CACHE_DIR'))) continue;
      if (command.args.some((a) => /^PIP_NO_CACHE_DIR=/.test(a.value))) continue;
      if (command.assignments.some((a) => a.name === 'PIP_NO_CACHE_DIR' && truthyEnv(a.value))) continue;
      if (exportedEarlier(ctx.model, instr, command)) continue;
      const cacheDir = (t: string): boolean => /(^|\/)\.cache(\/pip)?\/?$/.test(t) || t === env.get('PIP_CACHE_DIR');
      if (hasCacheMount(instr, cacheDir)) continue;
      if ((instr.run?.mounts ?? []).some((m) => m.type === 'tmpfs' && m.target !== undefined && cacheDir(m.target))) continue;
      const span = commandSpan(command, pip.subToken);
      ctx.report({
        range: span,
        messageId: 'keepsCache',
        data: { command: `${pip.launcher} install` },
        fixes: pip.insertAfter ? [{ title: 'Add `--no-cache-dir`', applicability: 'safe', edits: [insertFlagAfter(instr, pip.insertAfter, '--no-cache-dir')] }] : [],
      });
    }
  },
});

/** `export PIP_NO_CACHE_DIR=1 && pip install …`: an earlier declaration in the same RUN sets the variable. */
function exportedEarlier(model: DockerfileModel, instr: Instruction, command: CommandInfo): boolean {
  const run = instr.run;
  if (!run?.script || run.form !== 'shell') return false;
  const before = model.lines.offsetAt(command.range.start) - model.lines.offsetAt(run.bodyRange.start);
  return run.script.declarations.some((d) => d.keyword === 'export' && d.name === 'PIP_NO_CACHE_DIR' && d.start < before && truthyEnv(d.value));
}
