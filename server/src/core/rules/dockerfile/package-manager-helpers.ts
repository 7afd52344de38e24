// Helpers for the yum/dnf/zypper/yarn/wget/… rules (hadolint DL3030–DL4006): flags as hadolint counts them, cleanup after an install, appending to a RUN.
import type { Range, TextEdit } from '../../types';
import type { RuleContext } from '../rule';
import type { DockerfileModel, Instruction } from '../../model/dockerfile';
import type { Semantics } from '../../model/semantic';
import { basename, type CommandInfo, type Token } from '../../model/commands';
import { insertAfter } from './util';
import { eolOf } from '../../text';

/** Flag names a command carries: `-yq` gives `y` and `q`, `--assumeyes=1` gives `assumeyes` (hadolint's reading). */
export function flagNames(args: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const a of args) {
    const v = a.value;
    if (v === '-' || v === '--' || !v.startsWith('-')) continue;
    if (v.startsWith('--')) out.add(v.slice(2).split('=')[0]!);
    else for (const ch of v.slice(1)) out.add(ch);
  }
  return out;
}

/** Arguments that are not flags, skipping the values of the given options (`-c FILE`). */
export function positionals(args: readonly Token[], valueOptions: ReadonlySet<string> = new Set()): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < args.length; i++) {
    const v = args[i]!.value;
    if (v.startsWith('-') && v !== '-') {
      if (valueOptions.has(v) && !v.includes('=')) i++;
      continue;
    }
    out.push(args[i]!);
  }
  return out;
}

export function toolName(command: CommandInfo): string {
  return basename(command.name.value);
}

/** The commands of a RUN (ONBUILD triggers included), with the instruction that holds them. */
export function runInstructions(model: DockerfileModel): readonly Instruction[] {
  let out = runsListed.get(model);
  if (!out) {
    const list: Instruction[] = [];
    for (const instr of model.instructions) {
      const target = instr.trigger ?? instr;
      if (target.run) list.push(target);
    }
    runsListed.set(model, (out = list));
  }
  return out;
}

/** Listed once per model: every package-manager rule walks the RUNs. */
const runsListed = new WeakMap<DockerfileModel, readonly Instruction[]>();

/** True when a cache or tmpfs mount of the RUN covers one of the paths. */
export function mountCovers(instr: Instruction, paths: readonly string[]): boolean {
  return (instr.run?.mounts ?? []).some(
    (m) => (m.type === 'cache' || m.type === 'tmpfs') && m.target !== undefined && paths.includes(m.target.replace(/\/+$/, '')),
  );
}

/** True when a command after `command` in the same RUN matches. */
export function laterCommand(instr: Instruction, command: CommandInfo, matches: (c: CommandInfo) => boolean): boolean {
  return (instr.run?.commands ?? []).some((c) => c.index > command.index && matches(c));
}

/** True when a later `rm` in the same RUN deletes one of the paths (or everything under it). */
export function laterRemoves(instr: Instruction, command: CommandInfo, paths: readonly string[]): boolean {
  return laterCommand(instr, command, (c) => (c.rm?.paths ?? []).some((p) => paths.some((x) => p.value === x || p.value === `${x}/` || p.value === `${x}/*` || p.value.startsWith(`${x}/`))));
}

/**
 * End of the RUN body with trailing blanks and semicolons trimmed, across lines: a body that runs to the end of the
 * file (an open heredoc) ends with its newline, and an append after it would start a new, broken instruction.
 */
function bodyEnd(model: DockerfileModel, instr: Instruction): { line: number; character: number } {
  const start = model.lines.offsetAt(instr.run!.bodyRange.start);
  let end = model.lines.offsetAt(instr.run!.bodyRange.end);
  while (end > start && /[\s;]/.test(model.text[end - 1]!)) end--;
  return model.lines.positionAt(end);
}

/**
 * Whether text written after this shell-form RUN's body continues its last command: not after a heredoc
 * (`cat <<X … X`), a dangling continuation at the end of the file, or a trailing `# comment` (Docker joins the lines
 * first, so whatever follows would be part of the comment and never run); not when the body does not parse.
 */
