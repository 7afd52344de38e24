// An independent reading of Dockerfiles and the rewrite contract checked with it: fuzzing and the fixture property suite judge rewrites by this, never by the product's model or rules.
//
// Nothing here imports server/src/core: the splitter (parser directives, the escape character, continuations,
// comments inside continuations, heredocs, BOM, CRLF), the small shell word reader and the recognizer of the
// files an install reads from the build context are written again, on purpose, so a bug shared with the product
// cannot hide itself.

export const KEYWORDS: ReadonlySet<string> = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const HEREDOC_KEYWORDS: ReadonlySet<string> = new Set(['RUN', 'COPY', 'ADD']);

/** Something a Docker build would read differently from what the author wrote. */
export type ProblemKind = 'unterminated-heredoc' | 'swallowed-instruction' | 'unknown-instruction' | 'continued-comment' | 'from-without-name';

export interface OracleProblem {
  kind: ProblemKind;
  line: number;
  text: string;
}

export interface OInstruction {
  /** Upper-cased keyword as written (an unknown one too). */
  keyword: string;
  /** Arguments: the physical lines joined as BuildKit joins them (escape and newline removed, comment lines dropped). */
  args: string;
  /** Heredoc bodies, in order. */
  heredocs: { name: string; body: string }[];
  /** 0-based first physical line. */
  line: number;
  stage: number;
  /** The file's escape character (`\\` or a backtick): ENV, LABEL and ARG values are unquoted with it. */
  escape: string;
}

export interface OStage {
  image: string;
  name?: string;
  instructions: OInstruction[];
}

export interface OracleReading {
  escape: string;
  instructions: OInstruction[];
  /** Instructions before the first FROM (ARG) are not in a stage. */
  stages: OStage[];
  problems: OracleProblem[];
}

// ---------------------------------------------------------------------------------------------------------------
// Splitting

const DIRECTIVE = /^#\s*([A-Za-z_]+)\s*=\s*(.*?)\s*$/;

