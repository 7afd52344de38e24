// .hadolint.yaml: found the way hadolint finds it, translated into Layerwise settings, merged under Layerwise's own config.
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findHadolintConfig, loadConfig, readHadolintObject } from '../../../server/src/node/config-files';

const root = mkdtempSync(join(tmpdir(), 'lw-hadolint-'));
after(() => rmSync(root, { recursive: true, force: true }));

function dir(...parts: string[]): string {
  const d = join(root, ...parts);
  mkdirSync(d, { recursive: true });
  return d;
}

const empty = (): { cwd: string; home: string; xdgConfigHome: string } => ({ cwd: dir('cwd-empty'), home: dir('home-empty'), xdgConfigHome: dir('xdg-empty') });

test('translates override, ignored, failure-threshold, trustedRegistries, label-schema and strict-labels', () => {
  const r = readHadolintObject({
    ignored: ['DL3008'],
    override: { error: ['DL3001'], warning: ['DL3042'], info: ['DL3032'], style: ['DL3015'] },
    'failure-threshold': 'style',
    trustedRegistries: ['docker.io', 'my.registry:5000'],
    'label-schema': { author: 'text', version: 'semver' },
    'strict-labels': true,
    'disable-ignore-pragma': true,
    'no-color': true,
  });
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.config, {
    ignored: ['DL3008'],
    rules: { DL3001: 'error', DL3042: 'warning', DL3032: 'info', DL3015: 'hint' },
    failureThreshold: 'hint',
    trustedRegistries: ['docker.io', 'my.registry:5000'],
    labelSchema: { author: 'text', version: 'semver' },
    strictLabels: true,
    disableIgnorePragma: true,
  });
});

test('reports an unknown override level and a non-list override', () => {
  const r = readHadolintObject({ override: { fatal: ['DL3001'], error: 'DL3002' } });
  assert.equal(r.problems.length, 2);
  assert.match(r.problems[0]!, /unknown level "fatal"/);
  assert.match(r.problems[1]!, /override\.error/);
});

test('an empty file is no configuration', () => {
  assert.deepEqual(readHadolintObject(null), { config: {}, problems: [] });
});

test('finds .hadolint.yaml in the file\'s folder or a parent before the global locations', () => {
  const project = dir('p1');
  const sub = dir('p1', 'services', 'api');
  writeFileSync(join(project, '.hadolint.yml'), 'ignored: [DL3008]\n');
  const home = dir('home1');
  writeFileSync(join(home, '.hadolint.yaml'), 'ignored: [DL3009]\n');
  assert.equal(findHadolintConfig(sub, { ...empty(), home }), join(project, '.hadolint.yml'));
});

test('falls back to the working directory, then XDG, ~/.config, ~/.hadolint and ~/.hadolint.yaml, in that order', () => {
  const start = dir('p2');
  const home = dir('home2');
  const xdg = dir('xdg2');
  const cwd = dir('cwd2');
  writeFileSync(join(home, '.hadolint.yaml'), '{}\n');
  assert.equal(findHadolintConfig(start, { cwd, home, xdgConfigHome: xdg }), join(home, '.hadolint.yaml'));
  mkdirSync(join(home, '.hadolint'));
  writeFileSync(join(home, '.hadolint', 'hadolint.yaml'), '{}\n');
  assert.equal(findHadolintConfig(start, { cwd, home, xdgConfigHome: xdg }), join(home, '.hadolint', 'hadolint.yaml'));
  mkdirSync(join(home, '.config'));
  writeFileSync(join(home, '.config', 'hadolint.yaml'), '{}\n');
  assert.equal(findHadolintConfig(start, { cwd, home, xdgConfigHome: xdg }), join(home, '.config', 'hadolint.yaml'));
  writeFileSync(join(xdg, 'hadolint.yaml'), '{}\n');
  assert.equal(findHadolintConfig(start, { cwd, home, xdgConfigHome: xdg }), join(xdg, 'hadolint.yaml'));
  writeFileSync(join(cwd, '.hadolint.yaml'), '{}\n');
  assert.equal(findHadolintConfig(start, { cwd, home, xdgConfigHome: xdg }), join(cwd, '.hadolint.yaml'));
});

test('merge order: .hadolint.yaml, then .layerwise.toml, then editor/CLI settings', () => {
  const project = dir('p3');
  writeFileSync(join(project, '.hadolint.yaml'), 'override:\n  error: [DL3042, DL3015]\nfailure-threshold: error\ntrustedRegistries: [docker.io]\n');
  writeFileSync(join(project, '.layerwise.toml'), '[rules]\nDL3042 = "info"\n');
  const loaded = loadConfig(project, undefined, { failureThreshold: 'warning' }, empty());
  assert.deepEqual(loaded.problems, []);
  assert.deepEqual(loaded.sources, [join(project, '.hadolint.yaml'), join(project, '.layerwise.toml')]);
  assert.equal(loaded.config.rules['DL3042'], 'info');
  assert.equal(loaded.config.rules['DL3015'], 'error');
  assert.equal(loaded.config.failureThreshold, 'warning');
  assert.deepEqual(loaded.config.trustedRegistries, ['docker.io']);
});

test('a YAML syntax error is reported with the file name', () => {
  const project = dir('p4');
  writeFileSync(join(project, '.hadolint.yaml'), 'ignored: [DL3008\n');
  const loaded = loadConfig(project, undefined, undefined, empty());
  assert.equal(loaded.problems.length, 1);
  assert.ok(loaded.problems[0]!.startsWith(join(project, '.hadolint.yaml')));
});
