// LW017: `poetry install` without `--no-root` while only the project's manifests are copied: Poetry installs the project itself and finds no package.
import { parse as parseToml } from 'smol-toml';
import { defineRule } from '../rule';
import type { Instruction, Stage } from '../../model/dockerfile';
import { normalizeContextPath, semanticsFor, type Semantics } from '../../model/semantic';
import { basename, type CommandInfo } from '../../model/commands';
import { buildContextFor, type BuildContext } from '../../model/build-context';
import * as posix from '../../path';
import { commandSpan, insertFlagAfter } from './util';
import { lineageInstructions } from './python-image-helpers';

/** Files that describe the project without being its package: copying them alone does not bring the source. */
const MANIFEST = /^(pyproject\.toml|poetry\.lock|poetry\.toml|README(\.\w+)?|LICEN[CS]E(\.\w+)?|requirements[\w.-]*\.txt|\.python-version)$/i;
/** Commands that never bring source files, whatever their arguments (folders, users, output, environment). */
const NO_SOURCE = new Set(['mkdir', 'cd', 'echo', 'printf', 'true', 'false', ':', 'set', 'export', 'test', '[', 'ls', 'cat', 'pwd', 'id', 'whoami', 'env', 'printenv', 'which', 'command', 'sleep', 'useradd', 'adduser', 'groupadd', 'addgroup', 'usermod', 'python', 'python3', 'pipx', 'update-ca-certificates', 'locale-gen', 'ldconfig']);

export default defineRule({
  meta: {
    code: 'LW017',
    name: 'poetry-install-without-no-root',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      noRoot:
        '`{command}` also installs the project itself, but {dir} holds only {copied} so far: Poetry 2 stops with "The current project could not be installed" (1.8 warns); add `--no-root` and run `poetry install --only-root` after copying the source',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags `poetry install` without `--no-root` in a folder where the stage has copied only the project\'s manifests (`pyproject.toml`, `poetry.lock`, a README) and nothing else that could hold the package: no `COPY . .`, no copied source folder, no `COPY --from`, no command that writes there. A `pyproject.toml` readable from the build context that sets `package-mode = false` under `[tool.poetry]` keeps it quiet.',
      whyItMatters:
        'With package mode (Poetry\'s default), `poetry install` installs the dependencies and then the project itself, which needs its package folder. Copying the manifests first is the right layer order for caching, but the install then finds no package: Poetry 2 exits with an error and the build fails; Poetry 1.8 only warns and leaves the project uninstalled.',
      example: 'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==2.1.3\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main\nCOPY . .\n',
      useInstead:
        'FROM python:3.12-slim\nRUN pip install --no-cache-dir poetry==2.1.3\nWORKDIR /app\nCOPY pyproject.toml poetry.lock ./\nRUN poetry install --only main --no-root\nCOPY . .\nRUN poetry install --only-root\n',
      fixSafety:
        'Unsafe: adds `--no-root`, so the dependencies are installed and the project itself is not; run `poetry install --only-root` after the COPY of the source (or set `package-mode = false` when the project is not a package) to keep it installed as before.',
      references: [
        'https://python-poetry.org/docs/cli/#install',
        'https://python-poetry.org/docs/basic-usage/#operating-modes',
        'https://python-poetry.org/docs/faq/#poetry-busts-my-docker-cache-because-it-requires-me-to-copy-my-source-files-in-before-installing-3rd-party-dependencies',
      ],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    for (const instr0 of model.instructions) {
      const instr = instr0.trigger ?? instr0;
      const stage = model.stages[instr0.stage];
      if (!instr.run || !stage) continue;
      for (const c of instr.run.commands) {
        const pip = c.pip;
        if (pip?.tool !== 'poetry' || pip.sub !== 'install' || c.substituted || !pip.insertAfter) continue;
        const args = c.args.map((a) => a.value);
        if (args.includes('--no-root') || args.includes('--dry-run')) continue;
        const dir = projectDir(sem, instr, c);
        if (!dir) continue;
        const copied = onlyManifests(sem, stage, instr, c, dir);
        if (!copied || packageModeOff(buildContextFor(ctx), copied.pyproject)) continue;
        ctx.report({
          range: commandSpan(c, pip.subToken),
          messageId: 'noRoot',
          data: { command: `${pip.launcher} ${pip.sub}`, copied: words(copied.names), dir },
          fixes: [{ title: 'Add `--no-root`', applicability: 'unsafe', edits: [insertFlagAfter(instr, pip.insertAfter, '--no-root')] }],
        });
      }
    }
  },
});

