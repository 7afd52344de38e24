// ShellCheck on RUN bodies, the core half: the checker interface handed in from outside, the shell and variables a RUN sees, and the mapping of ShellCheck's positions back onto the Dockerfile.
//
// The core never starts a process: the Node side (server/src/node/shellcheck.ts) implements `ShellChecker` and
// the CLI or the server hands it in through the lint options, only where running a binary is allowed.
import type { Range, Severity } from './types';
import type { DockerfileModel, Instruction, Stage } from './model/dockerfile';

/** ShellCheck's dialects (`--shell=`). */
export type ShellDialect = 'sh' | 'bash' | 'dash' | 'ksh';

/** One ShellCheck comment, positions relative to the script that was checked (1-based, as json1 reports them). */
export interface ShellCheckFinding {
  /** Numeric code: 2086 for SC2086. */
  code: number;
  level: 'error' | 'warning' | 'info' | 'style';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** One RUN body to check (the arguments of `ShellChecker.check`). */
export interface ShellCheckJob {
  readonly script: string;
  readonly shell: ShellDialect;
  readonly knownVars: readonly string[];
}

export interface ShellChecker {
  /**
   * Checks `script` as `shell`, with `knownVars` exported before it. Returns undefined when ShellCheck is not
   * available (binary missing); an empty list when the script is clean or ShellCheck timed out.
   */
  check(script: string, shell: ShellDialect, knownVars: readonly string[]): ShellCheckFinding[] | undefined;
  /** Every body of a file at once (one ShellCheck process per file and dialect, not per RUN); answers as `check`. */
  checkMany?(jobs: readonly ShellCheckJob[]): (ShellCheckFinding[] | undefined)[];
}

let processChecker: ShellChecker | undefined;

/** Registers the checker used when lint options do not hand one in (the Node runtime sets it at start-up). */
export function setDefaultShellChecker(checker: ShellChecker | undefined): void {
  processChecker = checker;
}

export function defaultShellChecker(): ShellChecker | undefined {
  return processChecker;
}

/** Variables Docker and BuildKit predefine for every RUN (the proxy variables), so ShellCheck's SC2154 stays quiet about them. */
export const PREDEFINED_VARS = ['HTTP_PROXY', 'http_proxy', 'HTTPS_PROXY', 'https_proxy', 'FTP_PROXY', 'ftp_proxy', 'NO_PROXY', 'no_proxy'];

/**
 * ShellCheck codes never reported: ash is checked as dash (SC2187 says so), and files a RUN sources live in the
 * image, not next to the Dockerfile, so ShellCheck can neither follow them (SC1091) nor be told where they are (SC1090).
 */
export const EXCLUDED_CODES = [2187, 1090, 1091];

export function severityOf(level: ShellCheckFinding['level']): Severity {
  return level === 'style' ? 'hint' : level;
}

/**
 * The ShellCheck dialect for a shell command line (`/bin/bash -eo pipefail -c`, `powershell`), or undefined for
 * shells ShellCheck cannot check (PowerShell, cmd.exe, zsh, fish).
 */
export function dialectFor(shell: string): ShellDialect | undefined {
  const first = shell.trim().split(/\s+/)[0] ?? '';
  const base = first.replace(/\\/g, '/').split('/').pop()!.toLowerCase().replace(/\.exe$/, '');
  if (base === 'sh' || base === '') return 'sh';
  if (base === 'bash') return 'bash';
  if (base === 'dash' || base === 'ash' || base === 'busybox') return 'dash';
  if (base === 'ksh' || base === 'mksh' || base === 'ksh93') return 'ksh';
  return undefined;
}

/** The shell a RUN runs with: the nearest SHELL of its stage or of the stages it is built FROM, else a `# hadolint shell=` pragma above it, else `/bin/sh`. */
export function shellInEffect(model: DockerfileModel, instr: Instruction): string {
  for (let stage: Stage | undefined = model.stages[instr.stage], limit = instr.index; stage; ) {
    const shells = shellsOf(model, stage);
    for (let k = shells.length - 1; k >= 0; k--) if (shells[k]!.index < limit) return shells[k]!.shell;
    const parent: number | undefined = stage.from.stage;
    limit = Number.POSITIVE_INFINITY;
    stage = parent !== undefined ? model.stages[parent] : undefined;
  }
  if (instr.stage < 0) {
    for (let k = instr.index - 1; k >= 0; k--) {
      const i = model.instructions[k]!;
      const words = i.keyword === 'SHELL' ? shellWords(model, i) : [];
      if (words.length) return words.join(' ');
    }
  }
  let pragma: string | undefined;
  for (const p of shellPragmas(model)) {
    if (p.line >= instr.startLine) break;
    pragma = p.shell;
  }
  return pragma ?? '/bin/sh -c';
}

/** `# hadolint shell=…` lines of a model, in line order, found once per model instead of once per RUN. */
const pragmasOf = new WeakMap<DockerfileModel, { line: number; shell: string }[]>();

/** The SHELL instructions of each stage that name a shell, in order: found once per model, not once per RUN. */
const shellsByStage = new WeakMap<DockerfileModel, Map<Stage, { index: number; shell: string }[]>>();

function shellsOf(model: DockerfileModel, stage: Stage): { index: number; shell: string }[] {
  let byStage = shellsByStage.get(model);
  if (!byStage) shellsByStage.set(model, (byStage = new Map()));
  let found = byStage.get(stage);
  if (!found) {
    found = [];
    for (const i of stage.instructions) {
      if (i.keyword !== 'SHELL') continue;
      const words = shellWords(model, i);
      if (words.length) found.push({ index: i.index, shell: words.join(' ') });
    }
    byStage.set(stage, found);
  }
  return found;
}

function shellPragmas(model: DockerfileModel): { line: number; shell: string }[] {
  let found = pragmasOf.get(model);
  if (!found) {
    found = [];
    // Most files have no pragma: one scan of the text saves matching every line.
    if (!/hadolint/i.test(model.text)) {
      pragmasOf.set(model, found);
      return found;
    }
    for (let line = 0; line < model.lines.lineCount; line++) {
      const m = /^\s*#\s*hadolint\s+shell\s*=\s*(\S+)/i.exec(model.lines.lineText(line));
      if (m) found.push({ line, shell: m[1]! });
    }
    pragmasOf.set(model, found);
  }
  return found;
}

/** The words of a SHELL instruction written as a JSON array. */
export function shellWords(model: DockerfileModel, instr: Instruction): string[] {
  if (!instr.argsRange) return [];
  try {
    const v: unknown = JSON.parse(model.lines.slice(instr.argsRange).replace(/\\\r?\n/g, ''));
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/**
 * ARG and ENV names a RUN sees: the predefined proxy variables, then those declared in its stage and the stages it
 * is built FROM. An ONBUILD trigger runs in a later build where this file's ARGs are not declared, so it sees only
 * the ENV names the image carries.
 */
export function knownVariables(model: DockerfileModel, instr: Instruction, onbuild = false): string[] {
  const names = new Set(PREDEFINED_VARS);
  const declared = (i: Instruction) => [...(i.env ?? []), ...(onbuild ? [] : (i.argDecls ?? []))];
  for (let stage: Stage | undefined = model.stages[instr.stage], limit = instr.index; stage; ) {
    for (const i of stage.instructions) {
      if (i.index >= limit) break;
      for (const kv of declared(i)) names.add(kv.key);
    }
    const parent: number | undefined = stage.from.stage;
    limit = Number.POSITIVE_INFINITY;
    stage = parent !== undefined ? model.stages[parent] : undefined;
  }
  if (instr.stage < 0) for (const i of model.instructions) if (i.index < instr.index) for (const kv of declared(i)) names.add(kv.key);
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n)).sort();
}

/** The text given to ShellCheck: one `export` line for the known variables, then the RUN body unchanged. */
export function scriptFor(body: string, knownVars: readonly string[]): { script: string; prefixLines: number } {
  if (knownVars.length === 0) return { script: body, prefixLines: 0 };
  return { script: `export ${knownVars.map((v) => `${v}=1`).join(' ')}\n${body}`, prefixLines: 1 };
}

/**
 * Maps a finding's 1-based line/column (json1 counts a tab as one column) inside `body` onto document offsets:
 * `bodyStart` is the document offset of the body's first character, and the body has the document's length.
 */
export function findingOffsets(body: string, f: ShellCheckFinding, prefixLines: number): { start: number; end: number } | undefined {
  const lineStarts = [0];
  for (let i = 0; i < body.length; i++) if (body[i] === '\n') lineStarts.push(i + 1);
  const at = (line: number, column: number): number | undefined => {
    const l = line - 1 - prefixLines;
    if (l < 0 || l >= lineStarts.length) return undefined;
    const lineEnd = l + 1 < lineStarts.length ? lineStarts[l + 1]! - 1 : body.length;
    return Math.min(lineStarts[l]! + Math.max(0, column - 1), lineEnd);
  };
  const start = at(f.line, f.column);
  if (start === undefined) return undefined;
  const end = at(f.endLine, f.endColumn) ?? start;
  return { start, end: Math.max(start, end) };
}

/** Document range of a finding, given the document offset of the body start. */
export function findingRange(model: DockerfileModel, bodyStart: number, body: string, f: ShellCheckFinding, prefixLines: number): Range | undefined {
  const o = findingOffsets(body, f, prefixLines);
  return o ? model.lines.rangeOf(bodyStart + o.start, bodyStart + o.end) : undefined;
}
