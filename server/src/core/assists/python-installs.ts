// What a shell command installs into Python, as the split and the multi-stage rules need it: tool, manifests, source.
import type { CommandInfo } from '../model/commands';

export interface DependencyInstall {
  command: CommandInfo;
  tool: 'pip' | 'uv' | 'poetry' | 'pipenv';
  /** `uv sync` and `poetry install` read the project's lock; `uv pip install` behaves like pip. */
  form: 'pip' | 'uv-pip' | 'uv-sync' | 'poetry' | 'pipenv';
  /** Installs only packaging tools (`pip install poetry`): they belong to the build, not to the app's venv. */
  toolOnly: boolean;
  /** Installs the project itself (`pip install .`, `poetry install` without `--no-root`): needs the source. */
  needsSource: boolean;
  /** Files the install reads, as written (relative to the WORKDIR in effect or absolute). */
  manifests: string[];
  /** Why the install cannot be moved into a venv as written, when it cannot. */
  unsupported?: string;
}

/** Packaging tools installed with pip only to run the install. */
const TOOLS = new Set(['poetry', 'pipenv', 'uv', 'pdm', 'hatch', 'pip-tools', 'poetry-plugin-export']);

function specName(spec: string): string {
  return spec.toLowerCase().replace(/\[.*$/, '').replace(/[=<>!~;@ ].*$/, '').replace(/_/g, '-');
}

export function dependencyInstall(command: CommandInfo): DependencyInstall | undefined {
  const pip = command.pip;
  if (!pip) return undefined;
  const has = (flag: string): boolean => pip.options.some((o) => o.value === flag || o.value.startsWith(`${flag}=`));
  if (pip.tool === 'pip' || (pip.tool === 'uv' && pip.launcher === 'uv pip')) {
    if (pip.sub !== 'install') return undefined;
    const manifests = [...pip.requirements, ...pip.constraints].map((t) => t.value);
    const needsSource = pip.localPaths.length > 0 || pip.editables.length > 0;
    if (manifests.length === 0 && pip.packages.length === 0 && !needsSource) return undefined;
    const toolOnly = manifests.length === 0 && !needsSource && pip.packages.length > 0 && pip.packages.every((p) => TOOLS.has(specName(p.value)));
    const out: DependencyInstall = { command, tool: pip.tool, form: pip.tool === 'uv' ? 'uv-pip' : 'pip', toolOnly, needsSource, manifests };
    if (pip.user) out.unsupported = '`--user` installs into the home folder, not into an environment that can be copied';
    else if (pip.prefix !== undefined) out.unsupported = '`--prefix` already chooses where the packages go';
    else if (pip.target !== undefined) out.unsupported = '`--target` already chooses where the packages go';
    else if (has('--python') || has('-p')) out.unsupported = 'the install names its interpreter with `--python`';
    return out;
  }
  if (pip.tool === 'uv') {
    if (pip.sub === 'sync') {
      return { command, tool: 'uv', form: 'uv-sync', toolOnly: false, needsSource: !has('--no-install-project'), manifests: ['pyproject.toml', 'uv.lock'] };
    }
    return { command, tool: 'uv', form: 'uv-sync', toolOnly: false, needsSource: true, manifests: [], unsupported: '`uv add` changes the project instead of installing it' };
  }
  if (pip.tool === 'poetry') {
    if (pip.sub !== 'install') {
      return { command, tool: 'poetry', form: 'poetry', toolOnly: false, needsSource: true, manifests: [], unsupported: '`poetry add` changes the project instead of installing it' };
    }
    return { command, tool: 'poetry', form: 'poetry', toolOnly: false, needsSource: !has('--no-root'), manifests: ['pyproject.toml', 'poetry.lock'] };
  }
  // pipenv install / sync
  return {
    command,
    tool: 'pipenv',
    form: 'pipenv',
    toolOnly: false,
    needsSource: pip.localPaths.length > 0 || pip.editables.length > 0,
    manifests: ['Pipfile', 'Pipfile.lock'],
  };
}

/** True for a context path that only describes dependencies (requirements files, lock files, project metadata). */
export function isManifestPath(path: string): boolean {
  const p = path.replace(/^\.\//, '').replace(/\/+$/, '');
  const name = p.split('/').pop() ?? p;
  if (/^(requirements|constraints)[\w.-]*\.(txt|in)$/i.test(name)) return true;
  if (/^(pyproject\.toml|poetry\.lock|Pipfile|Pipfile\.lock|uv\.lock|pdm\.lock|setup\.cfg|setup\.py)$/.test(name)) return true;
  return /^requirements$/i.test(name);
}
