// "Split into builder stage": moves compilers and the dependency install into a builder that fills a venv, and ships the venv on the slim base.
//
// The rewrite is deterministic and keeps the user's own lines: the builder gets the build-package RUNs and the
// install RUNs verbatim (plus `--no-cache-dir`, and the venv-aware setting each tool needs), the manifests the
// install reads, and the ARG/ENV/WORKDIR lines above the install; the final stage keeps every other instruction in
// its order with its comments, gains the runtime libraries paired with the build packages and the venv, and moves
// to the slim variant of the same Python and OS release. Where the file does something the rewrite cannot carry
// over faithfully, the assist declines and says why.
//
// Tool recipes (the venv is created with `python -m venv`, then put first on PATH):
// - pip / `uv pip install`: `VIRTUAL_ENV` + PATH make `pip`, `python -m pip` and `uv pip` install into the venv.
// - poetry: `poetry config virtualenvs.create false` before `poetry install`, with `VIRTUAL_ENV` set, so poetry
//   installs into the active venv instead of making its own under ~/.cache/pypoetry.
// - pipenv: `VIRTUAL_ENV` set: pipenv reuses an active virtualenv (unless PIPENV_IGNORE_VIRTUALENVS), and
//   `--system` resolves to the venv's python because it comes first on PATH.
// - uv sync: `UV_PROJECT_ENVIRONMENT=/opt/venv`, uv's documented way to sync into a chosen environment.
// Packaging tools installed on their own (`pip install poetry`) run before the venv exists, so they stay in the
// builder's system Python and out of the shipped venv.
import type { Fix, TextEdit } from '../types';
import type { ProjectFiles } from '../project';
import { requirementsFilesOf } from '../model/installs';
import type { DockerfileModel, Instruction, Stage } from '../model/dockerfile';
import { buildDockerfileModel, execWords } from '../model/dockerfile';
import { semanticsOf, substituteVars, type Semantics } from '../model/semantic';
import type { CommandInfo, Token } from '../model/commands';
import { basename, installArgs, normalizePath } from '../model/commands';
import { slimTagFor } from '../model/image';
import { isBuildOnlyPackage, buildOnlyCategory, packageBaseName, runtimePackageFor, type PackageManager } from '../data/apt-build-packages';
import { declined, defineAssist, type AssistAction, type AssistContext, type AssistResult } from './assist';
import { dependencyInstall, isManifestPath, type DependencyInstall } from './python-installs';
import { instructionLines, joinLines, leadingCommentStart, linesOf, sourceOf, tidyBlankLines, wholeDocumentEdit } from './util';
import { savingSuffix } from './saving';

export const DEFAULT_VENV = '/opt/venv';

/** Commands a kept RUN may not call once the compilers are gone from the final stage. */
const BUILD_TOOLS = new Set(['gcc', 'g++', 'cc', 'c++', 'make', 'cmake', 'clang', 'cargo', 'rustc', 'gfortran', 'pg_config', 'meson', 'ninja', 'autoconf', 'automake', 'ld', 'mysql_config']);
/** Commands that may share a RUN with the dependency install (package management and cleanup). */
const INSTALL_COMPANIONS = new Set(['apt-get', 'apt', 'apk', 'rm', 'find', 'true', 'echo', 'cd', 'set', 'pip', 'pip3', 'mkdir']);
/** `-dev` packages that only carry headers for the toolchain itself: nothing to keep at run time. */
const NO_RUNTIME_HEADERS = /^(python3(\.\d+)?-dev|libpython3(\.\d+)?-dev|libc6?-dev|linux-libc-dev|musl-dev|linux-headers|libc-dev|libstdc\+\+-\d+-dev|libgcc-\d+-dev)$/;

/**
 * `poetry config …` / `pdm config …` next to the install: settings of the tool, which stay with the install in the
 * builder. (Poetry installs into an activated environment whatever `virtualenvs.create` says, so the venv the split
 * activates receives the packages with `virtualenvs.create false` too.)
 */
function configuresTool(c: CommandInfo): boolean {
  const name = basename(c.name.value);
  return (name === 'poetry' || name === 'pdm') && c.args[0]?.value === 'config';
}

/** The uv images' binaries (`COPY --from=ghcr.io/astral-sh/uv:0.5 /uv /bin/uv`). */
const UV_IMAGE = /(^|\/)astral-sh\/uv(:|@|$)/;
/** `uv run` options that only steer uv's own sync and output: the venv's programs need none of them. */
const UV_RUN_DROPPED = new Set(['--frozen', '--locked', '--no-sync', '--no-dev', '--offline', '--no-editable', '--quiet', '-q', '--no-progress', '--active']);

/** `uv run [options] [--] prog args…` as the venv runs it: `prog args…`, `python x.py` for a script. */
function withoutUvRun(words: readonly string[]): string[] | null | undefined {
  if (words.length < 2 || basename(words[0]!) !== 'uv' || words[1] !== 'run') return null;
  let i = 2;
  for (; i < words.length; i++) {
    const w = words[i]!;
    if (w === '--') {
      i++;
      break;
    }
    if (!w.startsWith('-')) break;
    if (!UV_RUN_DROPPED.has(w)) return undefined;
  }
  const rest = words.slice(i);
  if (!rest.length) return undefined;
  return /\.py$/.test(rest[0]!) ? ['python', ...rest] : [...rest];
}

