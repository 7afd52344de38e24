// LW001: copying the whole build context before installing dependencies re-runs the install on every code change.
import { defineRule } from '../rule';
import type { Fix, TextEdit } from '../../types';
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import type { CommandInfo, Token } from '../../model/commands';
import { applyEdits } from '../../text';
import { joinPath, type ProjectFiles } from '../../project';
import { buildContextFor } from '../../model/build-context';
import { eolOf } from '../../text';
import { fullLinesRange } from './util';
import { requirementsFilesOf, type InstallLocation } from '../../model/installs';
import * as posix from '../../path';

const WHOLE_CONTEXT = new Set(['.', './', './.', '*', './*']);

export function copiesWholeContext(instr: Instruction): Token | undefined {
  const copy = instr.copy;
  if (!copy || copy.from !== undefined) return undefined;
  return copy.sources.find((s) => WHOLE_CONTEXT.has(s.value));
}

interface InstallStep {
  instr: Instruction;
  /** Files from the context the install needs, as written (`requirements.txt`). */
  manifests: string[];
  /** The step needs the whole project (`pip install .`, `poetry install` without `--no-root`). */
  needsProject: boolean;
  what: string;
  command?: CommandInfo;
}

/** How poetry, uv and pipenv install the dependencies alone from their manifests, before the code is copied. */
interface ToolPlan {
  /** Manifests to copy first; the optional ones only when they exist in the context. */
  required: string[];
  optional: string[];
  /** Flag that leaves the project itself out, added to a copy of the install placed before `COPY .`; none = move the install. */
  depsOnlyFlag?: string;
  /** A manifest text that makes the early install unsafe (path dependencies, workspaces). */
  unsafeIf?: RegExp;
}

function toolPlan(pip: NonNullable<CommandInfo['pip']>): ToolPlan | undefined {
  const has = (flag: string): boolean => pip.options.some((o) => o.value === flag);
  if (pip.tool === 'poetry' && pip.sub === 'install') {
    return { required: ['pyproject.toml'], optional: ['poetry.lock'], ...(has('--no-root') ? {} : { depsOnlyFlag: '--no-root' }), unsafeIf: /\bpath\s*=|\bdevelop\s*=/ };
  }
  if (pip.tool === 'uv' && pip.sub === 'sync') {
    return {
      required: ['pyproject.toml'],
      optional: ['uv.lock'],
      ...(has('--no-install-project') ? {} : { depsOnlyFlag: '--no-install-project' }),
      unsafeIf: /\[tool\.uv\.(workspace|sources)\]|\bpath\s*=|\bworkspace\s*=/,
    };
  }
  if (pip.tool === 'pipenv' && (pip.sub === 'install' || pip.sub === 'sync')) {
    // pipenv installs what the Pipfile lists; only a `path = "."` entry needs the code, and then the step cannot move.
    return { required: ['Pipfile'], optional: ['Pipfile.lock'], unsafeIf: /\bpath\s*=|\beditable\s*=/ };
  }
  return undefined;
}

function dependencyInstall(instr: Instruction): InstallStep | undefined {
  for (const c of instr.run?.commands ?? []) {
    const pip = c.pip;
    if (!pip) continue;
    if (pip.tool === 'pip' && pip.sub === 'install' && (pip.requirements.length > 0 || pip.localPaths.length > 0 || pip.editables.length > 0)) {
      return {
        instr,
        command: c,
        manifests: pip.requirements.map((r) => r.value).concat(pip.constraints.map((r) => r.value)),
        needsProject: pip.localPaths.length > 0 || pip.editables.length > 0,
        what: pip.requirements.length > 0 ? `${pip.launcher} install -r ${pip.requirements[0]!.value}` : `${pip.launcher} install ${pip.localPaths[0]?.value ?? pip.editables[0]?.value ?? ''}`,
      };
    }
    if (pip.tool === 'uv' && (pip.sub === 'sync' || (pip.sub === 'install' && pip.requirements.length > 0))) {
      return { instr, manifests: pip.requirements.map((r) => r.value), needsProject: pip.sub === 'sync', what: `${pip.launcher} ${pip.sub}`, command: c };
    }
    if (pip.tool === 'poetry' && pip.sub === 'install') return { instr, manifests: [], needsProject: true, what: 'poetry install', command: c };
    if (pip.tool === 'pipenv' && (pip.sub === 'install' || pip.sub === 'sync')) return { instr, manifests: [], needsProject: true, what: `pipenv ${pip.sub}`, command: c };
  }
  return undefined;
}

