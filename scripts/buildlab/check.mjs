#!/usr/bin/env node
// The build check's runner: builds every fixture project as written, after fix-all and after the split, runs each
// image and asks it the project's smoke question, and prints the measured sizes beside Layerwise's estimates.
//
//   node scripts/buildlab/check.mjs [--only a,b] [--keep] [--projects DIR]
//
//   --only a,b      only these projects (folder names)
//   --keep          keep the images (localhost/lw-check/<project>:<variant>) and the copies in $LW_LAB/check
//   --projects DIR  another folder of projects (default test/fixtures/build-projects)
// Needs the lab (setup.sh, bases.sh) and the local index being served (build-index.sh, serve-index.sh): run.sh does
// all of it. Writes $LW_LAB/results.json and logs in $LW_LAB/logs/check/. Exits 1 when a variant of a project that
// is meant to build fails to build, to start or to answer; a split that Layerwise declines is reported, not failed.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, openSync, closeSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '../..');
const CLI = join(ROOT, 'dist/cli.js');

const argv = process.argv.slice(2);
const option = (name) => {
  const i = argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  const v = argv[i + 1];
  if (v === undefined || v.startsWith('--')) usage(`--${name} needs a value`);
  return v;
};
function usage(problem) {
  console.error(`check.mjs: ${problem}\nusage: node scripts/buildlab/check.mjs [--only a,b] [--keep] [--projects DIR]`);
  process.exit(2);
}
for (const a of argv) if (a.startsWith('--') && !['--only', '--keep', '--projects'].includes(a)) usage(`unknown option ${a}`);
const KEEP = argv.includes('--keep');
const ONLY = option('only')?.split(',').map((s) => s.trim()).filter(Boolean);
const PROJECTS = resolve(option('projects') ?? join(ROOT, 'test/fixtures/build-projects'));

const BUILD_TIMEOUT_MS = 20 * 60_000;
const RUN_TIMEOUT_MS = 120_000;
const HTTP_WAIT_MS = 30_000;

