// DL3042: `pip install` without `--no-cache-dir` leaves pip's download cache in the layer.
import { defineRule } from '../rule';
import { semanticsFor } from '../../model/semantic';
import { commandSpan, insertFlagAfter, runs } from './util';

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
        'Stage-aware: a builder stage whose layers do not reach the final image may keep its cache. Setting `PIP_NO_CACHE_DIR` (ENV; an ARG in scope, including one of the stage it is built `FROM`, which BuildKit hands down; `export` or a `VAR=1` prefix in the RUN), a `RUN --mount=type=cache` or `type=tmpfs` on pip\'s cache folder (`PIP_CACHE_DIR`, or `~/.cache/pip` of the USER in effect), or deleting that folder (`rm -rf ~/.cache/pip`, `pip cache purge`) later in the same RUN also satisfies the rule.',
    },
  },
  check(ctx) {
    const sem = semanticsFor(ctx);
    for (const { instr, stage, command } of runs(ctx.model)) {
      const pip = command.pip;
      if (!pip || pip.tool !== 'pip' || pip.sub !== 'install') continue;
      if (stage && !stage.layersInFinal && !instr.onbuild) continue;
      if (sem.install(instr, command)?.cache?.kept !== true) continue;
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
