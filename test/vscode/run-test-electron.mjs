#!/usr/bin/env node
// Runs the in-editor suite (test/vscode/) in desktop VS Code through @vscode/test-electron, for machines that can
// download VS Code. Offline machines use `npm run test:e2e` (code-server), which runs the very same suite.
//
//   node test/vscode/run-test-electron.mjs [--no-build]     env: VSCODE_TEST_VERSION (default stable)
// Linux without a display: run under `xvfb-run -a`.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { buildSuite, ROOT, SUITE_ENTRY } from '../../scripts/e2e/build-suite.mjs';

const version = process.env.VSCODE_TEST_VERSION ?? 'stable';
const cachePath = join(resolve(process.env.LAYERWISE_E2E_DIR ?? join(tmpdir(), 'layerwise-e2e')), 'vscode-electron');
const expected = JSON.parse(readFileSync(join(ROOT, 'test/vscode/expected.json'), 'utf8'));

function giveUp(what, detail) {
  console.log(`FAIL ${what}\n      ${detail.split('\n').join('\n      ')}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}

let testElectron;
try {
  testElectron = createRequire(join(ROOT, 'package.json'))('@vscode/test-electron');
} catch {
  giveUp('load @vscode/test-electron', 'it is not installed: add the devDependency "@vscode/test-electron": "2.5.2" and run npm install');
}

if (!process.argv.includes('--no-build')) {
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'] });
  await buildSuite();
}

// Download first, on its own, so an offline machine gets one clear line instead of a stack from deep inside runTests.
let vscodeExecutablePath;
try {
  console.log(`downloading VS Code ${version} into ${cachePath} (skipped when cached)…`);
  vscodeExecutablePath = await testElectron.downloadAndUnzipVSCode({ version, cachePath, timeout: 30_000 });
} catch (e) {
  giveUp(`download VS Code ${version} from update.code.visualstudio.com`,
    `${String(e?.message ?? e).split('\n')[0]}\n` +
    'This machine cannot download VS Code (offline?). Run the same suite in code-server instead: npm run test:e2e');
}

const run = mkdtempSync(join(tmpdir(), 'layerwise-vscode-'));
const example = join(ROOT, expected.workspace);
const workspace = join(run, 'ws', basename(example));
cpSync(example, workspace, { recursive: true });
mkdirSync(join(run, 'user-data/User'), { recursive: true });
writeFileSync(join(run, 'user-data/User/settings.json'), JSON.stringify({
  'files.autoSave': 'off', 'security.workspace.trust.enabled': false, 'workbench.startupEditor': 'none',
  'telemetry.telemetryLevel': 'off', 'update.mode': 'none', 'extensions.autoUpdate': false,
}));
const resultFile = join(run, 'results.json');

let exitCode;
try {
  exitCode = await testElectron.runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: SUITE_ENTRY,
    extensionTestsEnv: { LAYERWISE_VSCODE_TEST_RESULTS: resultFile, LAYERWISE_VSCODE_EXTENSION_PATH: ROOT },
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome',
      '--skip-release-notes', '--disable-gpu', `--user-data-dir=${join(run, 'user-data')}`,
      `--extensions-dir=${join(run, 'extensions')}`],
  });
} catch (e) {
  exitCode = typeof e === 'number' ? e : 1; // runTests rejects with the exit code or an Error
  if (typeof e !== 'number') console.log(String(e?.stack ?? e));
}

const res = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
let passed = 0;
let failed = 0;
for (const r of res?.results ?? []) {
  if (r.state === 'passed') { passed++; console.log(`PASS vscode: ${r.title}`); }
  else if (r.state === 'pending') console.log(`TODO vscode: ${r.title} (pending, not counted)`);
  else { failed++; console.log(`FAIL vscode: ${r.title}\n      ${String(r.error).split('\n').slice(0, 6).join('\n      ')}`); }
}
if (!res || (exitCode !== 0) !== (failed > 0)) {
  failed++;
  console.log(`FAIL vscode: the in-editor suite reported its results (exit code ${exitCode}, result file ${res ? 'written' : 'missing'})`);
}
rmSync(run, { recursive: true, force: true });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
