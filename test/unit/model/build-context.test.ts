// The build context: its root from config `context`, the ignore file that applies, memoised reads, and the consumers that must agree on them.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildContextFor, contextRootOf, normalizeSource, snapshotFiles, sourceMatcher } from '../../../server/src/core/model/build-context';
import { buildContextDir, installedRequirementsFiles, requirementsFilesOf } from '../../../server/src/core/model/installs';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { memoryFiles, type ProjectFiles } from '../../../server/src/core/project';
import { lintDockerfileWith } from '../../../server/src/core/engine';
import { defaultConfig, mergeConfig } from '../../../server/src/core/config';
import { lintText } from '../../../server/src/core/index';
import lw001 from '../../../server/src/core/rules/dockerfile/copy-context-before-dependency-install';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

/** memoryFiles that counts reads per path. */
function counting(files: Record<string, string>): { files: ProjectFiles; reads: Map<string, number> } {
  const mem = memoryFiles(files);
  const reads = new Map<string, number>();
  return {
    reads,
    files: {
      read: (p) => {
        reads.set(p, (reads.get(p) ?? 0) + 1);
        return mem.read(p);
      },
      list: (d) => mem.list!(d),
    },
  };
}

describe('buildContextFor', () => {
  test('context ".." puts the root one folder above the Dockerfile and reads the .dockerignore there', () => {
    const bc = buildContextFor({ files: memoryFiles({ '/proj/.dockerignore': '.git\n', '/proj/docker/.dockerignore': 'other\n', '/proj/app.py': 'print(1)\n' }), path: '/proj/docker/Dockerfile', config: { context: '..' } });
    assert.equal(bc.root, '/proj');
    assert.equal(bc.dockerfilePath, '/proj/docker/Dockerfile');
    assert.deepEqual(bc.ignoreFile, { path: '/proj/.dockerignore', text: '.git\n' });
    assert.equal(bc.project('./app.py'), '/proj/app.py');
    assert.equal(bc.project('.'), '/proj');
    assert.equal(bc.read('app.py'), 'print(1)\n');
    assert.equal(bc.ignores('.git'), true);
    assert.equal(bc.ignores('other'), false);
  });

  test('a <Dockerfile>.dockerignore beside the Dockerfile wins over the root .dockerignore', () => {
    const bc = buildContextFor({ files: memoryFiles({ '/proj/.dockerignore': '.git\n', '/proj/docker/Dockerfile.dockerignore': 'secrets\n' }), path: '/proj/docker/Dockerfile', config: { context: '..' } });
    assert.deepEqual(bc.ignoreFile, { path: '/proj/docker/Dockerfile.dockerignore', text: 'secrets\n' });
    assert.equal(bc.ignores('secrets'), true);
    assert.equal(bc.ignores('.git'), false);
  });

  test('without a context setting the root is the Dockerfile\'s folder; backslashes are read as separators', () => {
    const bc = buildContextFor({ files: memoryFiles({}), path: '/proj\\docker\\Dockerfile' });
    assert.equal(bc.root, '/proj/docker');
    assert.equal(bc.dockerfilePath, '/proj/docker/Dockerfile');
    assert.equal(bc.ignoreFile, undefined);
    assert.equal(bc.ignores('.git'), false);
  });

  test('a parent folder excluded excludes what is below it; the root and paths outside the context never are', () => {
    const bc = buildContextFor({ files: memoryFiles({ '/p/.dockerignore': 'build\n*.log\n' }), path: '/p/Dockerfile' });
    assert.deepEqual(['build', 'build/lib/x.so', './build/', 'a.log', 'sub/a.log', '', '.', '../build'].map((p) => bc.ignores(p)), [true, true, true, true, false, false, false, false]);
  });

  test('without a Dockerfile path nothing is read and nothing is ignored', () => {
    const { files, reads } = counting({ '/.dockerignore': '*\n', 'a.txt': 'x' });
    const bc = buildContextFor({ files });
    assert.equal(bc.root, undefined);
    assert.equal(bc.read('a.txt'), undefined);
    assert.equal(bc.ignores('a.txt'), false);
    assert.equal(reads.size, 0);
  });

  test('buildContextDir stays the root of the same context', () => {
    assert.equal(buildContextDir('/proj/docker/Dockerfile', '..'), '/proj');
    assert.equal(buildContextDir('/proj/Dockerfile'), '/proj');
    assert.equal(contextRootOf('/proj/docker/app.Dockerfile', '../src'), '/proj/src');
  });

  test('memoised per (files, path, context) on a snapshot; a long-lived ProjectFiles gets a fresh context each time', () => {
    const { files, reads } = counting({ '/p/.dockerignore': '.git\n', '/p/r.txt': 'flask\n' });
    const snap = snapshotFiles(files);
    assert.equal(snapshotFiles(snap), snap);
    const a = buildContextFor({ files: snap, path: '/p/Dockerfile', config: {} });
    assert.equal(buildContextFor({ files: snap, path: '/p/Dockerfile' }), a);
    assert.notEqual(buildContextFor({ files: snap, path: '/p/Dockerfile', config: { context: '..' } }), a);
    a.read('r.txt');
    a.read('./r.txt');
    assert.equal(reads.get('/p/r.txt'), 1);
    assert.notEqual(buildContextFor({ files, path: '/p/Dockerfile' }), buildContextFor({ files, path: '/p/Dockerfile' }));
  });

  test('COPY-source helpers moved here keep their meaning', () => {
    assert.deepEqual(['./src/', '/app', '.', './a/./b'].map(normalizeSource), ['src', 'app', '', 'a/b']);
    const m = sourceMatcher('requirements*.txt');
    assert.deepEqual(['requirements.txt', 'requirements-dev.txt', 'sub/requirements.txt', 'setup.py'].map(m), [true, true, false, false]);
    assert.deepEqual(['src', 'src/a.py', 'srcx'].map(sourceMatcher('./src')), [true, true, false]);
  });
});