/** Reads a Dockerfile the way BuildKit's parser does, as far as the contract needs. */
export function readDockerfile(input: string): OracleReading {
  const text = input.startsWith('\uFEFF') ? input.slice(1) : input;
  const lines = text.split(/\r\n|\r|\n/);
  let escape = '\\';
  let i = 0;
  // Parser directives: only at the very top, before any comment, blank line or instruction.
  for (; i < lines.length; i++) {
    const m = DIRECTIVE.exec(lines[i]!);
    if (!m) break;
    if (m[1]!.toLowerCase() === 'escape' && (m[2] === '`' || m[2] === '\\')) escape = m[2];
  }
  const continued = (l: string): boolean => {
    const t = l.replace(/[ \t]+$/, '');
    return t.endsWith(escape);
  };
  const strip = (l: string): string => l.replace(/[ \t]+$/, '').slice(0, -1);
  const out: OInstruction[] = [];
  const stages: OStage[] = [];
  const problems: OracleProblem[] = [];
  i = 0;
  while (i < lines.length) {
    const first = lines[i]!;
    if (/^[ \t]*$/.test(first) || /^[ \t]*#/.test(first)) {
      i++;
      continue;
    }
    const start = i;
    let joined = '';
    let physical: string[] = [];
    let line = first;
    for (;;) {
      physical.push(line);
      if (!continued(line)) {
        joined += line;
        i++;
        break;
      }
      joined += strip(line);
      i++;
      // Comment and empty lines inside a continuation are dropped; the instruction goes on after them.
      while (i < lines.length && (/^[ \t]*#/.test(lines[i]!) || /^[ \t]*$/.test(lines[i]!))) i++;
      if (i >= lines.length) break; // a trailing escape at the end of the file ends the instruction
      line = lines[i]!;
      // A continuation line that reads like an instruction of its own was swallowed by the escape before it. Not
      // when nothing came before it: a line holding only the escape character starts the instruction on the next one.
      const w = /^\s*([A-Z]+)(\s|$)/.exec(line);
      if (w && KEYWORDS.has(w[1]!) && joined.trim() !== '') problems.push({ kind: 'swallowed-instruction', line: i, text: line.trim() });
    }
    const m = /^[ \t]*([^ \t]*)[ \t]*([\s\S]*)$/.exec(joined)!;
    if (!m[1]) continue;
    const keyword = m[1].toUpperCase();
    const args = m[2]!;
    if (!KEYWORDS.has(keyword)) problems.push({ kind: 'unknown-instruction', line: start, text: m[1]! });
    const heredocs: { name: string; body: string }[] = [];
    if (HEREDOC_KEYWORDS.has(keyword) || (keyword === 'ONBUILD' && /^\s*(RUN|COPY|ADD)\b/i.test(args))) {
      for (const h of heredocMarkers(args)) {
        const body: string[] = [];
        let closed = false;
        while (i < lines.length) {
          const l = lines[i]!;
          i++;
          if ((h.dash ? l.replace(/^\t+/, '') : l) === h.name) {
            closed = true;
            break;
          }
          body.push(h.dash ? l.replace(/^\t+/, '') : l);
        }
        if (!closed) problems.push({ kind: 'unterminated-heredoc', line: start, text: `<<${h.name}` });
        heredocs.push({ name: h.name, body: body.join('\n') });
      }
    }
    if (keyword === 'RUN') for (const p of continuedComments(physical, escape)) problems.push({ kind: 'continued-comment', line: start + p, text: physical[p]!.trim() });
    physical = [];
    const instr: OInstruction = { keyword, args: args.replace(/\s+$/, ''), heredocs, line: start, stage: stages.length - 1, escape };
    if (keyword === 'FROM') {
      const words = args.split(/\s+/).filter((w) => w && !w.startsWith('--'));
      if (words.length === 2 && words[1]!.toLowerCase() === 'as') problems.push({ kind: 'from-without-name', line: start, text: joined.trim() });
      stages.push({ image: words[0] ?? '', ...(words.length >= 3 && words[1]!.toLowerCase() === 'as' ? { name: words[2]!.toLowerCase() } : {}), instructions: [] });
      instr.stage = stages.length - 1;
    }
    out.push(instr);
    if (instr.stage >= 0) stages[instr.stage]!.instructions.push(instr);
  }
  return { escape, instructions: out, stages, problems };
}

/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'E"O"F'` in an instruction's first line (not `<<<`). */
function heredocMarkers(args: string): { name: string; dash: boolean }[] {
  const out: { name: string; dash: boolean }[] = [];
  const re = /(^|[^<])<<(-?)([^\s<>|&;()]+)/g;
  for (let m; (m = re.exec(args)); ) {
    const name = m[3]!.replace(/["']/g, '');
    if (!name || /^\d/.test(name) && /^\d+$/.test(name)) continue;
    if (!/^[A-Za-z_]/.test(name)) continue;
    out.push({ name, dash: m[2] === '-' });
  }
  return out;
}

/**
 * Physical lines of a RUN whose shell comment is continued onto the next line: Docker joins the lines before the
 * shell runs, so whatever follows is inside the comment.
 */
function continuedComments(physical: string[], escape: string): number[] {
  const out: number[] = [];
  let quote = '';
  for (let p = 0; p < physical.length - 1; p++) {
    let l = physical[p]!;
    if (p === 0) l = l.replace(/^\s*\S+/, ''); // the keyword
    for (let k = 0; k < l.length; k++) {
      const c = l[k]!;
      if (quote) {
        if (c === quote) quote = '';
        else if (c === '\\' && quote === '"') k++;
        continue;
      }
      if (c === '\\' && escape !== '\\') {
        k++;
        continue;
      }
      if (c === '\\' && k < l.length - 1) {
        k++;
        continue;
      }
      if (c === "'" || c === '"') quote = c;
      else if (c === '#' && (k === 0 || /\s/.test(l[k - 1]!))) {
        out.push(p);
        break;
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Shell words

export type Command = string[];

/** Shell commands (words, quotes removed) of a shell text: split at `&&`, `||`, `;`, `|`, `&`, newlines and brackets. */
export function shellCommands(text: string, esc = '\\'): Command[] {
  const out: Command[] = [];
  const nested: Command[] = [];
  let cmd: string[] = [];
  let word = '';
  let inWord = false;
  const endWord = (): void => {
    if (inWord) cmd.push(word);
    word = '';
    inWord = false;
  };
  const endCmd = (): void => {
    endWord();
    if (cmd.length) out.push(cmd);
    cmd = [];
  };
  for (let k = 0; k < text.length; k++) {
    const c = text[k]!;
    if (c === "'") {
      const e = text.indexOf("'", k + 1);
      word += e < 0 ? text.slice(k + 1) : text.slice(k + 1, e);
      inWord = true;
      k = e < 0 ? text.length : e;
    } else if (c === '"') {
      let k2 = k + 1;
      for (; k2 < text.length && text[k2] !== '"'; k2++) {
        if (text[k2] === '$' && text[k2 + 1] === '(') {
          const e = closing(text, k2 + 1);
          nested.push(...shellCommands(text.slice(k2 + 2, e)));
          word += '$(…)';
          k2 = e;
          continue;
        }
        if (text[k2] === esc && k2 + 1 < text.length) k2++;
        word += text[k2];
      }
      inWord = true;
      k = k2;
    } else if (c === esc && k + 1 < text.length) {
      // A shell line continuation joins words; it is not a character of one.
      if (text[k + 1] !== '\n') {
        word += text[k + 1];
        inWord = true;
      }
      k++;
    } else if (c === '$' && text[k + 1] === '(') {
      // $( … ) is one word here; its commands are commands too
      const k2 = closing(text, k + 1);
      nested.push(...shellCommands(text.slice(k + 2, k2)));
      word += '$(…)';
      inWord = true;
      k = k2;
    } else if (c === '#' && !inWord) {
      const e = text.indexOf('\n', k);
      k = e < 0 ? text.length : e - 1;
    } else if (/[;&|\n(){}]/.test(c)) {
      endCmd();
    } else if (/\s/.test(c)) {
      endWord();
    } else {
      word += c;
      inWord = true;
    }
  }
  endCmd();
  out.push(...nested);
  return out.filter((c) => !(c.length === 1 && (c[0] === 'then' || c[0] === 'do' || c[0] === 'fi' || c[0] === 'done' || c[0] === 'else')));
}

/** The index of the `)` closing the `(` at `open` (brackets counted), or the end of the text. */
function closing(text: string, open: number): number {
  let depth = 0;
  for (let k = open; k < text.length; k++) {
    if (text[k] === '(') depth++;
    else if (text[k] === ')' && --depth === 0) return k;
  }
  return text.length;
}

/** Exec-form words (`["a", "b"]`), or undefined for shell form. */
export function execWords(args: string): string[] | undefined {
  const t = args.trim();
  if (!t.startsWith('[')) return undefined;
  try {
    const v = JSON.parse(t) as unknown;
    return Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  } catch {
    return undefined;
  }
}

/** Words of CMD/ENTRYPOINT/HEALTHCHECK CMD, both forms, with a `sh -c "…"` wrapper read as the shell text it runs. */
function commandLineWords(args: string): string[] {
  let words = execWords(args);
  if (words && words.length === 3 && /^(\/bin\/)?(ba)?sh$/.test(words[0]!) && words[1] === '-c') words = shellCommands(words[2]!).flat();
  return words ?? shellCommands(args).flat();
}

/** The commands a RUN runs: its shell text, exec words, and heredoc bodies it feeds to a shell. */
export function runCommands(instr: OInstruction): Command[] {
  const args = instr.args.replace(/^(\s*--\S*)+\s*/, '');
  const exec = execWords(args);
  if (exec) return exec.length ? [exec] : [];
  const line = args.replace(/<<-?\S+/g, ' ');
  const cmds = shellCommands(line);
  const shellOnly = cmds.length === 0 || cmds.every((c) => /^(\/bin\/)?(ba)?sh$/.test(c[0]!) || c[0] === 'set');
  if (shellOnly) for (const h of instr.heredocs) cmds.push(...shellCommands(h.body));
  return cmds;
}

// ---------------------------------------------------------------------------------------------------------------
// Normalized identities, for "is this original instruction still there"

function base(w: string): string {
  return w.replace(/^.*\//, '');
}

/** The command without what only wraps it: variable assignments, `sudo`, `exec`, and shell keywords before it. */
function stripPrefix(cmd: Command): string[] {
  let i = 0;
  while (i < cmd.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[i]!) || ['sudo', 'exec', 'command', '--', 'then', 'do', 'else', 'elif', 'if', 'while', 'until', '!', 'time'].includes(cmd[i]!))) i++;
  return cmd.slice(i);
}

/** A command's identity: its program (path-free, `python -m pip`/`pip3` as `pip`, `apt` as `apt-get`) then its non-flag words without version pins. */
export function commandKey(cmd: Command): string[] {
  const words = stripPrefix(cmd);
  if (!words.length) return [];
  let prog = base(words[0]!);
  let rest = words.slice(1);
  if (/^python[0-9.]*$/.test(prog) && rest[0] === '-m' && rest[1]) {
    prog = rest[1]!;
    rest = rest.slice(2);
  }
  if (/^pip[0-9.]*$/.test(prog)) prog = 'pip';
  if (/^python[0-9.]*$/.test(prog)) prog = 'python';
  if (prog === 'apt') prog = 'apt-get';
  if (prog === 'uv' && rest[0] === 'pip') {
    prog = 'pip';
    rest = rest.slice(1);
  }
  const keep = rest.filter((w) => !w.startsWith('-')).map((w) => w.replace(/(?<=[A-Za-z0-9_\]*])\s*(===?|>=|<=|~=|!=|=|<|>).*$/, '').replace(/\/+$/, ''));
  return [prog, ...keep];
}

/** Is every word of `need` (a multiset) in `have`, with the same program? */
function covers(have: string[], need: string[]): boolean {
  if (!need.length) return true;
  if (have[0] !== need[0]) return false;
  const pool = new Map<string, number>();
  for (const w of have.slice(1)) pool.set(w, (pool.get(w) ?? 0) + 1);
  for (const w of need.slice(1)) {
    const n = pool.get(w) ?? 0;
    if (!n) return false;
    pool.set(w, n - 1);
  }
  return true;
}

function pairs(args: string, esc = '\\'): string[] {
  // ENV/LABEL/ARG: legacy `ENV K V` is `K=V`; values lose their quotes.
  const t = args.trim();
  const first = /^(\S+)(\s+)([\s\S]*)$/.exec(t);
  if (first && !first[1]!.includes('=')) {
    // The legacy form's value is the rest of the line, blanks kept.
    const rest = first[3]!.trim().replace(/["']/g, '');
    if (rest) return [`${first[1]}=${rest}`];
  }
  return shellCommands(t, esc).flat().filter(Boolean);
}

function pathWord(w: string): string {
  const s = w.replace(/^\.\/+/, '').replace(/\/+$/, '');
  return s === '' ? (w.startsWith('/') ? '/' : '.') : s;
}

/** The "uv run" rewrite is listed as allowed: a CMD `uv run X` may become `X` or `<venv>/bin/X`. */
function cmdKey(args: string): string {
  let w = commandLineWords(args);
  if (base(w[0] ?? '') === 'uv' && w[1] === 'run') {
    w = w.slice(2);
    while (w[0]?.startsWith('-')) w = w.slice(w[0].includes('=') || !['--with', '--python', '-p', '--project', '--directory', '--extra', '--group', '--env-file'].includes(w[0]) ? 1 : 2);
  }
  if (w.length) w = [base(w[0]!), ...w.slice(1)];
  return w.join(' ');
}

function flagFree(args: string): string[] {
  const exec = execWords(args);
  const words = exec ?? shellCommands(args).flat();
  return words.filter((w) => !w.startsWith('--'));
}

/** The identity of a non-RUN instruction, modulo the listed allowed changes (keyword case, ADD→COPY, MAINTAINER→LABEL, flags added). */
export function instructionKey(instr: OInstruction): string {
  const k = instr.keyword;
  switch (k) {
    case 'COPY':
    case 'ADD':
      return `COPY ${flagFree(instr.args.replace(/<<-?\S+/g, (m) => m.replace(/["']/g, ''))).map(pathWord).join(' ')}`;
    case 'ENV':
    case 'LABEL':
    case 'ARG':
      return `${k} ${pairs(instr.args, instr.escape).sort().join(' ')}`;
    case 'MAINTAINER':
      return `LABEL maintainer=${shellCommands(instr.args).flat().join(' ')}`;
    case 'CMD':
    case 'ENTRYPOINT':
      return `${k} ${cmdKey(instr.args)}`;
    case 'HEALTHCHECK': {
      const t = instr.args.replace(/^(\s*--\S+)+\s*/, '');
      return /^\s*NONE\s*$/i.test(t) ? 'HEALTHCHECK NONE' : `HEALTHCHECK ${cmdKey(t.replace(/^\s*CMD\b\s*/i, ''))}`;
    }
    case 'EXPOSE':
      return `EXPOSE ${ports(instr.args).join(' ')}`;
    case 'WORKDIR':
      return `WORKDIR ${pathWord(instr.args.trim())}`;
    case 'VOLUME':
    case 'USER':
    case 'STOPSIGNAL':
    case 'SHELL':
      return `${k} ${flagFree(instr.args).map(pathWord).join(' ')}`;
    default:
      return `${k} ${instr.args.replace(/\s+/g, ' ').trim()}`;
  }
}

function ports(args: string): string[] {
  // `80:80` exposes the container port 80 (the host part means nothing in a Dockerfile).
  return shellCommands(args).flat().map((p) => p.toLowerCase().replace(/^.*:/, '').replace(/\/tcp$/, '')).sort();
}

// ---------------------------------------------------------------------------------------------------------------
// Files a RUN reads from where COPY put the build context

export interface ContextFiles {
  /** A build-context file's text by its context-relative path, when known. */
  read(rel: string): string | undefined;
}

interface CopyLayer {
  /** Context copy (undefined), another stage's index, or an image we cannot see. */
  from?: number | 'image';
  srcs: string[];
  /** Absolute destination. */
  dest: string;
  destDir: boolean;
  heredoc: boolean;
}

function joinPath(dir: string, p: string): string {
  const parts = (p.startsWith('/') ? p : `${dir}/${p}`).split('/');
  const out: string[] = [];
  for (const s of parts) {
    if (s === '' || s === '.') continue;
    if (s === '..') out.pop();
    else out.push(s);
  }
  return '/' + out.join('/');
}

function dirname(p: string): string {
  const i = p.lastIndexOf('/');
  return i <= 0 ? '/' : p.slice(0, i);
}

function globRe(g: string): RegExp {
  return new RegExp('^' + g.replace(/[.+^$()|{}[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*').replace(/\?/g, '[^/]') + '$');
}

interface StageState {
  workdirAt: string[];
  layers: { at: number; layer: CopyLayer }[];
  parent?: number;
}

/** One read: satisfied when any of `paths` (absolute, in the image) is there. */
export interface Read {
  what: string;
  paths: string[];
}

export class ContextView {
  readonly states: StageState[] = [];

  constructor(readonly reading: OracleReading, readonly files: ContextFiles) {
    const names = new Map<string, number>();
    reading.stages.forEach((s, idx) => {
      // `scratch` is always the empty image, never a stage of that name.
      const parent = s.image.toLowerCase() === 'scratch' ? undefined : names.get(s.image.toLowerCase());
      let wd = parent !== undefined ? this.finalWorkdir(parent) : '/';
      const st: StageState = { workdirAt: [], layers: [], ...(parent !== undefined ? { parent } : {}) };
      s.instructions.forEach((instr, k) => {
        st.workdirAt.push(wd);
        if (instr.keyword === 'WORKDIR') {
          const w = flagFree(instr.args)[0];
          if (w && !w.includes('$')) wd = joinPath(wd, w);
        } else if (instr.keyword === 'COPY' || instr.keyword === 'ADD') {
          const from = /--from=(\S+)/.exec(instr.args)?.[1]?.toLowerCase();
          const fromIdx = from === undefined ? undefined : names.get(from) ?? (/^\d+$/.test(from) && Number(from) < idx ? Number(from) : undefined);
          const words = flagFree(instr.args.replace(/<<-?(\S+)/g, '<<$1'));
          if (words.length < 2) return;
          const dest = words[words.length - 1]!;
          const srcs = words.slice(0, -1);
          const heredoc = srcs.every((x) => x.startsWith('<<'));
          st.layers.push({
            at: k,
            layer: { ...(from === undefined ? {} : { from: fromIdx ?? 'image' }), srcs, dest: joinPath(wd, dest.includes('$') ? '/$unknown' : dest), destDir: dest.endsWith('/') || dest === '.' || srcs.length > 1, heredoc },
          });
        }
      });
      st.workdirAt.push(wd);
      this.states.push(st);
      if (s.name) names.set(s.name, idx);
      names.set(String(idx), idx);
    });
  }

  private finalWorkdir(stage: number): string {
    const w = this.states[stage]?.workdirAt;
    return w?.[w.length - 1] ?? '/';
  }

  /**
   * Where an image path at stage `stage` before instruction `k` came from: `{ context: rel }` for a build-context
   * file, `true` when something else put it there (another image, a heredoc), undefined when nothing did.
   */
  source(stage: number, k: number, path: string, depth = 0): { context?: string } | undefined {
    const st = this.states[stage];
    if (!st || depth > 8) return undefined;
    for (let j = st.layers.length - 1; j >= 0; j--) {
      const { at, layer } = st.layers[j]!;
      if (at >= k) continue;
      for (const src of layer.srcs) {
        const got = this.through(layer, src, path);
        if (got === undefined) continue;
        if (layer.heredoc) return {};
        if (layer.from === 'image') return {};
        if (typeof layer.from === 'number') {
          const s = this.source(layer.from, Infinity, got, depth + 1);
          if (s) return s;
          continue;
        }
        return { context: got.replace(/^\//, '') || '.' };
      }
    }
    if (st.parent !== undefined) return this.source(st.parent, Infinity, path, depth + 1);
    return undefined;
  }

  /** The source path (absolute for a stage, `/`-rooted context path for the context) a layer copied to `path`, if it did. */
  private through(layer: CopyLayer, src: string, path: string): string | undefined {
    if (src.startsWith('<<')) return layer.dest === path || (layer.destDir && joinPath(layer.dest, src.slice(2)) === path) ? path : undefined;
    if (/^(https?|git)[:@]/.test(src) || src.includes('$')) return undefined;
    const s = joinPath('/', src);
    const glob = /[*?[]/.test(src);
    const isDir = src === '.' || src.endsWith('/') || src === './' || (!glob && !/\.[A-Za-z0-9]+$/.test(s.split('/').pop() ?? '') && this.contextDir(s));
    if (isDir) {
      if (path === layer.dest) return s;
      if (path.startsWith(layer.dest === '/' ? '/' : layer.dest + '/')) return joinPath(s, path.slice(layer.dest.length));
      return undefined;
    }
    const name = s.split('/').pop()!;
    if (glob) {
      if (dirname(path) === layer.dest && globRe(name).test(path.split('/').pop()!)) return joinPath(dirname(s), path.split('/').pop()!);
      return undefined;
    }
    const target = layer.destDir ? joinPath(layer.dest, name) : layer.dest;
    return target === path || (!layer.destDir && joinPath(layer.dest, name) === path) ? s : undefined;
  }

  /** A source without an extension is a folder unless the context is known to hold a file of that name. */
  private contextDir(abs: string): boolean {
    return this.files.read(abs.replace(/^\//, '')) === undefined;
  }

  /** Files each RUN of a stage reads from its image (resolved against its WORKDIR and `cd`), with their includes. */
  reads(stage: number, k: number): Read[] {
    const instr = this.reading.stages[stage]!.instructions[k]!;
    if (instr.keyword !== 'RUN') return [];
    let cwd = this.states[stage]!.workdirAt[k]!;
    const out: Read[] = [];
    for (const cmd of runCommands(instr)) {
      const words = cmd.filter((w) => !/^[A-Za-z_][A-Za-z0-9_]*=/.test(w) || cmd.indexOf(w) > 0);
      if (!words.length) continue;
      if (words[0] === 'cd') {
        const d = words[1];
        cwd = d && !d.includes('$') && !d.startsWith('~') ? joinPath(cwd, d) : '/$unknown';
        continue;
      }
      for (const r of commandReads(words)) {
        if (r.paths.some((p) => p.includes('$') || p.includes('~'))) continue;
        const abs = { what: r.what, paths: r.paths.map((p) => joinPath(cwd, p)) };
        if (abs.paths.some((p) => p.startsWith('/$unknown'))) continue;
        out.push(abs);
        if (r.requirements) out.push(...this.includes(stage, k, abs.paths[0]!, 0));
      }
    }
    return out;
  }

  /** `-r`/`-c` lines of a requirements file copied from the context: the included files must be there too. */
  private includes(stage: number, k: number, path: string, depth: number): Read[] {
    if (depth > 5) return [];
    const src = this.source(stage, k, path);
    if (!src?.context) return [];
    const body = this.files.read(src.context);
    if (body === undefined) return [];
    const out: Read[] = [];
    for (const raw of body.split(/\r?\n/)) {
      const m = /^\s*(-r|-c|--requirement|--constraint)(?:\s*=\s*|\s+)(\S+)/.exec(raw);
      if (!m || m[2]!.includes('$') || /^[a-z]+:/.test(m[2]!)) continue;
      const p = joinPath(dirname(path), m[2]!);
      out.push({ what: `${m[1]} ${m[2]} (from ${src.context})`, paths: [p] });
      out.push(...this.includes(stage, k, p, depth + 1));
    }
    return out;
  }

  /** Reads of instruction k of a stage that nothing put in the image before it (mounts counted). */
  missing(stage: number, k: number): Read[] {
    const instr = this.reading.stages[stage]!.instructions[k]!;
    const mounts = bindMounts(instr.args, this.states[stage]!.workdirAt[k]!);
    return this.reads(stage, k).filter((r) => !r.paths.some((p) => mounts.some((m) => p === m || p.startsWith(m + '/')) || this.source(stage, k, p) !== undefined));
  }
}

function bindMounts(args: string, cwd: string): string[] {
  const out: string[] = [];
  for (const m of args.matchAll(/--mount=(\S+)/g)) {
    const kv = Object.fromEntries(m[1]!.split(',').map((x) => x.split('=') as [string, string]));
    if (kv.type === 'bind' || (kv.type === undefined && (kv.target || kv.dst || kv.destination))) {
      const t = kv.target ?? kv.dst ?? kv.destination;
      if (t) out.push(joinPath(cwd, t));
    }
  }
  return out;
}

interface RawRead {
  what: string;
  paths: string[];
  requirements?: boolean;
}

/** The context files one command is known to read (our own short list; anything else reads nothing we can tell). */
export function commandReads(all: string[]): RawRead[] {
  const words = stripPrefix(all);
  if (!words.length) return [];
  const key = commandKey(words);
  const prog = key[0];
  const out: RawRead[] = [];
  // The words after the program (and `-m pip`, `uv pip`) with flags kept.
  let rest = words.slice(1);
  if (base(words[0]!).startsWith('python') && rest[0] === '-m') rest = rest.slice(2);
  if (base(words[0]!) === 'uv' && rest[0] === 'pip') rest = rest.slice(1);
  const sub = rest.find((w) => !w.startsWith('-'));
  if (prog === 'pip' && (sub === 'install' || sub === 'wheel' || sub === 'download' || sub === 'sync')) {
    const after = rest.slice(rest.indexOf(sub) + 1);
    for (let j = 0; j < after.length; j++) {
      const w = after[j]!;
      const eq = /^(-r|-c|--requirements?|--constraints?)=(.+)$/.exec(w) ?? /^(-[rc])(.+)$/.exec(w);
      if (eq) out.push({ what: `pip ${eq[1]} ${eq[2]}`, paths: [eq[2]!], requirements: true });
      else if (/^(-r|-c|--requirements?|--constraints?)$/.test(w) && after[j + 1]) out.push({ what: `pip ${w} ${after[++j]}`, paths: [after[j]!], requirements: true });
      else if (/^(-e|--editable)$/.test(w) && after[j + 1]) {
        const t = after[++j]!;
        if (/^\.{1,2}(\/|$)/.test(t)) out.push(projectRead(`pip install -e ${t}`, t));
      } else if (/^--(index-url|extra-index-url|find-links|target|prefix|root|src|cache-dir|trusted-host|python-version|platform|abi|implementation|only-binary|no-binary|wheel-dir|dest|progress-bar|python|config-settings|report|log)$/.test(w) || /^-[iftwdC]$/.test(w)) j++;
      else if (w.startsWith('-')) continue;
      else if (sub === 'sync') out.push({ what: `pip sync ${w}`, paths: [w], requirements: true });
      else if (/^\.{1,2}(\/|$)/.test(w)) out.push(/\.(whl|tar\.gz|zip)$/.test(w) ? { what: `pip install ${w}`, paths: [w] } : projectRead(`pip install ${w}`, w));
    }
  } else if (prog === 'python' && words.length > 1) {
    const script = rest.find((w) => !w.startsWith('-'));
    if (script && rest[0] === script && /\.py$/.test(script)) out.push({ what: `python ${script}`, paths: [script] });
  } else if (prog === 'poetry' && sub === 'install') out.push({ what: 'poetry install', paths: ['pyproject.toml'] });
  else if (prog === 'uv' && sub === 'sync') out.push({ what: 'uv sync', paths: ['pyproject.toml'] });
  else if (prog === 'pipenv' && (sub === 'install' || sub === 'sync')) out.push({ what: `pipenv ${sub}`, paths: ['Pipfile', 'Pipfile.lock'] });
  else if (prog === 'pdm' && (sub === 'install' || sub === 'sync')) out.push({ what: `pdm ${sub}`, paths: ['pyproject.toml'] });
  return out;
}

function projectRead(what: string, dir: string): RawRead {
  return { what, paths: ['pyproject.toml', 'setup.py', 'setup.cfg'].map((f) => `${dir.replace(/\/+$/, '')}/${f}`) };
}

// ---------------------------------------------------------------------------------------------------------------
// The contract

export type ViolationKind = 'parse-problem' | 'lost-stage' | 'too-few-stages' | 'lost-instruction' | 'read-before-copy' | 'final-stage-changed';

export interface Violation {
  kind: ViolationKind;
  message: string;
}

export interface CompareOptions {
  /** A split: the output must have at least two FROM lines. */
  split?: boolean;
  /** Unsafe fixes were applied: they may change behaviour where the docs say so (a misspelt variable corrected). */
  unsafe?: boolean;
}

function countBy<T>(xs: readonly T[], key: (x: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const x of xs) m.set(key(x), (m.get(key(x)) ?? 0) + 1);
  return m;
}

/** The final stage's run-time settings, following `FROM <stage>` to its parent. */
export function finalSettings(r: OracleReading): Map<string, string> {
  const out = new Map<string, string>();
  const byName = new Map<string, number>();
  r.stages.forEach((s, i) => {
    if (s.name) byName.set(s.name, i);
  });
  const chain: number[] = [];
  for (let i: number | undefined = r.stages.length - 1; i !== undefined && i >= 0 && !chain.includes(i); i = (r.stages[i]!.image.toLowerCase() === 'scratch' ? undefined : byName.get(r.stages[i]!.image.toLowerCase()))) chain.unshift(i);
  const exposed = new Set<string>();
  const env = new Map<string, string>();
  const labels = new Map<string, string>();
  for (const i of chain) {
    for (const instr of r.stages[i]!.instructions) {
      const k = instr.keyword;
      if (!instr.args.trim()) continue; // an instruction without arguments does not build: nothing to keep
      if (k === 'CMD' || k === 'ENTRYPOINT' || k === 'HEALTHCHECK' || k === 'USER' || k === 'WORKDIR') {
        if (k === 'WORKDIR') out.set('WORKDIR', joinPath(out.get('WORKDIR') ?? '/', instr.args.trim()));
        else out.set(k, instructionKey(instr));
        // Docker resets CMD when ENTRYPOINT is set.
        if (k === 'ENTRYPOINT') out.delete('CMD');
      } else if (k === 'EXPOSE') for (const p of ports(instr.args)) exposed.add(p);
      else if (k === 'ENV') for (const p of pairs(instr.args, instr.escape)) env.set(p.split('=')[0]!, p.slice(p.indexOf('=') + 1));
      else if (k === 'LABEL') for (const p of pairs(instr.args, instr.escape)) labels.set(p.split('=')[0]!, p.slice(p.indexOf('=') + 1));
      else if (k === 'MAINTAINER') out.set('MAINTAINER', instr.args.trim());
    }
  }
  if (exposed.size) out.set('EXPOSE', [...exposed].sort().join(' '));
  for (const [k, v] of env) out.set(`ENV ${k}`, v);
  for (const [k, v] of labels) out.set(`LABEL ${k}`, v);
  return out;
}

/** Checks a rewrite of `before` into `after` against the contract, by this file's reading only. */
export function compareRewrite(before: string, after: string, files: ContextFiles, opts: CompareOptions = {}): Violation[] {
  const a = readDockerfile(before);
  const b = readDockerfile(after);
  const out: Violation[] = [];
  // (a) no new parse problems
  const pa = countBy(a.problems, (p) => p.kind);
  for (const [kind, n] of countBy(b.problems, (p) => p.kind)) {
    if (n > (pa.get(kind) ?? 0)) {
      const p = b.problems.find((x) => x.kind === kind)!;
      out.push({ kind: 'parse-problem', message: `${kind} ${pa.get(kind) ?? 0} → ${n} (line ${p.line + 1}: ${JSON.stringify(p.text.slice(0, 80))})` });
    }
  }
  // (b) stages
  if (b.stages.length < a.stages.length) out.push({ kind: 'lost-stage', message: `${a.stages.length} stages → ${b.stages.length}` });
  if (opts.split && b.stages.length < 2) out.push({ kind: 'too-few-stages', message: `the split has ${b.stages.length} FROM` });
  // (c) every original instruction (RUN: every command) is still somewhere
  const outCommands = b.instructions.filter((i) => i.keyword === 'RUN').flatMap((i) => runCommands(i).map(commandKey));
  const outWorkdirs = new Set(b.instructions.filter((i) => i.keyword === 'WORKDIR').map((i) => i.args.trim().replace(/^\.\//, '').replace(/\/+$/, '')));
  // Non-RUN instructions: kept (same identity), else changed (an unmatched one of the same keyword is left over),
  // else lost. Whether a change kept the meaning is (e)'s question for the final stage.
  const klass = (k: string): string => (k === 'ADD' ? 'COPY' : k === 'MAINTAINER' ? 'LABEL' : k);
  // An instruction with an unknown keyword never built: a fix may turn it into anything.
  const others = (r: OracleReading): OInstruction[] => r.instructions.filter((i) => i.keyword !== 'RUN' && i.keyword !== 'FROM' && KEYWORDS.has(i.keyword) && !overridden(r, i));
  const pool = countBy(others(b), instructionKey);
  const unmatched: OInstruction[] = [];
  for (const instr of others(a)) {
    const key = instructionKey(instr);
    const n = pool.get(key) ?? 0;
    if (n > 0) pool.set(key, n - 1);
    else unmatched.push(instr);
  }
  const spare = new Map<string, number>();
  for (const instr of others(b)) {
    const key = instructionKey(instr);
    const n = pool.get(key) ?? 0;
    if (n > 0) {
      pool.set(key, n - 1);
      spare.set(klass(instr.keyword), (spare.get(klass(instr.keyword)) ?? 0) + 1);
    }
  }
  for (const instr of unmatched) {
    const c = klass(instr.keyword);
    const n = spare.get(c) ?? 0;
    if (n > 0) spare.set(c, n - 1);
    else out.push({ kind: 'lost-instruction', message: `line ${instr.line + 1}: ${instructionKey(instr).slice(0, 120)}` });
  }
  for (const instr of a.instructions) {
    if (instr.keyword !== 'RUN') continue;
    for (const cmd of runCommands(instr)) {
      const k = commandKey(cmd);
      if (!k.length || ALLOWED_DROPS(k)) continue;
      // Listed: `chown -R U <dest>` after a COPY folded into that COPY's `--chown=U`.
      if (k[0] === 'chown' && k[1] && b.instructions.some((i) => (i.keyword === 'COPY' || i.keyword === 'ADD') && i.args.includes(`--chown=${k[1]}`))) continue;
      if (k[0] === 'cd' && outWorkdirs.has((k[1] ?? '').replace(/^\.\//, ''))) continue; // `cd` turned into WORKDIR
      if (!outCommands.some((h) => covers(h, k))) out.push({ kind: 'lost-instruction', message: `RUN on line ${instr.line + 1}: \`${cmd.join(' ').slice(0, 120)}\`` });
    }
  }
  // (d) no RUN reads a context file that is no longer copied where it runs
  const va = new ContextView(a, files);
  const vb = new ContextView(b, files);
  const missingA = countBy(a.stages.flatMap((s, si) => s.instructions.flatMap((_, k) => va.missing(si, k))), (r) => r.what);
  const seen = new Set<string>();
  b.stages.forEach((s, si) =>
    s.instructions.forEach((instr, k) => {
      for (const r of vb.missing(si, k)) {
        if ((missingA.get(r.what) ?? 0) > 0 || seen.has(r.what)) continue;
        seen.add(r.what);
        out.push({ kind: 'read-before-copy', message: `line ${instr.line + 1} (${r.what}) reads ${r.paths.join(' or ')}, not copied there yet` });
      }
    }),
  );
  // (e) the final stage's run-time settings
  const fa = finalSettings(a);
  const fb = finalSettings(b);
  for (const [k, v] of fa) {
    const w = fb.get(k);
    if (w === v) continue;
    if (k === 'ENV PATH' && w !== undefined && (w.endsWith(`:${v}`) || w.endsWith(v) || /^[^:$]+:\$\{?PATH\}?$/.test(w))) continue;
    // Listed: a fix that sets PYTHONUNBUFFERED / PYTHONDONTWRITEBYTECODE where the value was empty (Python reads empty as unset).
    if (/^ENV PYTHON(UNBUFFERED|DONTWRITEBYTECODE)$/.test(k) && v === '' && w === '1') continue; // a venv's bin put first is the listed PATH change
    // MAINTAINER's listed replacement is the OCI authors label (or a maintainer label).
    // An unsafe fix may correct a misspelt variable (`$PAHT` → `$PATH`): the value's text otherwise the same.
    if (opts.unsafe && k.startsWith('ENV ') && w !== undefined && w.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, '$') === v.replace(/\$\{?[A-Za-z_][A-Za-z0-9_]*\}?/g, '$')) continue;
    // (Runs of blanks in the value, from a continuation, may become one.)
    const sp = (x: string | undefined): string | undefined => x?.replace(/\s+/g, ' ');
    if (k === 'MAINTAINER' && [fb.get('LABEL org.opencontainers.image.authors'), fb.get('LABEL maintainer'), w].some((x) => sp(x) === sp(v))) continue;
    if (k === 'EXPOSE' && w !== undefined && v.split(' ').every((p) => w.split(' ').includes(p))) continue;
    out.push({ kind: 'final-stage-changed', message: `${k}: ${JSON.stringify(v.slice(0, 80))} → ${w === undefined ? 'gone' : JSON.stringify(w.slice(0, 80))}` });
  }
  return out;
}

/** Commands a fix may drop on purpose (listed): clean-ups whose only effect is on the cache, and no-ops. */
function ALLOWED_DROPS(k: string[]): boolean {
  return (k[0] === 'true' || k[0] === ':') && k.length === 1;
}

/** A CMD, ENTRYPOINT or HEALTHCHECK a later one of its stage overrides: removing it is a listed, meaning-free change. */
function overridden(r: OracleReading, instr: OInstruction): boolean {
  if (!['CMD', 'ENTRYPOINT', 'HEALTHCHECK'].includes(instr.keyword) || instr.stage < 0) return false;
  const s = r.stages[instr.stage]!.instructions;
  return s.slice(s.indexOf(instr) + 1).some((i) => i.keyword === instr.keyword);
}