// The lab's environment (podman's private config and storage), from the one file every lab script sources.
function labEnv() {
  const r = spawnSync('bash', ['-c', `. "${join(HERE, 'env.sh')}" >/dev/null && env -0`], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cannot source scripts/buildlab/env.sh: ${r.stderr}`);
  const env = {};
  for (const kv of r.stdout.split('\0')) {
    const eq = kv.indexOf('=');
    if (eq > 0) env[kv.slice(0, eq)] = kv.slice(eq + 1);
  }
  return env;
}
const ENV = labEnv();
const LAB = ENV.LW_LAB;
const LOGS = join(LAB, 'logs/check');
const WORK = join(LAB, 'check');
const INDEX_URL = `http://127.0.0.1:${ENV.LW_INDEX_PORT}/simple/`;

/** Runs a program; output to a log file (when given) or captured. Never throws on a non-zero exit. */
function run(cmd, args, { log, timeout = RUN_TIMEOUT_MS, cwd = ROOT } = {}) {
  const start = Date.now();
  let fd;
  if (log) fd = openSync(log, 'w');
  const r = spawnSync(cmd, args, {
    cwd,
    env: ENV,
    timeout,
    killSignal: 'SIGKILL',
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: fd === undefined ? ['ignore', 'pipe', 'pipe'] : ['ignore', fd, fd],
  });
  if (fd !== undefined) closeSync(fd);
  const seconds = (Date.now() - start) / 1000;
  const timedOut = r.error?.code === 'ETIMEDOUT' || (r.status === null && r.signal === 'SIGKILL');
  return { status: r.status, stdout: r.stdout ?? '', stderr: r.stderr ?? '', seconds, timedOut, error: r.error };
}
const podman = (args, opts) => run('podman', args, opts);
const cli = (args) => run(process.execPath, [CLI, ...args], { timeout: 120_000 });
const firstLine = (s) => s.split('\n').map((l) => l.trim()).find(Boolean) ?? '';
const tail = (file, n = 15) => (existsSync(file) ? readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n') : '');
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Every file under dir with its content hash: tells whether fix-all changed anything. */
function snapshot(dir) {
  const out = {};
  const walk = (d) => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[relative(dir, p)] = createHash('sha256').update(readFileSync(p)).digest('hex');
    }
  };
  walk(dir);
  return out;
}
const changedFiles = (a, b) => [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => a[k] !== b[k]).sort();

function readProjects() {
  if (!existsSync(PROJECTS)) throw new Error(`no projects folder ${relative(ROOT, PROJECTS) || PROJECTS}`);
  const names = readdirSync(PROJECTS).filter((n) => statSync(join(PROJECTS, n)).isDirectory()).sort();
  const unknown = (ONLY ?? []).filter((n) => !names.includes(n));
  if (unknown.length) throw new Error(`no project named ${unknown.join(', ')} in ${relative(ROOT, PROJECTS)} (there are: ${names.join(', ')})`);
  return names
    .filter((n) => !ONLY || ONLY.includes(n))
    .map((name) => {
      const dir = join(PROJECTS, name);
      const file = join(dir, 'project.json');
      let meta;
      try {
        meta = JSON.parse(readFileSync(file, 'utf8'));
      } catch (err) {
        return { name, dir, problem: `project.json: ${err.code === 'ENOENT' ? 'missing' : err.message}` };
      }
      if (!existsSync(join(dir, 'Dockerfile'))) return { name, dir, meta, problem: 'no Dockerfile' };
      const skip = typeof meta.build === 'object' && meta.build !== null ? meta.build.skip : undefined;
      if (meta.build !== true && !skip) return { name, dir, meta, problem: 'project.json: "build" is neither true nor { "skip": reason }' };
      if (!skip && !(meta.smoke?.http || Array.isArray(meta.smoke?.run))) return { name, dir, meta, problem: 'project.json: no smoke test ("http" or "run")' };
      return { name, dir, meta, skip };
    });
}

/** Copies the project (without project.json, which is the check's, not the project's) to a fresh folder. */
function copyProject(project, variant) {
  const dst = join(WORK, project.name, variant);
  rmSync(dst, { recursive: true, force: true });
  mkdirSync(dst, { recursive: true });
  cpSync(project.dir, dst, { recursive: true, filter: (src) => src !== join(project.dir, 'project.json') });
  return dst;
}

/** Rewrites the copy for the variant. Returns { declined } or { error } or { note }. */
function rewrite(variant, dir, asWritten) {
  const dockerfile = join(dir, 'Dockerfile');
  if (variant === 'fix-all') {
    const r = cli(['lint', dockerfile, '--fix', '--failure-threshold', 'none', '--no-color']);
    if (r.status !== 0) return { error: `lint --fix exited ${r.status}: ${firstLine(r.stderr) || firstLine(r.stdout)}` };
    const changed = changedFiles(asWritten, snapshot(dir));
    return changed.length ? { note: `fix-all changed ${changed.join(', ')}` } : { unchanged: true, note: 'fix-all changed nothing' };
  }
  if (variant === 'split') {
    const r = cli(['split', dockerfile, '--write']);
    if (r.status === 1) return { declined: firstLine(r.stderr).replace(/^layerwise: split does not apply to [^:]*: /, '') };
    if (r.status !== 0) return { error: `split exited ${r.status}: ${firstLine(r.stderr)}` };
    return { note: 'split applied' };
  }
  return {};
}

/** podman's last line names the failing step; the tool's own error line above it (pip's, apt's) says why. */
function buildError(log) {
  const lines = tail(log, 400).split('\n');
  const step = lines.at(-1)?.replace(/^Error: building at STEP "(.*)": while running runtime: (.*)$/, '`$1`: $2') ?? '';
  const cause = lines.filter((l) => /^(ERROR|E):|fatal error:/.test(l.trim())).at(-1)?.trim();
  return cause ? `${step} (${cause})` : step;
}

function estimate(dir) {
  const r = cli(['estimate', join(dir, 'Dockerfile'), '--format', 'json', '--context', dir]);
  if (r.status !== 0) return { error: `estimate exited ${r.status}: ${firstLine(r.stderr)}` };
  try {
    const bytes = JSON.parse(r.stdout).final?.bytes;
    return bytes ? { typical: bytes.typical, low: bytes.low, high: bytes.high } : { error: 'estimate has no final image' };
  } catch (err) {
    return { error: `estimate printed no JSON: ${err.message}` };
  }
}

function portAnswers(port) {
  return new Promise((done) => {
    const s = connect({ host: '127.0.0.1', port });
    s.setTimeout(1000);
    s.once('connect', () => (s.destroy(), done(true)));
    s.once('error', () => done(false));
    s.once('timeout', () => (s.destroy(), done(false)));
  });
}

/** Starts the image and asks it the project's smoke question. Returns { ok, detail }. */
async function smokeTest(image, smoke, name, logBase) {
  if (Array.isArray(smoke.run)) {
    const r = podman(['run', '--rm', '--pull=never', '--network', 'host', '--name', name, image, ...smoke.run]);
    writeFileSync(`${logBase}.run.log`, r.stdout + r.stderr);
    const out = r.stdout.trim();
    if (r.timedOut) return { ok: false, detail: `\`${smoke.run.join(' ')}\` did not finish in ${RUN_TIMEOUT_MS / 1000} s` };
    if (r.status !== 0) return { ok: false, detail: `\`${smoke.run.join(' ')}\` exited ${r.status}: ${firstLine(r.stderr.split('\n').slice(-3).join('\n')) || firstLine(out)}` };
    return out.includes(smoke.expect) ? { ok: true, detail: out.split('\n').at(-1) } : { ok: false, detail: `printed "${out.slice(0, 200)}", expected "${smoke.expect}"` };
  }
  const { port, path = '/', expect } = smoke.http;
  const url = `http://127.0.0.1:${port}${path}`;
  if (await portAnswers(port)) return { ok: false, detail: `port ${port} is already in use on this machine, so the container cannot take it` };
  const started = podman(['run', '-d', '--pull=never', '--network', 'host', '--name', name, image]);
  if (started.status !== 0) return { ok: false, detail: `podman run failed: ${firstLine(started.stderr)}` };
  let last = 'no answer';
  let result;
  const deadline = Date.now() + HTTP_WAIT_MS;
  while (!result && Date.now() < deadline) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(3000) });
      const body = await res.text();
      if (res.ok && body.includes(expect)) result = { ok: true, detail: body.trim().split('\n')[0].slice(0, 120) };
      else last = `HTTP ${res.status}: "${body.trim().slice(0, 160)}"`;
    } catch (err) {
      last = err.cause?.code ?? err.name;
    }
    if (result) break;
    const state = podman(['inspect', '--format', '{{.State.Status}} {{.State.ExitCode}}', name]).stdout.trim();
    if (!state.startsWith('running')) {
      last = `the container stopped (${state})`;
      break;
    }
    await sleep(500);
  }
  const logs = podman(['logs', name]);
  writeFileSync(`${logBase}.run.log`, logs.stdout + logs.stderr);
  podman(['rm', '-f', '-t', '2', name]);
  return result ?? { ok: false, detail: `${url} did not answer with "${expect}" within ${HTTP_WAIT_MS / 1000} s (last: ${last})` };
}

