// Compiles the in-editor suite (test/vscode/**) to out/vscode-test/ with esbuild and type-checks it with tsc.
//   node scripts/e2e/build-suite.mjs [--no-typecheck]
// Each entry is bundled with its helpers and expected.json; `vscode` comes from the host, mocha from the repo's
// node_modules at run time (out/vscode-test/ sits inside the repo, so Node's lookup finds it).
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const SUITE_OUT = join(ROOT, 'out/vscode-test');
export const SUITE_ENTRY = join(SUITE_OUT, 'index.js');

export async function buildSuite({ typecheck = true } = {}) {
  const require = createRequire(join(ROOT, 'package.json'));
  const esbuild = require('esbuild');
  const src = join(ROOT, 'test/vscode');
  const entryPoints = {
    index: join(src, 'index.ts'),
    ...Object.fromEntries(readdirSync(join(src, 'suite'))
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => [`suite/${f.replace(/\.ts$/, '')}`, join(src, 'suite', f)])),
  };
  rmSync(SUITE_OUT, { recursive: true, force: true });
  await esbuild.build({
    entryPoints, outdir: SUITE_OUT, bundle: true, platform: 'node', target: 'node20', format: 'cjs',
    sourcemap: 'inline', external: ['vscode', 'mocha'], logLevel: 'warning',
  });
  if (typecheck) {
    execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', join(src, 'tsconfig.json')], { stdio: 'inherit' });
  }
  return SUITE_ENTRY;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  await buildSuite({ typecheck: !process.argv.includes('--no-typecheck') });
  console.log(`in-editor suite built: ${SUITE_ENTRY}`);
}
