// `npm run bench`: Layerwise side by side with rcjsuen's Dockerfile language server and dockerfile-utils (dev dependencies, loaded at run time), interleaved, medians and p10–p90.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';
import { performance } from 'node:perf_hooks';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';
import { lintText } from '../core/index';
import { diskFiles, initRuntime } from '../node/runtime';
import { clearShellCache } from '../core/parse/shell';
import { cell, fmt, formatTable, generateDockerfile, median, prng, ratio, repeatedStages, stageBlock, summarize, verdict, type Summary } from './bench-stats';
import { parseDockerfile } from '../core/parse/dockerfile';
import { buildDockerfileModel } from '../core/model/dockerfile';
import { semanticsOf } from '../core/model/semantic';

export { generateDockerfile, repeatedStages, stageBlock } from './bench-stats';

interface BenchFile {
  label: string;
  path: string;
  text: string;
  /** A real file of the repository (the per-file lint target is judged on these). */
  fixture: boolean;
}

interface Diag {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
}

/** One language server over stdio, with a wait for the next diagnostics of a document. */
interface Lsp {
  name: string;
  proc: ChildProcess;
  conn: MessageConnection;
  initMs: number;
  /** Resolves at the next publishDiagnostics for `uri` (of `version` or later, when the server says which). */
  next(uri: string, version?: number): Promise<Diag[]>;
  latest(uri: string): Diag[];
  stop(): void;
}

async function startLsp(name: string, script: string, root: string, env: Record<string, string> = {}): Promise<Lsp> {
  const t0 = performance.now();
  const proc = spawn(process.execPath, [script, '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, ...env } });
  // A server killed at the end of its runs may still have a write of ours in flight: not a failure of the bench.
  proc.stdin!.on('error', () => undefined);
  const conn = createMessageConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.onError(() => undefined);
  const waiters: { uri: string; version?: number; resolve: (d: Diag[]) => void }[] = [];
  const last = new Map<string, Diag[]>();
  conn.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diag[] }) => {
    last.set(p.uri, p.diagnostics);
    for (let i = 0; i < waiters.length; i++) {
      const w = waiters[i]!;
      if (w.uri !== p.uri || (w.version !== undefined && p.version !== undefined && p.version < w.version)) continue;
      waiters.splice(i--, 1);
      w.resolve(p.diagnostics);
    }
  });
  conn.onNotification(() => undefined);
  conn.onRequest(() => null);
  conn.listen();
  await conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: pathToFileURL(root).toString(),
    workspaceFolders: null,
    // No workspace/configuration: both servers use their defaults (Layerwise: untrusted, so no ShellCheck).
    capabilities: { textDocument: { publishDiagnostics: { versionSupport: true }, codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'refactor', 'source'] } } } } },
  });
  const initMs = performance.now() - t0;
  await conn.sendNotification('initialized', {});
  return {
    name,
    proc,
    conn,
    initMs,
    next: (uri, version) => new Promise((resolve) => waiters.push({ uri, version, resolve })),
    latest: (uri) => last.get(uri) ?? [],
    stop: () => {
      conn.dispose();
      proc.kill();
    },
  };
}

/** Resident and peak resident memory of a process, MiB (Linux /proc). */
function rssOf(pid: number | undefined): { rss: number; peak: number } {
  try {
    const s = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = (k: string): number => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? NaN);
    return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
  } catch {
    return { rss: NaN, peak: NaN };
  }
}

function open(lsp: Lsp, uri: string, text: string): Promise<Diag[]> {
  const p = lsp.next(uri, 1);
  void lsp.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'dockerfile', version: 1, text } });
  return p;
}

function close(lsp: Lsp, uri: string): void {
  void lsp.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
}

interface Range {
  start: { line: number; character: number };
  end: { line: number; character: number };
}

function change(lsp: Lsp, uri: string, version: number, range: Range, text: string): void {
  void lsp.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text }] });
}

/**
 * One edit as a keystroke-sized change: odd versions add a comment line at the end, even ones remove it, so the text
 * changes every time (rcjsuen's server lints only when it does) and stays the same file.
 */