async function checkVariant(project, variant, asWritten) {
  const row = { project: project.name, variant, built: false, smoke: null, measuredBytes: null, estimate: null, buildSeconds: null, note: '', failed: false };
  const dir = copyProject(project, variant);
  if (variant === 'as-written') asWritten.snapshot = snapshot(dir);
  const rw = rewrite(variant, dir, asWritten.snapshot);
  if (rw.error) return { ...row, failed: !project.skip, note: rw.error };
  if (rw.declined) return { ...row, declined: rw.declined, note: `split declined: ${rw.declined}` };
  const est = estimate(dir);
  if (est.error) row.note = est.error;
  else row.estimate = est;
  if (rw.note) row.note = [rw.note, row.note].filter(Boolean).join('; ');
  if (project.skip) return { ...row, note: [`not built: ${project.skip}`, row.note].filter(Boolean).join('; ') };
  // An unchanged fix-all is the as-written image again: reported with its figures, not built twice.
  if (rw.unchanged && asWritten.row) {
    const same = asWritten.row;
    return { ...row, built: same.built, smoke: same.smoke, measuredBytes: same.measuredBytes, failed: same.failed, sameAs: 'as-written' };
  }
  const image = `localhost/lw-check/${project.name}:${variant}`;
  const logBase = join(LOGS, `${project.name}-${variant}`);
  const b = podman(['build', '--pull=never', '--network', 'host', '-t', image, '-f', join(dir, 'Dockerfile'), dir], { log: `${logBase}.build.log`, timeout: BUILD_TIMEOUT_MS });
  row.buildSeconds = Math.round(b.seconds * 10) / 10;
  if (b.status !== 0) {
    const why = b.timedOut ? `build did not finish in ${BUILD_TIMEOUT_MS / 60_000} min` : `build failed: ${buildError(`${logBase}.build.log`)}`;
    console.log(`--- ${project.name} (${variant}): last lines of ${logBase}.build.log\n${tail(`${logBase}.build.log`)}`);
    return { ...row, failed: true, note: [why, row.note].filter(Boolean).join('; ') };
  }
  row.built = true;
  row.measuredBytes = Number(podman(['image', 'inspect', '--format', '{{.Size}}', image]).stdout.trim());
  row.smoke = await smokeTest(image, project.meta.smoke, `lw-check-${project.name}-${variant}`, logBase);
  if (!row.smoke.ok) {
    row.failed = true;
    row.note = [`smoke: ${row.smoke.detail}`, row.note].filter(Boolean).join('; ');
    console.log(`--- ${project.name} (${variant}): smoke test failed: ${row.smoke.detail}\n${tail(`${logBase}.run.log`)}`);
  }
  if (!KEEP) podman(['rmi', '-f', image]);
  return row;
}

