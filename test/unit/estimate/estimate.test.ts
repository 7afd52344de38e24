// The estimator's accounting: where pip puts packages, caches, same-layer versus later cleanup, COPY --from, fallbacks.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage, type EstimateInput } from '../../../server/src/core/estimate/estimate';
import { parseSize, formatBytes } from '../../../server/src/core/estimate/bytes';
import { memoryFiles } from '../../../server/src/core/project';
import { diskContextSizer } from '../../../server/src/node/context-size';
import { initRuntime } from '../../../server/src/node/runtime';
import type { InstructionEstimate } from '../../../server/src/core/estimate/types';

before(async () => initRuntime());

function est(text: string, input: EstimateInput = {}) {
  return estimateImage(buildDockerfileModel(text), input);
}

/** The estimate of the instruction whose text starts with `prefix`. */
function instr(e: ReturnType<typeof est>, prefix: string): InstructionEstimate {
  const all = e.stages.flatMap((s) => s.instructions);
  const hit = all.find((i) => i.instruction.startsWith(prefix));
  assert.ok(hit, `no instruction starting with ${prefix}: ${all.map((i) => i.instruction).join(' | ')}`);
  return hit;
}

const kinds = (i: InstructionEstimate) => i.parts.map((p) => [p.kind, p.bytes.typical > 0]);

test('apt lists removed in the same RUN cost nothing; removed in a later RUN they stay and the fix is named', () => {
  const same = est('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5 && rm -rf /var/lib/apt/lists/*\n');
  const r = instr(same, 'RUN');
  assert.deepEqual(kinds(r), [['cleanup', false], ['apt', true]]);
  assert.deepEqual(r.savings, []);

  const later = est('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends libpq5\nRUN rm -rf /var/lib/apt/lists/*\n');
  assert.deepEqual(kinds(instr(later, 'RUN apt-get')), [['apt-lists', true], ['apt', true]]);
  const cleanup = instr(later, 'RUN rm');
  assert.equal(cleanup.bytes.typical, 0);
  assert.match(cleanup.parts[0]!.what, /from an earlier layer: the bytes stay in that layer/);
  assert.equal(cleanup.savings[0]!.fix, 'move `rm -rf /var/lib/apt/lists/*` into the RUN that created it');
});

test('--no-install-recommends matters: without it the closure grows and the saving is reported', () => {
  const without = instr(est('FROM python:3.12-slim\nRUN apt-get install -y gcc\n'), 'RUN');
  const withFlag = instr(est('FROM python:3.12-slim\nRUN apt-get install -y --no-install-recommends gcc\n'), 'RUN');
  assert.ok(without.bytes.typical > withFlag.bytes.typical);
  assert.deepEqual(without.savings.map((s) => s.fix), ['add `--no-install-recommends`']);
  assert.deepEqual(withFlag.savings, []);
});

test('apt packages already in the full image add nothing', () => {
  const r = instr(est('FROM python:3.12\nRUN apt-get install -y --no-install-recommends gcc libpq-dev\n'), 'RUN');
  assert.equal(r.bytes.typical, 0);
  assert.match(r.parts[0]!.what, /already in the image: gcc, libpq-dev/);
});

test('the pip cache is counted without --no-cache-dir, and not with it, PIP_NO_CACHE_DIR or a cache mount', () => {
  const pkgs = 'requests';
  assert.ok(instr(est(`FROM python:3.12-slim\nRUN pip install ${pkgs}\n`), 'RUN').parts.some((p) => p.kind === 'pip-cache'));
  for (const text of [
    `FROM python:3.12-slim\nRUN pip install --no-cache-dir ${pkgs}\n`,
    `FROM python:3.12-slim\nENV PIP_NO_CACHE_DIR=1\nRUN pip install ${pkgs}\n`,
    `FROM python:3.12-slim\nRUN --mount=type=cache,target=/root/.cache/pip pip install ${pkgs}\n`,
    `FROM python:3.12-slim\nRUN pip install ${pkgs} && rm -rf /root/.cache/pip\n`,
  ]) {
    assert.ok(!instr(est(text), 'RUN').parts.some((p) => p.kind === 'pip-cache' && p.bytes.typical > 0), text);
  }
});

test('pip installs land where pip puts them: venv, --user, --prefix, system', () => {
  const where = (text: string) => est(text).stages[0]!.instructions.flatMap((i) => i.parts).find((p) => p.kind === 'pip')!.what.split('→ ')[1];
  assert.equal(where('FROM python:3.12-slim\nRUN python -m venv /opt/venv\nENV PATH="/opt/venv/bin:$PATH"\nRUN pip install --no-cache-dir flask\n'), 'venv /opt/venv');
  assert.equal(where('FROM python:3.12-slim\nRUN python -m venv /venv\nRUN /venv/bin/pip install --no-cache-dir flask\n'), 'venv /venv');
  assert.equal(where('FROM python:3.12-slim\nRUN pip install --no-cache-dir --user flask\n'), '`--user`: /root/.local/lib/python3.12/site-packages');
  assert.equal(where('FROM python:3.12-slim\nRUN pip install --no-cache-dir --prefix=/install flask\n'), '`--prefix`: /install/lib/python3.12/site-packages');
  assert.equal(where('FROM python:3.11-slim\nRUN pip install --no-cache-dir flask\n'), 'system site-packages /usr/local/lib/python3.11/site-packages');
});

