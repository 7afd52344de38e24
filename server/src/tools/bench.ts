// `npm run bench`: lint time per file (median of repeated in-process runs), its growth with file length, and the server's start-to-initialize time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { lintText } from '../core/index';
import { diskFiles, initRuntime } from '../node/runtime';
import { clearShellCache } from '../core/parse/shell';
import { parseDockerfile } from '../core/parse/dockerfile';
import { buildDockerfileModel } from '../core/model/dockerfile';
import { semanticsOf } from '../core/model/semantic';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** A long, varied Dockerfile: many stages, long RUN chains, copies, env — about `lines` lines. */
export function generateDockerfile(lines: number): string {
  const out: string[] = ['# syntax=docker/dockerfile:1', 'ARG PY=3.12'];
  let stage = 0;
  while (out.length < lines) {
    out.push(`FROM python:\${PY}-slim AS stage${stage}`, 'WORKDIR /app', `ENV APP_HOME=/app STAGE=${stage}`);
    out.push('RUN apt-get update \\', '    && apt-get install -y gcc libpq-dev curl \\', '    && pip install flask gunicorn psycopg2 \\', '    && echo "done" | tee /tmp/log');
    for (let i = 0; i < 20; i++) out.push(`COPY src/module${i}.py /app/src/module${i}.py`);
    out.push('COPY . .', 'RUN pip install -r requirements.txt', 'USER 1000', 'CMD ["gunicorn", "app:app"]');
    stage++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}

/**
 * One realistic multi-stage block (a builder with a venv, a runtime copying from it), numbered `k` so stage names
 * stay unique; `n` copies of it make the linearity series.
 */
export function stageBlock(k: number): string {
  return [
    `FROM python:3.12-slim AS builder${k}`,
    'ENV PIP_DISABLE_PIP_VERSION_CHECK=1 VENV=/opt/venv',
    'ARG BUILD_REF=dev',
    'WORKDIR /src',
    'RUN apt-get update \\',
    '    && apt-get install -y --no-install-recommends gcc libpq-dev \\',
    '    && rm -rf /var/lib/apt/lists/*',
    'RUN python -m venv $VENV',
    'ENV PATH="$VENV/bin:$PATH"',
    'COPY requirements.txt .',
    'RUN --mount=type=cache,target=/root/.cache/pip pip install -r requirements.txt',
    'COPY src/ ./src/',
    'RUN pip install --no-deps .',
    '',
    `FROM python:3.12-slim AS runtime${k}`,
    'RUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*',
    `COPY --from=builder${k} /opt/venv /opt/venv`,
    'ENV PATH="/opt/venv/bin:$PATH" PYTHONUNBUFFERED=1',
    'WORKDIR /app',
    'COPY --chown=1000:1000 app/ ./app/',
    'USER 1000',
    'EXPOSE 8000',
    'HEALTHCHECK CMD curl -f http://localhost:8000/health || exit 1',
    'CMD ["gunicorn", "--bind", "0.0.0.0:8000", "app:app"]',
    '',
  ].join('\n');
}

export function repeatedStages(n: number): string {
  const out: string[] = ['# syntax=docker/dockerfile:1'];
  for (let k = 0; k < n; k++) out.push(stageBlock(k));
  return out.join('\n');
}

interface Timing {
  median: number;
  min: number;
  max: number;
  runs: number;
  findings: number;
}

/** Lints `text` `runs` times in process (ShellCheck off: it is a separate process, not lint time). */
function measure(text: string, path: string, runs: number, fresh: boolean): Timing {
  const files = diskFiles();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (fresh) clearShellCache();
    const t0 = performance.now();
    lintText(text, { kind: 'dockerfile', files, path, shellcheck: false });
    samples.push(performance.now() - t0);
  }
  const findings = lintText(text, { kind: 'dockerfile', files, path, shellcheck: false }).findings.length;
  return { median: median(samples), min: Math.min(...samples), max: Math.max(...samples), runs, findings };
}

function time(label: string, text: string, path: string, runs: number, fresh: boolean): void {
  const t = measure(text, path, runs, fresh);
  process.stdout.write(`${label.padEnd(46)} ${text.split('\n').length - 1} lines  median ${t.median.toFixed(2)} ms  (min ${t.min.toFixed(2)}, max ${t.max.toFixed(2)}, ${t.runs} runs, ${t.findings} findings)\n`);
}

