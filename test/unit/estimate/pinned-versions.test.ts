// Pinned versions are what the estimate, the hovers and the rules use: sizes of the pinned release, wheel claims only where the data proves them.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { estimateImage } from '../../../server/src/core/estimate/estimate';
import { lintText } from '../../../server/src/core/index';
import { defaultConfig } from '../../../server/src/core/config';
import { memoryFiles } from '../../../server/src/core/project';
import { requirementSizeHover } from '../../../server/src/core/features/requirement-size';
import { initRuntime } from '../../../server/src/node/runtime';
import type { PackageEstimate } from '../../../server/src/core/estimate/types';

before(async () => initRuntime());

const DF = 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';
const REQS = 'numpy==1.26.4\npandas==2.3.3\nscipy==1.13.1\nscikit-learn==1.6.1\nDjango==4.2.11\n';

function packages(reqs: string, dockerfile = DF): Map<string, PackageEstimate> {
  const e = estimateImage(buildDockerfileModel(dockerfile), { files: memoryFiles({ '/ctx/requirements.txt': reqs }), contextDir: '/ctx' });
  const out = new Map<string, PackageEstimate>();
  for (const s of e.stages) for (const i of s.instructions) for (const p of i.parts) for (const pkg of p.packages ?? []) out.set(pkg.name, pkg);
  return out;
}

function codes(reqs: string, dockerfile = DF): string[] {
  const files = memoryFiles({ '/ctx/requirements.txt': reqs, '/ctx/Dockerfile': dockerfile });
  const config = defaultConfig();
  return [
    ...lintText(dockerfile, { kind: 'dockerfile', config, path: '/ctx/Dockerfile', files }).findings.map((f) => f.code),
    ...lintText(reqs, { kind: 'requirements', config, path: '/ctx/requirements.txt', files }).findings.map((f) => f.code),
  ];
}

