// Parses RUN bodies with tree-sitter-bash (error-tolerant, exact offsets) into simple commands with their words.
//
// Why tree-sitter-bash (through web-tree-sitter's wasm build): it is actively maintained, recovers from the
// half-typed lines an editor sees on every keystroke, reports UTF-16 offsets that map one-to-one onto the
// Dockerfile, and needs no native build. The wasm bytes are handed in by the caller, so this module stays free
// of file-system access.
import { Language, Parser, type Node } from 'web-tree-sitter';

export interface ShellWord {
  /** The word as the shell would see it after quote removal; expansions are kept verbatim. */
  value: string;
  /** The word's text in the script. */
  raw: string;
  /** Offsets into the parsed script. */
  start: number;
  end: number;
  /** True when the value depends on a variable, command substitution or glob. */
  dynamic: boolean;
}

export interface ShellCommand {
  name: ShellWord;
  args: ShellWord[];
  /** `VAR=value` assignments written before the command name. */
  assignments: { name: string; value: string; start: number; end: number }[];
  start: number;
  end: number;
  /** Inside `$(…)`, backquotes or a process substitution. */
  substituted: boolean;
  /** Position in the script, in source order. */
  index: number;
  /** File redirections that apply to the command (its own, or of a `{ …; }` / subshell around it): `>`, `>>`, `<`, `2>`, `&>`, …; `start`/`end` span the whole redirection (`2>err.log`). */
  redirects?: { op: string; target: ShellWord; start: number; end: number }[];
}

export interface ShellScript {
  source: string;
  commands: ShellCommand[];
  /** The parse had syntax errors (the commands found are still reported). */
  hasErrors: boolean;
  /** `export`/`declare`/`local`/`readonly` assignments (`export PIP_NO_CACHE_DIR=1`), in source order. */
  declarations: { keyword: string; name: string; value: string; start: number; end: number }[];
  /** Shell variables set by a statement of their own (`saved="$(apt-mark showmanual)"`), in source order; not exported. */
  assignments?: { name: string; value: string; start: number; end: number }[];
  /** Offsets of `&&`, `||`, `;` and `|` operators that join top-level commands, with their text. */
  operators: { op: string; start: number; end: number }[];
  /** Some commands nest deeper than MAX_NESTING substitutions or groups and are not listed: what the script does is not fully known. */
  truncated?: boolean;
  /**
   * The body was not parsed at all: it is longer than one RUN may be (`'run'`, MAX_RUN_SHELL) or the file's
   * RUN bodies together passed MAX_FILE_SHELL before it (`'file'`). No command is listed; its effects are unknown.
   */
  skipped?: 'run' | 'file';
}

/** The longest RUN body the shell parse reads (real ones stay under 10 KB): past it a hostile file could block the server for seconds. */
export const MAX_RUN_SHELL = 64 * 1024;
/** All RUN bodies of one file together: about 50,000 commands, which the model and rules handle in about a second. */
export const MAX_FILE_SHELL = 256 * 1024;

/** A script that was not parsed (see ShellScript.skipped). */
export function skippedScript(source: string, why: 'run' | 'file'): ShellScript {
  return { source, commands: [], hasErrors: false, operators: [], declarations: [], truncated: true, skipped: why };
}

/** How many substitutions, subshells, groups and compound commands deep the walk lists commands; real scripts stay far below. */
export const MAX_NESTING = 64;
const NESTING = new Set(['command_substitution', 'process_substitution', 'subshell', 'compound_statement', 'if_statement', 'while_statement', 'for_statement', 'c_style_for_statement', 'case_statement', 'function_definition']);

interface Frame {
  node: Node;
  substituted: boolean;
  redirects: ShellCommand['redirects'];
  nesting: number;
  /** Words after a redirection's target (`pip install a>=1 b`: `b`), which are the command's arguments. */
  trailing?: ShellWord[];
}

let parser: Parser | undefined;

export interface ShellWasm {
  /** Bytes of web-tree-sitter's `tree-sitter.wasm`. */
  runtime: Uint8Array;
  /** Bytes of `tree-sitter-bash.wasm`. */
  bash: Uint8Array;
}

/** Loads the parser once per process. Safe to call again; later calls are no-ops. */
export async function initShellParser(wasm: ShellWasm): Promise<void> {
  if (parser) return;
  await Parser.init({ wasmBinary: wasm.runtime });
  const language = await Language.load(wasm.bash);
  const p = new Parser();
  p.setLanguage(language);
  parser = p;
}

export function shellParserReady(): boolean {
  return parser !== undefined;
}

const cache = new Map<string, ShellScript>();
const CACHE_LIMIT = 2000;

/** Drops cached parses (benchmarks measure cold parsing with it). */
export function clearShellCache(): void {
  cache.clear();
}

