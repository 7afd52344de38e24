// Builds the one model of a Dockerfile every feature reads: stages, reachability, instructions, RUN commands, images, variables.
import type { Instruction as AstInstruction, Dockerfile as AstDockerfile } from 'dockerfile-ast';
import { parseDockerfile } from '../parse/dockerfile';
import type { Position, Range } from '../types';
import { LineIndex } from '../text';
import { MAX_FILE_SHELL, MAX_RUN_SHELL, parseShell, skippedScript, type ShellScript } from '../parse/shell';
import { basename, describeCommand, type CommandInfo, type Token } from './commands';
import { imageFacts, parseImageRef, type ImageFacts, type ImageRef } from './image';
import { substituteVars } from './semantic';
import { looksHalfTyped } from '../instruction-typo';

export interface Flag {
  name: string;
  value?: string;
  range: Range;
  nameRange: Range;
  valueRange?: Range;
}

export interface Mount {
  type: string;
  target?: string;
  from?: string;
  options: Record<string, string>;
  range: Range;
}

export interface RunInfo {
  form: 'shell' | 'exec' | 'heredoc';
  /** The script given to the shell (shell and heredoc forms); its offset 0 is the document offset `scriptStart`. */
  script?: ShellScript;
  /** Document offset where `script.source` starts: the body for the shell form, the heredoc's first line for a heredoc RUN. */
  scriptStart?: number;
  /**
   * What runs a heredoc instead of the SHELL: the `#!` line of a lone `RUN <<EOF` (`/usr/bin/env python3`,
   * `/bin/bash -e`), or the shell the RUN feeds it to (`bash -euo pipefail` of `RUN bash -euo pipefail <<EOF`).
   * When it is not a POSIX shell the body has no `script` and no `commands`.
   */
  interpreter?: string;
  commands: CommandInfo[];
  mounts: Mount[];
  /** Range of the command text (after flags). */
  bodyRange: Range;
}

export interface CopyInfo {
  isAdd: boolean;
  sources: Token[];
  dest?: Token;
  /** `--from` value as written. */
  from?: string;
  /** Index of the stage `--from` names, when it names one. */
  fromStage?: number;
  chown?: string;
  chmod?: string;
  link: boolean;
}

export interface KeyValue {
  key: string;
  value: string;
  keyRange: Range;
  valueRange?: Range;
  /** Written as `ENV key value` (legacy) instead of `key=value`. */
  legacy: boolean;
}

export interface FromInfo {
  /** Image text after substituting known ARG values. */
  image: string;
  ref: ImageRef;
  facts: ImageFacts;
  imageRange: Range;
  nameRange?: Range;
  tagRange?: Range;
  digestRange?: Range;
  /** Index of the earlier stage this FROM builds on (`FROM builder`). */
  stage?: number;
  platform?: string;
}

export interface Instruction {
  /** Index in the document's instruction list. */
  index: number;
  keyword: string;
  keywordRange: Range;
  range: Range;
  /** First and last line (0-based) the instruction spans. */
  startLine: number;
  endLine: number;
  argsText: string;
  argsRange?: Range;
  args: Token[];
  flags: Flag[];
  /** Stage index, or -1 for instructions before the first FROM. */
  stage: number;
  /** For ONBUILD: the trigger instruction. */
  trigger?: Instruction;
  onbuild: boolean;
  run?: RunInfo;
  copy?: CopyInfo;
  env?: KeyValue[];
  argDecls?: KeyValue[];
  /** LABEL key/value pairs. */
  labels?: KeyValue[];
  from?: FromInfo;
  /** CMD/ENTRYPOINT/SHELL/RUN written as a JSON array. */
  jsonForm: boolean;
  ast: AstInstruction;
}

