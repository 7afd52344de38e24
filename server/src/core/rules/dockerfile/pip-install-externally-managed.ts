// LW016: `pip install` into the system Python of Debian 12+ / Ubuntu 23.04+ / Alpine 3.19+ stops the build (PEP 668 externally-managed-environment).
import { defineRule } from '../rule';
import type { Fix, TextEdit } from '../../types';
import type { DockerfileModel, Instruction, Stage } from '../../model/dockerfile';
import { semanticsFor, truthyEnv, type PythonInstall, type Semantics } from '../../model/semantic';
import { basename, type CommandInfo } from '../../model/commands';
import * as posix from '../../path';
import { eolOf } from '../../text';
import { commandSpan, insertFlagAfter } from './util';
import { insertWord } from './package-manager-helpers';
import { lineageInstructions } from './python-image-helpers';

const FLAG = '--break-system-packages';
const VENV = '/opt/venv';
/** Folders a distribution's own `pip`/`python3` live in: a PATH entry outside them, ahead of them, may hold another pip. */
const SYSTEM_BIN = new Set(['/usr/local/sbin', '/usr/local/bin', '/usr/sbin', '/usr/bin', '/sbin', '/bin']);
/** The files pip reads its configuration from (`break-system-packages = true` there lifts the check). */
const PIP_CONFIG = /(^|\/)pip\.(conf|ini)$/;
/** The apt packages that put the python3 the install uses in the image (as the semantic layer recognises them). */
const PYTHON_APT = /^python3(\.\d+)?(-pip|-venv|-dev|-full)?(=.*)?$/;
/** The apt packages that make `python3 -m venv` work on Debian and Ubuntu (ensurepip is split out of python3). */
const VENV_APT = /^python3(\.\d+)?-(venv|full)(=.*)?$/;

