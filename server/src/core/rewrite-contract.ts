// The rewrite contract: what every fix, fix-all pass and assist must keep when it rewrites a Dockerfile, judged on the semantic model.
//
// A rewrite keeps every instruction (in place, moved, or changed on purpose: the edits of a fix, the `changes` an
// assist declares), never drops one or a stage; each RUN still finds the files it reads (requirements files and
// their `-r`/`-c` includes, the script `python` runs, `cp` sources …) where it found them before; a RUN whose
// effect the model cannot tell is not moved; the final stage keeps its CMD, ENTRYPOINT, USER, WORKDIR, EXPOSE,
// HEALTHCHECK, LABEL and ENV unless the rewrite itself wrote the new value; and a fix marked safe never joins a
// dependency install with an application step.
import type { Fix, TextEdit } from './types';
import { comparePositions } from './types';
import { applyEdits } from './text';
import { buildDockerfileModel, type DockerfileModel, type Instruction, type Stage } from './model/dockerfile';
import { basename, type CommandInfo } from './model/commands';
import { normalizeContextPath, semanticOptions, semanticsOf, substituteVars, type Semantics } from './model/semantic';
import { requirementsFilesOf, type InstallLocation } from './model/installs';
import { contextRootOf } from './model/build-context';
import type { ProjectFiles } from './project';
import * as posix from './path';

/** What a rewrite says it changes on purpose; everything else must survive it. */
export interface RewriteChanges {
  /** Instructions of the original (their indexes) the rewrite rewrites in place, merges into another or removes. */
  instructions?: readonly number[];
  /** The rewrite may leave fewer stages than the original had. */
  removesStages?: boolean;
}

export interface ContractContext {
  files?: ProjectFiles;
  /** The Dockerfile's path: with `files`, requirements includes are traced and context files told from folders. */
  path?: string;
  config?: InstallLocation['config'];
  /** The rewrite is a fix marked safe: it must not change what the build does. */
  safe?: boolean;
  changes?: RewriteChanges;
}

export type ContractResult = { ok: true } | { ok: false; reason: string };

const OK: ContractResult = { ok: true };

/** Checks a rewrite of `before` into `after` against the contract. */
export function checkRewrite(before: DockerfileModel, after: DockerfileModel, ctx: ContractContext = {}): ContractResult {
  const declared = new Set(ctx.changes?.instructions ?? []);
  const m = matchInstructions(before, after, declared);
  const fail = (reason: string): ContractResult => ({ ok: false, reason });
  for (const b of before.instructions) {
    if (!m.toAfter.has(b) && !declared.has(b.index)) return fail(`it drops \`${shown(before, b)}\` (line ${b.startLine + 1})`);
  }
  if (after.stages.length < before.stages.length && !ctx.changes?.removesStages) return fail(`it leaves ${after.stages.length} of the ${before.stages.length} stages`);
  const sb = semanticsOf(before, semanticOptions(ctx.config));
  const sa = semanticsOf(after, semanticOptions(ctx.config));
  const ends = finalStage(before, after, sb, sa, m, declared);
  if (ends) return fail(ends);
  const moved = unknownMoved(before, after, sb, m);
  if (moved) return fail(moved);
  const reads = readsBeforeCreated(before, after, sb, sa, m, ctx);
  if (reads) return fail(reads);
  if (ctx.safe) {
    const joined = joinsInstallWithStep(before, sb, m);
    if (joined) return fail(joined);
  }
  return OK;
}

/**
 * Checks one fix: the instructions its edits touch are its declared changes. Fixes whose edits stay inside one
 * instruction and add no line (a flag added, a word replaced) move and join nothing, and are accepted without
 * building the new text's model; `needsContract` tells them apart.
 */
export function checkFix(model: DockerfileModel, fix: Fix, ctx: Omit<ContractContext, 'changes' | 'safe'> = {}): ContractResult {
  if (!needsContract(model, fix)) return OK;
  return checkEdits(model, fix.edits, { ...ctx, safe: fix.applicability === 'safe' });
}