function toggleEdit(lsp: Lsp, uri: string, lines: number, version: number): Promise<Diag[]> {
  const p = lsp.next(uri, version);
  const at = { line: lines, character: 0 };
  if (version % 2 === 0) change(lsp, uri, version, { start: at, end: at }, '# bench edit\n');
  else change(lsp, uri, version, { start: at, end: { line: lines + 1, character: 0 } }, '');
  return p;
}

const lineCount = (text: string): number => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

/** Rotates the order of the servers each round, so neither always goes first on a loaded machine. */
function rotated<T>(xs: readonly T[], round: number): T[] {
  const k = round % xs.length;
  return [...xs.slice(k), ...xs.slice(0, k)];
}

function findDockerfiles(dir: string, out: string[] = []): string[] {
  if (!existsSync(dir)) return out;
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (name === 'node_modules') continue;
    if (statSync(p).isDirectory()) findDockerfiles(p, out);
    else if (name.startsWith('Dockerfile')) out.push(p);
  }
  return out;
}

type Samples = Map<string, number[]>;
const push = (m: Samples, k: string, v: number): void => void (m.get(k) ?? m.set(k, []).get(k)!).push(v);

/** (a) didChange → publishDiagnostics and (b) didOpen → first diagnostics, per file, the servers interleaved. */
async function latencies(servers: Lsp[], files: BenchFile[], root: string): Promise<{ edit: Map<string, Samples>; first: Map<string, Samples> }> {
  const edit = new Map<string, Samples>();
  const first = new Map<string, Samples>();
  let k = 0;
  for (const f of files) {
    const lines = lineCount(f.text);
    const big = lines > 1000;
    const e: Samples = new Map();
    const o: Samples = new Map();
    const dir = dirname(f.path);
    for (let r = 0; r < (big ? 5 : 12); r++) {
      const uri = pathToFileURL(join(dir, `Dockerfile.bench-open-${k++}`)).toString();
      for (const s of rotated(servers, r)) {
        const t0 = performance.now();
        await open(s, uri, f.text);
        push(o, s.name, performance.now() - t0);
        close(s, uri);
      }
    }
    const uri = pathToFileURL(join(dir, 'Dockerfile.bench-edit')).toString();
    for (const s of servers) await open(s, uri, f.text);
    const rounds = big ? 12 : f.fixture ? 15 : 40;
    for (let r = 0; r < rounds; r++) {
      for (const s of rotated(servers, r)) {
        const t0 = performance.now();
        await toggleEdit(s, uri, lines, r + 2);
        push(e, s.name, performance.now() - t0);
      }
    }
    for (const s of servers) close(s, uri);
    edit.set(f.label, e);
    first.set(f.label, o);
    void root;
  }
  return { edit, first };
}

/** (c) In-process lint per file: lintText (ShellCheck off) against dockerfile-utils' validate, alternating. */
function inProcess(files: BenchFile[], validate: ((text: string) => unknown) | undefined): Map<string, Samples> {
  const fsFiles = diskFiles();
  const out = new Map<string, Samples>();
  for (const f of files) {
    const big = lineCount(f.text) > 1000;
    const runs = big ? 6 : 60;
    const s: Samples = new Map();
    const ours = (fresh: boolean): number => {
      if (fresh) clearShellCache();
      const t0 = performance.now();
      lintText(f.text, { kind: 'dockerfile', files: fsFiles, path: f.path, shellcheck: false });
      return performance.now() - t0;
    };
    const peer = (): number => {
      const t0 = performance.now();
      validate!(f.text);
      return performance.now() - t0;
    };
    // Warm-up: the JIT and the shell grammar, for both.
    for (let i = 0; i < (big ? 1 : 10); i++) {
      ours(false);
      if (validate) peer();
    }
    for (let i = 0; i < runs; i++) {
      const order = i % 2 ? ['peer', 'warm', 'cold'] : ['warm', 'cold', 'peer'];
      for (const which of order) {
        if (which === 'peer') {
          if (validate) push(s, 'peer', peer());
        } else push(s, which, ours(which === 'cold'));
      }
    }
    out.set(f.label, s);
  }
  return out;
}