/** Lint time of n copies of one multi-stage block: ms per copy stays flat when lint time grows linearly. */
function linearity(root: string, counts: readonly number[]): void {
  process.stdout.write(`linearity: n copies of a ${stageBlock(0).split('\n').length - 1}-line builder/runtime block (warm, median)\n`);
  process.stdout.write(`${'copies'.padStart(8)} ${'lines'.padStart(7)} ${'ms'.padStart(9)} ${'ms/copy'.padStart(9)}\n`);
  for (const n of counts) {
    const text = repeatedStages(n);
    const runs = n >= 64 ? 15 : 30;
    const t = measure(text, join(root, 'Dockerfile.linearity'), runs, false);
    process.stdout.write(`${String(n).padStart(8)} ${String(text.split('\n').length).padStart(7)} ${t.median.toFixed(2).padStart(9)} ${(t.median / n).toFixed(3).padStart(9)}\n`);
  }
}

/**
 * Where the warm lint time of one file goes, as medians of repeated runs: dockerfile-ast's parse alone (the floor of
 * any lint that parses the whole document), the syntax model (parse included), the semantic layer over it, and the
 * whole lint. CPU time is printed beside wall time because the machine is shared: it moves less with the load.
 */
function breakdown(text: string, path: string, runs: number): void {
  const files = diskFiles();
  const part = (label: string, f: () => void): void => {
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let i = 0; i < runs; i++) {
      const u0 = process.cpuUsage();
      const t0 = performance.now();
      f();
      wall.push(performance.now() - t0);
      const u = process.cpuUsage(u0);
      cpu.push((u.user + u.system) / 1000);
    }
    process.stdout.write(`  ${label.padEnd(44)} median ${median(wall).toFixed(2)} ms  (cpu ${median(cpu).toFixed(2)} ms, min ${Math.min(...wall).toFixed(2)})\n`);
  };
  process.stdout.write(`breakdown of the ${(text.split('\n').length - 1).toLocaleString('en-US')}-line file (warm, ${runs} runs)\n`);
  part('dockerfile-ast parse', () => parseDockerfile(text));
  part('syntax model (parse included)', () => buildDockerfileModel(text));
  part('syntax model + semantic layer', () => semanticsOf(buildDockerfileModel(text)));
  part('lintText', () => lintText(text, { kind: 'dockerfile', files, path, shellcheck: false }));
}

async function serverStart(root: string, runs: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const child = spawn(process.execPath, [join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const body = JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'initialize', params: { processId: null, rootUri: null, capabilities: {} } });
    child.stdin.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
    await new Promise<void>((resolve) => {
      let buf = '';
      child.stdout.on('data', (d: Buffer) => {
        buf += d.toString();
        if (buf.includes('"capabilities"')) resolve();
      });
    });
    out.push(performance.now() - t0);
    child.kill();
  }
  return out;
}

/** Wall time of whole CLI runs (process start to exit), as a user or a CI step sees them. */
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

async function main(): Promise<void> {
  const root = process.cwd();
  await initRuntime();
  process.stdout.write(`Layerwise bench — node ${process.version}, ${new Date().toISOString()}\n`);
  const examplePath = join(root, 'examples', 'flask-app', 'Dockerfile');
  const example = readFileSync(examplePath, 'utf8');
  time('examples/flask-app/Dockerfile (cold shell cache)', example, examplePath, 50, true);
  time('examples/flask-app/Dockerfile (warm)', example, examplePath, 200, false);
  for (const n of [300, 1200, 5000]) {
    const text = generateDockerfile(n);
    const label = `generated ${n.toLocaleString('en-US')}-line Dockerfile`;
    const runs = n >= 5000 ? 10 : 30;
    time(`${label} (cold)`, text, join(root, 'Dockerfile.generated'), Math.min(runs, 10), true);
    time(`${label} (warm)`, text, join(root, 'Dockerfile.generated'), runs, false);
  }
  breakdown(generateDockerfile(5000), join(root, 'Dockerfile.generated'), 30);
  linearity(root, [1, 4, 16, 64]);
  const starts = await serverStart(root, 5);
  process.stdout.write(`${'server start → initialize response'.padEnd(46)} median ${median(starts).toFixed(1)} ms  (min ${Math.min(...starts).toFixed(1)}, max ${Math.max(...starts).toFixed(1)}, 5 runs)\n`);
  const cli = await cliRuns(root, ['lint', 'examples/flask-app', '--no-shellcheck', '--failure-threshold', 'none'], 10);
  process.stdout.write(`${'CLI cold run: lint examples/flask-app'.padEnd(46)} median ${median(cli).toFixed(1)} ms  (min ${Math.min(...cli).toFixed(1)}, max ${Math.max(...cli).toFixed(1)}, 10 runs)\n`);
}

if (require.main === module && /bench\.js$/.test(process.argv[1] ?? "")) void main();