/** Checks edits to a model's text, declaring as changed the instructions the edits touch. */
export function checkEdits(model: DockerfileModel, edits: readonly TextEdit[], ctx: Omit<ContractContext, 'changes'> = {}): ContractResult {
  let text: string;
  try {
    text = applyEdits(model.text, edits);
  } catch {
    return { ok: false, reason: 'its edits overlap' };
  }
  const after = buildDockerfileModel(text, targetOf(model));
  return checkRewrite(model, after, { ...ctx, changes: { instructions: touchedBy(model, edits) } });
}

/** Whether a fix can move, join, add or remove instructions: an edit that spans or adds a line, or reaches past one instruction. */
export function needsContract(model: DockerfileModel, fix: Fix): boolean {
  const esc = model.escapeChar;
  for (const e of fix.edits) {
    if (e.range.start.line !== e.range.end.line || /[\r\n]/.test(e.newText)) return true;
    // A continuation or comment written or removed, or a heredoc touched, changes where instructions end.
    const replaced = model.lines.slice(e.range);
    if (e.newText.includes(esc) || replaced.includes(esc) || /#|<</.test(e.newText) || /#|<</.test(replaced)) return true;
    const inside = model.instructions.some((i) => comparePositions(i.range.start, e.range.start) <= 0 && comparePositions(e.range.end, i.range.end) <= 0 && !/<<-?\s*["']?\w/.test(i.argsText));
    if (!inside) return true;
  }
  return false;
}

/**
 * The instructions (indexes) a set of edits changes: those an edit overlaps, or inserts text strictly inside. An
 * edit that covers more than two instructions (a rewrite of the whole file) declares nothing: each instruction it
 * covers must reappear.
 */
export function touchedBy(model: DockerfileModel, edits: readonly TextEdit[]): number[] {
  const out = new Set<number>();
  for (const e of edits) {
    const hit: number[] = [];
    for (const i of model.instructions) {
      const empty = comparePositions(e.range.start, e.range.end) === 0;
      // An insertion touches the instruction it lands inside, or that it extends on its own line (a tag appended
      // to a FROM); a new line inserted before or after it does not.
      const overlaps = empty
        ? (comparePositions(i.range.start, e.range.start) < 0 && comparePositions(e.range.start, i.range.end) < 0) ||
          (comparePositions(e.range.start, i.range.end) === 0 && !/^\r?\n/.test(e.newText)) ||
          (comparePositions(e.range.start, i.range.start) === 0 && !/\r?\n$/.test(e.newText) && e.newText !== '')
        : comparePositions(e.range.start, i.range.end) < 0 && comparePositions(i.range.start, e.range.end) < 0;
      if (overlaps) hit.push(i.index);
      if (hit.length > 2) break;
    }
    if (hit.length <= 2) for (const h of hit) out.add(h);
  }
  return [...out];
}

function targetOf(model: DockerfileModel): { target?: string } {
  const final = model.finalStage;
  const last = model.stages[model.stages.length - 1];
  return final && final !== last && final.name ? { target: final.name } : {};
}

// ── Matching ────────────────────────────────────────────────────────────────────────────────────────────────────

interface Matching {
  /** Each kept instruction of `before` and where it is in `after`. */
  toAfter: Map<Instruction, Instruction>;
  /** Each instruction of `after` that continues one of `before` (several, for a join). */
  fromBefore: Map<Instruction, Instruction[]>;
  /** The instructions matched word for word (not changed). */
  same: Set<Instruction>;
}

/** The instruction's text as Docker reads it: keyword upper-cased, continuations and comment lines gone, spaces collapsed. */
function signature(model: DockerfileModel, instr: Instruction): string {
  const esc = model.escapeChar;
  const lines = model.lines.slice(instr.range).replace(/^\uFEFF/, '').split(/\r?\n/);
  const kept = lines.filter((l, k) => k === 0 || !/^\s*#/.test(l)).map((l) => {
    const t = l.replace(/\s+$/, '');
    return t.endsWith(esc) ? t.slice(0, -1) : t;
  });
  return kept.join(' ').replace(/^\s*\S+/, instr.keyword).replace(/\s+/g, ' ').trim();
}

function shown(model: DockerfileModel, instr: Instruction): string {
  const s = signature(model, instr);
  return s.length > 70 ? `${s.slice(0, 67)}…` : s;
}

/** `sub` in order inside `all` (flags may be added around the words that were there). */
function subsequence(sub: readonly string[], all: readonly string[]): boolean {
  let k = 0;
  for (const w of all) if (k < sub.length && w === sub[k]) k++;
  return k === sub.length;
}

function words(c: CommandInfo): string[] {
  return c.args.map((a) => a.value);
}

/** What identifies an instruction that was changed in place but kept its meaning's core (a stage renamed, a flag added). */
function looseKey(model: DockerfileModel, instr: Instruction): string | undefined {
  switch (instr.keyword) {
    case 'FROM':
      return instr.from ? `FROM ${instr.from.image}` : undefined;
    case 'COPY':
    case 'ADD': {
      const c = instr.copy;
      if (!c?.dest) return undefined;
      return `${instr.keyword} ${c.from ?? ''} ${c.sources.map((s) => normalizeContextPath(s.value)).join(' ')} -> ${c.dest.value.replace(/\/+$/, '') || '/'}`;
    }
    case 'ENV':
    case 'ARG':
    case 'LABEL': {
      const kv = instr.env ?? instr.argDecls ?? instr.labels ?? [];
      return `${instr.keyword} ${kv.map((p) => `${p.key}=${p.value.replace(/^(["'])(.*)\1$/, '$2')}`).sort().join(' ')}`;
    }
    default:
      void model;
      return undefined;
  }
}

function matchInstructions(before: DockerfileModel, after: DockerfileModel, declared: ReadonlySet<number>): Matching {
  const toAfter = new Map<Instruction, Instruction>();
  const fromBefore = new Map<Instruction, Instruction[]>();
  const same = new Set<Instruction>();
  const link = (b: Instruction, a: Instruction): void => {
    toAfter.set(b, a);
    const list = fromBefore.get(a);
    if (list) list.push(b);
    else fromBefore.set(a, [b]);
  };
  // 1. Word for word, in order.
  const bySig = new Map<string, Instruction[]>();
  for (const a of after.instructions) {
    const s = signature(after, a);
    const q = bySig.get(s);
    if (q) q.push(a);
    else bySig.set(s, [a]);
  }
  // The same stage first (two stages may hold the same line), then anywhere (a line moved into another stage).
  for (const sameStage of [true, false]) {
    for (const b of before.instructions) {
      if (toAfter.has(b)) continue;
      const q = bySig.get(signature(before, b));
      const k = q ? q.findIndex((a) => !sameStage || a.stage === b.stage) : -1;
      if (k < 0) continue;
      const a = q!.splice(k, 1)[0]!;
      link(b, a);
      same.add(a);
    }
  }
  // 2. Changed but recognisable: a stage renamed, a COPY destination written as a folder, ENV in the other syntax.
  const byLoose = new Map<string, Instruction[]>();
  for (const a of after.instructions) {
    if (fromBefore.has(a)) continue;
    const k = looseKey(after, a);
    if (k === undefined) continue;
    const q = byLoose.get(k);
    if (q) q.push(a);
    else byLoose.set(k, [a]);
  }
  for (const b of before.instructions) {
    if (toAfter.has(b)) continue;
    const k = looseKey(before, b);
    const a = k === undefined ? undefined : byLoose.get(k)?.shift();
    if (a) link(b, a);
  }
  // 3. A RUN whose every command is still run, with the same words (flags may be added), alone or joined with others.
  const commands = new Map<string, { instr: Instruction; command: CommandInfo; used: boolean }[]>();
  for (const a of after.instructions) {
    if (same.has(a) || a.keyword !== 'RUN') continue;
    for (const c of (a.run?.commands ?? [])) {
      if (c.substituted) continue;
      const n = basename(c.name.value);
      const list = commands.get(n);
      const item = { instr: a, command: c, used: false };
      if (list) list.push(item);
      else commands.set(n, [item]);
    }
  }
  for (const b of before.instructions) {
    if (toAfter.has(b) || b.keyword !== 'RUN') continue;
    const own = (b.run?.commands ?? []).filter((c) => !c.substituted);
    if (own.length === 0 || b.run?.script?.hasErrors) continue;
    const picks: { used: boolean; instr: Instruction }[] = [];
    for (const c of own) {
      const fits = (x: { instr: Instruction; command: CommandInfo; used: boolean }): boolean => !x.used && !picks.includes(x) && subsequence(words(c), words(x.command));
      const list = commands.get(basename(c.name.value));
      const pick = list?.find((x) => x.instr.stage === b.stage && fits(x)) ?? list?.find(fits);
      if (!pick) break;
      picks.push(pick);
    }
    if (picks.length !== own.length) continue;
    for (const p of picks) p.used = true;
    link(b, picks[0]!.instr);
  }
  // 4. An instruction the rewrite declares changed pairs with a new one of the same keyword in its stage, in order:
  // it was rewritten in place (its reads are then compared with what it read before, not judged afresh).
  let from = 0;
  for (const b of before.instructions) {
    if (toAfter.has(b) || !declared.has(b.index)) continue;
    const k = after.instructions.findIndex((a, i) => i >= from && !fromBefore.has(a) && a.keyword === b.keyword && a.stage === b.stage);
    if (k < 0) continue;
    link(b, after.instructions[k]!);
    from = k + 1;
  }
  return { toAfter, fromBefore, same };
}

// ── The final stage ─────────────────────────────────────────────────────────────────────────────────────────────

interface Setting {
  value: string;
  /** The instruction that set it (undefined: the base image's or nothing). */
  by?: Instruction;
}

/** What the final image is configured with, as the lineage of the final stage sets it. */
function finalSettings(model: DockerfileModel, sem: Semantics): Map<string, Setting> {
  const out = new Map<string, Setting>();
  const final = model.finalStage;
  if (!final) return out;
  const lineage = [...sem.stage(final).lineage].reverse();
  const expose = new Map<string, Instruction>();
  for (const s of lineage) {
    for (const i of s.instructions) {
      switch (i.keyword) {
        case 'CMD':
        case 'ENTRYPOINT':
        case 'HEALTHCHECK':
        case 'STOPSIGNAL':
          out.set(i.keyword, { value: signature(model, i), by: i });
          break;
        case 'USER':
        case 'WORKDIR':
          // The semantic layer's value below; the instruction that set it last is remembered here.
          out.set(i.keyword, { value: '', by: i });
          break;
        case 'EXPOSE':
          for (const a of i.args) expose.set(sem.expand(i, a.value).toLowerCase().replace(/\/tcp$/, ''), i);
          break;
        case 'LABEL':
          for (const kv of i.labels ?? []) out.set(`LABEL ${kv.key}`, { value: sem.expand(i, unquote(kv.value)), by: i });
          break;
        case 'ENV':
          for (const kv of i.env ?? []) out.set(`ENV ${kv.key}`, { value: '', by: i });
          break;
      }
    }
  }
  const end = sem.stage(final).end;
  const user = out.get('USER');
  out.set('USER', { value: end.user, ...(user?.by ? { by: user.by } : {}) });
  const workdir = out.get('WORKDIR');
  out.set('WORKDIR', { value: end.workdir ?? '(unknown)', ...(workdir?.by ? { by: workdir.by } : {}) });
  for (const [k, v] of end.env) {
    const prev = out.get(`ENV ${k}`);
    out.set(`ENV ${k}`, { value: v, ...(prev?.by ? { by: prev.by } : {}) });
  }
  for (const [k, i] of expose) out.set(`EXPOSE ${k}`, { value: 'exposed', by: i });
  return out;
}

function unquote(v: string): string {
  return v.replace(/^(["'])(.*)\1$/, '$2');
}

function finalStage(before: DockerfileModel, after: DockerfileModel, sb: Semantics, sa: Semantics, m: Matching, declared: ReadonlySet<number>): string | undefined {
  const bs = finalSettings(before, sb);
  const as = finalSettings(after, sa);
  // A value the rewrite wrote itself (a new or declared-changed instruction) is its declared change.
  const wroteIt = (a: Instruction | undefined): boolean => {
    if (!a) return false;
    const from = m.fromBefore.get(a);
    return !from || (!m.same.has(a) && from.some((b) => declared.has(b.index)));
  };
  const removedIt = (b: Instruction | undefined): boolean => b !== undefined && declared.has(b.index);
  for (const key of new Set([...bs.keys(), ...as.keys()])) {
    const x = bs.get(key);
    const y = as.get(key);
    if (x?.value === y?.value) continue;
    if (wroteIt(y?.by) || (!y?.by && removedIt(x?.by))) continue;
    const what = key.startsWith('EXPOSE ') ? `port ${key.slice(7)} ${y ? 'becomes exposed' : 'is no longer exposed'}` : `\`${key}\` ${y ? `is \`${clip(y.value)}\`` : 'is unset'} instead of ${x ? `\`${clip(x.value)}\`` : 'unset'}`;
    return `in the final stage ${what}`;
  }
  return undefined;
}

function clip(s: string): string {
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

// ── RUNs whose effect is unknown ────────────────────────────────────────────────────────────────────────────────

/** The stage of `after` that plays the part of a stage of `before`: the final one for the final one, else where its FROM went. */
function counterpart(after: DockerfileModel, m: Matching, stage: Stage): number | undefined {
  if (stage.isFinal) return after.finalStage?.index;
  const a = m.toAfter.get(stage.fromInstruction);
  return a ? a.stage : undefined;
}

/**
 * A RUN the model cannot read (a script, `curl | sh`) may need or make anything: it stays in its stage, with every
 * kept instruction of that stage on the same side of it.
 */
function unknownMoved(before: DockerfileModel, after: DockerfileModel, sb: Semantics, m: Matching): string | undefined {
  for (const stage of before.stages) {
    const unknowns = stage.instructions.filter((i) => i.keyword === 'RUN' && sb.effects(i).unknown);
    if (unknowns.length === 0) continue;
    const target = counterpart(after, m, stage);
    for (const u of unknowns) {
      const a = m.toAfter.get(u);
      if (!a) continue;
      if (target !== undefined && a.stage !== target) return `it moves \`${shown(before, u)}\` (line ${u.startLine + 1}), whose effect Layerwise cannot tell, into another stage`;
    }
    // Order: the kept instructions of the stage that stay in its counterpart keep their order around each unknown RUN.
    if (target === undefined) continue;
    const kept = stage.instructions.filter((i) => i.keyword !== 'FROM' && m.toAfter.has(i) && m.toAfter.get(i)!.stage === target);
    const pos = kept.map((i) => m.toAfter.get(i)!.index);
    const prefixMax: number[] = [];
    let mx = -1;
    for (const p of pos) prefixMax.push((mx = Math.max(mx, p)));
    const suffixMin: number[] = new Array<number>(pos.length);
    let mn = Number.POSITIVE_INFINITY;
    for (let k = pos.length - 1; k >= 0; k--) suffixMin[k] = mn = Math.min(mn, pos[k]!);
    for (let k = 0; k < kept.length; k++) {
      const u = kept[k]!;
      if (!unknowns.includes(u)) continue;
      const p = pos[k]!;
      // Joined into the same RUN as a neighbour: the order of their commands is the join's matter.
      const earlier = k > 0 ? prefixMax[k - 1]! : -1;
      const later = k + 1 < kept.length ? suffixMin[k + 1]! : Number.POSITIVE_INFINITY;
      if (earlier > p || later < p) {
        const other = earlier > p ? kept.slice(0, k).find((x) => m.toAfter.get(x)!.index > p)! : kept.slice(k + 1).find((x) => m.toAfter.get(x)!.index < p)!;
        return `it moves \`${shown(before, other)}\` (line ${other.startLine + 1}) across \`${shown(before, u)}\` (line ${u.startLine + 1}), whose effect Layerwise cannot tell`;
      }
    }
  }
  return undefined;
}

// ── Paths read before they exist ────────────────────────────────────────────────────────────────────────────────

/** Folders a Linux base image already has (the semantic layer's view): a path inside them may come from the base. */
const BASE_DIRS: readonly string[] = ['/usr', '/etc', '/bin', '/sbin', '/lib', '/lib64', '/var', '/root', '/home', '/tmp', '/srv', '/run', '/dev', '/proc', '/sys', '/mnt', '/media', '/boot', '/opt'];
const PACKAGE_DIRS: readonly string[] = ['/usr', '/etc', '/var', '/lib', '/lib64', '/bin', '/sbin', '/opt'];
const URL = /^[a-z][a-z0-9+.-]*:\/\//i;

/** What tells a context file from a context folder: the project's files, when given. */
interface ContextView {
  isFile(rel: string): boolean | undefined;
}

function contextView(ctx: ContractContext): ContextView {
  const files = ctx.files;
  if (!files || ctx.path === undefined) return { isFile: () => undefined };
  const root = contextRootOf(ctx.path.replace(/\\/g, '/'), ctx.config?.context);
  return {
    isFile: (rel) => {
      const p = rel === '' ? root : posix.join(root, rel);
      if (files.read(p) !== undefined) return true;
      return files.list?.(p) !== undefined ? false : undefined;
    },
  };
}

/**
 * Whether `path` exists in the image when `instr` runs: 2 when an instruction before it surely put it there (a
 * COPY of it or of the whole context, a known write), 1 when one may have (a folder copied, an unknown command,
 * the base image's system folders), 0 when nothing did or a removal came last.
 */
function availability(sem: Semantics, instr: Instruction, path: string, view: ContextView): 0 | 1 | 2 {
  if (instr.stage < 0) return 1;
  const sf = sem.stage(instr.stage);
  let best: 0 | 1 | 2 = 0;
  for (const s of sf.lineage) {
    for (let k = s.instructions.length - 1; k >= 0; k--) {
      const x = s.instructions[k]!;
      if (s.index === instr.stage && x.index >= instr.index) continue;
      if (x.keyword === 'FROM' || x.onbuild) continue;
      const copy = x.copy;
      if (copy?.dest) {
        const destValue = sem.expand(x, copy.dest.value);
        const dest = sem.path(x, destValue);
        if (dest === undefined) {
          best = 1;
          continue;
        }
        if (posix.under(dest, path) !== undefined) return 2;
        if (copy.from !== undefined) {
          if (posix.under(path, dest) !== undefined) best = 1;
          continue;
        }
        const destIsDir = /\/$/.test(destValue) || destValue === '.' || copy.sources.length > 1;
        for (const src of copy.sources) {
          const v = substituteVars(src.value, sem.instr(x).env);
          if (v.startsWith('<<')) {
            if (posix.under(path, dest) !== undefined) best = Math.max(best, 1) as 1 | 2;
            continue;
          }
          if (URL.test(v) || v.includes('$')) {
            if (posix.under(path, dest) !== undefined) best = Math.max(best, 1) as 1 | 2;
            continue;
          }
          const c = normalizeContextPath(v);
          const rel = posix.under(path, dest);
          if (c === '') {
            if (rel !== undefined) return 2;
            continue;
          }
          if (/[*?[]/.test(c)) {
            if (rel !== undefined) best = Math.max(best, 1) as 1 | 2;
            continue;
          }
          if ((destIsDir && path === posix.join(dest, posix.basename(c))) || (!destIsDir && path === dest)) return 2;
          if (rel === undefined || rel === '') continue;
          // A folder copies its contents below the destination; a file only lands under its own name.
          const file = view.isFile(c);
          if (file === true) continue;
          if (view.isFile(posix.join(c, rel)) === true) return 2;
          best = Math.max(best, 1) as 1 | 2;
        }
        continue;
      }
      const e = sem.effects(x);
      for (const r of e.removes) if (best === 0 && (r.path === path || posix.under(path, r.path) !== undefined)) return 0;
      for (const w of e.writes) {
        if (w.path === path || posix.under(w.path, path) !== undefined) return 2;
        if (w.tree && posix.under(path, w.path) !== undefined && !PACKAGE_DIRS.includes(w.path)) best = Math.max(best, 1) as 1 | 2;
      }
      if (e.unknown) best = Math.max(best, 1) as 1 | 2;
    }
  }
  if (best === 0 && (path === '/' || BASE_DIRS.some((d) => path === d || posix.under(path, d) !== undefined))) best = 1;
  if (best === 0 && !['python', 'debian', 'ubuntu', 'alpine', 'scratch'].includes(sf.image.family)) best = 1;
  return best;
}

/** The image paths a RUN reads that the model knows of: its commands' file arguments and every requirements file pip reads. */
function readPaths(model: DockerfileModel, sem: Semantics, instr: Instruction, ctx: ContractContext): Map<string, string> {
  const out = new Map<string, string>();
  for (const r of sem.effects(instr).reads) out.set(r.path, r.how);
  if (ctx.files && ctx.path !== undefined) {
    const loc: InstallLocation = { path: ctx.path, ...(ctx.config ? { config: ctx.config } : {}) };
    for (const c of instr.run?.commands ?? []) {
      for (const f of requirementsFilesOf(model, instr, c, ctx.files, loc)) if (!out.has(f.containerPath)) out.set(f.containerPath, f.includedFrom ? `an include of ${posix.basename(f.includedFrom)}` : `${c.pip?.launcher ?? 'pip'} -r`);
    }
  }
  return out;
}

function readsBeforeCreated(before: DockerfileModel, after: DockerfileModel, sb: Semantics, sa: Semantics, m: Matching, ctx: ContractContext): string | undefined {
  const view = contextView(ctx);
  for (const a of after.instructions) {
    if (a.keyword !== 'RUN' && !(a.copy?.fromStage !== undefined)) continue;
    const from = m.fromBefore.get(a);
    if (a.copy?.fromStage !== undefined) {
      // A copy from another stage the rewrite added: what it copies must be made there.
      if (from) continue;
      for (const r of sa.effects(a).reads) {
        const stage = after.stages[a.copy.fromStage]!;
        if (sa.created(stage, r.path) === 'no') return `\`${shown(after, a)}\` copies ${r.path}, which stage \`${stage.name ?? stage.index}\` never creates`;
      }
      continue;
    }
    const reads = readPaths(after, sa, a, ctx);
    if (reads.size === 0) continue;
    if (!from) {
      for (const [p, how] of reads) if (availability(sa, a, p, view) === 0) return `\`${shown(after, a)}\` reads ${p} (${how}) before anything creates it`;
      continue;
    }
    // A kept RUN: every file it found before it still finds, from the same folder and as the same user.
    for (const b of from) {
      const fb = sb.instr(b);
      const fa = sa.instr(a);
      if (fb.workdir !== fa.workdir) return `\`${shown(before, b)}\` would run in ${fa.workdir ?? 'an unknown folder'} instead of ${fb.workdir ?? 'an unknown folder'}`;
      if (fb.user !== fa.user) return `\`${shown(before, b)}\` would run as \`${fa.user}\` instead of \`${fb.user}\``;
      const had = readPaths(before, sb, b, ctx);
      for (const [p, how] of reads) {
        if (!had.has(p)) continue;
        const now = availability(sa, a, p, view);
        if (now === 2) continue;
        const then = availability(sb, b, p, view);
        if (now < then) return `\`${shown(before, b)}\` would read ${p} (${how}) before anything creates it`;
      }
    }
  }
  return undefined;
}

// ── Safe fixes ──────────────────────────────────────────────────────────────────────────────────────────────────

/** Commands that set up the image rather than run the project: package installs and file housekeeping. */
const SETUP = new Set(['mkdir', 'touch', 'cp', 'mv', 'ln', 'chmod', 'chown', 'chgrp', 'rm', 'echo', 'printf', 'true', 'useradd', 'groupadd', 'adduser', 'addgroup', 'apt-get', 'apt', 'apk', 'dnf', 'yum', 'microdnf', 'zypper', 'pip', 'pip3', 'uv', 'poetry', 'pipenv', 'conda', 'mamba', 'micromamba', 'curl', 'wget', 'tar', 'unzip', 'ls', 'cat', 'test', 'update-ca-certificates', 'locale-gen', 'ldconfig']);

const installsDependencies = (i: Instruction): boolean => (i.run?.commands ?? []).some((c) => c.pip !== undefined && (c.pip.sub === 'install' || c.pip.sub === 'sync'));
const runsProject = (sem: Semantics, i: Instruction): boolean => sem.effects(i).unknown && (i.run?.commands ?? []).some((c) => !c.pip && !SETUP.has(basename(c.name.value)));

/** A safe fix never joins a Python dependency install with a step that runs the project (`python manage.py collectstatic`). */
function joinsInstallWithStep(before: DockerfileModel, sb: Semantics, m: Matching): string | undefined {
  for (const [, from] of m.fromBefore) {
    if (from.length < 2) continue;
    const install = from.find(installsDependencies);
    const step = from.find((b) => b !== install && !installsDependencies(b) && runsProject(sb, b));
    if (install && step) return `it joins \`${shown(before, install)}\` with \`${shown(before, step)}\`, which runs the project, in one RUN`;
  }
  return undefined;
}