const MB = (n) => (n == null ? '' : (n / 1e6).toFixed(1));
function table(rows) {
  const head = ['project', 'variant', 'built', 'smoke', 'measured MB', 'estimate MB (range)', 'est/meas', 'build s', 'note'];
  const cells = rows.map((r) => [
    r.project,
    r.variant,
    r.built ? 'yes' : r.declined ? '-' : 'no',
    r.smoke ? (r.smoke.ok ? 'ok' : 'FAIL') : '-',
    MB(r.measuredBytes),
    r.estimate ? `${MB(r.estimate.typical)} (${MB(r.estimate.low)}–${MB(r.estimate.high)})` : '',
    r.estimate && r.measuredBytes ? `${((r.estimate.typical / r.measuredBytes - 1) * 100).toFixed(0).replace(/^(?=\d)/, '+')} %` : '',
    r.sameAs ? `(= ${r.sameAs})` : r.buildSeconds == null ? '' : r.buildSeconds.toFixed(1),
    r.note,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c) => c.map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]))).join(' | ');
  return [line(head), widths.map((w, i) => '-'.repeat(i === widths.length - 1 ? 4 : w)).join('-|-'), ...cells.map(line)].join('\n');
}

async function main() {
  const started = Date.now();
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing: run `node scripts/build.mjs --only=dist` first');
  if (run('podman', ['--version']).status !== 0) throw new Error('podman does not run: run scripts/buildlab/setup.sh first');
  const projects = readProjects();
  if (!projects.length) throw new Error(`no projects in ${relative(ROOT, PROJECTS)}`);
  const built = projects.filter((p) => !p.problem && !p.skip);
  if (built.length) {
    const missing = ['python:3.11-slim', 'python:3.11', 'debian:bookworm-slim'].filter((n) => podman(['image', 'exists', `docker.io/library/${n}`]).status !== 0);
    if (missing.length) throw new Error(`the lab's base images are missing (${missing.join(', ')}): run scripts/buildlab/bases.sh first`);
    try {
      await fetch(INDEX_URL, { signal: AbortSignal.timeout(3000) }).then((r) => r.text());
    } catch {
      throw new Error(`the local package index does not answer at ${INDEX_URL}: run scripts/buildlab/build-index.sh and serve-index.sh first`);
    }
  }
  mkdirSync(LOGS, { recursive: true });
  const rows = [];
  for (const project of projects) {
    const t0 = Date.now();
    if (project.problem) {
      rows.push({ project: project.name, variant: '-', built: false, smoke: null, measuredBytes: null, estimate: null, buildSeconds: null, failed: true, note: project.problem });
      continue;
    }
    const asWritten = {};
    for (const variant of ['as-written', 'fix-all', 'split']) {
      const row = await checkVariant(project, variant, asWritten);
      if (variant === 'as-written') asWritten.row = row;
      rows.push(row);
      const status = row.failed ? 'FAIL' : row.built ? `built, smoke ${row.smoke?.ok ? 'ok' : '-'}` : project.skip ? 'checked statically' : 'not built';
      console.log(`[check] ${project.name} ${variant}: ${status}${row.buildSeconds != null ? ` (build ${row.buildSeconds} s)` : ''}${row.note ? ` — ${row.note}` : ''}`);
    }
    console.log(`[check] ${project.name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  if (!KEEP) {
    // The check's build cache (intermediate images nothing names any more); the bases keep their names.
    podman(['image', 'prune', '-f']);
    rmSync(WORK, { recursive: true, force: true });
  }
  const seconds = (Date.now() - started) / 1000;
  const failures = rows.filter((r) => r.failed);
  console.log(`\n${table(rows)}\n`);
  console.log('measured: podman image inspect .Size (uncompressed layers); estimate: layerwise estimate --format json, final image, typical (low–high)');
  const results = { date: new Date(started).toISOString(), seconds: Math.round(seconds), projects: relative(ROOT, PROJECTS), rows, failures: failures.length };
  writeFileSync(join(LAB, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  console.log(`[check] ${rows.length} rows, ${failures.length} failed, ${seconds.toFixed(0)} s; results in ${join(LAB, 'results.json')}, logs in ${LOGS}`);
  for (const f of failures) console.log(`[check] FAILED ${f.project} (${f.variant}): ${f.note}`);
  return failures.length ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(`check.mjs: ${err.message}`);
    process.exit(1);
  },
);