export default defineRule({
  meta: {
    code: 'LW001',
    name: 'copy-context-before-dependency-install',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'cache',
    severity: 'warning',
    messages: {
      copyFirst: '`{copy}` copies the whole build context before `{install}`: every code change re-runs the dependency install',
    },
    fix: 'sometimes',
    docs: {
      whatItDoes:
        'Flags `COPY . …` (or `ADD .`) that comes before the dependency install of the same stage (`pip install -r`, `pip install .`, `uv sync`, `poetry install`, `pipenv install`).',
      whyItMatters:
        'Docker reuses a cached layer only while everything before it is unchanged. With the whole context copied first, editing any source file invalidates the install layer, so every build downloads and installs every dependency again.',
      example: 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\nCMD ["python", "app.py"]\n',
      useInstead:
        'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\nCOPY . .\nCMD ["python", "app.py"]\n',
      fixSafety:
        'For `pip install -r FILE` the fix copies the requirements files on their own, with every file they include through `-r`/`-c` (resolved as pip does, against the folder of the including file), and moves the install above the `COPY`: safe, since the install then reads exactly what it read before. It is not offered when a requirements file cannot be read (its includes cannot be known), includes a file outside the context or behind a variable, or installs a local path (`.`, `-e .`, `./pkg`), which needs the code. For poetry and `uv sync` the fix copies `pyproject.toml` (and `poetry.lock`/`uv.lock` when the context has them) first and runs a copy of the install with `--no-root`/`--no-install-project` there; the original step stays after `COPY .` and then only installs the project. pipenv installs only what the Pipfile lists, so its step moves after a copy of `Pipfile` (and `Pipfile.lock`). These fixes are safe when the manifests could be read and declare no path dependencies or workspaces (which need the code), and only when the RUN does nothing else but tool configuration; otherwise unsafe or none. `pip install .` gets no fix: pip cannot install a project\'s dependencies without the project.',
      references: ['https://docs.docker.com/build/cache/optimize/#order-your-layers', 'https://pip.pypa.io/en/stable/reference/requirements-file-format/'],
    },
  },
  check(ctx) {
    const model = ctx.model;
    // Every stage's fix reads the same manifests: read each file once per lint.
    const files = new Map<string, string | undefined>();
    const read = (p: string): string | undefined => {
      if (!files.has(p)) files.set(p, ctx.files.read(p));
      return files.get(p);
    };
    for (const stage of model.stages) {
      let copy: { instr: Instruction; token: Token } | undefined;
      // Tools whose dependency install comes before the `COPY .`, found on the way to it.
      const earlyTools = new Set<string>();
      for (const instr of stage.instructions) {
        if (!copy) {
          const token = copiesWholeContext(instr);
          if (token) copy = { instr, token };
          else {
            const early = dependencyInstall(instr);
            if (early) earlyTools.add(early.command?.pip?.tool ?? 'pip');
          }
          continue;
        }
        const install = dependencyInstall(instr);
        if (!install) continue;
        // The dependencies were installed before the code came in (`uv sync --no-install-project`, `pip install -r`
        // from a copied manifest): the step after `COPY .` only adds the project, which is the recommended layout.
        if (earlyTools.has(install.command?.pip?.tool ?? 'pip')) break;
        ctx.report({
          range: copy.token.range,
          messageId: 'copyFirst',
          data: { copy: `${copy.instr.keyword} ${copy.instr.argsText.split(/\s+/).filter((a) => !a.startsWith('--')).join(' ')}`.trim(), install: install.what },
          fixes: fixFor(model, stage, copy.instr, install, read, buildContextFor(ctx).root, { files: ctx.files, loc: ctx }),
          related: [{ range: install.instr.range, message: 'the dependency install that re-runs' }],
        });
        break;
      }
    }
  },
});