/**
 * A single-line CMD/ENTRYPOINT that runs `uv run`, rewritten to run the venv's program directly; null when it does
 * not run `uv run`, undefined when it cannot be rewritten (options uv needs, several lines, a shell form with quotes).
 */
function uvRunRewritten(model: DockerfileModel, instr: Instruction): string | null | undefined {
  const line = model.lines.lineText(instr.startLine);
  const kw = instr.keywordRange;
  const head = line.slice(0, model.lines.slice(kw).length + kw.start.character);
  const body = line.slice(head.length).trim();
  const exec = execWords(instr);
  if (exec) {
    const out = withoutUvRun(exec);
    if (out === null) return null;
    if (instr.startLine !== instr.endLine) return undefined;
    return out && `${head} [${out.map((w) => JSON.stringify(w)).join(', ')}]`;
  }
  const words = body.split(/\s+/);
  const out = withoutUvRun(words);
  if (out === null) return null;
  if (instr.startLine !== instr.endLine || /['"\\$`]/.test(body)) return undefined;
  return out && `${head} ${out.join(' ')}`;
}

type Kind = 'keep' | 'packages' | 'mixed' | 'install' | 'manifest-copy';

interface Entry {
  instr: Instruction;
  kind: Kind;
  installs: DependencyInstall[];
  /** apt/apk commands of the RUN. */
  pkgCommands: CommandInfo[];
  /** A kept RUN the builder needs too (a package-list refresh a final-stage install still reads). */
  alsoInBuilder?: boolean;
}

export interface SplitOptions {
  keepBase?: boolean;
  venv?: string;
  /** The project's files and the Dockerfile's path: the `-r`/`-c` includes of a requirements file travel with it. */
  files?: ProjectFiles;
  path?: string;
}

export interface SplitPlan {
  text: string;
  builderName: string;
  finalImage: string;
  runtimePackages: string[];
  notes: string[];
  /** Instructions (indexes) the split rewrites on purpose: installs made venv-aware, `uv run` commands (the rewrite contract's declared changes). */
  changed: number[];
}

function stageLabel(s: Stage): string {
  return s.name ? `\`${s.name}\`` : `${s.index}`;
}

function isPkgCommand(c: CommandInfo): boolean {
  return c.apt !== undefined || c.apk !== undefined;
}

function installedBuildPackages(c: CommandInfo): Token[] {
  if (c.apt && c.apt.sub === 'install') return c.apt.packages.filter((p) => isBuildOnlyPackage(p.value, 'apt'));
  if (c.apk && c.apk.sub === 'add') return c.apk.packages.filter((p) => c.apk!.virtual !== undefined || isBuildOnlyPackage(p.value, 'apk'));
  return [];
}


/** The plan, or why there is none. Pure: text in, text out. */
export function planSplit(model: DockerfileModel, options: SplitOptions = {}): { ok: true; plan: SplitPlan } | { ok: false; reason: string } {
  const venv = options.venv ?? DEFAULT_VENV;
  const stage = model.finalStage;
  if (!stage) return { ok: false, reason: 'the file has no FROM instruction' };
  const sem = semanticsOf(model);
  const parent = sem.stage(stage).lineage[1];
  if (parent) return { ok: false, reason: `the final stage builds on stage ${stageLabel(parent)}; split the stage it builds on instead` };
  const facts = stage.from.facts;
  if (facts.family !== 'python') {
    return { ok: false, reason: `\`${stage.from.image}\` is not an official Python image, so the builder and the final stage cannot be paired on the same Python` };
  }
  if (facts.variant === 'windowsservercore' || facts.variant === 'nanoserver') return { ok: false, reason: 'Windows images have no slim variant and no apt/apk' };
  if (stage.fromInstruction.startLine !== stage.fromInstruction.endLine) return { ok: false, reason: 'the FROM instruction spans several lines' };
  if (!stage.nameRange && /\s+AS\s*$/i.test(stage.fromInstruction.argsText)) return { ok: false, reason: `the FROM on line ${stage.fromInstruction.startLine + 1} ends with \`AS\` and no stage name` };

  // The files a pip install's requirements files include (`-r base.txt`, `-c constraints.txt`), where pip reads them
  // in the image, as the model traces them for every rule; undefined when an include is named by a variable.
  const includesOf = (owner: Instruction, d: DependencyInstall): string[] | undefined => {
    if (!options.files || !options.path || (d.form !== 'pip' && d.form !== 'uv-pip')) return [];
    const traced = requirementsFilesOf(model, owner, d.command, options.files, { path: options.path });
    for (const f of traced) for (const e of f.parsed?.entries ?? []) if (e.kind === 'include' && !e.isUrl && e.path.includes('$')) return undefined;
    return traced.filter((f) => f.includedFrom !== undefined).map((f) => f.containerPath);
  };
  const entries: Entry[] = [];
  for (const instr of stage.instructions.slice(1)) {
    const entry: Entry = { instr, kind: 'keep', installs: [], pkgCommands: [] };
    entries.push(entry);
    if (instr.onbuild) continue;
    if (instr.keyword === 'ENV' && instr.env?.some((kv) => kv.key === 'VIRTUAL_ENV')) {
      return { ok: false, reason: `line ${instr.startLine + 1} already sets VIRTUAL_ENV: the file manages its own virtual environment` };
    }
    if (instr.keyword !== 'RUN' || !instr.run) continue;
    const commands = instr.run.commands.filter((c) => !c.substituted);
    if (commands.some((c) => sem.venvCreation(instr, c) !== undefined)) {
      return { ok: false, reason: `line ${instr.startLine + 1} already creates a virtual environment` };
    }
    const installs = commands.map(dependencyInstall).filter((d): d is DependencyInstall => d !== undefined);
    entry.pkgCommands = commands.filter(isPkgCommand);
    const buildPkgs = commands.flatMap(installedBuildPackages);
    if (installs.length > 0) {
      if (instr.run.form !== 'shell') return { ok: false, reason: `the install on line ${instr.startLine + 1} is written in ${instr.run.form} form; only shell-form RUNs are rewritten` };
      const unsupported = installs.find((d) => d.unsupported);
      if (unsupported) return { ok: false, reason: `line ${unsupported.command.range.start.line + 1}: ${unsupported.unsupported}` };
      const other = commands.find((c) => !c.pip && !INSTALL_COMPANIONS.has(basename(c.name.value)) && !configuresTool(c));
      if (other) {
        return { ok: false, reason: `the RUN on line ${instr.startLine + 1} runs \`${other.name.value}\` together with the dependency install; move it to its own RUN first` };
      }
      // The manifests are found where the install runs; a WORKDIR or `cd` the model cannot resolve hides them.
      const lost = installs.find((d) => d.manifests.some((m) => !m.startsWith('/')) && sem.commandDir(instr, d.command) === undefined);
      if (lost) return { ok: false, reason: `line ${lost.command.range.start.line + 1}: the install runs in a folder the model cannot tell (a WORKDIR or \`cd\` with a variable that has no value)` };
      entry.kind = 'install';
      entry.installs = installs;
      continue;
    }
    if (buildPkgs.length > 0) {
      if (instr.run.form !== 'shell') return { ok: false, reason: `the package install on line ${instr.startLine + 1} is not in shell form` };
      const others = commands.filter((c) => !isPkgCommand(c) && !['rm', 'true', 'echo', 'set'].includes(basename(c.name.value)));
      entry.kind = others.length === 0 ? 'packages' : 'mixed';
    }
  }
  const installEntries = entries.filter((e) => e.kind === 'install');
  if (installEntries.length === 0) return { ok: false, reason: 'the final stage installs no Python packages (no pip, uv, poetry or pipenv install)' };
  if (installEntries.every((e) => e.installs.every((d) => d.toolOnly))) return { ok: false, reason: 'the final stage installs only packaging tools, no dependencies' };
  const compiles = entries.some((e) => e.kind === 'packages' || e.kind === 'mixed' || e.pkgCommands.some((c) => installedBuildPackages(c).length > 0));
  if (model.stages.length > 1 && !compiles) return { ok: false, reason: 'the final stage of this multi-stage file compiles nothing itself: there is nothing to move into a builder' };

  // Kept RUNs must not need the toolchain, and kept commands must not need a tool that stays in the builder.
  const toolOnlyNames = new Set(installEntries.flatMap((e) => e.installs.filter((d) => d.toolOnly).flatMap((d) => d.command.pip!.packages.map((p) => packageBaseName(p.value).replace(/\[.*$/, '')))));
  for (const e of entries) {
    if (e.kind !== 'keep' && e.kind !== 'mixed') continue;
    for (const c of e.instr.run?.commands ?? []) {
      const n = basename(c.name.value);
      if (BUILD_TOOLS.has(n) || n === 'configure' && c.name.value.startsWith('./')) {
        return { ok: false, reason: `the RUN on line ${e.instr.startLine + 1} calls \`${c.name.value}\`, which the final stage would no longer have` };
      }
      if (toolOnlyNames.has(n)) return { ok: false, reason: `line ${e.instr.startLine + 1} runs \`${n}\`, which the split would install only in the builder` };
    }
    for (const kw of ['CMD', 'ENTRYPOINT']) {
      if (e.instr.keyword !== kw) continue;
      const first = e.instr.jsonForm ? execWords(e.instr)?.[0] : e.instr.args[0]?.value;
      if (first && toolOnlyNames.has(basename(first))) return { ok: false, reason: `${kw} runs \`${basename(first)}\`, which the split would install only in the builder` };
      // A program named by its system path (`/usr/local/bin/gunicorn`, `/usr/local/bin/python`) would run without
      // the dependencies, which the split installs into the venv.
      if (first && /^\/usr\/(local\/)?bin\//.test(first)) return { ok: false, reason: `${kw} runs \`${first}\` by its system path; after the split the dependencies are in the venv, so run \`${basename(first)}\` by name (the venv is first on PATH)` };
    }
  }

  const lastInstall = installEntries[installEntries.length - 1]!.instr.index;
  // A RUN that only refreshes the package lists (`RUN apt-get update` on a line of its own) feeds the package RUNs
  // after it: it goes to the builder with them, or is copied there when a RUN staying in the final stage reads it too.
  const refreshOnly = (e: Entry): boolean => {
    const cmds = e.instr.run?.commands ?? [];
    return e.kind === 'keep' && e.instr.run?.form === 'shell' && !e.instr.onbuild && cmds.length > 0 &&
      cmds.every((c) => (c.apt?.sub === 'update' || (c.apk !== undefined && c.args[0]?.value === 'update')) || ['true', 'echo', 'set'].includes(basename(c.name.value)));
  };
  for (const e of entries) {
    if (e.instr.index > lastInstall || !refreshOnly(e)) continue;
    const fed = entries.filter((x) => x.instr.index > e.instr.index && x.instr.index <= lastInstall && (x.kind === 'packages' || x.kind === 'mixed'));
    if (fed.length === 0) continue;
    const readsInFinal = entries.some((x) => x.instr.index > e.instr.index && x.kind === 'keep' && (x.instr.run?.commands ?? []).some((c) => c.apt?.sub === 'install' || (c.apk !== undefined && c.args[0]?.value === 'add')));
    if (readsInFinal) e.alsoInBuilder = true;
    else e.kind = 'packages';
  }
  // Package RUNs after the last install feed nothing the builder makes: they stay in the final stage as written.
  for (const e of entries) {
    if (e.instr.index <= lastInstall || (e.kind !== 'packages' && e.kind !== 'mixed')) continue;
    e.kind = 'keep';
    // It read the package lists an earlier RUN fetched, and that RUN moves to the builder.
    const cmds = e.instr.run?.commands ?? [];
    const install = cmds.findIndex((c) => c.apt?.sub === 'install');
    if (install >= 0 && !cmds.slice(0, install).some((c) => c.apt?.sub === 'update')) {
      return { ok: false, reason: `line ${e.instr.startLine + 1} installs apt packages from the package lists an earlier RUN fetched, which would move to the builder; add \`apt-get update\` to that RUN first` };
    }
  }
  // An install run as another user would meet a venv that user cannot write to.
  const user = entries.find((e) => e.instr.index < lastInstall && e.instr.keyword === 'USER' && !/^(root|0)(:|$)/.test(e.instr.argsText.trim()));
  if (user) return { ok: false, reason: `line ${user.instr.startLine + 1} switches to USER ${user.instr.argsText.trim()} before the install, which the builder's venv would not let write` };
  // Manifest-only COPYs above an install move to the builder.
  for (const e of entries) {
    const c = e.instr.copy;
    if (e.instr.index > lastInstall || !c || c.from !== undefined || e.instr.onbuild) continue;
    if (c.sources.length > 0 && c.sources.every((s) => !s.dynamic && isManifestPath(s.value))) e.kind = 'manifest-copy';
  }

  // Runtime libraries: what the moved RUNs installed that is not build-only, plus the library each -dev pairs with.
  const manager: PackageManager = entries.some((e) => e.pkgCommands.some((c) => c.apk)) ? 'apk' : 'apt';
  const dist = facts.os?.release === 'bookworm' ? 'bookworm' : 'trixie';
  const runtime: string[] = [];
  const notes: string[] = [];
  const changed: number[] = [];
  const addRuntime = (p: string): void => {
    if (!runtime.includes(p)) runtime.push(p);
  };
  for (const e of entries) {
    if (e.kind !== 'packages' && e.kind !== 'install') continue;
    const removed = new Set<string>();
    for (const c of e.pkgCommands) {
      if (c.apt && ['purge', 'remove'].includes(c.apt.sub)) for (const p of c.apt.packages) removed.add(packageBaseName(p.value));
      if (c.apk && c.apk.sub === 'del') for (const p of c.apk.packages) removed.add(packageBaseName(p.value));
    }
    for (const c of e.pkgCommands) {
      const installing = installArgs(c);
      const virtual = c.apk?.virtual;
      for (const tok of installing) {
        if (tok.dynamic) return { ok: false, reason: `the package list on line ${tok.range.start.line + 1} uses a variable (\`${tok.value}\`), so the runtime libraries cannot be worked out` };
        const pm: PackageManager = c.apk ? 'apk' : 'apt';
        const name = packageBaseName(tok.value);
        const build = virtual !== undefined || isBuildOnlyPackage(name, pm);
        if (!build) {
          if (!removed.has(name)) addRuntime(tok.value);
          continue;
        }
        const cat = buildOnlyCategory(name, pm);
        if (cat !== 'headers' && !(virtual !== undefined && /-dev$/.test(name))) continue;
        if (NO_RUNTIME_HEADERS.test(name)) continue;
        const pair = runtimePackageFor(name, pm, dist);
        if (!pair) return { ok: false, reason: `no known runtime library for \`${name}\`, so the final stage could miss what the built extension loads` };
        for (const p of pair) addRuntime(p);
        notes.push(`\`${name}\` → ${pair.map((p) => `\`${p}\``).join(', ')}`);
      }
    }
  }

  const taken = new Set(model.stages.map((s) => s.name?.toLowerCase()).filter((n): n is string => !!n));
  let builderName = 'builder';
  for (let i = 2; taken.has(builderName); i++) builderName = `builder-${i}`;

  // FROM lines.
  const fromInstr = stage.fromInstruction;
  const fromEdits: TextEdit[] = stage.nameRange ? [{ range: stage.nameRange, newText: builderName }] : [{ range: { start: fromInstr.range.end, end: fromInstr.range.end }, newText: ` AS ${builderName}` }];
  const builderFrom = instructionLines(model, fromInstr, fromEdits);
  let finalImage = stage.from.image;
  const finalFromEdits: TextEdit[] = [];
  const ref = stage.from.ref;
  const slim = options.keepBase || ref.hasVariables || ref.digest ? undefined : slimTagFor(ref, facts);
  if (slim && stage.from.tagRange && sourceOf(model, stage.from.tagRange) === ref.tag) {
    finalFromEdits.push({ range: stage.from.tagRange, newText: slim });
    finalImage = `${ref.raw.slice(0, ref.raw.length - (ref.tag?.length ?? 0))}${slim}`;
  } else if (!options.keepBase) {
    notes.push(facts.variant === 'full' ? `\`${stage.from.image}\` has no slim tag that can be named safely; the final stage keeps it` : `\`${stage.from.image}\` is already the small variant; the final stage keeps it`);
  }
  // The file's byte-order mark stays at its start, not before the final FROM (where it would hide the instruction).
  const finalFrom = instructionLines(model, fromInstr, finalFromEdits).map((l, i) => (i === 0 ? l.replace(/^\uFEFF/, '') : l));

  // Builder body.
  const forms = new Set(installEntries.flatMap((e) => e.installs.filter((d) => !d.toolOnly).map((d) => d.form)));
  // uv stays in the builder: the final stage runs the venv's programs (`uv run app.py` → `python app.py`), and the
  // copy of the uv binary is left out of it. A `uv run` whose options cannot be carried, or another use of uv in the
  // final stage, would need uv and the project's environment at run time: no split then.
  const movesUv = forms.has('uv-sync') || forms.has('uv-pip');
  const uvRewrites = new Map<Instruction, string>();
  const uvBinaryCopies = new Set<Instruction>();
  if (movesUv) {
    for (const e of entries) {
      const instr = e.instr;
      if (e.kind !== 'keep') continue;
      if (instr.copy?.from !== undefined && UV_IMAGE.test(instr.copy.from)) {
        uvBinaryCopies.add(instr);
        continue;
      }
      if (instr.keyword === 'CMD' || instr.keyword === 'ENTRYPOINT') {
        const rewritten = uvRunRewritten(model, instr);
        if (rewritten === null) continue;
        if (rewritten === undefined) return { ok: false, reason: `${instr.keyword} on line ${instr.startLine + 1} runs \`uv run\` with options the final stage cannot honour without uv and the project's environment` };
        uvRewrites.set(instr, rewritten);
        continue;
      }
      if ((instr.run?.commands ?? []).some((c) => basename(c.name.value) === 'uv')) {
        return { ok: false, reason: `line ${instr.startLine + 1} runs \`uv\` in the final stage, which the split keeps in the builder` };
      }
    }
  }
  const venvEnv = [
    ...(forms.has('poetry') || forms.has('pipenv') || forms.has('uv-pip') ? [`VIRTUAL_ENV=${venv}`] : []),
    ...(forms.has('uv-sync') ? [`UV_PROJECT_ENVIRONMENT=${venv}`] : []),
    `PATH="${venv}/bin:$PATH"`,
  ];
  const venvBlock = [`RUN python -m venv ${venv}`, `ENV ${venvEnv.join(' ')}`];
  const builder: string[] = [...builderFrom];
  let venvPlaced = false;
  const placeVenv = (): void => {
    if (!venvPlaced) builder.push(...venvBlock);
    venvPlaced = true;
  };
  const withComments = (instr: Instruction, lines: string[]): string[] => {
    const start = leadingCommentStart(model, instr);
    return [...linesOf(model, start, instr.startLine - 1), ...lines];
  };
  const available = new Set<string>(); // absolute paths the builder has received
  for (const e of entries) {
    const instr = e.instr;
    if (instr.index > lastInstall) break;
    switch (instr.keyword) {
      case 'ARG':
      case 'ENV':
      case 'WORKDIR':
      case 'SHELL':
        builder.push(...instructionLines(model, instr));
        continue;
      case 'COPY':
      case 'ADD': {
        const c = instr.copy!;
        const dest = c.dest ? sem.path(instr, c.dest.value) : undefined;
        if (c.from === undefined && c.dest && dest === undefined) {
          return { ok: false, reason: `the ${instr.keyword} on line ${instr.startLine + 1} copies to a folder the model cannot tell (a variable that has no value)` };
        }
        if (e.kind === 'manifest-copy') {
          placeVenv();
          builder.push(...withComments(instr, instructionLines(model, instr)));
          markCopied(c.sources.map((s) => s.value), c.dest?.value, dest, available);
          continue;
        }
        if (c.from !== undefined) {
          builder.push(...instructionLines(model, instr));
          continue;
        }
        const later = installEntries.filter((x) => x.instr.index > instr.index).flatMap((x) => x.installs);
        if (later.some((d) => d.needsSource)) {
          placeVenv();
          builder.push(...instructionLines(model, instr));
          markCopied(c.sources.map((s) => s.value), c.dest?.value, dest, available);
          continue;
        }
        const derived = derivedManifestCopies(sem, instr, later, installEntries, available, includesOf);
        if (typeof derived === 'string') return { ok: false, reason: derived };
        if (derived.length) {
          placeVenv();
          builder.push(...derived);
        }
        continue;
      }
      case 'RUN': {
        if (e.kind === 'packages' || e.alsoInBuilder) {
          builder.push(...withComments(instr, instructionLines(model, instr)));
        } else if (e.kind === 'mixed') {
          builder.push(...`RUN ${e.pkgCommands.map((c) => sourceOf(model, c.range)).join(` ${model.escapeChar}\n    && `)}`.split(/\r?\n/));
        } else if (e.kind === 'install') {
          if (!e.installs.every((d) => d.toolOnly)) placeVenv();
          const venvAware = installEdits(model, sem, instr, e.installs);
          if (venvAware.length > 0) changed.push(instr.index);
          builder.push(...withComments(instr, instructionLines(model, instr, venvAware)));
        }
        continue;
      }
      default:
        continue;
    }
  }
  placeVenv();

  // Final stage: every other line in order.
  const final: string[] = [...finalFrom];
  let runtimeEmitted = false;
  let venvEmitted = false;
  const runtimeRun = (): string[] => {
    if (runtime.length === 0) return [];
    if (manager === 'apk') return [`RUN apk add --no-cache ${runtime.join(' ')}`];
    // Continued with the file's escape character (`` # escape=` `` makes `\` a plain character).
    const esc = model.escapeChar;
    return [`RUN apt-get update ${esc}`, `    && apt-get install -y --no-install-recommends ${runtime.join(' ')} ${esc}`, '    && rm -rf /var/lib/apt/lists/*'];
  };
  let prevEnd = fromInstr.endLine;
  for (const e of entries) {
    const instr = e.instr;
    const commentStart = leadingCommentStart(model, instr);
    const gap = linesOf(model, prevEnd + 1, commentStart - 1);
    prevEnd = instr.endLine;
    final.push(...gap);
    switch (e.kind) {
      case 'keep':
        if (uvBinaryCopies.has(instr)) break;
        if (uvRewrites.has(instr)) final.push(...linesOf(model, commentStart, instr.startLine - 1), uvRewrites.get(instr)!);
        else final.push(...linesOf(model, commentStart, instr.endLine));
        break;
      case 'mixed': {
        const edits = mixedEdits(model, e, dist);
        if (typeof edits === 'string') return { ok: false, reason: edits };
        final.push(...linesOf(model, commentStart, instr.startLine - 1), ...instructionLines(model, instr, edits));
        break;
      }
      case 'packages':
      case 'install':
        if (!runtimeEmitted && (e.kind === 'packages' || e.pkgCommands.length > 0)) {
          final.push(...runtimeRun());
          runtimeEmitted = true;
        }
        if (e.kind === 'install' && !venvEmitted && !e.installs.every((d) => d.toolOnly)) {
          if (!runtimeEmitted) {
            final.push(...runtimeRun());
            runtimeEmitted = true;
          }
          final.push(`COPY --from=${builderName} ${venv} ${venv}`, `ENV PATH="${venv}/bin:$PATH"`);
          venvEmitted = true;
        }
        break;
      case 'manifest-copy':
        break;
    }
  }
  const lastLine = model.lines.lineCount - 1;
  const tail = linesOf(model, prevEnd + 1, lastLine);

  const head = linesOf(model, 0, leadingCommentStart(model, fromInstr) - 1);
  const fromComments = linesOf(model, leadingCommentStart(model, fromInstr), fromInstr.startLine - 1);
  const out = [...head, ...fromComments, ...tidyBlankLines(builder), '', ...tidyBlankLines(final), ...tail];
  // The document's trailing line break is re-added by joinLines.
  while (out.length && out[out.length - 1] === '') out.pop();
  const text = joinLines(model, out);
  if (runtime.length === 0) notes.push('no runtime libraries needed: nothing the builder compiled links against a package the base lacks');
  else notes.push(`runtime libraries kept in the final stage: ${runtime.join(', ')}`);
  for (const instr of uvRewrites.keys()) changed.push(instr.index);
  return { ok: true, plan: { text, builderName, finalImage, runtimePackages: runtime, notes, changed } };
}

function joinAbs(dir: string, p: string): string {
  if (p.startsWith('/')) return normalizePath(p);
  return normalizePath(`${dir}/${p}`);
}

/** Records the absolute paths a COPY to `d` (its destination `dest` as written) gave the builder (files only when the destination names a folder). */
function markCopied(sources: string[], dest: string | undefined, d: string | undefined, available: Set<string>): void {
  if (dest === undefined || d === undefined) return;
  const destIsDir = dest.endsWith('/') || dest === '.' || sources.length > 1;
  for (const s of sources) {
    const name = s.replace(/\/+$/, '').split('/').pop() ?? s;
    if (s === '.' || s === './') available.add(`${d}/*`);
    else available.add(destIsDir ? `${d}/${name}` : d);
  }
}

function isAvailable(path: string, available: Set<string>): boolean {
  if (available.has(path)) return true;
  for (const a of available) if (a.endsWith('/*') && path.startsWith(a.slice(0, -1))) return true;
  return false;
}

/**
 * For a COPY of the whole context above an install that needs only manifests: a COPY of just those manifests, to
 * the same place. Optional lock files are copied with a trailing `*` so a project without one still builds.
 */
function derivedManifestCopies(
  sem: Semantics,
  instr: Instruction,
  later: DependencyInstall[],
  installEntries: Entry[],
  available: Set<string>,
  includesOf: (owner: Instruction, d: DependencyInstall) => string[] | undefined,
): string[] | string {
  const c = instr.copy!;
  const whole = c.sources.some((s) => ['.', './', '*', './*'].includes(s.value));
  if (!whole || !c.dest) return [];
  const copyDir = sem.instr(instr).workdir;
  const dest = sem.path(instr, c.dest.value);
  if (dest === undefined) return [];
  const byDir = new Map<string, string[]>();
  for (const d of later) {
    const owner = installEntries.find((x) => x.installs.includes(d))!.instr;
    const installDir = sem.commandDir(owner, d.command);
    const includes = includesOf(owner, d);
    if (includes === undefined) return `the requirements files of line ${owner.startLine + 1} include a file named by a variable, so the builder cannot be given it`;
    for (const written of [...d.manifests, ...includes]) {
      const m = substituteVars(written, sem.commandEnv(owner, d.command));
      if (m.includes('$') || (installDir === undefined && !m.startsWith('/'))) continue;
      const abs = joinAbs(installDir ?? '/', m);
      if (isAvailable(abs, available)) continue;
      // Below the destination (which may be `/`, when the stage has no WORKDIR).
      const rel = dest === '/' ? abs.slice(1) : abs.startsWith(`${dest}/`) ? abs.slice(dest.length + 1) : undefined;
      if (!rel) {
        if (includes.includes(written)) return `\`${written}\`, which a requirements file of line ${owner.startLine + 1} includes, is not copied by the COPY on line ${instr.startLine + 1}`;
        continue;
      }
      const optional = /\.lock$/.test(rel);
      // A requirements file inside a folder may include its siblings (`-r base.txt`): copy the folder.
      const slash = rel.indexOf('/');
      const src = slash > 0 && !optional ? rel.slice(0, slash) : optional ? `${rel}*` : rel;
      const destDir = slash > 0 && !optional ? joinAbs(dest, rel.slice(0, slash)) : posixDir(joinAbs(dest, rel));
      const list = byDir.get(destDir) ?? [];
      if (!list.includes(src)) list.push(src);
      byDir.set(destDir, list);
      available.add(slash > 0 && !optional ? `${joinAbs(dest, rel.slice(0, slash))}/*` : abs);
    }
  }
  const lines: string[] = [];
  for (const [dir, srcs] of byDir) {
    const rel = copyDir === undefined ? `${dir}/` : dir === copyDir ? './' : dir.startsWith(`${copyDir}/`) ? `./${dir.slice(copyDir.length + 1)}/` : `${dir}/`;
    lines.push(`COPY ${srcs.join(' ')} ${srcs.length === 1 && !srcs[0]!.includes('*') && rel === './' ? '.' : rel}`);
  }
  return lines;
}

function posixDir(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

/** Edits that make an install venv-aware while keeping its form. */
function installEdits(model: DockerfileModel, sem: Semantics, instr: Instruction, installs: DependencyInstall[]): TextEdit[] {
  const edits: TextEdit[] = [];
  const hasPipCacheMount = (instr.run?.mounts ?? []).some((m) => m.type === 'cache');
  for (const d of installs) {
    const pip = d.command.pip!;
    if (d.form === 'pip' && !pip.noCacheDir && !hasPipCacheMount && pip.insertAfter && !pip.options.some((o) => o.value.startsWith('--cache-dir'))) {
      edits.push({ range: { start: pip.insertAfter.range.end, end: pip.insertAfter.range.end }, newText: ' --no-cache-dir' });
    }
    if (d.form === 'uv-pip') {
      const system = pip.options.find((o) => o.value === '--system');
      if (system) edits.push({ range: { start: prevEnd(model, system), end: system.range.end }, newText: '' });
    }
    if (d.form === 'poetry') {
      const already = (instr.run?.commands ?? []).some((c) => basename(c.name.value) === 'poetry' && c.args[0]?.value === 'config' && c.args.some((a) => a.value === 'virtualenvs.create'));
      const envSet = sem.commandEnv(instr, d.command).get('POETRY_VIRTUALENVS_CREATE');
      if (!already && !(envSet !== undefined && /^(false|0)$/i.test(envSet))) {
        const at = d.command.wrappers[0]?.range.start ?? d.command.name.range.start;
        edits.push({ range: { start: at, end: at }, newText: 'poetry config virtualenvs.create false && ' });
      }
    }
  }
  return edits;
}

/** Start of the whitespace before a token (so deleting it leaves no double space). */
function prevEnd(model: DockerfileModel, t: Token): { line: number; character: number } {
  const off = model.lines.offsetAt(t.range.start);
  let i = off;
  while (i > 0 && (model.text[i - 1] === ' ' || model.text[i - 1] === '\t')) i--;
  return model.lines.positionAt(i);
}

/** In a RUN that also does other things: drop the build packages from its installs and add their runtime pairs. */
function mixedEdits(model: DockerfileModel, e: Entry, dist: 'bookworm' | 'trixie'): TextEdit[] | string {
  const edits: TextEdit[] = [];
  for (const c of e.pkgCommands) {
    const installing = installArgs(c);
    const pm: PackageManager = c.apk ? 'apk' : 'apt';
    const build = installedBuildPackages(c);
    if (build.length === 0) continue;
    const keep = installing.filter((p) => !build.includes(p));
    const pairs: string[] = [];
    for (const b of build) {
      const name = packageBaseName(b.value);
      if (b.dynamic) return `the package list on line ${b.range.start.line + 1} uses a variable`;
      if (buildOnlyCategory(name, pm) !== 'headers' || NO_RUNTIME_HEADERS.test(name)) continue;
      const pair = runtimePackageFor(name, pm, dist);
      if (!pair) return `no known runtime library for \`${name}\``;
      for (const p of pair) if (!pairs.includes(p) && !keep.some((k) => packageBaseName(k.value) === p)) pairs.push(p);
    }
    if (keep.length === 0 && pairs.length === 0) {
      return `the RUN on line ${e.instr.startLine + 1} installs only build packages next to other commands; move the package install to its own RUN first`;
    }
    for (const b of build) {
      const idx = installing.indexOf(b);
      const prev = installing[idx - 1];
      // Remove the token and the separator before it (which may be a line continuation).
      const start = prev && !build.includes(prev) ? prev.range.end : prevEnd(model, b);
      edits.push({ range: { start, end: b.range.end }, newText: '' });
      void start;
    }
    if (pairs.length) {
      const anchor = keep[keep.length - 1];
      if (anchor) edits.push({ range: { start: anchor.range.end, end: anchor.range.end }, newText: ` ${pairs.join(' ')}` });
      else {
        const first = build[0]!;
        edits.push({ range: { start: first.range.end, end: first.range.end }, newText: ` ${pairs.join(' ')}` });
      }
    }
  }
  return dedupeTouching(edits);
}

/** Merges deletions that start where an earlier one ends, so applyEdits never sees overlaps. */
function dedupeTouching(edits: TextEdit[]): TextEdit[] {
  const sorted = [...edits].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const out: TextEdit[] = [];
  for (const e of sorted) {
    const last = out[out.length - 1];
    const overlaps = last && (e.range.start.line < last.range.end.line || (e.range.start.line === last.range.end.line && e.range.start.character < last.range.end.character));
    if (overlaps) {
      last!.range = { start: last!.range.start, end: e.range.end };
      last!.newText = last!.newText + e.newText;
    } else out.push({ ...e });
  }
  return out;
}

function titleFor(keepBase: boolean, image: string): string {
  return keepBase ? `Split into builder stage, keeping \`${image}\`` : `Split into builder stage`;
}

export default defineAssist({
  id: 'split-into-builder-stage',
  title: 'Split into builder stage',
  kind: 'refactor.rewrite',
  run(model: DockerfileModel, ctx: AssistContext): AssistResult {
    const keepBaseOnly = ctx.options?.['keepBase'] === true;
    const venv = typeof ctx.options?.['venv'] === 'string' ? (ctx.options['venv'] as string) : DEFAULT_VENV;
    const final = model.finalStage;
    if (ctx.range && final) {
      // In the editor the refactor is offered where it acts: on the final stage (its FROM, comments or body).
      const first = leadingCommentStart(model, final.fromInstruction);
      if (ctx.range.end.line < first || ctx.range.start.line > final.range.end.line) return declined('the cursor is outside the final stage');
    }
    const slim = planSplit(model, { keepBase: keepBaseOnly, venv, ...(ctx.files ? { files: ctx.files } : {}), ...(ctx.path ? { path: ctx.path } : {}) });
    if (!slim.ok) return declined(slim.reason);
    const actions: AssistAction[] = [];
    const image = model.finalStage!.from.image;
    // One split entry: the slim final stage (or, asked for with the `keepBase` option / `--keep-base`, the same base).
    // The keep-the-base variant saves little (the venv replaces the system site-packages on the same big base), so it
    // is not offered beside it.
    const variants = [{ keep: keepBaseOnly, plan: slim.plan }];
    for (const v of variants) {
      const { edits, text } = wholeDocumentEdit(model, v.plan.text);
      const action: AssistAction = { title: titleFor(v.keep, image), edits, text, notes: v.plan.notes, changes: { instructions: v.plan.changed } };
      const saving = savingSuffix(model, text, ctx);
      // A rewrite is offered only when it helps: not when the estimate says the image grows (a small install on a
      // slim base gains a venv's own pip and setuptools and saves less than that).
      if (saving && saving.bytes.typical <= 0) continue;
      if (saving) {
        action.title += saving.suffix;
        action.saving = saving.bytes;
      }
      actions.push(action);
    }
    if (actions.length === 0) return declined('the estimate says the split would make the image bigger, not smaller');
    return { applies: true, actions };
  },
});

/** Re-parses a rewrite (tests and the CLI check the output is still a Dockerfile the model understands). */
export function reparse(text: string): DockerfileModel {
  return buildDockerfileModel(text);
}

const fixCache = new WeakMap<DockerfileModel, Fix | null>();

/**
 * The split as a rule fix (for the build-packages rule): unsafe, because it changes the base image, moves installs
 * into another stage and relies on a table of runtime libraries. One object per model, so every finding of a file
 * carries the same edits and fix-all applies them once.
 */
export function splitFix(model: DockerfileModel, project: { files?: ProjectFiles; path?: string } = {}): Fix | undefined {
  const hit = fixCache.get(model);
  if (hit !== undefined) return hit ?? undefined;
  const r = planSplit(model, project);
  const fix: Fix | null = r.ok ? { title: 'Split into builder stage', applicability: 'unsafe', edits: wholeDocumentEdit(model, r.plan.text).edits } : null;
  fixCache.set(model, fix);
  return fix ?? undefined;
}
