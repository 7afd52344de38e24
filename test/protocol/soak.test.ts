// LSP soak: one server, 50 open documents, thousands of seeded random edits and requests; it must answer everything and end where a fresh server starts.
import { afterEach, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { TextDocument, type TextDocumentContentChangeEvent } from 'vscode-languageserver-textdocument';
import type { Diagnostic, PublishDiagnosticsParams, Range } from 'vscode-languageserver-protocol';
import { fileUri, startServer, type ServerSession } from './harness';

// Overridable so a failure can be replayed (same seed) or a longer soak run locally; CI uses the defaults.
const SEED = Number(process.env.LAYERWISE_SOAK_SEED ?? 0x18_05);
const STEPS = Number(process.env.LAYERWISE_SOAK_STEPS ?? 400);
/** A request not answered within this is a hang (the soak fails); the max and p99 are reported, not asserted. */
const REQUEST_BOUND_MS = 20_000;
/** No publish for this long (debounce is 150 ms; timers run late on a loaded machine) and every document published at its version: the server is idle. */
const QUIET_MS = 1000;
const REQUEST_CANCELLED = -32800;
const CONTENT_MODIFIED = -32801;

/** mulberry32: small, seedable, the same sequence on every machine. */
function prng(seed: number): { next(): number; int(n: number): number; pick<T>(xs: readonly T[]): T; chance(p: number): boolean } {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return { next, int, pick: (xs) => xs[int(xs.length)]!, chance: (p) => next() < p };
}
type Rng = ReturnType<typeof prng>;

interface Doc {
  path: string;
  uri: string;
  languageId: string;
  /** Whether the server analyses it and publishes diagnostics (Dockerfiles and requirements files). */
  analysed: boolean;
  disk: string;
  doc: TextDocument;
  open: boolean;
}

const IMAGES = ['python:3.12-slim', 'python:3.11', 'python:3.10-alpine', 'python:3.12-slim-bookworm', 'python:3.13'];

/** Dockerfile shapes: each takes the build-context-relative requirements file it installs. */
const SHAPES: ((req: string, image: string) => string)[] = [
  (req, image) => `FROM ${image}\nWORKDIR /app\nCOPY ${req} .\nRUN pip install -r ${req.split('/').pop()}\nCOPY . .\nCMD ["python", "app.py"]\n`,
  (req, image) =>
    `FROM ${image} AS build\nRUN python -m venv /venv\nCOPY ${req} /tmp/req.txt\nRUN /venv/bin/pip install --no-cache-dir -r /tmp/req.txt\n\nFROM ${image.replace(/:(\d+\.\d+).*/, ':$1-slim')}\nCOPY --from=build /venv /venv\nENV PATH=/venv/bin:$PATH\nCOPY . /app\nUSER 1000\nCMD ["python", "/app/main.py"]\n`,
  (req, image) => `# syntax=docker/dockerfile:1\nFROM ${image}\nCOPY ${req} /app/requirements.txt\nRUN <<EOF\napt-get update\napt-get install -y gcc libpq-dev\npip install -r /app/requirements.txt\nEOF\nCOPY <<EOF /app/app.py\nprint("hi")\nEOF\n`,
  (req, image) => `FROM ${image}\nWORKDIR /app\nONBUILD COPY ${req} /app/\nONBUILD RUN pip install -r /app/${req.split('/').pop()}\nONBUILD COPY . /app\n`,
  (req, image) => `ARG PY=3.12\nFROM python:\${PY}-slim\nARG PY\nENV PIP_NO_CACHE_DIR=1 PYTHONDONTWRITEBYTECODE=1\nCOPY ${req} ./\nRUN pip install --user -r ${req.split('/').pop()} && \\\n    pip install gunicorn==22.0.0\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\nCMD gunicorn app:app\n# base ${image}\n`,
  (req, image) => `# escape=\`\r\nFROM ${image}\r\nCOPY ${req} .\r\nRUN pip install flask==3.0.3 \`\r\n    -r ${req.split('/').pop()}\r\nCMD ["flask", "run"]\r\n`,
  (req, image) => `FROM ${image}\nCOPY ${req} /r.txt\nRUN ["pip", "install", "-r", "/r.txt"]\nRUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\nEXPOSE 8000\n`,
  (req, image) => `FROM ${image}\nRUN --mount=type=cache,target=/root/.cache/pip --mount=type=bind,source=${req},target=/tmp/r.txt \\\n    pip install -r /tmp/r.txt\nCOPY --chown=1000:1000 . /srv\nWORKDIR /srv\nENTRYPOINT ["python", "-m", "srv"]\n`,
];

/** What a developer types: whole and half lines, continuations, heredoc markers, CRLF, unicode (astral too). */
const FRAGMENTS = [
  '\n', '\r\n', '\\\n', ' ', '\t', '#', '"', "'", '$', '${', '}', '$(', ')', '&&', '|', ';', '=', '==', '>=', '[', ']', '*', '!',
  'é', 'ß', '日本語', '😀', '\u200b', 'Ω',
  'FROM ', 'FROM python:3.12-slim AS build\n', 'FROM build\n', 'FROM scratch\n', 'RUN ', 'RUN pip inst', 'RUN pip install ', 'RUN pip install -r requirements.txt\n',
  'RUN pip install --no-cache-dir ', 'RUN apt-get install -y gcc\n', 'COPY --from=', 'COPY --from=build /venv /venv\n', 'COPY requirements.txt .\n', 'COPY . .\n',
  'ONBUILD RUN pip install -r ', 'ARG PY=3.11\n', 'ENV PIP_NO_CACHE_DIR=1\n', 'WORKDIR /app\n', 'USER root\n', 'RUN <<EOF\n', 'EOF\n', '<<EOF', 'CMD ["python"',
  '# hadolint ignore=DL3042\n', '# layerwise ignore=LW107\n', '# escape=`\n', 'SHELL ["/bin/bash", "-c"]\n',
  '-r ', '-r requirements/base.txt\n', '-r ../requirements.txt\n', '-c constraints.txt\n', '--index-url https://pypi.invalid/simple\n', '--ind', '-e .\n',
  'flask==3.0.3\n', 'flask', 'numpy>=1.26; python_version >= "3.9"\n', 'psycopg2==2.9.10\n', 'pandas\n', 'requests[socks]==2.32.3\n', 'torch==2.3.1\n', 'git+https://example.invalid/x.git#egg=x\n',
  '*.pyc\n', '!keep.txt\n', '.git\n', 'requirements*.txt\n',
];

interface Workspace {
  dir: string;
  docs: Doc[];
}

function writeDoc(dir: string, rel: string, text: string, languageId: string, analysed: boolean): Doc {
  const path = join(dir, rel);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
  const uri = fileUri(path);
  return { path, uri, languageId, analysed, disk: text, doc: TextDocument.create(uri, languageId, 1, text), open: false };
}

/** 50 documents: 10 Dockerfiles and 8 requirements files sharing the root's context and .dockerignore, 15 services with their own pair. */
function makeWorkspace(rng: Rng): Workspace {
  const dir = mkdtempSync(join(tmpdir(), 'layerwise-soak-'));
  const docs: Doc[] = [];
  const req = (rel: string, text: string): void => void docs.push(writeDoc(dir, rel, text, 'pip-requirements', true));
  const dockerfile = (rel: string, text: string): void => void docs.push(writeDoc(dir, rel, text, 'dockerfile', true));
  docs.push(writeDoc(dir, '.dockerignore', '.git\n*.pyc\n__pycache__/\n!requirements*.txt\n', 'ignore', false));
  docs.push(writeDoc(dir, '.layerwise.toml', 'ignored = ["DL3007"]\ntrustedRegistries = ["docker.io"]\n\n[rules]\nDL3042 = "error"\n', 'toml', false));
  req('constraints.txt', 'urllib3<3\ncelery<6\n');
  req('requirements/base.txt', 'requests==2.32.3\nurllib3==2.2.2\n');
  req('requirements/web.txt', '-r base.txt\nflask==3.0.3\ngunicorn==22.0.0\n');
  req('requirements/worker.txt', '-r base.txt\n-c ../constraints.txt\ncelery==5.4.0\n');
  req('requirements/ml.txt', '-r base.txt\nnumpy==1.26.4\npandas\n');
  req('requirements/dev.txt', '-r web.txt\n-r worker.txt\npytest==8.2.0\n');
  req('requirements.txt', '-r requirements/web.txt\npsycopg2-binary==2.9.9\n');
  req('requirements-dev.txt', '-r requirements.txt\n-r requirements/dev.txt\n');
  const rootReqs = ['requirements.txt', 'requirements-dev.txt', 'requirements/web.txt', 'requirements/worker.txt', 'requirements/ml.txt', 'requirements/dev.txt'];
  const rootNames = ['Dockerfile', 'Dockerfile.web', 'Dockerfile.worker', 'Dockerfile.ml', 'Dockerfile.dev', 'heredoc.Dockerfile', 'onbuild.Dockerfile', 'Dockerfile.crlf', 'Dockerfile.json', 'Dockerfile.mount'];
  rootNames.forEach((name, i) => dockerfile(name, SHAPES[i % SHAPES.length]!(rootReqs[i % rootReqs.length]!, rng.pick(IMAGES))));
  const extras = ['flask==3.0.3', 'psycopg2==2.9.10', 'pandas', 'numpy==1.26.4', 'lxml==5.2.2', 'django>=5', 'uvicorn[standard]==0.30.1', 'pillow==10.4.0'];
  for (let s = 0; s < 15; s++) {
    const lines = ['-r ../../requirements/base.txt', ...Array.from({ length: 1 + rng.int(3) }, () => rng.pick(extras))];
    if (s % 4 === 0) lines.push('-c ../../constraints.txt');
    req(`services/svc${s}/requirements.txt`, `${lines.join('\n')}\n`);
    dockerfile(`services/svc${s}/Dockerfile`, rng.pick(SHAPES)('requirements.txt', rng.pick(IMAGES)));
  }
  assert.equal(docs.length, 50);
  return { dir, docs };
}

/** What a server published (last per URI) and the errors it logged. */
class Recorder {
  readonly latest = new Map<string, { version: number | undefined; diagnostics: Diagnostic[] }>();
  lastPublishAt = Date.now();
  readonly errorsLogged: string[] = [];
  publishes = 0;
  readonly onPublish = (p: PublishDiagnosticsParams): void => {
    this.publishes++;
    this.latest.set(p.uri, { version: p.version, diagnostics: p.diagnostics });
    this.lastPublishAt = Date.now();
  };
  // MessageType.Error: the server caught an exception (e.g. a lint that threw while publishing).
  readonly onLog = (p: { type: number; message: string }): void => {
    if (p.type === 1) this.errorsLogged.push(p.message);
  };
}

/** Waits until every open analysed document was published at its current version and nothing was published for QUIET_MS. */
async function settle(rec: Recorder, docs: Doc[], boundMs = 30_000): Promise<number> {
  const started = Date.now();
  for (;;) {
    // Open: published at its version. Closed: the clearing publish (it has no version) arrived.
    const pending = docs.filter((d) => d.analysed && (d.open ? rec.latest.get(d.uri)?.version !== d.doc.version : rec.latest.get(d.uri)?.version !== undefined));
    if (pending.length === 0 && Date.now() - rec.lastPublishAt >= QUIET_MS) return Date.now() - started;
    if (Date.now() - started > boundMs) throw new Error(`server did not settle within ${boundMs} ms; unpublished: ${pending.map((d) => d.path).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

function rssKb(pid: number | undefined): number {
  const m = /VmRSS:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

/** User + system CPU time of a process so far (/proc/<pid>/stat, clock ticks of 10 ms). */
function cpuTimeMs(pid: number | undefined): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /s, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** A position anywhere, past the end of a line or of the document too. */
function randomPosition(rng: Rng, doc: TextDocument): { line: number; character: number } {
  const lines = doc.lineCount;
  const line = rng.chance(0.05) ? lines + rng.int(5) : rng.int(lines + 1);
  const lineText = line < lines ? doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }) : '';
  const character = rng.chance(0.05) ? 1000 : rng.int(lineText.length + 4);
  return { line, character };
}

function randomRange(rng: Rng, doc: TextDocument, maxSpan = 3): Range {
  const a = randomPosition(rng, doc);
  const b = rng.chance(0.3) ? { ...a } : rng.chance(0.7) ? { line: a.line, character: a.character + rng.int(30) } : { line: a.line + rng.int(maxSpan + 1), character: rng.int(40) };
  const before = a.line < b.line || (a.line === b.line && a.character <= b.character);
  return before ? { start: a, end: b } : { start: b, end: a };
}

function randomChange(rng: Rng, doc: TextDocument): TextDocumentContentChangeEvent {
  const r = rng.next();
  if (r < 0.01) return { range: { start: { line: 0, character: 0 }, end: { line: doc.lineCount + 1, character: 0 } }, text: '' }; // delete everything
  // Inserting outweighs deleting, so the most edited files grow; past a few screens, delete (lint time grows with size).
  if (r < 0.45 && doc.getText().length < 4000) {
    const at = randomPosition(rng, doc);
    return { range: { start: at, end: at }, text: rng.pick(FRAGMENTS) };
  }
  if (r < 0.75) return { range: randomRange(rng, doc, 2), text: '' };
  return { range: randomRange(rng, doc, 2), text: rng.chance(0.8) ? rng.pick(FRAGMENTS) : rng.pick(FRAGMENTS) + rng.pick(FRAGMENTS) };
}

function intersects(a: Range, b: Range): boolean {
  const le = (x: Range['start'], y: Range['start']): boolean => x.line < y.line || (x.line === y.line && x.character <= y.character);
  return le(a.start, b.end) && le(b.start, a.end);
}

// Without the analysis number in `data`: it counts the analyses a server made, which differs between two servers.
const canonical = (ds: Diagnostic[]): string[] =>
  ds.map((d) => JSON.stringify({ ...d, data: d.data && typeof d.data === 'object' ? { ...(d.data as object), analysis: undefined } : d.data })).sort();

function percentile(sorted: number[], p: number): number {
  return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : 0;
}

describe('LSP soak', () => {
  test('50 documents under seeded random edits and requests: every request answered without error, the server alive, and the final diagnostics a fresh server\'s', { timeout: 110_000 }, async (t) => {
    const rng = prng(SEED);
    const ws = makeWorkspace(rng);
    const rec = new Recorder();
    let server: ServerSession | undefined;
    let fresh: ServerSession | undefined;
    const started = Date.now();
    try {
      server = await startServer({ rootPath: ws.dir, onPublish: rec.onPublish, onLog: rec.onLog });
      let exited: string | undefined;
      server.process.on('exit', (code, signal) => (exited = `exit code ${code} signal ${signal}`));
      const pid = server.process.pid;
      const conn = server.connection;
      const caps = server.initialize.capabilities;
      const rssStart = rssKb(pid);

      const open = (d: Doc, text: string): void => {
        d.doc = TextDocument.create(d.uri, d.languageId, 1, text);
        d.open = true;
        void conn.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: d.languageId, version: 1, text } });
      };
      // Closing without saving: the editor drops the text, the file on disk is what remains.
      const close = (d: Doc): void => {
        d.open = false;
        d.doc = TextDocument.create(d.uri, d.languageId, 1, d.disk);
        void conn.sendNotification('textDocument/didClose', { textDocument: { uri: d.uri } });
      };
      let edits = 0;
      const change = (d: Doc, changes: TextDocumentContentChangeEvent[]): void => {
        const version = d.doc.version + 1;
        TextDocument.update(d.doc, changes, version);
        edits += changes.length;
        void conn.sendNotification('textDocument/didChange', { textDocument: { uri: d.uri, version }, contentChanges: changes });
      };

      const latencies: number[] = [];
      const byMethod = new Map<string, number[]>();
      const errors: string[] = [];
      const counts = new Map<string, number>();
      const request = async (method: string, params: object): Promise<void> => {
        counts.set(method, (counts.get(method) ?? 0) + 1);
        const t0 = performance.now();
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            conn.sendRequest(method, params),
            new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`${method} not answered within ${REQUEST_BOUND_MS} ms`)), REQUEST_BOUND_MS))),
          ]);
        } catch (err) {
          const code = (err as { code?: number }).code;
          if (code !== REQUEST_CANCELLED && code !== CONTENT_MODIFIED) errors.push(`${method} ${JSON.stringify(params).slice(0, 300)}: ${(err as Error).message}`);
        } finally {
          clearTimeout(timer);
          const ms = performance.now() - t0;
          latencies.push(ms);
          byMethod.set(method, [...(byMethod.get(method) ?? []), ms]);
        }
      };
      const randomRequest = (d: Doc): Promise<void> => {
        const td = { uri: d.uri };
        const kinds = ['hover', 'codeAction', 'codeAction', 'codeLens', 'completion', 'documentLink', ...(caps.semanticTokensProvider ? ['semanticTokens'] : [])];
        switch (rng.pick(kinds)) {
          case 'hover':
            return request('textDocument/hover', { textDocument: td, position: randomPosition(rng, d.doc) });
          case 'codeAction': {
            const range = randomRange(rng, d.doc, 8);
            const published = rec.latest.get(d.uri)?.diagnostics ?? [];
            const context: { diagnostics: Diagnostic[]; only?: string[] } = { diagnostics: published.filter((x) => intersects(x.range, range)) };
            if (rng.chance(0.4)) context.only = [rng.pick(['quickfix', 'source.fixAll.layerwise', 'source.fixAll', 'source', 'refactor', 'refactor.rewrite'])];
            return request('textDocument/codeAction', { textDocument: td, range, context });
          }
          case 'codeLens':
            return request('textDocument/codeLens', { textDocument: td });
          case 'completion':
            return request('textDocument/completion', { textDocument: td, position: randomPosition(rng, d.doc) });
          case 'documentLink':
            return request('textDocument/documentLink', { textDocument: td });
          default:
            return request('textDocument/semanticTokens/full', { textDocument: td });
        }
      };

      for (const d of ws.docs) open(d, d.disk);
      const openSettle = await settle(rec, ws.docs);
      const cpuOpenMs = cpuTimeMs(pid);

      const reopenAt = new Map<Doc, number>();
      let closes = 0;
      let unsavedIncludedCloses = 0;
      // Edits concentrate on a few files, as in a real session (weight 1/rank^1.5 over a seeded order): the rarely
      // edited Dockerfiles keep installing their requirements files, so dropped unsaved text has something to change.
      const weight = new Map<Doc, number>();
      [...ws.docs].sort(() => rng.next() - 0.5).forEach((d, rank) => weight.set(d, (d.analysed ? 1 : 0.3) / (rank + 1) ** 1.5));
      const pickWeighted = (): Doc => {
        const candidates = ws.docs.filter((d) => d.open);
        let x = rng.next() * candidates.reduce((sum, d) => sum + weight.get(d)!, 0);
        for (const d of candidates) if ((x -= weight.get(d)!) <= 0) return d;
        return candidates.at(-1)!;
      };
      for (let step = 0; step < STEPS; step++) {
        const d = pickWeighted();
        const r = rng.next();
        if (r < 0.08) {
          // Typing a line one character at a time: every prefix is a half-typed line the server sees.
          const line = rng.pick(FRAGMENTS.filter((f) => f.length > 3));
          let at = randomPosition(rng, d.doc);
          at = d.doc.positionAt(d.doc.offsetAt(at));
          for (const ch of line) {
            change(d, [{ range: { start: at, end: at }, text: ch }]);
            at = d.doc.positionAt(d.doc.offsetAt(at) + ch.length);
            if (rng.chance(0.2)) await randomRequest(d);
          }
        } else if (r < 0.12) {
          // Several changes in one notification, applied in order.
          change(d, Array.from({ length: 2 + rng.int(4) }, () => randomChange(rng, d.doc)));
        } else {
          // A burst of single edits, as typing and deleting between two requests sends.
          for (let k = 1 + rng.int(8); k > 0; k--) change(d, [randomChange(rng, d.doc)]);
        }
        // Requests: on the edited document mostly, several in flight at once.
        const inFlight: Promise<void>[] = [];
        for (let k = rng.int(3); k > 0; k--) inFlight.push(randomRequest(rng.chance(0.7) ? d : pickWeighted()));
        // An edit while requests are in flight (the server may answer ContentModified).
        if (inFlight.length && rng.chance(0.1)) change(d, [randomChange(rng, d.doc)]);
        await Promise.all(inFlight);

        if (rng.chance(0.012)) {
          // Close a document (unsaved: its edits are dropped), reopen it a few steps later; sometimes with other
          // text, as an editor restoring an unsaved buffer does.
          const c = pickWeighted();
          close(c);
          closes++;
          reopenAt.set(c, step + 1 + rng.int(20));
        }
        if (rng.chance(0.006)) {
          // Close an included requirements file that has unsaved edits: what includes it must go back to the disk text.
          const included = ws.docs.filter((x) => x.open && x.languageId === 'pip-requirements' && x.doc.getText() !== x.disk && /requirements\/(base|web|worker)\.txt$|constraints\.txt$/.test(x.path));
          if (included.length) {
            const c = rng.pick(included);
            close(c);
            unsavedIncludedCloses++;
            reopenAt.set(c, step + 1 + rng.int(40));
          }
        }
        for (const [c, at] of reopenAt) {
          if (at > step) continue;
          reopenAt.delete(c);
          let text = c.disk;
          if (rng.chance(0.3)) text = TextDocument.applyEdits(TextDocument.create(c.uri, c.languageId, 1, text), [{ range: randomRange(rng, c.doc), newText: rng.pick(FRAGMENTS) }]);
          open(c, text);
        }
        // Now and then the editor goes idle long enough for debounced publishes to go out mid-soak.
        if (rng.chance(0.01)) await new Promise((res) => setTimeout(res, 200));
        assert.equal(exited, undefined, `server exited at step ${step}`);
      }
      for (const c of reopenAt.keys()) open(c, c.disk);
      const endSettle = await settle(rec, ws.docs);
      // Last, close the included requirements files that have unsaved edits and leave them closed: nothing edited
      // afterwards can hide a Dockerfile (or an including file) still showing findings from the dropped text.
      // Each gets one more unsaved line that matters to what installs it (psycopg2 has no wheel: LW113 where no
      // compiler is installed) so the dropped text leaves something to see.
      const leftClosed = ws.docs.filter((x) => x.open && /requirements\/(base|web|worker|ml)\.txt$/.test(x.path));
      for (const c of leftClosed) {
        const end = c.doc.positionAt(c.doc.getText().length);
        change(c, [{ range: { start: end, end }, text: '\npsycopg2==2.9.10\n' }]);
      }
      await settle(rec, ws.docs);
      const publishesBefore = rec.publishes;
      for (const c of leftClosed) close(c);
      await settle(rec, ws.docs);
      const republished = rec.publishes - publishesBefore - leftClosed.length;
      const rssEnd = rssKb(pid);
      const cpuMs = cpuTimeMs(pid);
      const soakMs = Date.now() - started;

      // A fresh server, the same disk, the same final texts opened: its diagnostics are what the soaked server's must be.
      const freshRec = new Recorder();
      fresh = await startServer({ rootPath: ws.dir, onPublish: freshRec.onPublish, onLog: freshRec.onLog });
      for (const d of ws.docs.filter((x) => x.open)) {
        void fresh.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: d.uri, languageId: d.languageId, version: d.doc.version, text: d.doc.getText() } });
      }
      await settle(freshRec, ws.docs);
      const mismatches: string[] = [];
      for (const d of ws.docs) {
        if (!d.open) {
          if (rec.latest.get(d.uri)?.diagnostics.length) mismatches.push(`${d.path.slice(ws.dir.length + 1)}: closed, but its diagnostics were not cleared`);
          continue;
        }
        const got = canonical(rec.latest.get(d.uri)?.diagnostics ?? []);
        const want = canonical(freshRec.latest.get(d.uri)?.diagnostics ?? []);
        if (JSON.stringify(got) !== JSON.stringify(want)) {
          const codes = (xs: string[]): string => xs.map((x) => (JSON.parse(x) as Diagnostic).code).join(',');
          mismatches.push(`${d.path.slice(ws.dir.length + 1)}: soaked [${codes(got)}] fresh [${codes(want)}]`);
        }
      }

      const sorted = [...latencies].sort((a, b) => a - b);
      const requests = latencies.length;
      t.diagnostic(`seed ${SEED} (LAYERWISE_SOAK_SEED), ${STEPS} steps (LAYERWISE_SOAK_STEPS), ${ws.docs.length} documents`);
      t.diagnostic(`edits ${edits}, requests ${requests} (${[...counts].map(([m, n]) => `${m.replace('textDocument/', '')} ${n}`).join(', ')}), closes ${closes} + ${unsavedIncludedCloses} unsaved included (+ ${leftClosed.length} at the end, after which ${republished} documents were re-published)`);
      t.diagnostic(`latency bound ${REQUEST_BOUND_MS} ms: max ${sorted.at(-1)?.toFixed(1)} ms, p99 ${percentile(sorted, 99).toFixed(1)} ms, p50 ${percentile(sorted, 50).toFixed(1)} ms`);
      for (const [m, xs] of byMethod) {
        const ys = [...xs].sort((a, b) => a - b);
        t.diagnostic(`  ${m.replace('textDocument/', '')}: max ${ys.at(-1)?.toFixed(1)} ms, p99 ${percentile(ys, 99).toFixed(1)} ms`);
      }
      t.diagnostic(`RSS ${(rssStart / 1024).toFixed(1)} MB -> ${(rssEnd / 1024).toFixed(1)} MB; all published ${openSettle} ms after opening 50, idle ${endSettle} ms after the last edit; soak ${soakMs} ms, server CPU ${cpuOpenMs} ms to open, ${cpuMs} ms in all`);
      t.diagnostic(`error responses ${errors.length}, errors logged ${rec.errorsLogged.length}, mismatches ${mismatches.length}`);

      assert.equal(exited, undefined, 'the server exited');
      assert.deepEqual(errors.slice(0, 5), [], `${errors.length} error responses`);
      assert.deepEqual(rec.errorsLogged.slice(0, 5), [], `${rec.errorsLogged.length} errors logged by the soaked server`);
      assert.deepEqual(freshRec.errorsLogged.slice(0, 5), [], 'errors logged by the fresh server');
      assert.deepEqual(mismatches, []);
    } finally {
      await server?.stop();
      await fresh?.stop();
      rmSync(ws.dir, { recursive: true, force: true });
    }
  });
});

describe('opening and closing documents others depend on', () => {
  const dockerfile = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt ./\nCOPY requirements/ requirements/\nRUN pip install --no-cache-dir -r requirements.txt\n';
  const codes = (ds: Diagnostic[]): string[] => ds.map((d) => String(d.code));
  let dir: string;
  let server: ServerSession;
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'layerwise-close-'));
    writeFileSync(join(dir, 'Dockerfile'), dockerfile);
    writeFileSync(join(dir, 'requirements.txt'), '-r requirements/base.txt\nflask==3.0.3\n');
    mkdirSync(join(dir, 'requirements'));
    writeFileSync(join(dir, 'requirements', 'base.txt'), 'requests==2.32.3\n');
    server = await startServer({ rootPath: dir });
  });
  afterEach(async () => {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  test('closing an unsaved included requirements file re-publishes the Dockerfile that installs it from the file on disk', { timeout: 30_000 }, async () => {
    const dockerUri = server.open(join(dir, 'Dockerfile'), 'dockerfile', dockerfile);
    const baseUri = server.open(join(dir, 'requirements', 'base.txt'), 'pip-requirements', 'requests==2.32.3\n');
    assert.ok(!codes(await server.diagnostics(dockerUri)).includes('LW113'));
    // Unsaved: psycopg2 has no wheel, so the slim image needs a compiler (LW113 on the Dockerfile, pointing at base.txt).
    server.change(baseUri, 'requests==2.32.3\npsycopg2==2.9.10\n', 2);
    const withIt = await server.diagnostics(dockerUri, (d) => codes(d).includes('LW113'), 5_000);
    assert.deepEqual(withIt.find((d) => d.code === 'LW113')!.relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line]), [[baseUri, 1]]);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri: baseUri } });
    await server.diagnostics(dockerUri, (d) => !codes(d).includes('LW113'), 5_000);
  });

  test('opening an included requirements file with text other than the disk\'s (a restored unsaved buffer) re-publishes the Dockerfile', { timeout: 30_000 }, async () => {
    const dockerUri = server.open(join(dir, 'Dockerfile'), 'dockerfile', dockerfile);
    assert.ok(!codes(await server.diagnostics(dockerUri)).includes('LW113'));
    server.open(join(dir, 'requirements', 'base.txt'), 'pip-requirements', 'requests==2.32.3\npsycopg2==2.9.10\n');
    await server.diagnostics(dockerUri, (d) => codes(d).includes('LW113'), 5_000);
  });

  test('a Dockerfile closed and reopened at version 1 with other text gets the new text\'s size CodeLens, not the old one\'s', { timeout: 30_000 }, async () => {
    const path = join(dir, 'Dockerfile');
    const lenses = async (uri: string): Promise<string[]> =>
      ((await server.connection.sendRequest('textDocument/codeLens', { textDocument: { uri } })) as { command?: { title: string } }[]).map((l) => l.command?.title ?? '');
    const uri = server.open(path, 'dockerfile', 'FROM python:3.12-slim\n');
    await server.diagnostics(uri);
    assert.match((await lenses(uri))[0]!, /^python:3\.12-slim · final image .* MB/);
    void server.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    // Editors number a reopened document from 1 again.
    server.open(path, 'dockerfile', 'FROM python:3.12 AS build\nRUN pip install --no-cache-dir flask==3.0.3\n', 1);
    await server.diagnostics(uri);
    assert.match((await lenses(uri))[0]!, /^build · final image .*\d GB/);
  });
});