/** Parses a POSIX/bash script. Results are cached by source text: the same RUN body is parsed once. */
export function parseShell(source: string): ShellScript {
  const hit = cache.get(source);
  if (hit) return hit;
  if (!parser) throw new Error('shell parser not initialised: call initShellParser first');
  const tree = parser.parse(source);
  if (!tree) return { source, commands: [], hasErrors: true, operators: [], declarations: [] };
  const commands: ShellCommand[] = [];
  const operators: ShellScript['operators'] = [];
  const declarations: ShellScript['declarations'] = [];
  const assignments: NonNullable<ShellScript['assignments']> = [];
  // An explicit stack, not recursion: a RUN body nests as deep as its author (or a hostile repository) writes it,
  // and about 900 quoted `$( … )` used to overflow the call stack. Children are pushed in reverse so they are
  // taken in source order, as a recursive walk would (declarations are kept in that order).
  let truncated = false;
  const stack: Frame[] = [{ node: tree.rootNode, substituted: false, redirects: undefined, nesting: 0 }];
  const push = (node: Node, substituted: boolean, redirects: ShellCommand['redirects'], nesting: number): Frame => ({ node, substituted, redirects, nesting: nesting + (NESTING.has(node.type) ? 1 : 0) });
  while (stack.length > 0) {
    const { node, substituted, redirects, nesting, trailing } = stack.pop()!;
    if (nesting > MAX_NESTING) {
      // Past the limit the commands are not listed; the script says so and its effects count as unknown.
      truncated = true;
      continue;
    }
    const later: Frame[] = [];
    if (node.type === 'redirected_statement') {
      const own: NonNullable<ShellCommand['redirects']> = [...(redirects ?? [])];
      const trailing: ShellWord[] = [];
      for (const r of node.childrenForFieldName('redirect')) {
        if (r?.type !== 'file_redirect') continue;
        const dests = r.childrenForFieldName('destination').filter((d): d is Node => d !== null);
        const op = r.children.find((c) => c && !c.isNamed)?.type ?? '>';
        const dest = dests[0];
        // tree-sitter-bash hangs the words after the target (`> f b`) on the redirection; the shell passes them to the command.
        for (const d of dests.slice(1)) trailing.push(wordOf(d, source));
        if (dest) own.push({ op, target: wordOf(dest, source), start: r.startIndex, end: dest.endIndex });
      }
      const body = node.childForFieldName('body');
      for (const child of node.namedChildren) if (child && child.id !== body?.id && child.type !== 'file_redirect') later.push(push(child, substituted || child.type === 'command_substitution', redirects, nesting));
      if (body && (body.type === 'list' || body.type === 'pipeline')) {
        // `a && b > f`: the redirection belongs to the last command only, as the shell reads it.
        const parts = body.namedChildren.filter((c): c is Node => c !== null);
        parts.forEach((c, i) => later.push(push(c, substituted, i === parts.length - 1 ? own : redirects, nesting)));
        for (const child of body.children) {
          if (child && !child.isNamed && ['&&', '||', ';', '|', '&', '|&'].includes(child.type)) operators.push({ op: child.type, start: child.startIndex, end: child.endIndex });
        }
      } else if (body) {
        const frame = push(body, substituted, own, nesting);
        if (trailing.length > 0 && body.type === 'command') frame.trailing = trailing;
        later.push(frame);
      }
    } else {
      if (node.type === 'declaration_command') {
        const keyword = node.children[0]?.text ?? '';
        for (const child of node.namedChildren) {
          if (child?.type !== 'variable_assignment') continue;
          const n = child.childForFieldName('name');
          const v = child.childForFieldName('value');
          declarations.push({ keyword, name: n ? n.text : '', value: v ? wordOf(v, source).value : '', start: child.startIndex, end: child.endIndex });
        }
      }
      if (node.type === 'variable_assignment' && node.parent?.type !== 'command' && node.parent?.type !== 'declaration_command') {
        const n = node.childForFieldName('name');
        const v = node.childForFieldName('value');
        assignments.push({ name: n ? n.text : '', value: v ? wordOf(v, source).value : '', start: node.startIndex, end: node.endIndex });
      }
      if (node.type === 'command') {
        const cmd = toCommand(node, source, substituted, commands.length);
        if (cmd && redirects?.length) cmd.redirects = redirects;
        if (cmd && trailing) cmd.args = [...cmd.args, ...trailing].sort((a, b) => a.start - b.start);
        if (cmd) commands.push(cmd);
      }
      if (node.type === 'list' || node.type === 'pipeline' || node.type === 'program') {
        for (const child of node.children) {
          if (child && !child.isNamed && ['&&', '||', ';', '|', '&', '|&'].includes(child.type)) {
            operators.push({ op: child.type, start: child.startIndex, end: child.endIndex });
          }
        }
      }
      const inner = substituted || node.type === 'command_substitution' || node.type === 'process_substitution';
      // A redirection outside a group reaches every command inside it; one inside `$(…)` does not reach out.
      for (const child of node.namedChildren) if (child) later.push(push(child, inner, inner && !substituted ? undefined : redirects, nesting));
    }
    for (let i = later.length - 1; i >= 0; i--) stack.push(later[i]!);
  }
  commands.sort((a, b) => a.start - b.start);
  commands.forEach((c, i) => (c.index = i));
  operators.sort((a, b) => a.start - b.start);
  const result: ShellScript = { source, commands, hasErrors: tree.rootNode.hasError, operators, declarations, ...(assignments.length ? { assignments } : {}), ...(truncated ? { truncated: true } : {}) };
  tree.delete();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(source, result);
  return result;
}

