// Requirements files end to end through the core: lintText, pragmas, fix-all, the cross-file model, hover, links and completion.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { fixAll, lintText } from '../../../server/src/core/index';
import { memoryFiles } from '../../../server/src/core/project';
import { buildRequirementsModel } from '../../../server/src/core/model/requirements';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { installedRequirementsFiles, packagesInstalledBy } from '../../../server/src/core/model/installs';
import { requirementsHoverAt, describeSpecifiers } from '../../../server/src/core/features/requirements-hover';
import { requirementsLinks } from '../../../server/src/core/features/requirements-links';
import { requirementsCompletions } from '../../../server/src/core/features/requirements-completion';
import { parseRequirements, type Requirement } from '../../../server/src/core/parse/requirements';
import { initRuntime } from '../../../server/src/node/runtime';

const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n';

before(async () => initRuntime());

describe('lintText on requirements files', () => {
  test('runs the requirements rules and keeps going after a malformed line', () => {
    const { findings } = lintText('flask[async\nrequests=2.0\nsklearn\n--no-deps\n', { kind: 'requirements' });
    assert.deepEqual(findings.map((f) => f.code), ['LW101', 'LW102', 'LW111', 'LW103']);
  });

  test('a "# layerwise ignore=" pragma silences the next requirement only; "global ignore" the file', () => {
    const text = '# layerwise ignore=LW111\n\nsklearn\nenum34\n';
    assert.deepEqual(lintText(text, { kind: 'requirements' }).findings.map((f) => `${f.code}@${f.range.start.line}`), ['LW111@3']);
    assert.deepEqual(lintText('# layerwise global ignore=deprecated-python-package\nsklearn\nenum34\n', { kind: 'requirements' }).findings, []);
  });

  test('severities come from the configuration like any rule', () => {
    const config = { rules: { LW111: 'error' as const, LW101: 'off' as const }, ignored: [], failureThreshold: 'info' as const, trustedRegistries: [], labelSchema: {}, strictLabels: false, experimental: false, online: false, disableIgnorePragma: false, defer: [] };
    const { findings } = lintText('flask[\nsklearn\n', { kind: 'requirements', config });
    assert.deepEqual(findings.map((f) => `${f.code} ${f.severity}`), ['LW111 error']);
  });

  test('fix-all applies the safe fixes of requirements rules', () => {
    const r = fixAll('flask=3.0.3\nflask==3.0.3\nsklearn\n', { kind: 'requirements' });
    assert.equal(r.text, 'flask==3.0.3\nscikit-learn\n');
  });

  test('a Dockerfile lists the requirements files it reads as dependencies; the requirements file lists the Dockerfiles near it', () => {
    const files = memoryFiles({ '/p/Dockerfile': DF, '/p/requirements.txt': '-r base.txt\nflask\n', '/p/base.txt': 'requests\n' });
    assert.deepEqual(lintText(DF, { kind: 'dockerfile', files, path: '/p/Dockerfile' }).dependencies, ['/p/requirements.txt', '/p/base.txt']);
    assert.deepEqual(lintText('-r base.txt\nflask\n', { kind: 'requirements', files, path: '/p/requirements.txt' }).dependencies, ['/p/base.txt', '/p/Dockerfile']);
  });
});

describe('which requirements files a Dockerfile installs', () => {
  const trace = (dockerfile: string, files: Record<string, string>, context?: string) =>
    installedRequirementsFiles(buildDockerfileModel(dockerfile), memoryFiles(files), { path: '/p/Dockerfile', ...(context ? { config: { context } } : {}) }).map((f) => `${f.path} ${f.via}${f.constraint ? ' -c' : ''}${f.text === undefined ? ' missing' : ''}`);

  test('COPY to a folder, then pip install -r relative to WORKDIR', () => {
    assert.deepEqual(trace(DF, { '/p/requirements.txt': 'flask\n' }), ['/p/requirements.txt copy']);
  });
  test('a renamed copy: COPY requirements/prod.txt /tmp/reqs.txt', () => {
    assert.deepEqual(trace('FROM python:3.12-slim\nCOPY requirements/prod.txt /tmp/reqs.txt\nRUN pip install -r /tmp/reqs.txt -c /tmp/c.txt\n', { '/p/requirements/prod.txt': 'flask\n' }), ['/p/requirements/prod.txt copy', '/p/tmp/c.txt context -c missing']);
  });
  test('cd in the same RUN and a glob COPY', () => {
    assert.deepEqual(trace('FROM python:3.12-slim\nCOPY requirements*.txt /src/\nRUN cd /src && pip install -r requirements-dev.txt\n', { '/p/requirements-dev.txt': 'pytest\n' }), ['/p/requirements-dev.txt copy']);
  });
  test('a configured build context one folder up', () => {
    assert.deepEqual(trace('FROM python:3.12-slim\nCOPY app/requirements.txt .\nRUN pip install -r requirements.txt\n', { '/app/requirements.txt': 'flask\n' }, '..'), ['/app/requirements.txt copy']);
  });
  test('a file COPY from another stage is not the build context', () => {
    assert.deepEqual(trace('FROM python:3.12-slim AS a\nFROM python:3.12-slim\nCOPY --from=a /r.txt /r.txt\nRUN pip install -r /r.txt\n', {}), ['/p/r.txt context missing']);
  });
  test('packagesInstalledBy lists requirement names with the file they come from', () => {
    const model = buildDockerfileModel(DF);
    const files = memoryFiles({ '/p/requirements.txt': '-r base.txt\nFlask==3.0\n-c c.txt\n', '/p/base.txt': 'psycopg2\n', '/p/c.txt': 'numpy==2\n' });
    const pkgs = packagesInstalledBy(model, model.instructions[3]!, files, { path: '/p/Dockerfile' });
    assert.deepEqual(pkgs.map((p) => `${p.name} ${p.file}`), ['flask /p/requirements.txt', 'psycopg2 /p/base.txt']);
  });
});