function fixFor(
  model: DockerfileModel,
  stage: Stage,
  copyInstr: Instruction,
  install: InstallStep,
  read: (p: string) => string | undefined,
  contextRoot: string | undefined,
  project: { files: ProjectFiles; loc: InstallLocation },
): Fix[] {
  const plan = install.command?.pip ? toolPlan(install.command.pip) : undefined;
  if (plan) return toolFix(model, stage, copyInstr, install, plan, read, contextRoot);
  if (install.needsProject || install.manifests.length === 0) return [];
  if (install.manifests.some((m) => m.includes('$') || m.startsWith('/') || m.split('/').includes('..'))) return [];
  // The RUN moves whole, above the code: every command in it must be a package install that reads no file of the
  // code, or the move runs it before its files exist (`pip install … && python manage.py collectstatic`).
  if (!(install.instr.run?.commands ?? []).every(readsNoCode)) return [];
  const between = stage.instructions.filter((i) => i.index > copyInstr.index && i.index < install.instr.index);
  // A WORKDIR or USER change in between would change what the moved install sees.
  if (between.some((i) => i.keyword === 'WORKDIR' || i.keyword === 'USER' || i.keyword === 'SHELL')) return [];
  const dest = copyInstr.copy?.dest?.value ?? '.';
  const earlierCopies = earlierCopySources(stage, copyInstr, (v) => v);
  // The moved install reads every file the requirements files include: they travel with it, or there is no fix.
  const needed = manifestClosure(model, install, project.files, project.loc, contextRoot);
  if (!needed) return [];
  const missing = needed.filter((m) => !earlierCopies.includes(m) && !earlierCopies.includes(`./${m}`));
  const eol = eolOf(model.text);
  const installLines = fullLinesRange(model, leadingCommentStart(model, install.instr), install.instr.endLine);
  let installText = model.lines.slice(installLines);
  if (!/\r?\n$/.test(installText)) installText += eol;
  const copyLines = model.lines.lineText(copyInstr.startLine);
  const indent = /^\s*/.exec(copyLines)![0];
  let inserted = '';
  if (missing.length > 0) {
    const destFor = (m: string): string => (m.includes('/') ? joinPath(dest, m) : dest.endsWith('/') || dest === '.' ? dest : `${dest}/`);
    const sameDest = missing.every((m) => !m.includes('/'));
    inserted += sameDest
      ? `${indent}COPY ${missing.join(' ')} ${dirDest(destFor(missing[0]!), missing.length)}${eol}`
      : missing.map((m) => `${indent}COPY ${m} ${destFor(m)}${eol}`).join('');
  }
  inserted += installText;
  const at = { line: leadingCommentStart(model, copyInstr), character: 0 };
  const edits: TextEdit[] = [
    { range: { start: at, end: at }, newText: inserted },
    { range: installLines, newText: '' },
  ];
  return [
    {
      title: missing.length > 0 ? `Copy ${missing.join(', ')} and install before \`COPY .\`` : 'Install dependencies before `COPY .`',
      applicability: 'safe',
      edits,
    },
  ];
}

/** Several sources need a destination written as a folder, with its `/` (DL3021). */
function dirDest(dest: string, sources: number): string {
  return sources > 1 && !dest.endsWith('/') ? `${dest}/` : dest;
}

/** A command that can run before the code is copied: a package install from indexes, or removing absolute paths. */
function readsNoCode(c: CommandInfo): boolean {
  if (c.apt || c.apk) return true;
  if (c.pip) return (c.pip.tool === 'pip' || c.pip.tool === 'uv') && c.pip.sub === 'install' && c.pip.localPaths.length === 0 && c.pip.editables.length === 0;
  if (c.rm) return c.rm.paths.length > 0 && c.rm.paths.every((p) => p.value.startsWith('/') && !p.dynamic);
  return false;
}

/**
 * The files a `pip install -r` reads before the code is copied, as context paths: the manifests and, through their
 * `-r`/`-c` lines, the files they include, as the model traces them for every rule (requirementsFilesOf).
 * Undefined when that cannot be proven: a manifest the model cannot place or the context does not have (so its
 * includes cannot be known), an include outside the context or behind a variable, or a line that installs a local
 * path (it needs the code).
 */
function manifestClosure(model: DockerfileModel, install: InstallStep, files: ProjectFiles, loc: InstallLocation, contextRoot: string | undefined): string[] | undefined {
  if (contextRoot === undefined || !install.command) return undefined;
  const traced = requirementsFilesOf(model, install.instr, install.command, files, loc);
  if (traced.length >= 64 || traced.filter((f) => f.includedFrom === undefined).length < new Set(install.manifests).size) return undefined;
  const out: string[] = [];
  for (const f of traced) {
    if (!f.parsed) return undefined;
    const rel = posix.relative(contextRoot, f.path);
    if (rel === '' || rel.startsWith('..') || rel.startsWith('/')) return undefined;
    for (const e of f.parsed.entries) {
      if (e.kind === 'include' && (e.isUrl || e.path.includes('$'))) return undefined;
      if (e.kind === 'editable' || (e.kind === 'requirement' && e.url && !e.url.isUrl)) return undefined;
    }
    if (!out.includes(rel)) out.push(rel);
  }
  return out;
}

/** The sources, as written and mapped by `map`, of the stage's context COPYs before `copyInstr` (a plain loop: flatMap was most of the fix's time). */
function earlierCopySources(stage: Stage, copyInstr: Instruction, map: (value: string) => string): string[] {
  const out: string[] = [];
  for (const i of stage.instructions) {
    if (i.index >= copyInstr.index || !i.copy || i.copy.from) continue;
    for (const s of i.copy.sources) out.push(map(s.value));
  }
  return out;
}