/** (d) spawn → initialize response, the two servers alternating. */
async function starts(scripts: { name: string; script: string }[], root: string, runs: number): Promise<Samples> {
  const out: Samples = new Map();
  for (let r = 0; r < runs; r++) {
    for (const s of rotated(scripts, r)) {
      const lsp = await startLsp(s.name, s.script, root);
      push(out, s.name, lsp.initMs);
      lsp.stop();
    }
  }
  return out;
}

/** (e) RSS after opening 50 documents (the repository's Dockerfiles, cycled), then after 1,000 edits spread over them. */
async function memory(servers: Lsp[], files: BenchFile[]): Promise<Map<string, { open50: number; edits1000: number; peak: number }>> {
  const out = new Map<string, { open50: number; edits1000: number; peak: number }>();
  const docs = Array.from({ length: 50 }, (_, i) => {
    const f = files[i % files.length]!;
    return { f, uri: pathToFileURL(join(dirname(f.path), `Dockerfile.bench-mem-${i}`)).toString(), lines: lineCount(f.text) };
  });
  for (const s of servers) {
    for (const d of docs) await open(s, d.uri, d.f.text);
    await new Promise((r) => setTimeout(r, 300));
    const open50 = rssOf(s.proc.pid).rss;
    for (let i = 0; i < 1000; i++) {
      const d = docs[i % docs.length]!;
      await toggleEdit(s, d.uri, d.lines, Math.floor(i / docs.length) + 2);
    }
    await new Promise((r) => setTimeout(r, 300));
    const m = rssOf(s.proc.pid);
    out.set(s.name, { open50, edits1000: m.rss, peak: m.peak });
    for (const d of docs) close(s, d.uri);
  }
  return out;
}

/**
 * The soak: edits at random positions of the 5,000-line file, each followed by a code-action request (the lightbulb)
 * at another random line with that line's diagnostics, as an editor sends it; request times, within a time budget.
 */
async function soak(lsp: Lsp, text: string, path: string, edits: number, budgetMs: number): Promise<{ done: number; times: number[] }> {
  const uri = pathToFileURL(join(dirname(path), 'Dockerfile.bench-soak')).toString();
  const lines = text.split('\n');
  await open(lsp, uri, text);
  const rand = prng(20261205);
  const times: number[] = [];
  const t0 = performance.now();
  let pending: { line: number; character: number } | undefined;
  let done = 0;
  for (let i = 0; i < edits && performance.now() - t0 < budgetMs; i++) {
    const version = i + 2;
    if (pending) {
      change(lsp, uri, version, { start: pending, end: { line: pending.line, character: pending.character + 1 } }, '');
      pending = undefined;
    } else {
      const line = Math.floor(rand() * (lines.length - 1));
      const character = Math.floor(rand() * ((lines[line]?.length ?? 0) + 1));
      pending = { line, character };
      change(lsp, uri, version, { start: pending, end: pending }, ' ');
    }
    const line = Math.floor(rand() * (lines.length - 1));
    const diagnostics = lsp.latest(uri).filter((d) => d.range.start.line <= line && d.range.end.line >= line);
    const t = performance.now();
    await lsp.conn.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line, character: 0 }, end: { line, character: 0 } },
      context: { diagnostics, triggerKind: 2 },
    });
    times.push(performance.now() - t);
    done++;
  }
  close(lsp, uri);
  return { done, times };
}

/** (f) Wall time of whole CLI runs (process start to exit), as a user or a CI step sees them. */
async function cliRuns(root: string, args: readonly string[], runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { stdio: ['ignore', 'ignore', 'ignore'] });
    await new Promise<void>((resolve) => child.on('exit', () => resolve()));
    out.push(performance.now() - t0);
  }
  return out;
}

const LW0 = 'layerwise';
const LW = 'layerwise (adaptive debounce)';
const PEER = 'rcjsuen';

