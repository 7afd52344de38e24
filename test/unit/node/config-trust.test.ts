// A repository's configuration files cannot turn `online` on or point the build context outside the repository/workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, realpathSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { confineContext, loadConfig, printTrustNotices } from '../../../server/src/node/config-files';
import { defaultConfig } from '../../../server/src/core/config';

/** A temp folder holding `files` (relative path → content); no hadolint file outside it is read. */
function tree(files: Record<string, string>): string {
  const dir = realpathSync(mkdtempSync(join(tmpdir(), 'lw-trust-')));
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, p)), { recursive: true });
    writeFileSync(join(dir, p), text);
  }
  return dir;
}

const nowhere = (dir: string) => ({ cwd: dir, home: join(dir, 'no-home'), xdgConfigHome: join(dir, 'no-xdg') });

test('online = true in .layerwise.toml is dropped, with a notice at its line', () => {
  const dir = tree({ 'repo/.layerwise.toml': '# project settings\n[rules]\nDL3008 = "off"\n', 'repo/app/.layerwise.toml': 'target = "app"\nonline = true\n' });
  const loaded = loadConfig(join(dir, 'repo', 'app'), undefined, undefined, nowhere(dir), { roots: [join(dir, 'repo')] });
  assert.equal(loaded.config.online, false);
  assert.equal(loaded.config.target, 'app');
  assert.deepEqual(loaded.ignored, [{ file: join(dir, 'repo', 'app', '.layerwise.toml'), key: 'online', line: 1 }]);
  assert.deepEqual(loaded.problems, []);
});

test('online = true under [tool.layerwise] in pyproject.toml is dropped', () => {
  const dir = tree({ 'pyproject.toml': '[project]\nname = "x"\n\n[tool.layerwise]\nonline = true\n' });
  const loaded = loadConfig(dir, undefined, undefined, nowhere(dir), { roots: [dir] });
  assert.equal(loaded.config.online, false);
  assert.deepEqual(loaded.ignored, [{ file: join(dir, 'pyproject.toml'), key: 'online', line: 4 }]);
});

test('online: true in .hadolint.yaml is dropped', () => {
  const dir = tree({ '.hadolint.yaml': 'ignored:\n  - DL3008\nonline: true\n' });
  const loaded = loadConfig(dir, undefined, undefined, nowhere(dir), { roots: [dir] });
  assert.equal(loaded.config.online, false);
  assert.deepEqual(loaded.config.ignored, ['DL3008']);
  assert.deepEqual(loaded.ignored, [{ file: join(dir, '.hadolint.yaml'), key: 'online', line: 2 }]);
});

test('an explicit --config file cannot turn online on either; online = false needs no notice', () => {
  const dir = tree({ 'ci.toml': 'online = true\n', 'off.toml': 'online = false\n' });
  assert.equal(loadConfig(dir, join(dir, 'ci.toml'), undefined, nowhere(dir), { roots: [dir] }).config.online, false);
  const off = loadConfig(dir, join(dir, 'off.toml'), undefined, nowhere(dir), { roots: [dir] });
  assert.equal(off.config.online, false);
  assert.deepEqual(off.ignored, []);
});

test('context = "../../outside" is refused and the Dockerfile folder used; the notice names the file and the folder', () => {
  const dir = tree({ 'outside/secret.txt': 'x', 'ws/proj/docker/.layerwise.toml': 'platform = "linux/arm64"\ncontext = "../../../outside"\n' });
  const loaded = loadConfig(join(dir, 'ws', 'proj', 'docker'), undefined, undefined, nowhere(dir), { roots: [join(dir, 'ws')] });
  assert.equal(loaded.config.context, undefined);
  assert.equal(loaded.config.platform, 'linux/arm64');
  assert.deepEqual(loaded.ignored, [{ file: join(dir, 'ws', 'proj', 'docker', '.layerwise.toml'), key: 'context', line: 1, resolved: join(dir, 'outside') }]);
});

test('context = ".." inside the workspace is kept', () => {
  const dir = tree({ 'ws/proj/docker/.layerwise.toml': 'context = ".."\n' });
  const loaded = loadConfig(join(dir, 'ws', 'proj', 'docker'), undefined, undefined, nowhere(dir), { roots: [join(dir, 'ws')] });
  assert.equal(loaded.config.context, '..');
  assert.deepEqual(loaded.ignored, []);
});

test('a context through a link that leads out of the workspace is refused', () => {
  const dir = tree({ 'outside/a.txt': 'a', 'ws/.layerwise.toml': 'context = "ctx"\n' });
  symlinkSync(join(dir, 'outside'), join(dir, 'ws', 'ctx'));
  const loaded = loadConfig(join(dir, 'ws'), undefined, undefined, nowhere(dir), { roots: [join(dir, 'ws')] });
  assert.equal(loaded.config.context, undefined);
  assert.equal(loaded.ignored[0]?.resolved, join(dir, 'outside'));
});

test("a folder the user's extra roots list may hold the context", () => {
  const dir = tree({ 'shared/a.txt': 'a' });
  const config = { ...defaultConfig(), context: '../shared' };
  assert.deepEqual(confineContext(config, join(dir, 'ws'), [join(dir, 'ws')]), { config: defaultConfig(), refused: join(dir, 'shared') });
  assert.deepEqual(confineContext(config, join(dir, 'ws'), [join(dir, 'ws'), join(dir, 'shared')]), { config });
});

test('without roots, the CLI confines the context to the repository holding the Dockerfile', () => {
  const dir = tree({ 'repo/.git/HEAD': 'ref: refs/heads/main\n', 'repo/sub/docker/.layerwise.toml': 'context = "../.."\n', 'repo2/sub/.layerwise.toml': 'context = "../.."\n', 'repo2/.git/HEAD': '' });
  assert.equal(loadConfig(join(dir, 'repo', 'sub', 'docker'), undefined, undefined, nowhere(dir)).config.context, '../..');
  const out = loadConfig(join(dir, 'repo2', 'sub'), undefined, undefined, nowhere(dir));
  assert.equal(out.config.context, undefined);
  assert.equal(out.ignored[0]?.resolved, dir);
});

test('the CLI prints each ignored setting once, however many Dockerfiles share the file', () => {
  const lines: string[] = [];
  const n = { file: '/r/.layerwise.toml', key: 'online' as const, line: 3 };
  printTrustNotices([n], (l) => lines.push(l));
  printTrustNotices([n, { file: '/r/.layerwise.toml', key: 'context', line: 0, resolved: '/elsewhere' }], (l) => lines.push(l));
  assert.deepEqual(lines, [
    'layerwise: /r/.layerwise.toml:4: ignored: online can only be turned on with --online or LAYERWISE_ONLINE=1, not in a configuration file\n',
    "layerwise: /r/.layerwise.toml:1: ignored: context /elsewhere is outside the repository; the Dockerfile's folder is used\n",
  ]);
});