export interface Stage {
  index: number;
  name?: string;
  nameRange?: Range;
  from: FromInfo;
  fromInstruction: Instruction;
  instructions: Instruction[];
  /** Range from the FROM line to the stage's last instruction. */
  range: Range;
  /** The target stage (by default the last). */
  isFinal: boolean;
  /** The target stage, or a stage the target copies from or builds on. */
  reachesFinal: boolean;
  /** The stage's layers are layers of the final image: the target or a stage it is built `FROM`. */
  layersInFinal: boolean;
  /** ENV values at the end of the stage as written (inherited through `FROM <stage>`; ARGs do not persist). Substituted values: the semantic layer. */
  env: Map<string, string>;
  /** Stages this one depends on (FROM, COPY --from, RUN --mount from). */
  dependsOn: number[];
}

export interface Comment {
  text: string;
  line: number;
  range: Range;
}

export interface Directives {
  syntax?: string;
  escape?: string;
  check?: string;
  checkRange?: Range;
}

export interface DockerfileModel {
  kind: 'dockerfile';
  text: string;
  lines: LineIndex;
  ast: AstDockerfile;
  escapeChar: string;
  directives: Directives;
  /** ARGs before the first FROM. */
  globalArgs: KeyValue[];
  instructions: Instruction[];
  stages: Stage[];
  /** The stage that becomes the image (the target), or undefined for a file without FROM. */
  finalStage?: Stage;
  comments: Comment[];
  /**
   * The text is not a Dockerfile (a jq or Jinja template, JSON, a shell script): no line is a Dockerfile
   * instruction, or the first is not and most lines are not. `first` is the first line that is not one.
   */
  notDockerfile?: { first: Instruction; unknown: number; total: number };
}

/** Every instruction keyword Docker knows; a line starting with any other word is not a Dockerfile instruction. */
export const INSTRUCTION_KEYWORDS: ReadonlySet<string> = new Set([
  'FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER',
  'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL',
]);

export interface ModelOptions {
  /** Build target (stage name); the last stage when absent or unknown. */
  target?: string;
}