/** Median warm lint time of a text over `runs` runs (the shell cache kept, as in the editor). */
function warmLint(text: string, path: string, runs: number): number {
  const files = diskFiles();
  const times: number[] = [];
  lintText(text, { kind: 'dockerfile', files, path, shellcheck: false });
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    lintText(text, { kind: 'dockerfile', files, path, shellcheck: false });
    times.push(performance.now() - t0);
  }
  return median(times);
}

/**
 * Issue 11's figures: warm lint time of generated files of 300, 1,200 and 5,000 lines, and of n copies of one
 * builder/runtime block (ms per copy stays flat when lint time grows linearly), with where the 5,000-line lint's
 * time goes (dockerfile-ast's parse alone is the floor of any lint that parses the whole document).
 */
function linearity(root: string, say: (s: string) => void): void {
  const path = join(root, 'Dockerfile.generated');
  say('Lint time by size (warm, in process, median):\n');
  for (const n of [300, 1200, 5000]) say(`  generated ${n.toLocaleString('en-US').padStart(5)} lines  ${fmt(warmLint(generateDockerfile(n), path, n >= 5000 ? 10 : 30))} ms\n`);
  say(`  n copies of a ${stageBlock(0).split('\n').length - 1}-line builder/runtime block:\n`);
  for (const n of [1, 4, 16, 64]) {
    const ms = warmLint(repeatedStages(n), join(root, 'Dockerfile.linearity'), n >= 64 ? 10 : 30);
    say(`    ${String(n).padStart(3)} copies  ${fmt(ms)} ms  ${(ms / n).toFixed(3)} ms/copy\n`);
  }
  const text = generateDockerfile(5000);
  const part = (label: string, f: () => void): void => {
    const t: number[] = [];
    for (let i = 0; i < 10; i++) {
      const t0 = performance.now();
      f();
      t.push(performance.now() - t0);
    }
    say(`    ${label.padEnd(34)} ${fmt(median(t))} ms\n`);
  };
  say('  the 5,000-line lint, part by part:\n');
  part('dockerfile-ast parse', () => parseDockerfile(text));
  part('syntax model (parse included)', () => buildDockerfileModel(text));
  part('syntax model + semantic layer', () => semanticsOf(buildDockerfileModel(text)));
  say('\n');
}