/** The folder Poetry reads the project from: `-C`/`--directory`/`-P`/`--project`, else the command's folder. */
function projectDir(sem: Semantics, instr: Instruction, c: CommandInfo): string | undefined {
  const cwd = sem.commandDir(instr, c);
  for (let i = 0; i < c.args.length; i++) {
    const v = c.args[i]!.value;
    const m = /^--(directory|project)=(.*)$/.exec(v);
    const value = m ? m[2] : ['-C', '--directory', '-P', '--project'].includes(v) ? c.args[i + 1]?.value : undefined;
    if (value !== undefined) return sem.path(instr, sem.expand(instr, value), cwd);
    if (m || ['-C', '--directory', '-P', '--project'].includes(v)) return undefined;
  }
  return cwd;
}

/**
 * When everything the lineage put into `dir` before the command is manifests: their names and the context path of
 * the copied `pyproject.toml` (which must be there). Undefined when source may be there, or pyproject.toml is not.
 */
function onlyManifests(sem: Semantics, stage: Stage, instr: Instruction, c: CommandInfo, dir: string): { names: string[]; pyproject: string } | undefined {
  const names: string[] = [];
  let pyproject: string | undefined;
  // Inside `dir` (or `dir` itself when `atDir`), except hidden entries such as `.venv` or `.cache`.
  const inside = (p: string, atDir: boolean): boolean => {
    const rel = posix.under(p, dir);
    return rel !== undefined && (rel === '' ? atDir : !rel.startsWith('.'));
  };
  const above = (p: string): boolean => p !== dir && posix.under(dir, p) !== undefined;
  for (const i of lineageInstructions(sem, stage)) {
    const same = i === instr;
    const e = sem.effects(i);
    if (i.keyword === 'COPY' || i.keyword === 'ADD') {
      if (e.unknown) return undefined;
      const dest = e.writes[0]?.path;
      if (!dest || !(inside(dest, true) || above(dest))) continue;
      const sources = i.copy?.sources ?? [];
      if (i.copy?.from !== undefined || sources.some((s) => !MANIFEST.test(posix.basename(normalizeContextPath(s.value))) || /[*?[]/.test(s.value) || s.value.startsWith('<<'))) return undefined;
      for (const s of sources) {
        const name = posix.basename(normalizeContextPath(s.value));
        const lands = dest === dir || dest === posix.join(dir, name);
        if (!lands) continue;
        if (!names.includes(name)) names.push(name);
        if (name === 'pyproject.toml') pyproject = normalizeContextPath(s.value);
      }
    } else if (i.run) {
      // Known writes into the folder (a copied, cloned or unpacked tree), or over it from above.
      if (e.writes.some((w) => inside(w.path, false) || (w.tree === true && above(w.path) && !w.how.startsWith('apt') && !w.how.startsWith('apk')))) return undefined;
      for (const x of i.run.commands) {
        if (same && x.index >= c.index) break;
        if (mayBringSource(sem, i, x, inside)) return undefined;
      }
    }
    if (same) break;
  }
  return pyproject !== undefined ? { names, pyproject } : undefined;
}

/** A command that may put files into the project folder: one that names a path inside it, or a fetcher run inside it (`git clone`, `curl -O`). */
function mayBringSource(sem: Semantics, instr: Instruction, x: CommandInfo, inside: (p: string, atDir: boolean) => boolean): boolean {
  const n = basename(x.name.value);
  if (x.apt || x.apk || x.rm || x.perm || NO_SOURCE.has(n)) return false;
  if (x.pip && !(x.pip.tool === 'poetry' && x.pip.sub === 'add')) return false;
  if (n === 'poetry' && x.args[0]?.value !== 'new') return false;
  // curl writes a file only when told to (`-o`, `-O`, `--output`, `--remote-name`).
  if (n === 'curl' && !x.args.some((a) => /^-[a-zA-Z]*[oO]/.test(a.value) || a.value.startsWith('--output') || a.value.startsWith('--remote-name'))) return false;
  const cwd = sem.commandDir(instr, x);
  if (cwd === undefined || inside(cwd, true)) return true;
  for (const a of x.args) {
    if (a.value.startsWith('-') || /^[a-z][a-z0-9+.-]*:\/\//i.test(a.value) || a.value.startsWith('git@')) continue;
    const p = sem.path(instr, sem.expand(instr, a.value), cwd);
    if (p === undefined || inside(p, true)) return true;
  }
  return false;
}

/** `package-mode = false` under `[tool.poetry]` of the copied pyproject.toml, when the build context has it. */
function packageModeOff(bc: BuildContext, pyproject: string): boolean {
  const text = bc.read(pyproject);
  if (text === undefined) return false;
  try {
    const doc = parseToml(text) as { tool?: { poetry?: { 'package-mode'?: unknown } } };
    return doc.tool?.poetry?.['package-mode'] === false;
  } catch {
    // A pyproject.toml Poetry cannot read fails the install anyway; the finding still holds.
    return false;
  }
}

function words(names: string[]): string {
  const q = names.map((n) => `\`${n}\``);
  return q.length <= 1 ? q.join('') : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`;
}