export function buildDockerfileModel(text: string, options: ModelOptions = {}): DockerfileModel {
  const lines = new LineIndex(text);
  const ast = parseDockerfile(text);
  const escapeChar = ast.getEscapeCharacter();
  const directives: Directives = {};
  for (const d of ast.getDirectives()) {
    const name = d.getName().toLowerCase();
    const value = d.getValue();
    if (name === 'syntax') directives.syntax = value;
    if (name === 'escape') directives.escape = value;
    if (name === 'check') {
      directives.check = value;
      directives.checkRange = d.getRange();
    }
  }
  // dockerfile-ast only reports directives it knows; `# check=` is read here from the leading comment block.
  if (directives.check === undefined) {
    for (let i = 0; i < lines.lineCount; i++) {
      const l = lines.lineText(i);
      const m = /^\s*#\s*check\s*=\s*(.*?)\s*$/i.exec(l);
      if (m) {
        directives.check = m[1]!;
        directives.checkRange = { start: { line: i, character: 0 }, end: { line: i, character: l.length } };
        break;
      }
      if (!/^\s*#\s*\w+\s*=/.test(l) && l.trim() !== '') break;
    }
  }
  const comments: Comment[] = ast.getComments().map((c) => ({ text: c.getContent() ?? '', line: c.getRange().start.line, range: c.getRange() }));

  const model: DockerfileModel = {
    kind: 'dockerfile',
    text,
    lines,
    ast,
    escapeChar,
    directives,
    globalArgs: [],
    instructions: [],
    stages: [],
    comments,
  };
  const argDefaults = new Map<string, string>();
  let current: Stage | undefined;
  let stageEnv = new Map<string, string>();
  for (const astInstr of ast.getInstructions()) {
    const instr = toInstruction(model, astInstr, model.instructions.length, current ? current.index : -1, argDefaults, stageEnv);
    model.instructions.push(instr);
    if (instr.keyword === 'FROM' && instr.from) {
      const name = (astInstr as unknown as { getBuildStage(): string | null }).getBuildStage();
      const nameRange = (astInstr as unknown as { getBuildStageRange(): Range | null }).getBuildStageRange();
      const idx = model.stages.length;
      instr.stage = idx;
      const parent = instr.from.stage !== undefined ? model.stages[instr.from.stage] : undefined;
      stageEnv = new Map(parent ? parent.env : []);
      current = {
        index: idx,
        from: instr.from,
        fromInstruction: instr,
        instructions: [instr],
        range: instr.range,
        isFinal: false,
        reachesFinal: false,
        layersInFinal: false,
        env: stageEnv,
        dependsOn: instr.from.stage !== undefined ? [instr.from.stage] : [],
      };
      if (name) current.name = name;
      if (nameRange) current.nameRange = nameRange;
      model.stages.push(current);
      continue;
    }
    if (!current) {
      if (instr.keyword === 'ARG' && instr.argDecls) {
        for (const a of instr.argDecls) {
          model.globalArgs.push(a);
          if (a.valueRange) argDefaults.set(a.key, a.value);
        }
      }
      continue;
    }
    current.instructions.push(instr);
    current.range = { start: current.range.start, end: instr.range.end };
    if (instr.env) for (const kv of instr.env) stageEnv.set(kv.key, kv.value);
    if (instr.copy?.from !== undefined) {
      const target = resolveStageRef(model, instr.copy.from);
      if (target !== undefined && target < current.index) {
        instr.copy.fromStage = target;
        current.dependsOn.push(target);
      }
    }
    for (const m of instr.run?.mounts ?? []) {
      if (m.from === undefined) continue;
      const target = resolveStageRef(model, m.from);
      if (target !== undefined && target < current.index) current.dependsOn.push(target);
    }
  }
  // A half-typed instruction (`FROMasdkjh`, `RUNN`) still makes the file a Dockerfile: LW020 names its fault.
  const notInstructions = model.instructions.filter((i) => !INSTRUCTION_KEYWORDS.has(i.keyword) && !looksHalfTyped(lines.slice(i.keywordRange), INSTRUCTION_KEYWORDS));
  const firstInstr = model.instructions[0];
  if (firstInstr && notInstructions.length > 0 && (notInstructions.length === model.instructions.length || (notInstructions[0] === firstInstr && notInstructions.length * 2 > model.instructions.length))) {
    model.notDockerfile = { first: notInstructions[0]!, unknown: notInstructions.length, total: model.instructions.length };
  }
  if (model.stages.length > 0) {
    const byTarget = options.target ? model.stages.find((s) => s.name?.toLowerCase() === options.target!.toLowerCase()) : undefined;
    const final = byTarget ?? model.stages[model.stages.length - 1]!;
    final.isFinal = true;
    model.finalStage = final;
    for (let s: Stage | undefined = final; s && !s.layersInFinal; s = s.from.stage !== undefined ? model.stages[s.from.stage] : undefined) {
      s.layersInFinal = true;
    }
    const stack = [final.index];
    while (stack.length) {
      const s = model.stages[stack.pop()!]!;
      if (s.reachesFinal) continue;
      s.reachesFinal = true;
      stack.push(...s.dependsOn);
    }
  }
  return model;
}

/** Resolves a `--from` / `FROM` value to an earlier stage index (by name, case-insensitive, or by number). */
export function resolveStageRef(model: DockerfileModel, ref: string): number | undefined {
  const lower = ref.toLowerCase();
  const named = model.stages.find((s) => s.name?.toLowerCase() === lower);
  if (named) return named.index;
  if (/^\d+$/.test(ref)) {
    const n = Number(ref);
    if (n < model.stages.length) return n;
  }
  return undefined;
}

/** Substitutes `$VAR`, `${VAR}`, `${VAR:-default}` and `${VAR-default}` with known values; unknown ones stay. */
export const substitute = substituteVars;

function toInstruction(
  model: DockerfileModel,
  ast: AstInstruction,
  index: number,
  stage: number,
  argDefaults: Map<string, string>,
  _stageEnv: Map<string, string>,
): Instruction {
  const keyword = ast.getKeyword().toUpperCase();
  const range = ast.getRange();
  // dockerfile-ast re-scans the instruction text on every getArguments()/getArgumentsRange() call: read it once.
  const astArgs = ast.getArguments();
  const argsRange: Range | undefined = astArgs.length > 0 ? { start: astArgs[0]!.getRange().start, end: astArgs[astArgs.length - 1]!.getRange().end } : undefined;
  const flags: Flag[] = 'getFlags' in ast && typeof (ast as { getFlags?: unknown }).getFlags === 'function'
    ? (ast as unknown as { getFlags(): import('dockerfile-ast').Flag[] }).getFlags().map((f) => {
        const flag: Flag = { name: f.getName(), range: f.getRange(), nameRange: f.getNameRange() };
        const v = f.getValue();
        if (v !== null) flag.value = v;
        const vr = f.getValueRange();
        if (vr) flag.valueRange = vr;
        return flag;
      })
    : [];
  const args: Token[] = astArgs.map((a) => {
    const value = a.getValue();
    return { value, raw: value, range: a.getRange(), dynamic: value.includes('$') };
  });
  const instr: Instruction = {
    index,
    keyword,
    keywordRange: ast.getInstructionRange(),
    range,
    startLine: range.start.line,
    endLine: range.end.line,
    argsText: argsRange ? model.lines.slice(argsRange) : '',
    args,
    flags,
    stage,
    onbuild: false,
    jsonForm: false,
    ast,
  };
  if (argsRange) instr.argsRange = argsRange;
  if (JSON_FORM_KEYWORDS.has(keyword)) instr.jsonForm = isJsonArray(bodyText(model, instr));
  switch (keyword) {
    case 'FROM':
      instr.from = withVariablesRead(ast, () => fromInfo(model, ast, argDefaults));
      break;
    case 'RUN':
      instr.run = runInfo(model, instr);
      break;
    case 'COPY':
    case 'ADD':
      instr.copy = copyInfo(instr);
      break;
    case 'ENV':
      instr.env = keyValues(model, instr, ast);
      break;
    case 'LABEL':
      instr.labels = keyValues(model, instr, ast);
      break;
    case 'ARG':
      instr.argDecls = keyValues(model, instr, ast);
      break;
    case 'ONBUILD': {
      const triggers = (ast as unknown as { getTriggerInstruction?: () => AstInstruction | null }).getTriggerInstruction?.();
      if (triggers) {
        const t = toInstruction(model, triggers, index, stage, argDefaults, new Map());
        t.onbuild = true;
        instr.trigger = t;
      }
      break;
    }
  }
  return instr;
}

const JSON_FORM_KEYWORDS = new Set(['RUN', 'CMD', 'ENTRYPOINT', 'SHELL', 'COPY', 'ADD', 'VOLUME', 'HEALTHCHECK']);

function isJsonArray(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('[') || !t.endsWith(']')) return false;
  try {
    const v: unknown = JSON.parse(t.replace(/\\\r?\n/g, ''));
    return Array.isArray(v) && v.every((x) => typeof x === 'string');
  } catch {
    return false;
  }
}