function toCommand(node: Node, source: string, substituted: boolean, index: number): ShellCommand | undefined {
  const nameNode = node.childForFieldName('name');
  if (!nameNode) return undefined;
  const assignments: ShellCommand['assignments'] = [];
  const args: ShellWord[] = [];
  for (const child of node.namedChildren) {
    if (!child) continue;
    if (child.type === 'variable_assignment') {
      const n = child.childForFieldName('name');
      const v = child.childForFieldName('value');
      assignments.push({
        name: n ? n.text : '',
        value: v ? wordOf(v, source).value : '',
        start: child.startIndex,
        end: child.endIndex,
      });
    }
  }
  const argNodes = node.childrenForFieldName('argument');
  for (const a of argNodes) if (a) args.push(wordOf(a, source));
  return {
    name: wordOf(nameNode, source),
    args,
    assignments,
    start: node.startIndex,
    end: node.endIndex,
    substituted,
    index,
  };
}

function wordOf(node: Node, source: string): ShellWord {
  const { value, dynamic } = unquote(node);
  return { value, raw: source.slice(node.startIndex, node.endIndex), start: node.startIndex, end: node.endIndex, dynamic };
}

function unquote(node: Node): { value: string; dynamic: boolean } {
  switch (node.type) {
    case 'command_name': {
      const first = node.namedChildren[0];
      return first ? unquote(first) : { value: node.text, dynamic: false };
    }
    case 'word':
    case 'number':
      return { value: unescapeWord(node.text), dynamic: /[*?[]/.test(node.text) && !/\\[*?[]/.test(node.text) };
    case 'raw_string':
      return { value: node.text.slice(1, -1), dynamic: false };
    case 'ansi_c_string':
      return { value: node.text.slice(2, -1), dynamic: false };
    case 'string': {
      // Double quotes: keep expansions verbatim, drop the quotes and the escapes that matter inside them.
      let value = '';
      let dynamic = false;
      const text = node.text;
      const base = node.startIndex;
      let cursor = base + 1;
      for (const child of node.namedChildren) {
        if (!child) continue;
        value += text.slice(cursor - base, child.startIndex - base);
        if (child.type === 'string_content') value += child.text.replace(/\\([$`"\\\n])/g, '$1');
        else {
          value += child.text;
          dynamic = true;
        }
        cursor = child.endIndex;
      }
      value += text.slice(cursor - base, Math.max(cursor - base, text.length - 1));
      return { value, dynamic };
    }
    case 'concatenation': {
      let value = '';
      let dynamic = false;
      for (const child of node.namedChildren) {
        if (!child) continue;
        const part = unquote(child);
        value += part.value;
        dynamic ||= part.dynamic;
      }
      // Unnamed pieces of a concatenation (e.g. `=` in `--opt=$X`) are not children we visited; fall back to
      // the raw text when lengths disagree badly, so a value is never silently truncated.
      if (node.namedChildren.length === 0) value = unescapeWord(node.text);
      else if (node.children.length !== node.namedChildren.length) value = rebuildConcatenation(node);
      return { value, dynamic };
    }
    case 'simple_expansion':
    case 'expansion':
    case 'command_substitution':
    case 'process_substitution':
    case 'arithmetic_expansion':
      return { value: node.text, dynamic: true };
    default:
      return { value: node.text, dynamic: true };
  }
}

function rebuildConcatenation(node: Node): string {
  let value = '';
  for (const child of node.children) {
    if (!child) continue;
    value += child.isNamed ? unquote(child).value : child.text;
  }
  return value;
}

function unescapeWord(text: string): string {
  // Backslash-newline is a line continuation; any other backslash quotes the next character.
  return text.replace(/\\\r?\n/g, '').replace(/\\(.)/g, '$1');
}
