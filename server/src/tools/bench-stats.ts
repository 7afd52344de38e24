// Pure helpers of `npm run bench`: medians and spreads of samples, ratios, the side-by-side table, the generated Dockerfiles.

export function median(xs: readonly number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** The q-quantile (0..1) by linear interpolation between closest ranks. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const pos = (s.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return s[lo]! + (s[hi]! - s[lo]!) * (pos - lo);
}

export interface Summary {
  median: number;
  p10: number;
  p90: number;
  n: number;
}

export function summarize(xs: readonly number[]): Summary {
  return { median: median(xs), p10: quantile(xs, 0.1), p90: quantile(xs, 0.9), n: xs.length };
}

/** A number with about three significant digits: 0.0123, 1.23, 12.3, 123, 1234. */
export function fmt(x: number): string {
  if (!Number.isFinite(x)) return '–';
  const a = Math.abs(x);
  if (a >= 100) return x.toFixed(0);
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  if (a === 0) return '0';
  return x.toPrecision(2);
}

/** `median (p10–p90)` in one cell. */
export function cell(s: Summary | undefined, unit: string): string {
  if (!s || s.n === 0) return '–';
  return `${fmt(s.median)} ${unit} (${fmt(s.p10)}–${fmt(s.p90)})`;
}

/** Layerwise / peer at the median, as `2.50×`; a dash when either is missing. */
export function ratio(ours: number | undefined, peer: number | undefined): string {
  if (ours === undefined || peer === undefined || !Number.isFinite(ours) || !Number.isFinite(peer) || peer <= 0) return '–';
  return `${(ours / peer).toFixed(2)}×`;
}

/** Left-aligned columns separated by two spaces, a dashed rule under the header. */
export function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: readonly string[]): string => r.map((c, i) => (c ?? '').padEnd(widths[i]!)).join('  ').trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n') + '\n';
}

/** `met` / `not met` line of one target. */
export function verdict(target: string, ok: boolean | undefined, figure: string): string {
  return `${ok === undefined ? 'not measured' : ok ? 'met    ' : 'not met'}  ${target}: ${figure}`;
}

/** A long, varied Dockerfile of exactly `lines` lines: many stages, long RUN chains, copies, env. */
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
  // Cut at a line that does not end in a continuation, so the last instruction is whole.
  const kept = out.slice(0, lines);
  while (kept.length && kept[kept.length - 1]!.endsWith('\\')) kept[kept.length - 1] = kept[kept.length - 1]!.slice(0, -1).trimEnd();
  return kept.join('\n') + '\n';
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

/** A small seeded PRNG (the fuzz tool's mulberry32): the soak's positions repeat from run to run. */
export { mulberry32 as prng } from './random';
