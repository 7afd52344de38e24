// Fails when server/src/core/data/generated/*.json is stale relative to scripts/build-data.mjs and data/size-data/*.tsv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { spawnSync } from 'node:child_process';

function repoRoot(): string | undefined {
  // Bundled tests run from out/test/…; walk up to the directory holding scripts/build-data.mjs.
  for (let dir = __dirname; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'scripts', 'build-data.mjs'))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

const root = repoRoot() ?? process.cwd();

test('generated data files match what scripts/build-data.mjs produces from the TSV files', () => {
  const r = spawnSync(process.execPath, [join(root, 'scripts', 'build-data.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, `${r.stdout}${r.stderr}`);
});