export default defineRule({
  meta: {
    code: 'LW016',
    name: 'pip-install-externally-managed',
    origin: 'layerwise',
    language: 'dockerfile',
    category: 'correctness',
    severity: 'error',
    messages: {
      externallyManaged:
        '`{command}` installs into the system Python of {os}, which is externally managed (PEP 668): pip stops the build with `externally-managed-environment`; install into a venv or pass `--break-system-packages`',
      userExternallyManaged:
        '`{command} --user` is refused too: the system Python of {os} is externally managed (PEP 668), and pip stops the build with `externally-managed-environment`; install into a venv or pass `--break-system-packages`',
    },
    fix: 'unsafe',
    docs: {
      whatItDoes:
        'Flags `pip install` (`pip3`, `python3 -m pip`) that installs into the distribution\'s own Python on Debian 12 (bookworm) and later, Ubuntu 23.04 and later (installed with `apt-get install python3 python3-pip`) or Alpine 3.19 and later (`apk add python3 py3-pip`), also with `--user`, when nothing lifts the PEP 668 check: no `--break-system-packages`, no `PIP_BREAK_SYSTEM_PACKAGES` (ENV, ARG, `export` or a `VAR=1` prefix), no venv (the venv\'s own pip, or its `bin` on PATH), no `--target`, `--prefix` or `--root`, no pip configuration written or `pip config` run before it, and no removal of the `EXTERNALLY-MANAGED` marker. The official `python:*` images are not affected: their Python in `/usr/local` is not externally managed.',
      whyItMatters:
        'These releases mark their Python as managed by apt (the `EXTERNALLY-MANAGED` file of PEP 668). pip then refuses to install into it, with or without `--user`, and exits with an error: the `RUN`, and the build, fail. Images that built on Debian 11 or Ubuntu 22.04 stop building when the base moves to a newer release (`ubuntu:latest` is 24.04).',
      example: 'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip\nRUN pip3 install --no-cache-dir flask==3.0.3\n',
      useInstead:
        'FROM ubuntu:24.04\nRUN apt-get update && apt-get install -y --no-install-recommends python3 python3-pip python3-venv\nRUN python3 -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip3 install --no-cache-dir flask==3.0.3\n',
      fixSafety:
        'Unsafe. The first fix creates a venv before the first such install of the stage (`RUN python3 -m venv /opt/venv` and `ENV PATH="/opt/venv/bin:$PATH"`, and adds `python3-venv` to the apt install when it is not there): later `python3`, `pip` and console scripts then run from the venv, and Python packages installed with apt are not visible in it (create it with `--system-site-packages` if the app imports them). It is offered when the distribution\'s Python is installed by an earlier RUN, as root. The second fix adds `--break-system-packages`: pip may then replace files of packages apt installed.',
      references: [
        'https://packaging.python.org/en/latest/specifications/externally-managed-environments/',
        'https://peps.python.org/pep-0668/',
        'https://pip.pypa.io/en/stable/cli/pip_install/#cmdoption-break-system-packages',
        'https://www.debian.org/releases/bookworm/amd64/release-notes/ch-information.en.html#python3-pep-668',
      ],
    },
  },
  check(ctx) {
    const model = ctx.model;
    const sem = semanticsFor(ctx);
    // The first refused install of each stage's lineage: every finding's venv fix creates the venv before it, so
    // the findings of one stage offer the same edits (fix-all applies them once).
    const firstOf = new Map<Stage, { instr: Instruction; command: CommandInfo } | null>();
    const flagged: { instr: Instruction; stage: Stage; command: CommandInfo; inst: PythonInstall }[] = [];
    for (const instr0 of model.instructions) {
      const instr = instr0.trigger ?? instr0;
      const stage = model.stages[instr0.stage];
      if (!instr.run || !stage) continue;
      const python = sem.stage(stage).python;
      if (!python?.distro || !python.externallyManaged) continue;
      for (const c of instr.run.commands) {
        const inst = refused(sem, stage, instr, c, python.version);
        if (inst) flagged.push({ instr, stage, command: c, inst });
      }
    }
    for (const f of flagged) {
      let first = firstOf.get(f.stage);
      if (first === undefined) {
        const lineage = new Set(sem.stage(f.stage).lineage);
        const earliest = flagged.find((x) => lineage.has(x.stage));
        first = earliest ? { instr: earliest.instr, command: earliest.command } : null;
        firstOf.set(f.stage, first);
      }
      const pip = f.command.pip!;
      const os = sem.stage(f.stage).image.os;
      const osName = os ? `${os.distro === 'ubuntu' ? 'Ubuntu' : os.distro === 'alpine' ? 'Alpine' : 'Debian'} ${os.distro === 'debian' && os.release ? `${os.version ?? ''} (${os.release})`.trim() : (os.version ?? os.release ?? '')}`.trim() : 'this image';
      const fixes: Fix[] = [];
      const venv = first ? venvFix(model, sem, f.stage, first.instr) : undefined;
      if (venv) fixes.push({ title: `Create a venv in ${VENV} before the install`, applicability: 'unsafe', edits: venv });
      if (pip.insertAfter) fixes.push({ title: `Add \`${FLAG}\``, applicability: 'unsafe', edits: [insertFlagAfter(f.instr, pip.insertAfter, FLAG)] });
      ctx.report({
        range: commandSpan(f.command, pip.subToken),
        messageId: f.inst.env?.kind === 'user' ? 'userExternallyManaged' : 'externallyManaged',
        data: { command: `${pip.launcher} ${pip.sub}`, os: osName },
        fixes,
      });
    }
  },
});

/** The install when pip will refuse it: system (or `--user`) install of the distribution's Python, and nothing lifts the check. */
function refused(sem: Semantics, stage: Stage, instr: Instruction, c: CommandInfo, version: string | undefined): PythonInstall | undefined {
  const pip = c.pip;
  if (!pip || pip.tool !== 'pip' || pip.sub !== 'install' || c.substituted) return undefined;
  const inst = sem.install(instr, c);
  const kind = inst?.env?.kind;
  if (!inst || (kind !== 'system' && kind !== 'user')) return undefined;
  // `pip3.11` or `python3.11 -m pip` next to a distribution Python of another version is another interpreter.
  const exe = basename(pip.launcher.split(' ')[0]!);
  const exeVersion = /(\d+\.\d+)$/.exec(exe)?.[1];
  if (exeVersion !== undefined && exeVersion !== version) return undefined;
  const args = c.args.map((a) => a.value);
  const env = inst.commandEnv;
  if (args.includes(FLAG) || truthyEnv(env.get('PIP_BREAK_SYSTEM_PACKAGES'))) return undefined;
  // pip skips the check for `--root` (`--target` and `--prefix` are not the system environment already) and for `--dry-run --report`.
  if (args.some((a) => a === '--root' || a.startsWith('--root=')) || env.get('PIP_ROOT') !== undefined) return undefined;
  if (args.includes('--dry-run') && args.some((a) => a === '--report' || a.startsWith('--report='))) return undefined;
  if (env.get('PIP_CONFIG_FILE') !== undefined) return undefined;
  // A PATH entry ahead of the system folders (conda's `/opt/conda/bin`, a tool's own `bin`) may hold the pip that runs.
  const home = sem.path(instr, '~') ?? '/root';
  for (const dir of (env.get('PATH') ?? '').split(':')) {
    // `$PATH` unresolved is the base image's PATH: the system folders.
    if (SYSTEM_BIN.has(dir) || dir.includes('$')) break;
    if (dir !== '' && dir !== `${home}/.local/bin`) return undefined;
  }
  return liftedBefore(sem, stage, instr, c) ? undefined : inst;
}

