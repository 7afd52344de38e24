// DL3042: `pip install` without `--no-cache-dir` leaves pip's download cache in the layer.
import { defineRule } from '../rule';
import { envAt } from '../../model/dockerfile';
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
      if (truthyEnv(env.get('PIP_NO_CACHE_DIR'))) continue;
      if (command.args.some((a) => /^PIP_NO_CACHE_DIR=/.test(a.value))) continue;
      if (hasCacheMount(instr, (t) => /(^|\/)\.cache(\/pip)?\/?$/.test(t) || t === env.get('PIP_CACHE_DIR'))) continue;
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