/** First line of the comment block directly above an instruction (comments travel with it). */
function leadingCommentStart(model: DockerfileModel, instr: Instruction): number {
  let line = instr.startLine;
  while (line > 0 && /^\s*#/.test(model.lines.lineText(line - 1)) && !/^\s*#\s*(syntax|escape|check)\s*=/i.test(model.lines.lineText(line - 1))) line--;
  return line;
}

/**
 * poetry, uv and pipenv: copy the manifests first and install the dependencies without the project there
 * (`--no-root`, `--no-install-project`); the original step stays after `COPY .` and then only installs the
 * project. pipenv never installs the project unless the Pipfile says so, so its step moves as a whole.
 */
function toolFix(
  model: DockerfileModel,
  stage: Stage,
  copyInstr: Instruction,
  install: InstallStep,
  plan: ToolPlan,
  read: (p: string) => string | undefined,
  contextRoot: string | undefined,
): Fix[] {
  const command = install.command!;
  const pip = command.pip!;
  const run = install.instr.run!;
  if (run.form !== 'shell' || run.script?.hasErrors || install.instr.onbuild) return [];
  // Other commands in the RUN would run twice (or early); only tool configuration may come along.
  const others = run.commands.filter((c) => c !== command);
  if (others.some((c) => !(c.name.value === 'poetry' && c.args[0]?.value === 'config') && !(c.name.value === 'pipenv' && c.args[0]?.value === '--version'))) return [];
  if (pip.options.some((o) => ['-C', '--directory', '-P', '--project', '--package'].includes(o.value.split('=')[0]!))) return [];
  const between = stage.instructions.filter((i) => i.index > copyInstr.index && i.index < install.instr.index);
  if (between.some((i) => i.keyword === 'WORKDIR' || i.keyword === 'USER' || i.keyword === 'SHELL')) return [];
  const readCtx = (m: string): string | undefined => (contextRoot !== undefined ? read(joinPath(contextRoot, m)) : undefined);
  const present = plan.optional.filter((m) => readCtx(m) !== undefined);
  const manifests = [...plan.required, ...present];
  const texts = plan.required.map(readCtx);
  const safe = texts.every((t) => t !== undefined && !(plan.unsafeIf?.test(t) ?? false));
  const dest = copyInstr.copy?.dest?.value ?? '.';
  const eol = eolOf(model.text);
  const indent = /^\s*/.exec(model.lines.lineText(copyInstr.startLine))![0];
  const earlier = earlierCopySources(stage, copyInstr, (v) => v.replace(/^\.\//, ''));
  const missing = manifests.filter((m) => !earlier.includes(m));
  // Several sources need a destination ending in `/` (hadolint DL3021).
  const destDir = dest === '.' ? (missing.length > 1 ? './' : '.') : dest.endsWith('/') ? dest : `${dest}/`;
  let inserted = missing.length > 0 ? `${indent}COPY ${missing.join(' ')} ${destDir}${eol}` : '';
  const lines = fullLinesRange(model, install.instr.startLine, install.instr.endLine);
  let runText = model.lines.slice(lines);
  if (!/\r?\n$/.test(runText)) runText += eol;
  const edits: TextEdit[] = [];
  if (plan.depsOnlyFlag && pip.insertAfter) {
    const base = model.lines.offsetAt(lines.start);
    const at = model.lines.offsetAt(pip.insertAfter.range.end) - base;
    inserted += applyEdits(runText, [{ range: positionRange(runText, at), newText: ` ${plan.depsOnlyFlag}` }]);
  } else if (!plan.depsOnlyFlag) {
    inserted += runText;
    edits.push({ range: lines, newText: '' });
  } else return [];
  const at = { line: leadingCommentStart(model, copyInstr), character: 0 };
  edits.unshift({ range: { start: at, end: at }, newText: inserted });
  const title = plan.depsOnlyFlag
    ? `Copy ${manifests.join(', ')} and install the dependencies (\`${plan.depsOnlyFlag}\`) before \`COPY .\``
    : `Copy ${manifests.join(', ')} and install before \`COPY .\``;
  return [{ title, applicability: safe ? 'safe' : 'unsafe', edits }];
}

/** An empty range at a character offset of a text. */
function positionRange(text: string, offset: number): { start: { line: number; character: number }; end: { line: number; character: number } } {
  const before = text.slice(0, offset).split('\n');
  const p = { line: before.length - 1, character: before[before.length - 1]!.length };
  return { start: p, end: p };
}