test('numpy==1.26.4 on python:3.11-slim: its own cp311 wheel, sized with the measured numpy ratio, and no source-build finding', () => {
  const numpy = packages(REQS).get('numpy')!;
  assert.equal(numpy.version, '1.26.4');
  // numpy-1.26.4-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl is 18,252,005 B on PyPI;
  // numpy 2.4.6 measured 57,390,756 B + 14,014,572 B of .pyc installed from a 16,918,164 B wheel (×4.2206).
  assert.deepEqual(numpy.download, { typical: 18252005, low: 18252005, high: 18252005 });
  assert.ok(Math.abs(numpy.installed.typical - 77034979) <= 1, String(numpy.installed.typical));
  assert.equal(numpy.fallback, false);
  assert.equal(numpy.note, undefined);
  assert.match(numpy.source, /^wheel cp311-cp311-manylinux_2_17_x86_64\.manylinux2014_x86_64 of numpy 1\.26\.4, 18252005 B \(PyPI file sizes/);
  const found = codes(REQS);
  assert.ok(!found.includes('LW112') && !found.includes('LW113'), found.join(' '));
});

test('pandas==2.3.3 and scipy==1.13.1 are sized from their own cp311 wheels, not the newest release', () => {
  const pkgs = packages(REQS);
  assert.equal(pkgs.get('pandas')!.version, '2.3.3');
  assert.equal(pkgs.get('pandas')!.download.typical, 12789281);
  assert.equal(pkgs.get('scipy')!.version, '1.13.1');
  assert.equal(pkgs.get('scipy')!.download.typical, 38569931);
  // scipy 1.17.1 measured ×4.0441 installed over its wheel: applied to 1.13.1's 38,569,931 B wheel.
  assert.ok(Math.abs(pkgs.get('scipy')!.installed.typical - 155979191) <= 1, String(pkgs.get('scipy')!.installed.typical));
});

test('scikit-learn==1.6.1 from its own cp311 wheel; Django==4.2.11, which the data does not hold, from the nearest release, said so, range widened', () => {
  const pkgs = packages(REQS);
  const sklearn = pkgs.get('scikit-learn')!;
  assert.equal(sklearn.version, '1.6.1');
  // scikit_learn-1.6.1-cp311-cp311-manylinux_2_17_x86_64.manylinux2014_x86_64.whl: 13,497,069 B (pip logs print 13.5 MB).
  assert.deepEqual(sklearn.download, { typical: 13497069, low: 13497069, high: 13497069 });
  assert.equal(sklearn.note, undefined);
  const django = pkgs.get('django')!;
  assert.equal(django.version, '4.2.11');
  assert.equal(django.note, 'sized from django 4.2.18: the nearest release known (`==4.2.11` is not in the data)');
  // Django-4.2.18-py3-none-any.whl, 7,993,633 B, with the range widened to 0.6–1.6×.
  assert.deepEqual(django.download, { typical: 7993633, low: 7993633 * 0.6, high: 7993633 * 1.6 });
  assert.equal(django.fallback, true);
});

test('no wheel claim for a pin whose files the data does not hold; psycopg2, which never has wheels, is still claimed', () => {
  assert.ok(!codes('numpy==1.19.5\n').some((c) => c === 'LW112' || c === 'LW113'));
  const found = codes('psycopg2==2.8.6\n');
  assert.ok(found.includes('LW112') && found.includes('LW113'), found.join(' '));
});

test('--only-binary :all: with an sdist-only package: one certain LW113 error, no LW112', () => {
  const dockerfile = DF.replace('pip install --no-cache-dir', 'pip install --no-cache-dir --only-binary :all:');
  const files = memoryFiles({ '/ctx/requirements.txt': 'psycopg2==2.9.12\n', '/ctx/Dockerfile': dockerfile });
  const findings = lintText(dockerfile, { kind: 'dockerfile', config: defaultConfig(), path: '/ctx/Dockerfile', files }).findings.filter((f) => f.code === 'LW113');
  assert.deepEqual(findings.map((f) => [f.severity, f.message]), [['error', '`pip install` cannot install `psycopg2`: no wheel for Python 3.11 on glibc x86_64, and `--only-binary` refuses the sdist: the build fails']]);
  assert.ok(!codes('psycopg2==2.9.12\n', dockerfile).includes('LW112'));
});

test('the requirement-line size hover sizes the pinned release', () => {
  const h = requirementSizeHover('numpy==1.26.4\n', { line: 0, character: 2 }, { pythonVersion: '3.11', libc: 'glibc', arch: 'x86_64', glibcVersion: '2.41', pyc: true, cpuTorch: false })!;
  assert.match(h.markdown, /\| numpy 1\.26\.4 \* \| 77 MB \| 18\.3 MB \|/);
});

test('--no-deps and PIP_NO_DEPS: only the named package is sized, none of its dependencies', () => {
  const names = (df: string): string[] => [...packages('', df).keys()].sort();
  // flask pulls werkzeug, jinja2, itsdangerous, click, blinker (and markupsafe through jinja2).
  assert.ok(names('FROM python:3.11-slim\nRUN pip install flask\n').length >= 6);
  assert.deepEqual(names('FROM python:3.11-slim\nRUN pip install --no-deps flask\n'), ['flask']);
  assert.deepEqual(names('FROM python:3.11-slim\nENV PIP_NO_DEPS=1\nRUN pip install flask\n'), ['flask']);
  assert.deepEqual(names('FROM python:3.11-slim\nRUN pip install uv && uv pip install --system --no-deps flask jinja2\n').filter((n) => n !== 'uv'), ['flask', 'jinja2']);
  // torch's resolved closure (CUDA wheels): only torch itself.
  assert.deepEqual(names('FROM python:3.12-slim\nRUN pip install --no-deps torch\n'), ['torch']);
});

/** The parts of the last RUN's estimate: what each says and its typical bytes. */
function runParts(dockerfile: string, files: Record<string, string> = {}): { what: string; typical: number; high: number }[] {
  const e = estimateImage(buildDockerfileModel(dockerfile), { files: memoryFiles(files), contextDir: '/ctx' });
  const runs = e.stages[e.stages.length - 1]!.instructions.filter((i) => i.keyword === 'RUN');
  return runs[runs.length - 1]!.parts.map((p) => ({ what: p.what, typical: p.bytes.typical, high: p.bytes.high }));
}

test('bad input: unknown packages, URL requirements and a private index are sized "unknown" and listed by name, never folded in silently', () => {
  const parts = runParts('FROM python:3.12-slim\nRUN pip install --no-cache-dir flask surely-not-a-package-xyz git+https://github.com/acme/tool.git https://example.com/dl/z-1.0.tar.gz ./vendor/pkg\n');
  const whats = parts.map((p) => p.what);
  assert.ok(whats.some((w) => /^pip: 1 package \+ 6 dependencies/.test(w)), whats.join(' | '));
  const unknown = parts.find((p) => p.what.startsWith('`surely-not-a-package-xyz`'))!;
  assert.equal(unknown.what, '`surely-not-a-package-xyz`: not in the data, size unknown');
  assert.ok(unknown.high >= 20 * unknown.typical, 'a range that says it does not know');
  assert.ok(whats.includes('`git+https://github.com/acme/tool.git`, `https://example.com/dl/z-1.0.tar.gz`: installed from a URL, size unknown'), whats.join(' | '));
  assert.ok(whats.includes('1 local project (`.`, paths, editables): own code only'), whats.join(' | '));
  // From a requirements file: a VCS line and an editable VCS line are URLs; the local path is a local project.
  const fromFile = runParts('FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n', {
    '/ctx/requirements.txt': 'flask==3.1.3\ngit+https://github.com/x/y.git@v1\n-e git+https://github.com/a/b.git#egg=b\n./vendor/pkg\n',
  }).map((p) => p.what);
  assert.ok(fromFile.includes('`git+https://github.com/x/y.git@v1`, `git+https://github.com/a/b.git#egg=b`: installed from a URL, size unknown'), fromFile.join(' | '));
  // A private index: the unknown name says where it may come from; a PyPI mirror URL of PyPI itself does not.
  const priv = runParts('FROM python:3.12-slim\nRUN pip install --no-cache-dir --index-url https://pypi.internal.example/simple acme-internal\n').map((p) => p.what);
  assert.ok(priv.includes('`acme-internal`: not in the data (the private index https://pypi.internal.example/simple may serve it), size unknown'), priv.join(' | '));
  const pub = runParts('FROM python:3.12-slim\nRUN pip install --no-cache-dir -i https://pypi.org/simple acme-internal\n').map((p) => p.what);
  assert.ok(pub.includes('`acme-internal`: not in the data, size unknown'), pub.join(' | '));
});