test('COPY --from weighs what the other stage installed under the copied path', () => {
  const e = est('FROM python:3.12 AS build\nRUN pip install --no-cache-dir --prefix=/install numpy\nRUN pip install --no-cache-dir requests\n\nFROM python:3.12-slim\nCOPY --from=build /install /usr/local\n');
  const build = instr(e, 'RUN pip install --no-cache-dir --prefix').bytes.typical;
  const copied = instr(e, 'COPY --from').bytes.typical;
  assert.equal(copied, build);
  assert.ok(build > 30_000_000);
});

test('requirements files are read through the COPY that put them there, with -r includes and transitive deps', () => {
  const files = memoryFiles({ '/ctx/reqs/base.txt': 'flask\n', '/ctx/reqs/prod.txt': '-r base.txt\ngunicorn\n' });
  const e = est('FROM python:3.12-slim\nWORKDIR /srv\nCOPY reqs/ ./requirements/\nRUN pip install --no-cache-dir -r requirements/prod.txt\n', { files, contextDir: '/ctx' });
  const pip = instr(e, 'RUN').parts.find((p) => p.kind === 'pip')!;
  assert.deepEqual(pip.packages!.map((p) => p.name).sort(), ['blinker', 'click', 'flask', 'gunicorn', 'itsdangerous', 'jinja2', 'markupsafe', 'packaging', 'werkzeug']);
  assert.match(pip.what, /from reqs\/prod\.txt, reqs\/base\.txt/);
});

test('unknown images and packages get labelled fallbacks with wide ranges, never a silent zero', () => {
  const e = est('FROM example.com/team/base:1\nRUN pip install --no-cache-dir surely-not-a-real-package-xyz\nRUN apt-get install -y --no-install-recommends not-a-debian-package\n');
  const base = e.stages[0]!.base;
  assert.equal(base.fallback, true);
  assert.equal(base.source, 'image not in the published image sizes (2026-11-29)');
  assert.ok(base.bytes.high / base.bytes.low > 10);
  const pip = instr(e, 'RUN pip').parts[0]!;
  assert.equal(pip.fallback, true);
  assert.ok(pip.bytes.typical > 0);
  const apt = instr(e, 'RUN apt').parts.find((p) => p.fallback)!;
  assert.match(apt.what, /not-a-debian-package \(not in the data\)/);
});

test('torch from the CPU index uses the CPU figures; from PyPI its CUDA closure', () => {
  const cpu = instr(est('FROM python:3.12-slim\nRUN pip install --no-cache-dir torch --index-url https://download.pytorch.org/whl/cpu\n'), 'RUN').bytes.typical;
  const cuda = instr(est('FROM python:3.12-slim\nRUN pip install --no-cache-dir torch\n'), 'RUN').bytes.typical;
  assert.ok(cpu > 700e6 && cpu < 1.2e9, formatBytes(cpu));
  assert.ok(cuda > 4e9, formatBytes(cuda));
});

test('the build context is measured on disk with .dockerignore applied by Docker\'s rules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'lw-ctx-'));
  mkdirSync(join(dir, 'src'));
  mkdirSync(join(dir, 'node_modules', 'x'), { recursive: true });
  writeFileSync(join(dir, 'src', 'app.py'), 'x'.repeat(1000));
  writeFileSync(join(dir, 'src', 'keep.log'), 'x'.repeat(300));
  writeFileSync(join(dir, 'debug.log'), 'x'.repeat(5000));
  writeFileSync(join(dir, 'node_modules', 'x', 'index.js'), 'x'.repeat(7000));
  writeFileSync(join(dir, '.dockerignore'), '*.log\n!src/keep.log\n');
  const e = est('FROM python:3.12-slim\nCOPY . /app\n', { contextDir: dir, context: diskContextSizer() });
  const c = instr(e, 'COPY').context!;
  // .dockerignore (excluded by *.log: debug.log) is itself sent; node_modules is sent and flagged as droppable.
  assert.equal(c.bytes, 1000 + 300 + 7000 + '*.log\n!src/keep.log\n'.length);
  assert.equal(c.ignoredBytes, 5000);
  assert.deepEqual(c.droppable.map((d) => [d.pattern, d.bytes]), [['node_modules', 7000]]);
  assert.equal(c.largestFiles[0]!.path, 'node_modules/x/index.js');
});

test('sizes parse in decimal and binary units', () => {
  assert.deepEqual(['500MB', '1.5 GB', '700M', '2GiB', '123'].map(parseSize), [500e6, 1.5e9, 700e6, 2 * 1024 ** 3, 123]);
  assert.equal(parseSize('lots'), undefined);
});
