// LW012: uv, poetry and pipenv keep their download caches in the layer (pip's own cache is DL3042).
import { defineRule } from '../rule';
import type { Fix } from '../../types';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import type { CommandInfo } from '../../model/commands';
import { envAt } from '../../model/dockerfile';
import { commandSpan, hasCacheMount, insertFlagAfter, truthyEnv } from './util';
import { ships } from './python-image-helpers';

interface Tool {
  /** Variables that turn the cache off. */
  off: string[];
  /** Variable that moves the cache. */
  dir: string;
  /** Folder under `~/.cache` (or the default cache path) the tool writes. */
  folder: RegExp;
  /** Flag that turns it off, when the tool has one. */
  flag?: string;
}

const TOOLS: Record<'uv' | 'poetry' | 'pipenv', Tool> = {
  uv: { off: ['UV_NO_CACHE'], dir: 'UV_CACHE_DIR', folder: /(^|\/)\.cache(\/uv)?\/?$/, flag: '--no-cache' },
  poetry: { off: ['POETRY_NO_CACHE'], dir: 'POETRY_CACHE_DIR', folder: /(^|\/)\.cache(\/pypoetry)?\/?$/, flag: '--no-cache' },
  // pipenv downloads through pip, and keeps its own cache as well.
  pipenv: { off: ['PIPENV_NOCACHE'], dir: 'PIPENV_CACHE_DIR', folder: /(^|\/)\.cache(\/pipenv|\/pip)?\/?$/ },
};

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
        'Flags `uv pip install`, `uv sync`, `uv add`, `poetry install`/`add` and `pipenv install`/`sync` in a stage whose layers become the image when the tool\'s cache is neither turned off (`--no-cache`, `UV_NO_CACHE`, `POETRY_NO_CACHE`, `PIPENV_NOCACHE`), nor on a `RUN --mount=type=cache`, nor deleted (`rm -rf ~/.cache…`, `uv cache clean`, `poetry cache clear`) in the same RUN.',
      whyItMatters:
        'Like pip, these tools keep every downloaded wheel under `~/.cache` (uv also keeps unpacked copies). In an image that cache duplicates the installed packages: tens to hundreds of megabytes, up to gigabytes for ML stacks.',
      example: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN uv sync --frozen\n',
      useInstead: 'FROM python:3.12-slim\nCOPY pyproject.toml uv.lock ./\nRUN --mount=type=cache,target=/root/.cache/uv uv sync --frozen\n',
      fixSafety:
        'Safe for uv and poetry: adds `--no-cache` after the subcommand; what gets installed does not change. pipenv has no such flag, so it gets no fix: set `PIPENV_NOCACHE=1` and `PIP_NO_CACHE_DIR=1`, or use a cache mount.',
      references: ['https://docs.astral.sh/uv/concepts/cache/', 'https://python-poetry.org/docs/configuration/#cache-dir', 'https://pipenv.pypa.io/en/latest/configuration.html'],
      divergences: 'hadolint checks only pip (DL3042); this rule covers the other installers the same way.',
    },
  },
  check(ctx) {
    const model = ctx.model;
    for (const instr0 of model.instructions) {
      const instr = instr0.trigger ?? instr0;
      if (!instr.run || !ships(model.stages[instr0.stage], instr)) continue;
      for (const c of instr.run.commands) {
        const pip = c.pip;
        if (!pip || pip.tool === 'pip') continue;
        const installs = pip.tool === 'uv' ? ['install', 'sync', 'add'].includes(pip.sub) && (pip.sub !== 'install' || pip.launcher === 'uv pip') : ['install', 'add', 'sync'].includes(pip.sub);
        if (!installs || pip.noCacheDir) continue;
        const tool = TOOLS[pip.tool];
        if (cacheOff(model, instr, c, tool)) continue;
        const fixes: Fix[] = tool.flag && pip.insertAfter ? [{ title: `Add \`${tool.flag}\``, applicability: 'safe', edits: [insertFlagAfter(instr, pip.insertAfter, tool.flag)] }] : [];
        ctx.report({
          range: commandSpan(c, pip.subToken),
          messageId: 'keepsCache',
          data: {
            command: `${pip.launcher} ${pip.sub}`,
            remedy: tool.flag ? `add \`${tool.flag}\`` : `set \`${tool.off[0]}=1\` and \`PIP_NO_CACHE_DIR=1\`, or use a cache mount`,
          },
          fixes,
        });
      }
    }
  },
});

function cacheOff(model: DockerfileModel, instr: Instruction, c: CommandInfo, tool: Tool): boolean {
  if (c.args.some((a) => a.value === '--no-cache' || a.value === '-n')) return true;
  const env = envAt(model, instr);
  for (const a of c.assignments) env.set(a.name, a.value);
  for (const d of instr.run?.script?.declarations ?? []) if (d.keyword === 'export') env.set(d.name, d.value);
  if (tool.off.some((v) => truthyEnv(env.get(v)))) return true;
  const dir = env.get(tool.dir);
  const matches = (t: string): boolean => tool.folder.test(t.replace(/\/$/, '')) || (dir !== undefined && t.replace(/\/$/, '') === dir.replace(/\/$/, ''));
  if (hasCacheMount(instr, matches)) return true;
  if ((instr.run?.mounts ?? []).some((m) => m.type === 'tmpfs' && m.target !== undefined && matches(m.target))) return true;
  // Deleted in the same RUN, after the install.
  return (instr.run?.commands ?? []).some(
    (x) =>
      x.index > c.index &&
      ((x.rm?.paths ?? []).some((p) => matches(p.value.replace(/^(~|\$HOME|\$\{HOME\})/, '/root').replace(/\/\*$/, ''))) ||
        (x.name.value === 'uv' && x.args[0]?.value === 'cache' && ['clean', 'prune'].includes(x.args[1]?.value ?? '')) ||
        (x.name.value === 'poetry' && x.args[0]?.value === 'cache' && x.args[1]?.value === 'clear')),
  );
}