export function canAppendToBody(model: DockerfileModel, instr: Instruction): boolean {
  const run = instr.run;
  if (!run || run.form !== 'shell' || !run.script || run.script.hasErrors || run.script.skipped) return false;
  const body = model.lines.slice(run.bodyRange).trimEnd();
  // An empty body (`RUN` alone, half-typed) has nothing to continue: `RUN && cmd` does not parse (fuzz seed 777 #1765).
  if (body.trim() === '') return false;
  if (/<<-?\s*['"]?\w/.test(body) || body.endsWith(model.escapeChar) || body.endsWith('\\')) return false;
  const last = run.commands.filter((c) => !c.substituted).pop();
  if (last) {
    const tail = model.text.slice(model.lines.offsetAt(last.range.end), model.lines.offsetAt(run.bodyRange.end));
    if (tail.includes('#')) return false;
  } else if (body.includes('#')) return false;
  return true;
}

/** The line break the file uses and its escape character, as a continuation: ` \` + newline (or `` ` `` under `# escape=`). */
export function continuation(model: DockerfileModel): string {
  return ` ${model.escapeChar}${eolOf(model.text)}`;
}

/** Appends `&& <command>` to a shell-form RUN, on its own continued line when the RUN spans several lines; undefined for other forms. */
export function appendCommand(model: DockerfileModel, instr: Instruction, command: string): TextEdit | undefined {
  const run = instr.run;
  if (!run || !canAppendToBody(model, instr)) return undefined;
  const multiLine = run.bodyRange.end.line > run.bodyRange.start.line;
  const indent = multiLine ? /^\s*/.exec(model.lines.lineText(run.bodyRange.end.line))![0] || '    ' : '';
  const end = bodyEnd(model, instr);
  // A body ending in a background `&` (or a dangling `|`): ` && next` after it does not parse, and a cleanup would
  // race the job it follows (fuzz seed 20261204 #10423).
  if (/[&|]/.test(model.text[model.lines.offsetAt(end) - 1] ?? '')) return undefined;
  return insertAfter({ start: end, end }, multiLine ? `${continuation(model)}${indent}&& ${command}` : ` && ${command}`);
}

/** Inserts a word after a token of the RUN (` -y` in shell form, `, "-y"` in exec form). */
export function insertWord(instr: Instruction, after: Token, word: string): TextEdit {
  return insertAfter(after.range, instr.run?.form === 'exec' ? `, "${word}"` : ` ${word}`);
}

/** The range of `tool sub` (`yum install`), or the tool name alone. */
export function toolSpan(command: CommandInfo, sub: Token | undefined): Range {
  return sub ? { start: command.name.range.start, end: sub.range.end } : command.name.range;
}

/** Strips one level of matching quotes. */
export function unquoteValue(v: string): string {
  return v.length >= 2 && ((v.startsWith('"') && v.endsWith('"')) || (v.startsWith("'") && v.endsWith("'"))) ? v.slice(1, -1) : v;
}

const RPM_VALUE_OPTIONS = new Set([
  '-c', '--config', '--installroot', '--enablerepo', '--disablerepo', '--repo', '--repoid', '-x', '--exclude', '--setopt',
  '-d', '--debuglevel', '-e', '--errorlevel', '--releasever', '--forcearch', '--downloaddir', '--destdir',
]);
const ZYPPER_VALUE_OPTIONS = new Set(['-r', '--repo', '--from', '-t', '--type', '-R', '--root', '-D', '--reposd-path', '-C', '--cache-dir', '--releasever', '--installroot']);

export interface RpmCommand {
  tool: 'yum' | 'dnf' | 'microdnf' | 'zypper';
  /** Subcommand words: `install`, or `module install`, `group install`. */
  sub: Token[];
  /** Positional arguments after the subcommand words. */
  operands: Token[];
  flags: Set<string>;
}

/** Reads a yum, dnf, microdnf or zypper command; undefined for anything else. */
export function rpmCommand(command: CommandInfo): RpmCommand | undefined {
  const tool = toolName(command);
  if (tool !== 'yum' && tool !== 'dnf' && tool !== 'microdnf' && tool !== 'zypper') return undefined;
  const words = positionals(command.args, tool === 'zypper' ? ZYPPER_VALUE_OPTIONS : RPM_VALUE_OPTIONS);
  const sub: Token[] = [];
  if (words[0]) sub.push(words[0]);
  if (words[0] && ['module', 'group', 'groups'].includes(words[0].value) && words[1]) sub.push(words[1]);
  return { tool, sub, operands: words.slice(sub.length), flags: flagNames(command.args) };
}

export function subIs(rpm: RpmCommand, ...names: string[]): boolean {
  const last = rpm.sub[rpm.sub.length - 1]?.value;
  return last !== undefined && names.includes(last);
}

/** Reports each `install`, `groupinstall` or `localinstall` of one of `tools` run without `-y` / `--assumeyes` (message `noYes`), with a safe fix adding `-y`. */
export function reportRpmInstallsWithoutYes(ctx: RuleContext<DockerfileModel>, tools: readonly RpmCommand['tool'][]): void {
  for (const instr of runInstructions(ctx.model)) {
    for (const command of instr.run!.commands) {
      const rpm = rpmCommand(command);
      if (!rpm || !tools.includes(rpm.tool) || !subIs(rpm, 'install', 'groupinstall', 'localinstall')) continue;
      if (rpm.flags.has('y') || rpm.flags.has('assumeyes')) continue;
      const last = rpm.sub[rpm.sub.length - 1]!;
      ctx.report({
        range: toolSpan(command, last),
        messageId: 'noYes',
        data: { command: `${rpm.tool} ${rpm.sub.map((t) => t.value).join(' ')}` },
        fixes: [{ title: 'Add `-y`', applicability: 'safe', edits: [insertWord(instr, last, '-y')] }],
      });
    }
  }
}

/**
 * Variables a version in a RUN may use: what the semantic layer says the instruction sees (ARG as Docker scopes it,
 * ENV, build args), and ARGs declared without a default, which stand for a value given with `--build-arg` (written
 * as `0` so a version still looks like one).
 */
export function versionVariables(sem: Semantics, instr: Instruction): Map<string, string> {
  const facts = sem.instr(instr);
  const vars = new Map(facts.env);
  for (const name of facts.argNames) if (!vars.has(name)) vars.set(name, '0');
  // Before the first FROM (hadolint's cases) the global ARGs without a default are not in the layer's scope.
  if (instr.stage < 0) for (const i of sem.model.instructions) if (i.index < instr.index) for (const kv of i.argDecls ?? []) if (!vars.has(kv.key)) vars.set(kv.key, '0');
  return vars;
}