describe('requirements hover, links, completion', () => {
  test('hover on a requirement: specifier in words, normalized name, wheels for glibc and musl, runtime libraries, PyPI link', () => {
    const text = 'Psycopg2>=2.9,<3\n';
    const model = buildRequirementsModel(text);
    const h = requirementsHoverAt(model, { line: 0, character: 2 })!;
    assert.match(h.markdown, /normalized: `psycopg2`/);
    assert.match(h.markdown, /2\.9 or later, and before 3/);
    // The newest release the specifier admits, and that no release has a Linux wheel (true of every version).
    assert.match(h.markdown, /glibc \(Debian, Ubuntu\): 2\.9\.12: \*\*no wheel\*\* \(no release of it publishes a Linux wheel\): pip builds it from source \(needs `gcc`, `libpq-dev`\)/);
    assert.match(h.markdown, /musl \(Alpine\): 2\.9\.12: \*\*no wheel\*\*/);
    assert.match(h.markdown, /Needs at run time:\*\* `libpq5`/);
    assert.match(h.markdown, /\(https:\/\/pypi\.org\/project\/psycopg2\/\)/);
    assert.deepEqual(h.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
  });

  test('hover uses the installing image\'s Python and appends extra sections', () => {
    const files = memoryFiles({ '/p/Dockerfile': DF.replace('3.12-slim', '3.11-alpine') });
    const model = buildRequirementsModel('numpy==2.1.3\n', { path: '/p/requirements.txt', files });
    const h = requirementsHoverAt(model, { line: 0, character: 1 }, [(req, t) => `size of ${req.name} ${req.version} for ${t.pythonVersion} ${t.libc}`])!;
    assert.match(h.markdown, /Wheels\*\* for Python 3\.11/);
    assert.match(h.markdown, /Installed by `Dockerfile` \(line 4\)/);
    assert.match(h.markdown, /---\n\nsize of numpy 2\.1\.3 for 3\.11 musl$/);
  });

  test('hover on an option explains it', () => {
    const h = requirementsHoverAt(buildRequirementsModel('--prefer-binary\n'), { line: 0, character: 3 })!;
    assert.match(h.markdown, /Prefer an older wheel/);
  });

  test('describeSpecifiers covers every operator', () => {
    const req = parseRequirements('x~=2.31,!=2.32.0,==2.*,>1,<=9\n').entries[0] as Requirement;
    assert.equal(describeSpecifiers(req.specifiers), '2.31 or later within 2.*, and not 2.32.0, and any 2.* release, and later than 1, and 9 or earlier (`~=2.31,!=2.32.0,==2.*,>1,<=9`)');
  });

  test('links point at existing included files only', () => {
    const files = memoryFiles({ '/p/base.txt': 'flask\n' });
    const model = buildRequirementsModel('-r base.txt\n-c missing.txt\n-r https://example.com/r.txt\n', { path: '/p/requirements.txt', files });
    assert.deepEqual(requirementsLinks(model).map((l) => `${l.range.start.line}:${l.range.start.character}-${l.range.end.character} ${l.target}`), ['0:3-11 /p/base.txt', '2:3-28 https://example.com/r.txt']);
  });

  test('completion offers options after "-" and package names at the start of a line', () => {
    const opts = requirementsCompletions('--ind', { line: 0, character: 5 });
    assert.deepEqual(opts.map((o) => o.label), ['--index-url']);
    assert.deepEqual(opts[0]!.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 5 } });
    const onLine = requirementsCompletions('flask==3.0 --h', { line: 0, character: 14 });
    assert.deepEqual(onLine.map((o) => o.label), ['--hash']);
    const pkgs = requirementsCompletions('flask\nnump', { line: 1, character: 4 }).map((o) => o.label);
    assert.ok(pkgs.includes('numpy'), pkgs.join(','));
    assert.deepEqual(requirementsCompletions('flask==3', { line: 0, character: 8 }), []);
    assert.ok(!requirementsCompletions('skl', { line: 0, character: 3 }).some((c) => c.label === 'sklearn'), 'replaced names are not offered');
  });
});