async function main(): Promise<void> {
  const root = process.cwd();
  // A notification still queued to a server the bench just stopped fails its write: not a failure of the bench.
  process.on('unhandledRejection', (err) => {
    if ((err as { code?: string } | undefined)?.code !== 'ERR_STREAM_DESTROYED') throw err;
  });
  const began = performance.now();
  await initRuntime();
  const say = (s: string): void => void process.stdout.write(s);
  const req = createRequire(join(root, 'package.json'));
  const peerScript = join(root, 'node_modules', 'dockerfile-language-server-nodejs', 'lib', 'server.js');
  const hasPeer = existsSync(peerScript);
  let validate: ((text: string) => unknown) | undefined;
  let peerVersion = '–';
  let utilsVersion = '–';
  try {
    validate = (req('dockerfile-utils') as { validate: (t: string) => unknown }).validate;
    utilsVersion = (JSON.parse(readFileSync(req.resolve('dockerfile-utils/package.json'), 'utf8')) as { version: string }).version;
  } catch {
    validate = undefined;
  }
  if (hasPeer) peerVersion = (JSON.parse(readFileSync(join(root, 'node_modules', 'dockerfile-language-server-nodejs', 'package.json'), 'utf8')) as { version: string }).version;
  const ourScript = join(root, 'dist', 'server.js');
  const load = (): string => {
    try {
      return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
    } catch {
      return '?';
    }
  };
  say(`Layerwise bench — node ${process.version}, ${new Date().toISOString()}, load average ${load()}\n`);
  say(`peer: dockerfile-language-server-nodejs ${hasPeer ? peerVersion : 'not installed (npm install)'}, dockerfile-utils ${validate ? utilsVersion : 'not installed'}\n`);
  say('figures: median (p10–p90) of interleaved runs; ratio = Layerwise / peer at the median\n');
  say(`debounce: rcjsuen's server has none (it lints in its didChange handler); "${LW0}" runs with LAYERWISE_DEBOUNCE_MS=0, "${LW}" as shipped\n\n`);

  linearity(root, say);
  const examplePath = join(root, 'examples', 'flask-app', 'Dockerfile');
  const files: BenchFile[] = [
    { label: 'examples/flask-app/Dockerfile', path: examplePath, text: readFileSync(examplePath, 'utf8'), fixture: true },
    { label: 'generated, 342 lines', path: join(root, 'Dockerfile.generated'), text: generateDockerfile(342), fixture: false },
    { label: 'generated, 5,000 lines', path: join(root, 'Dockerfile.generated'), text: generateDockerfile(5000), fixture: false },
  ];
  for (const p of [...findDockerfiles(join(root, 'test', 'fixtures')), ...findDockerfiles(join(root, 'examples'))]) {
    if (p === examplePath) continue;
    files.push({ label: relative(root, p), path: p, text: readFileSync(p, 'utf8'), fixture: true });
  }
  const realFiles = files.filter((f) => f.fixture);

  // (d) first, on fresh processes.
  const init = await starts([{ name: LW0, script: ourScript }, ...(hasPeer ? [{ name: PEER, script: peerScript }] : [])], root, 10);

  // (a), (b)
  const servers = [await startLsp(LW0, ourScript, root, { LAYERWISE_DEBOUNCE_MS: '0' }), await startLsp(LW, ourScript, root), ...(hasPeer ? [await startLsp(PEER, peerScript, root)] : [])];
  const { edit, first } = await latencies(servers, files, root);
  const latencyPeak = new Map(servers.map((s) => [s.name, rssOf(s.proc.pid).peak]));
  for (const s of servers) s.stop();

  // (c)
  const lint = inProcess(files, validate);

  // (e) fresh servers, as shipped.
  const memServers = [await startLsp(LW0, ourScript, root), ...(hasPeer ? [await startLsp(PEER, peerScript, root)] : [])];
  const mem = await memory(memServers, realFiles);
  for (const s of memServers) s.stop();

  // soak (Layerwise as shipped), within two minutes (about 90 ms per round on this machine).
  const soakServer = await startLsp(LW0, ourScript, root);
  const big = files.find((f) => f.label.includes('5,000'))!;
  const soaked = await soak(soakServer, big.text, big.path, 1000, 120_000);
  soakServer.stop();

  // (f)
  const cli = await cliRuns(root, ['lint', 'examples/flask-app', '--no-shellcheck', '--failure-threshold', 'none'], 10);

  const med = (m: Samples | undefined, k: string): number | undefined => (m?.get(k) ? median(m.get(k)!) : undefined);
  const sum = (m: Samples | undefined, k: string): Summary | undefined => (m?.get(k) ? summarize(m.get(k)!) : undefined);
  const rows: string[][] = [];
  const row = (what: string, file: string, m: Samples | undefined, ours: string, peer: string): void =>
    void rows.push([what, file, cell(sum(m, ours), 'ms'), cell(sum(m, peer), 'ms'), ratio(med(m, ours), med(m, peer))]);
  for (const f of files) row('(a) didChange → diagnostics', f.label, edit.get(f.label), LW0, PEER);
  for (const f of files.slice(0, 3)) row('(a) … adaptive debounce', f.label, edit.get(f.label), LW, PEER);
  for (const f of files) row('(b) didOpen → first diagnostics', f.label, first.get(f.label), LW0, PEER);
  for (const f of files) row('(c) in-process lint (warm)', f.label, lint.get(f.label), 'warm', 'peer');
  for (const f of files.slice(0, 3)) row('(c) … cold shell cache', f.label, lint.get(f.label), 'cold', 'peer');
  row('(d) spawn → initialize', '', init, LW0, PEER);
  const memo = (k: 'open50' | 'edits1000' | 'peak'): [string, string, string] => {
    const a = mem.get(LW0)?.[k];
    const b = mem.get(PEER)?.[k];
    return [a === undefined ? '–' : `${fmt(a)} MiB`, b === undefined ? '–' : `${fmt(b)} MiB`, ratio(a, b)];
  };
  rows.push(['(e) RSS after 50 open documents', '', ...memo('open50')]);
  rows.push(['(e) RSS after 1,000 edits', '', ...memo('edits1000')]);
  rows.push(['(e) peak RSS, 50 docs + edits', '', ...memo('peak')]);
  const lp = latencyPeak.get(LW0);
  const pp = latencyPeak.get(PEER);
  rows.push(['(e) peak RSS over (a)(b) incl. 5,000 lines', '', `${fmt(lp ?? NaN)} MiB`, pp === undefined ? '–' : `${fmt(pp)} MiB`, ratio(lp, pp)]);
  const soakS = summarize(soaked.times);
  rows.push(['soak: codeAction after a random edit', `5,000 lines, ${soaked.done} edits`, `${cell(soakS, 'ms')} max ${fmt(Math.max(...soaked.times))}`, '', '']);
  rows.push(['(f) CLI cold run: lint examples/flask-app', '', cell(summarize(cli), 'ms'), '', '']);
  say(formatTable(['measurement', 'file', 'Layerwise', `rcjsuen ${peerVersion} / dockerfile-utils ${utilsVersion}`, 'ratio'], rows));

  const r = (m: Samples | undefined, ours: string, peer: string): number | undefined => {
    const a = med(m, ours);
    const b = med(m, peer);
    return a !== undefined && b !== undefined ? a / b : undefined;
  };
  const le = (x: number | undefined, max: number): boolean | undefined => (x === undefined ? undefined : x <= max);
  const x = (v: number | undefined): string => (v === undefined ? '–' : `${v.toFixed(2)}×`);
  const rEx = r(edit.get(files[0]!.label), LW0, PEER);
  const r342 = r(edit.get(files[1]!.label), LW0, PEER);
  const r5k = r(edit.get(files[2]!.label), LW0, PEER);
  const lintRatios = realFiles.map((f) => ({ f: f.label, v: r(lint.get(f.label), 'warm', 'peer') })).filter((e) => e.v !== undefined) as { f: string; v: number }[];
  const worst = lintRatios.reduce<{ f: string; v: number } | undefined>((a, b) => (!a || b.v > a.v ? b : a), undefined);
  const rInit = r(init, LW0, PEER);
  const m50 = mem.get(LW0) && mem.get(PEER) ? mem.get(LW0)!.open50 / mem.get(PEER)!.open50 : undefined;
  const over = soaked.times.filter((t) => t > 500).length;
  say('\nDone when (issue 16):\n');
  say(verdict('edit → diagnostics ≤ 1.0× on the example and the 342-line file', rEx === undefined || r342 === undefined ? undefined : rEx <= 1 && r342 <= 1, `${x(rEx)}, ${x(r342)} (debounce 0)`) + '\n');
  say(verdict('edit → diagnostics ≤ 2× on 5,000 lines', le(r5k, 2), `${x(r5k)} (debounce 0)`) + '\n');
  say(verdict('in-process lint ≤ 1.5× dockerfile-utils per file on the fixtures', worst ? worst.v <= 1.5 : undefined, worst ? `worst ${x(worst.v)} (${worst.f}), median ${x(median(lintRatios.map((e) => e.v)))} over ${lintRatios.length} files` : '–') + '\n');
  say(verdict('spawn → initialize ≤ 1.0×', le(rInit, 1), x(rInit)) + '\n');
  say(verdict('RSS after 50 documents ≤ 1.5×', le(m50, 1.5), x(m50)) + '\n');
  say(verdict('no request over 500 ms in a soak of 1,000 edits with code actions (5,000 lines)', soaked.done < 1000 ? false : over === 0, `${over} of ${soaked.done} over 500 ms, max ${fmt(Math.max(...soaked.times))} ms${soaked.done < 1000 ? ' (stopped at the 120 s budget)' : ''}`) + '\n');
  say(verdict('CLI cold run on the example under 400 ms', median(cli) < 400, `${fmt(median(cli))} ms median`) + '\n');
  say(`\nbench took ${((performance.now() - began) / 1000).toFixed(0)} s; load average at the end ${load()}\n`);
}

if (require.main === module && /bench\.js$/.test(process.argv[1] ?? '')) void main();