/**
 * Whether something before the command in the stage's lineage lifted the check: a pip configuration written
 * (`/etc/pip.conf`, `~/.config/pip/pip.conf`, a COPY of a `pip.conf` or of a folder into a configuration folder),
 * `pip config`, or any command naming the marker file or the setting (`rm …/EXTERNALLY-MANAGED`, `echo break-system-packages…`).
 */
function liftedBefore(sem: Semantics, stage: Stage, instr: Instruction, c: CommandInfo): boolean {
  const home = sem.path(instr, '~') ?? '/root';
  const configDirs = new Set(['/etc', '/etc/xdg', '/etc/xdg/pip', home, `${home}/.config`, `${home}/.config/pip`, `${home}/.pip`]);
  for (const i of lineageInstructions(sem, stage)) {
    const same = i === instr;
    if (i.keyword === 'COPY' || i.keyword === 'ADD') {
      if (i.copy?.sources.some((s) => PIP_CONFIG.test(s.value))) return true;
      const e = sem.effects(i);
      if (e.writes.some((w) => PIP_CONFIG.test(w.path) || configDirs.has(w.path))) return true;
    } else if (i.run) {
      if (sem.effects(i).writes.some((w) => PIP_CONFIG.test(w.path))) return true;
      for (const x of i.run.commands) {
        if (same && x.index >= c.index) break;
        if (x.pip?.tool === 'pip' && x.pip.sub === 'config') return true;
        if ([x.name, ...x.args].some((t) => /EXTERNALLY-MANAGED|break[-_]system[-_]packages/i.test(t.value))) return true;
      }
    }
    if (same) break;
  }
  return false;
}

/**
 * Edits that create a venv before `anchor` and put it first on PATH, adding `python3-venv` to the apt install that
 * brought python3 when it is missing; undefined when that cannot be done before the anchor (python3 installed in the
 * same RUN, a non-root USER, an ONBUILD trigger).
 */
function venvFix(model: DockerfileModel, sem: Semantics, stage: Stage, anchor: Instruction): TextEdit[] | undefined {
  if (anchor.onbuild || model.instructions.every((i) => i !== anchor)) return undefined;
  const user = sem.instr(anchor).user.split(':')[0];
  if (user !== 'root' && user !== '0') return undefined;
  let pythonFrom: { instr: Instruction; command: CommandInfo } | undefined;
  let venvPackage = false;
  for (const i of lineageInstructions(sem, stage)) {
    if (i === anchor) break;
    for (const x of i.run?.commands ?? []) {
      if (x.apt?.sub !== 'install') continue;
      if (x.apt.packages.some((p) => VENV_APT.test(p.value))) venvPackage = true;
      if (!pythonFrom && x.apt.packages.some((p) => PYTHON_APT.test(p.value))) pythonFrom = { instr: i, command: x };
    }
  }
  if (!pythonFrom) return undefined;
  const edits: TextEdit[] = [];
  if (!venvPackage) {
    const last = pythonFrom.command.apt!.packages[pythonFrom.command.apt!.packages.length - 1]!;
    edits.push(insertWord(pythonFrom.instr, last, 'python3-venv'));
  }
  const eol = eolOf(model.text);
  const line = anchor.range.start.line;
  const indent = /^\s*/.exec(model.lines.lineText(line))![0];
  const bin = posix.join(VENV, 'bin');
  edits.push({ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}RUN python3 -m venv ${VENV}${eol}${indent}ENV PATH="${bin}:$PATH"${eol}` });
  return edits;
}