/** Offset where the instruction's command text starts (after the keyword and any `--flag`s). */
function bodyStartOffset(model: DockerfileModel, instr: Instruction): number {
  const lastFlag = instr.flags[instr.flags.length - 1];
  const from = lastFlag ? model.lines.offsetAt(lastFlag.range.end) : model.lines.offsetAt(instr.keywordRange.end);
  const end = model.lines.offsetAt(instr.range.end);
  let i = from;
  const t = model.text;
  const esc = model.escapeChar;
  while (i < end) {
    const c = t[i]!;
    if (c === ' ' || c === '\t') i++;
    else if (c === esc && (t[i + 1] === '\n' || (t[i + 1] === '\r' && t[i + 2] === '\n'))) i += t[i + 1] === '\r' ? 3 : 2;
    else if (c === '\n' || c === '\r') i++;
    else break;
  }
  return i;
}

function bodyText(model: DockerfileModel, instr: Instruction): string {
  return model.text.slice(bodyStartOffset(model, instr), model.lines.offsetAt(instr.range.end));
}

/**
 * The RUN body as the shell sees it, with the same length as the document text so offsets map one to one:
 * comment lines inside the instruction are blanked (Docker drops them) and a custom escape character before a
 * line break becomes a backslash.
 */
/** Shell characters each model under construction has parsed so far (MAX_FILE_SHELL bounds a file's total). */
const shellParsed = new WeakMap<DockerfileModel, number>();

