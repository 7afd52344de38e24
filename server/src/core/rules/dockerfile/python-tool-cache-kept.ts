// LW012: uv, poetry, pipenv and conda/mamba/micromamba keep their download caches in the layer (pip's own cache is DL3042).
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import { semanticsFor } from '../../model/semantic';
import { basename as baseName, type CommandInfo } from '../../model/commands';
import { commandSpan, insertFlagAfter } from './util';
import { appendCommand } from './package-manager-helpers';
import { ships } from './python-image-helpers';

/** The flag that turns each tool's cache off (pipenv has none), and the variable to set instead. */
const TOOLS: Record<'uv' | 'poetry' | 'pipenv', { flag?: string; off: string }> = {
  uv: { flag: '--no-cache', off: 'UV_NO_CACHE' },
  poetry: { flag: '--no-cache', off: 'POETRY_NO_CACHE' },
  // pipenv downloads through pip, and keeps its own cache as well.
  pipenv: { off: 'PIPENV_NOCACHE' },
};

/** The clean that empties each conda-family tool's package cache (mamba 1 hands `clean` to conda; mamba 2 and micromamba take `--all --yes`). */
const CONDA_CLEAN: Record<string, string> = { conda: 'conda clean -afy', mamba: 'mamba clean --all --yes', micromamba: 'micromamba clean --all --yes' };

export default defineRule({
  meta: {
    code: 'LW012',
    name: 'python-tool-cache-kept',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'size',
    severity: 'warning',
    messages: {
      keepsCache: '`{command}` keeps its download cache in the layer: {remedy}',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags `uv pip install`, `uv sync`, `uv add`, `poetry install`/`add`, `pipenv install`/`sync`, and `conda`/`mamba`/`micromamba` `install`, `create`, `update` and `env create` in a stage whose layers become the image when the tool\'s cache is neither turned off (`--no-cache`, `UV_NO_CACHE`, `POETRY_NO_CACHE`, `PIPENV_NOCACHE`), nor on a `RUN --mount=type=cache`, nor deleted (`rm -rf ~/.cache…`, `uv cache clean`, `poetry cache clear`, `conda clean -afy`, `micromamba clean --all --yes`) in the same RUN. The cache folder is the tool\'s `*_CACHE_DIR` or the default under the home of the USER in effect; for conda the first of `CONDA_PKGS_DIRS`, else `pkgs` under the root prefix (`MAMBA_ROOT_PREFIX` for micromamba, `/opt/conda` in the conda images).',
      whyItMatters:
        'Like pip, these tools keep every downloaded wheel under `~/.cache` (uv also keeps unpacked copies); conda keeps every downloaded package archive and its unpacked copy in `pkgs`. In an image that cache duplicates the installed packages: tens to hundreds of megabytes, up to gigabytes for ML stacks. A clean in a later RUN does not help: the earlier layer keeps the files.',
      example: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\n',
      useInstead: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n',
      fixSafety:
        'Safe for uv and poetry: adds `--no-cache` after the subcommand; what gets installed does not change. Safe for conda, mamba and micromamba: appends `&& conda clean -afy` (`mamba clean --all --yes`, `micromamba clean --all --yes`) to the RUN; installed environments keep their files (hard links or copies), a later install downloads again. pipenv has no such flag, so it gets no fix: set `PIPENV_NOCACHE=1` and `PIP_NO_CACHE_DIR=1`, or use a cache mount.',
      references: [
        'https://docs.astral.sh/uv/concepts/cache/',
        'https://python-poetry.org/docs/configuration/#cache-dir',
        'https://pipenv.pypa.io/en/latest/configuration.html',
        'https://docs.conda.io/projects/conda/en/latest/commands/clean.html',
        'https://micromamba-docker.readthedocs.io/en/latest/quick_start.html',
      ],
      divergences: 'hadolint checks only pip (DL3042); this rule covers the other installers the same way.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    for (const instr0 of model.instructions) {
      const instr = instr0.trigger ?? instr0;
      if (!instr.run || !ships(model.stages[instr0.stage], instr)) continue;
      for (const c of instr.run.commands) {
        const pip = c.pip;
        if (!pip) {
          const conda = sem.install(instr, c);
          if (conda?.tool === 'conda' && conda.cache?.kept === true) reportConda(c, conda.sub);
          continue;
        }
        if (pip.tool === 'pip') continue;
        const installs = pip.tool === 'uv' ? ['install', 'sync', 'add'].includes(pip.sub) && (pip.sub !== 'install' || pip.launcher === 'uv pip') : ['install', 'add', 'sync'].includes(pip.sub);
        if (!installs || sem.install(instr, c)?.cache?.kept !== true) continue;
        const tool = TOOLS[pip.tool];
        const fixes: Fix[] = tool.flag && pip.insertAfter ? [{ title: `Add \`${tool.flag}\``, applicability: 'safe', edits: [insertFlagAfter(instr, pip.insertAfter, tool.flag)] }] : [];
        ctx.report({
          range: commandSpan(c, pip.subToken),
          messageId: 'keepsCache',
          data: {
            command: `${pip.launcher} ${pip.sub}`,
            remedy: tool.flag ? `add \`${tool.flag}\`` : `set \`${tool.off}=1\` and \`PIP_NO_CACHE_DIR=1\`, or use a cache mount`,
          },
          fixes,
        });
      }
      function reportConda(c: CommandInfo, sub: string): void {
        const tool = baseName(c.name.value);
        const clean = CONDA_CLEAN[tool]!;
        const last = sub.split(' ').pop();
        const edit = appendCommand(model, instr, clean);
        ctx.report({
          range: commandSpan(c, c.args.find((a) => a.value === last)),
          messageId: 'keepsCache',
          data: { command: `${tool} ${sub}`, remedy: `run \`${clean}\` at the end of the same RUN` },
          fixes: edit ? [{ title: `Add \`${clean}\``, applicability: 'safe', edits: [edit] }] : [],
        });
      }
    }
  },
});