describe('requirements tracing on the semantic layer', () => {
  const trace = (dockerfile: string, files: Record<string, string>, config: { context?: string; buildArgs?: Record<string, string> } = {}) =>
    installedRequirementsFiles(buildDockerfileModel(dockerfile), memoryFiles(files), { path: '/p/Dockerfile', config }).map((f) => `${f.path} ${f.via}${f.text === undefined ? ' missing' : ''}`);

  test('WORKDIR and COPY of a FROM-parent stage place the file', () => {
    assert.deepEqual(trace('FROM python:3.12-slim AS base\nWORKDIR /srv\nCOPY reqs/prod.txt r.txt\nFROM base\nRUN pip install -r r.txt\n', { '/p/reqs/prod.txt': 'flask\n' }), ['/p/reqs/prod.txt copy']);
  });

  test('an `export` earlier in the RUN names the file', () => {
    assert.deepEqual(trace('FROM python:3.12-slim\nCOPY requirements/ /req/\nRUN export R=/req/prod.txt && pip install -r $R\n', { '/p/requirements/prod.txt': 'flask\n' }), ['/p/requirements/prod.txt copy']);
  });

  test('build args from the configuration give `-r $REQS` its value', () => {
    const df = 'FROM python:3.12-slim\nARG REQS=requirements.txt\nCOPY . /app\nWORKDIR /app\nRUN pip install -r $REQS\n';
    const files = { '/p/requirements.txt': 'flask\n', '/p/dev.txt': 'pytest\n' };
    assert.deepEqual(trace(df, files), ['/p/requirements.txt copy']);
    assert.deepEqual(trace(df, files, { buildArgs: { REQS: 'dev.txt' } }), ['/p/dev.txt copy']);
  });

  test('a relative file under a WORKDIR the model cannot resolve is not guessed at', () => {
    assert.deepEqual(trace('FROM python:3.12-slim\nARG HOME_DIR\nWORKDIR $HOME_DIR\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', { '/p/requirements.txt': 'flask\n' }), []);
  });

  test('with context "..", COPY sources are read from the folder above the Dockerfile', () => {
    const files = { '/requirements.txt': 'flask\n', '/p/requirements.txt': 'django\n' };
    assert.deepEqual(trace('FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files, { context: '..' }), ['/requirements.txt copy']);
  });

  test('one lint reads each requirements file once and parses it once', () => {
    const df = 'FROM python:3.12-alpine\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nCOPY . .\nRUN pip install -r requirements.txt\nCMD ["python", "app.py"]\n';
    const { files, reads } = counting({ '/p/requirements.txt': '-r base.txt\npsycopg2==2.9.9\n', '/p/base.txt': 'lxml\n', '/p/.dockerignore': '.git\n' });
    const r = lintText(df, { kind: 'dockerfile', files, path: '/p/Dockerfile', shellcheck: false });
    assert.deepEqual(r.dependencies, ['/p/requirements.txt', '/p/base.txt']);
    assert.equal(reads.get('/p/requirements.txt'), 1);
    assert.equal(reads.get('/p/base.txt'), 1);
    // The same command traced twice on one snapshot gives the same parsed file, not a second parse.
    const model = buildDockerfileModel(df);
    const snap = snapshotFiles(files);
    const run = model.instructions[3]!;
    const first = requirementsFilesOf(model, run, run.run!.commands[0]!, snap, { path: '/p/Dockerfile' });
    const again = requirementsFilesOf(model, run, run.run!.commands[0]!, snap, { path: '/p/Dockerfile' });
    assert.equal(first[0]!.parsed, again[0]!.parsed);
    assert.equal(first[1]!.parsed, again[1]!.parsed);
  });
});

describe('LW001 reads the manifests at the build context root', () => {
  const DF = 'FROM python:3.12-slim\nWORKDIR /app\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n';
  const lint = (context?: string) =>
    lintDockerfileWith([lw001], buildDockerfileModel(DF), {
      config: mergeConfig(defaultConfig(), context !== undefined ? { context } : {}),
      files: memoryFiles({ '/proj/requirements.txt': 'flask\n' }),
      path: '/proj/docker/Dockerfile',
    }).map((f) => f.fixes[0]?.applicability);

  test('with context "..", the requirements file one folder up is read, so the fix is safe', () => {
    assert.deepEqual(lint('..'), ['safe']);
  });
  test('without it, the Dockerfile\'s folder has no requirements file: what it includes cannot be known, so no fix', () => {
    assert.deepEqual(lint(), [undefined]);
  });
});