/** Parses a RUN body unless it, or the file's bodies together, pass the limits: then it is a skipped script. */
function parseRunShell(model: DockerfileModel, source: string): ShellScript {
  if (source.length > MAX_RUN_SHELL) return skippedScript(source, 'run');
  const used = (shellParsed.get(model) ?? 0) + source.length;
  if (used > MAX_FILE_SHELL) return skippedScript(source, 'file');
  shellParsed.set(model, used);
  return parseShell(source);
}

function shellSource(model: DockerfileModel, start: number, end: number): string {
  let s = model.text.slice(start, end);
  // A blanked comment line keeps the instruction going: it ends in a line continuation, as the text around it did.
  s = s.replace(/(^|\n)([ \t]*#[^\n\r]*)/g, (_m, nl: string, c: string) => `${nl}${' '.repeat(c.length - 1)}\\`);
  if (model.escapeChar !== '\\') {
    const e = model.escapeChar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    s = s.replace(new RegExp(`${e}(\\r?\\n)`, 'g'), '\\$1');
  }
  // A continuation at the very end of the file continues nothing: Docker drops it, so the shell must not see it.
  const esc = model.escapeChar === '\\' ? '\\\\' : model.escapeChar.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  s = s.replace(new RegExp(`(?:${esc}|\\\\)([ \\t\\r\\n]*)$`), (_m, ws: string) => ` ${ws}`);
  return s;
}

function runInfo(model: DockerfileModel, instr: Instruction): RunInfo {
  const start = bodyStartOffset(model, instr);
  const end = model.lines.offsetAt(instr.range.end);
  const bodyRange = model.lines.rangeOf(start, end);
  const mounts = instr.flags.filter((f) => f.name.toLowerCase() === 'mount').map((f) => parseMount(f));
  const toRangeFrom = (base: number) => (s: number, e: number) => model.lines.rangeOf(base + s, base + e);
  if (instr.jsonForm) {
    const strings = (instr.ast as unknown as { getJSONStrings(): JsonString[] }).getJSONStrings();
    const words = strings.map((j) => {
      const r = j.getRange();
      const s = model.lines.offsetAt(r.start) - start;
      const e = model.lines.offsetAt(r.end) - start;
      const raw = j.getValue();
      return { value: jsonValue(j), raw, start: s, end: e, dynamic: false };
    });
    const commands: CommandInfo[] = [];
    if (words.length > 0) {
      commands.push(
        describeCommand({ name: words[0]!, args: words.slice(1), assignments: [], start: words[0]!.start, end: words[words.length - 1]!.end, substituted: false, index: 0 }, toRangeFrom(start)),
      );
    }
    return { form: 'exec', commands, mounts, bodyRange };
  }
  const body = model.text.slice(start, end);
  // getHeredocs() scans the whole instruction; only a body that starts with `<<` is a heredoc RUN.
  const heredocs = /^<<-?\s*["']?\w+/.test(body) ? heredocsOf(instr) : [];
  if (heredocs.length > 0) return heredocRun(model, heredocs, start, end, mounts, bodyRange);
  const script = parseRunShell(model, shellSource(model, start, end));
  const commands = script.commands.map((c) => describeCommand(c, toRangeFrom(start)));
  const info: RunInfo = { form: 'shell', script, scriptStart: start, commands, mounts, bodyRange };
  // `RUN bash -e <<EOF`: the shell reads its script from the heredoc, so the heredoc's commands are the RUN's.
  if (commands.length === 1 && readsScriptFromStdin(commands[0]!) && /<</.test(body)) {
    const only = heredocsOf(instr);
    if (only.length === 1) shellHeredoc(model, only[0]!, info, invocation(commands[0]!));
  }
  return info;
}

/** A heredoc as dockerfile-ast reads it. */
export interface AstHeredoc {
  getName(): string;
  getContentRange(): Range | null;
  getStartRange(): Range;
  getDelimiterRange(): Range | null;
}

/** dockerfile-ast's heredocs of an instruction (RUN, COPY, ADD); its scan throws on some half-typed lines. */
export function heredocsOf(instr: Instruction): AstHeredoc[] {
  try {
    return (instr.ast as unknown as { getHeredocs?: () => AstHeredoc[] }).getHeredocs?.() ?? [];
  } catch {
    // dockerfile-ast's heredoc scan throws on some half-typed `<<-x \` lines: read the body as shell then.
    return [];
  }
}

/** POSIX shells: a `#!` line or a command naming one runs the heredoc as shell commands. */
const POSIX_SHELLS: ReadonlySet<string> = new Set(['sh', 'bash', 'dash', 'ash', 'zsh', 'ksh', 'mksh']);

/** The program a `#!` line runs (`/usr/bin/env -S python3 -u` → `python3`). */
function shebangProgram(line: string): string {
  const words = line.trim().split(/\s+/);
  const base = (w: string | undefined): string => (w ?? '').split('/').pop()!;
  if (base(words[0]) !== 'env') return base(words[0]);
  return base(words.slice(1).find((w) => !w.startsWith('-') && !/^\w+=/.test(w)));
}

/** `bash`, `sh -e`, `bash -s x`: a shell given no script file and no `-c`, which reads its commands from stdin. */
function readsScriptFromStdin(c: CommandInfo): boolean {
  if (!POSIX_SHELLS.has(basename(c.name.value)) || c.redirects?.some((r) => /^\d*<$/.test(r.op))) return false;
  for (let i = 0; i < c.args.length; i++) {
    const v = c.args[i]!.value;
    if (v.startsWith('--') && v !== '--') continue;
    if (!/^[-+][A-Za-z]+$/.test(v)) return false;
    if (v.includes('c')) return false;
    // After `-s` the remaining words are the script's positional parameters.
    if (v.startsWith('-') && v.includes('s')) return true;
    // `-o pipefail`, `-euo pipefail`: the word after `o` is its value; long options (`--norc`) take none.
    if (v.endsWith('o')) i++;
  }
  return true;
}

/** The shell as invoked (`bash -euo pipefail`), which is what runs the heredoc. */
function invocation(c: CommandInfo): string {
  return [c.name.value, ...c.args.map((a) => a.value)].join(' ');
}

/** Reads a heredoc's content as the RUN's shell script (the RUN is then of the heredoc form: its script is not its body). */
function shellHeredoc(model: DockerfileModel, h: AstHeredoc, info: RunInfo, interpreter?: string): void {
  info.form = 'heredoc';
  const cr = h.getContentRange();
  if (!cr) {
    info.commands = [];
    delete info.script;
    delete info.scriptStart;
    if (interpreter) info.interpreter = interpreter;
    return;
  }
  const cs = model.lines.offsetAt(cr.start);
  const script = parseRunShell(model, model.text.slice(cs, model.lines.offsetAt(cr.end)));
  info.script = script;
  info.scriptStart = cs;
  info.commands = script.commands.map((c) => describeCommand(c, (a, b) => model.lines.rangeOf(cs + a, cs + b)));
  if (interpreter) info.interpreter = interpreter;
}

/**
 * A RUN whose body starts with a heredoc. Docker runs a lone `RUN <<EOF` body itself: with the program of its
 * `#!` line when it has one, with the SHELL otherwise. With more on the line (`RUN <<EOF python3`) the shell runs
 * that line with the heredoc as its input, so the heredoc is data unless a shell reads it.
 */
function heredocRun(model: DockerfileModel, heredocs: AstHeredoc[], start: number, end: number, mounts: Mount[], bodyRange: Range): RunInfo {
  const info: RunInfo = { form: 'heredoc', commands: [], mounts, bodyRange };
  const firstLine = /^[^\r\n]*/.exec(model.text.slice(start, end))![0];
  const h = heredocs[0]!;
  if (/^<<-?\s*(["']?)[A-Za-z_]\w*\1\s*$/.test(firstLine)) {
    const cr = h.getContentRange();
    const content = cr ? model.text.slice(model.lines.offsetAt(cr.start), model.lines.offsetAt(cr.end)) : '';
    const shebang = /^#!([^\r\n]*)/.exec(content);
    if (!shebang) {
      shellHeredoc(model, h, info);
      return info;
    }
    const program = shebangProgram(shebang[1]!);
    if (POSIX_SHELLS.has(program)) shellHeredoc(model, h, info, shebang[1]!.trim());
    else info.interpreter = shebang[1]!.trim();
    return info;
  }
  // The marker line as the shell reads it, with the heredoc operators and bodies blanked (same length, so offsets
  // still map): tree-sitter-bash cannot parse a heredoc written before the command name (`<<EOF python3`).
  let src = model.text.slice(start, end);
  const blank = (a: number, b: number): void => {
    if (a < start || b > end || a >= b) return;
    src = src.slice(0, a - start) + src.slice(a - start, b - start).replace(/[^\r\n]/g, ' ') + src.slice(b - start);
  };
  for (const d of heredocs) {
    blank(model.lines.offsetAt(d.getStartRange().start), model.lines.offsetAt(d.getStartRange().end));
    const cr = d.getContentRange();
    if (cr) blank(model.lines.offsetAt(cr.start), model.lines.offsetAt(cr.end));
    const dr = d.getDelimiterRange();
    if (dr) blank(model.lines.offsetAt(dr.start), model.lines.offsetAt(dr.end));
  }
  const script = parseRunShell(model, src);
  info.script = script;
  info.scriptStart = start;
  info.commands = script.commands.map((c) => describeCommand(c, (a, b) => model.lines.rangeOf(start + a, start + b)));
  if (info.commands.length === 1 && readsScriptFromStdin(info.commands[0]!) && heredocs.length === 1) shellHeredoc(model, h, info, invocation(info.commands[0]!));
  return info;
}

interface JsonString {
  getValue(): string;
  getJSONValue?(): string;
  getRange(): Range;
}

/** A JSON-form word's value: dockerfile-ast's getValue() keeps the quotes once the string has an escape (`"a\"b"` → `"a"b"`), its getJSONValue() decodes it. */
/** The words of an exec-form (JSON array) instruction, decoded (`["uv", "run", "app.py"]`); undefined for the shell form. */
export function execWords(instr: Instruction): string[] | undefined {
  if (!instr.jsonForm) return undefined;
  return (instr.ast as unknown as { getJSONStrings(): JsonString[] }).getJSONStrings().map(jsonValue);
}

function jsonValue(j: JsonString): string {
  return j.getJSONValue?.() ?? unjson(j.getValue());
}

function unjson(raw: string): string {
  try {
    return JSON.parse(raw.startsWith('"') && raw.endsWith('"') && raw.length >= 2 ? raw : `"${raw}"`) as string;
  } catch {
    return raw;
  }
}

function parseMount(f: Flag): Mount {
  const options: Record<string, string> = {};
  for (const part of (f.value ?? '').split(',')) {
    const eq = part.indexOf('=');
    if (eq < 0) options[part.trim()] = 'true';
    else options[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const m: Mount = { type: options['type'] ?? 'bind', options, range: f.range };
  const target = options['target'] ?? options['dst'] ?? options['destination'];
  if (target !== undefined) m.target = target;
  if (options['from'] !== undefined) m.from = options['from'];
  return m;
}

function copyInfo(instr: Instruction): CopyInfo {
  const info: CopyInfo = { isAdd: instr.keyword === 'ADD', sources: [], link: false };
  for (const f of instr.flags) {
    const n = f.name.toLowerCase();
    if (n === 'from' && f.value !== undefined) info.from = f.value;
    if (n === 'chown' && f.value !== undefined) info.chown = f.value;
    if (n === 'chmod' && f.value !== undefined) info.chmod = f.value;
    if (n === 'link') info.link = f.value === undefined || f.value === 'true';
  }
  let args = instr.args;
  if (instr.jsonForm) {
    const strings = (instr.ast as unknown as { getJSONStrings(): JsonString[] }).getJSONStrings();
    args = strings.map((j) => ({ value: jsonValue(j), raw: j.getValue(), range: j.getRange(), dynamic: j.getValue().includes('$') }));
  } else {
    args = args.filter((a) => !a.value.startsWith('--'));
    // `COPY <<EOF /app/x.txt`: the heredocs' bodies and terminators are file contents, not arguments; sources and
    // destination are the words written before the first body (the `<<EOF` words stand for the inline files).
    const bodies = heredocsOf(instr).map((h) => h.getContentRange()?.start ?? h.getDelimiterRange()?.start).filter((p): p is Position => p !== undefined);
    if (bodies.length) {
      const cut = bodies.reduce((a, b) => (b.line < a.line || (b.line === a.line && b.character < a.character) ? b : a));
      args = args.filter((a) => a.range.start.line < cut.line || (a.range.start.line === cut.line && a.range.start.character < cut.character));
    }
  }
  if (args.length >= 2) {
    info.sources = args.slice(0, -1);
    info.dest = args[args.length - 1]!;
  } else {
    info.sources = args;
  }
  return info;
}

function keyValues(model: DockerfileModel, instr: Instruction, ast: AstInstruction): KeyValue[] {
  const props = (ast as unknown as { getProperties?: () => { getName(): string; getValue(): string | null; getNameRange(): Range; getValueRange(): Range | null; getAssignmentOperator(): string | null }[] }).getProperties?.() ?? [];
  return props.map((p) => {
    const kv: KeyValue = {
      key: p.getName(),
      value: p.getValue() ?? '',
      keyRange: p.getNameRange(),
      legacy: instr.keyword === 'ENV' && p.getAssignmentOperator() === null && p.getValue() !== null,
    };
    const vr = p.getValueRange();
    if (vr) kv.valueRange = vr;
    void model;
    return kv;
  });
}

/** What dockerfile-ast's variable scan of a FROM asks its Dockerfile: only whether a name is defined, never used here. */
const NO_DEFINITIONS = { resolveVariable: (): undefined => undefined, getInitialARGs: (): never[] => [] };

/**
 * Runs `read` with the instruction's variables found once. dockerfile-ast's FROM getters (image name, tag, digest,
 * registry) call getVariables() several times each, only for where the variables are (so a `:` inside `${PY:-3}`
 * is not a tag), and every call resolves each variable against every FROM of the file: quadratic in the number of
 * stages. The scan is therefore run once, against a Dockerfile that defines nothing.
 */
function withVariablesRead<T>(ast: AstInstruction, read: () => T): T {
  const a = ast as unknown as { getVariables(): unknown[]; dockerfile: unknown };
  const dockerfile = a.dockerfile;
  a.dockerfile = NO_DEFINITIONS;
  let variables: unknown[];
  try {
    variables = a.getVariables();
  } finally {
    a.dockerfile = dockerfile;
  }
  a.getVariables = () => variables;
  try {
    return read();
  } finally {
    delete (a as Partial<typeof a>).getVariables;
  }
}

function fromInfo(model: DockerfileModel, ast: AstInstruction, argDefaults: Map<string, string>): FromInfo | undefined {
  const f = ast as unknown as {
    getImage(): string | null;
    getImageRange(): Range | null;
    getImageNameRange(): Range | null;
    getImageTagRange(): Range | null;
    getImageDigestRange(): Range | null;
    getPlatformFlag(): { getValue(): string | null } | null;
  };
  const raw = f.getImage();
  const imageRange = f.getImageRange();
  if (!raw || !imageRange) return undefined;
  const image = substitute(raw, argDefaults);
  const ref = parseImageRef(image);
  const info: FromInfo = { image, ref, facts: imageFacts(ref), imageRange };
  const nr = f.getImageNameRange();
  if (nr) info.nameRange = nr;
  const tr = f.getImageTagRange();
  if (tr) info.tagRange = tr;
  const dr = f.getImageDigestRange();
  if (dr) info.digestRange = dr;
  const platform = f.getPlatformFlag()?.getValue();
  if (platform) info.platform = platform;
  if (!ref.tag && !ref.digest && !ref.registry) {
    const stage = resolveStageRef(model, image);
    if (stage !== undefined) {
      info.stage = stage;
      const parent = model.stages[stage]!;
      info.facts = parent.from.facts;
    }
  }
  return info;
}
