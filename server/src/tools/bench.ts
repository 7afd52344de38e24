// `npm run bench`: lint time per file (median of repeated in-process runs) and the server's start-to-initialize time.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { lintText } from '../core/index';
import { diskFiles, initRuntime } from '../node/runtime';
import { clearShellCache } from '../core/parse/shell';

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

function time(label: string, text: string, path: string, runs: number, fresh: boolean): void {
  const files = diskFiles();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    if (fresh) clearShellCache();
    const t0 = performance.now();
    lintText(text, { kind: 'dockerfile', files, path });
    samples.push(performance.now() - t0);
  }
  const findings = lintText(text, { kind: 'dockerfile', files, path }).findings.length;
  process.stdout.write(`${label.padEnd(46)} ${text.split('\n').length - 1} lines  median ${median(samples).toFixed(2)} ms  (min ${Math.min(...samples).toFixed(2)}, max ${Math.max(...samples).toFixed(2)}, ${runs} runs, ${findings} findings)\n`);
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

async function main(): Promise<void> {
  const root = process.cwd();
  await initRuntime();
  process.stdout.write(`Layerwise bench — node ${process.version}, ${new Date().toISOString()}\n`);
  const examplePath = join(root, 'examples', 'flask-app', 'Dockerfile');
  const example = readFileSync(examplePath, 'utf8');
  time('examples/flask-app/Dockerfile (cold shell cache)', example, examplePath, 50, true);
  time('examples/flask-app/Dockerfile (warm)', example, examplePath, 200, false);
  const big = generateDockerfile(5000);
  time('generated 5,000-line Dockerfile (cold)', big, join(root, 'Dockerfile.generated'), 10, true);
  time('generated 5,000-line Dockerfile (warm)', big, join(root, 'Dockerfile.generated'), 10, false);
  const starts = await serverStart(root, 5);
  process.stdout.write(`${'server start → initialize response'.padEnd(46)} median ${median(starts).toFixed(1)} ms  (min ${Math.min(...starts).toFixed(1)}, max ${Math.max(...starts).toFixed(1)}, 5 runs)\n`);
}

if (require.main === module && /bench\.js$/.test(process.argv[1] ?? "")) void main();
