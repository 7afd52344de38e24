#!/usr/bin/env node
// Runs Layerwise in a real VS Code (code-server) and checks it: the in-editor mocha suite, a browser UI pass, or both.
//
//   node scripts/e2e/run.mjs [exthost|ui|both] [--shots DIR] [--no-build] [--keep] [--verbose]
//                            [--ext DIR] [--workspace DIR]
//
//   exthost  test/vscode/ runs inside the extension host against the `vscode` API (same suite as test:vscode)
//   ui       playwright-core drives Debian's Chromium through the example; a screenshot per step (--shots,
//            default out/e2e/screenshots; `npm run screenshots` points it at docs/images)
//   both     (default) one code-server, both passes
// Needs `bash scripts/e2e/setup.sh` first (tools in $LAYERWISE_E2E_DIR, default /tmp/layerwise-e2e).
// Prints PASS/FAIL lines and finally `N passed, N failed`; exits 1 if anything failed. Everything listens on 127.0.0.1.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join, resolve } from 'node:path';
import { buildSuite, ROOT } from './build-suite.mjs';
import { codeServerBin, installExtension, makeProfile, startCodeServer } from './code-server.mjs';
import { runExthostSuite } from './exthost.mjs';
import { runUiPass } from './ui-pass.mjs';

const argv = process.argv.slice(2);
const flag = (name) => argv.includes(`--${name}`);
const option = (name, fallback) => (argv.includes(`--${name}`) ? argv[argv.indexOf(`--${name}`) + 1] : fallback);
const MODE = argv.find((a) => ['exthost', 'ui', 'both'].includes(a)) ?? option('mode', 'both');
if (!['exthost', 'ui', 'both'].includes(MODE)) {
  console.error(`unknown mode ${MODE}: use exthost, ui or both`);
  process.exit(2);
}
const wantExthost = MODE !== 'ui';
const wantUi = MODE !== 'exthost';
const CACHE = resolve(process.env.LAYERWISE_E2E_DIR ?? '/tmp/layerwise-e2e');
const EXT = resolve(option('ext', ROOT));
const expected = JSON.parse(readFileSync(join(ROOT, 'test/vscode/expected.json'), 'utf8'));
const EXAMPLE = resolve(option('workspace', join(ROOT, expected.workspace)));
const ARTIFACTS = join(ROOT, 'out/e2e');
const SHOTS = resolve(option('shots', join(ARTIFACTS, 'screenshots')));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// ---- reporting ----
const counts = { passed: 0, failed: 0, pending: 0 };
const firstLines = (s, n = 6) => String(s ?? '').split('\n').filter((l) => l.trim()).slice(0, n).join('\n      ');
const report = {
  pass(name, detail) { counts.passed++; console.log(`PASS ${name}${detail ? ` (${detail})` : ''}`); },
  fail(name, err) { counts.failed++; console.log(`FAIL ${name}\n      ${firstLines(err?.stack ?? err)}`); },
  pending(name) { counts.pending++; console.log(`TODO ${name} (pending, not counted)`); },
  async check(name, fn, onFail) {
    try { this.pass(name, await fn()); return true; } catch (e) {
      this.fail(name, e);
      await onFail?.(name.replace(/[^a-z0-9]+/gi, '-').toLowerCase().slice(0, 60));
      return false;
    }
  },
};
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;
const timings = {};
const T0 = Date.now();

function finish() {
  const t = Object.entries(timings).map(([k, v]) => `${k} ${secs(v)}`).join(', ');
  console.log(`e2e ${MODE}: ${t}${t ? ', ' : ''}total ${secs(Date.now() - T0)}`);
  if (counts.failed && existsSync(ARTIFACTS)) console.log(`  artifacts for the failure: ${ARTIFACTS} (code-server.log, ui-failed-*.png); --keep --verbose shows more`);
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  process.exit(counts.failed ? 1 : 0);
}
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => { console.log(`interrupted by ${sig}`); process.exit(130); });

// ---- preconditions and build ----
const CS_BIN = codeServerBin(CACHE);
const PW = join(CACHE, 'tools/node_modules/playwright-core');
const missing = [[CS_BIN, 'code-server'], [PW, 'playwright-core'], [CHROMIUM, 'chromium']].filter(([p]) => !existsSync(p));
if (missing.length) {
  report.fail('e2e tools installed', `missing ${missing.map(([p, what]) => `${what} (${p})`).join(', ')}: run bash scripts/e2e/setup.sh`);
  finish();
}
if (!existsSync(EXAMPLE)) {
  report.fail('example workspace present', `no ${EXAMPLE}`);
  finish();
}

const VSIX = join(EXT, 'layerwise.vsix');
if (!flag('no-build')) {
  const t = Date.now();
  const ok = await report.check(`build ${wantUi ? 'and package ' : ''}the extension${wantExthost ? ' and the in-editor suite' : ''}`, async () => {
    // stdin closed: a vsce question (missing repository, license…) fails the step instead of hanging CI.
    execFileSync('npm', ['run', '--silent', wantUi ? 'package' : 'build'], { cwd: EXT, stdio: ['ignore', 'pipe', 'inherit'] });
    if (wantExthost) await buildSuite();
    return secs(Date.now() - t);
  });
  timings.build = Date.now() - t;
  if (!ok) finish();
}

// ---- code-server + browser ----
mkdirSync(SHOTS, { recursive: true });
mkdirSync(ARTIFACTS, { recursive: true });
// Failure shots of an earlier run would read as this run's.
for (const f of readdirSync(ARTIFACTS)) if (/^ui-failed-.*\.png$/.test(f)) rmSync(join(ARTIFACTS, f));
const RUN = mkdtempSync(join(CACHE, 'run-'));
const RESULTS = join(RUN, 'exthost-results.json');
const profile = makeProfile(RUN, {
  // The extension host inherits these from the server; test/vscode/index.ts writes its results there.
  LAYERWISE_VSCODE_TEST_RESULTS: RESULTS,
  LAYERWISE_VSCODE_EXTENSION_PATH: EXT,
});
// Each pass edits its own copy; the folder keeps the example's name so the window title reads like a user's.
const workspaceCopy = (tag) => {
  const dest = join(RUN, `ws-${tag}`, basename(EXAMPLE));
  cpSync(EXAMPLE, dest, { recursive: true });
  return dest;
};

let server;
let browser;
try {
  if (wantUi) {
    // The UI pass uses the packaged .vsix, as a user installs it; the in-editor suite uses the development folder.
    const t = Date.now();
    await installExtension(CS_BIN, profile, VSIX);
    timings.installVsix = Date.now() - t;
  }
  server = await startCodeServer(CS_BIN, profile, join(ARTIFACTS, 'code-server.log'));
  timings.codeServerListen = server.listenMs;
  console.log(`  code-server ${server.url} (pid ${server.pid}, run dir ${RUN})`);
  const { chromium } = createRequire(join(CACHE, 'tools/package.json'))('playwright-core');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });

  if (wantExthost) {
    const { ms } = await runExthostSuite({
      browser, server, workspace: workspaceCopy('exthost'), extensionPath: EXT,
      suiteEntry: join(ROOT, 'out/vscode-test/index.js'), resultFile: RESULTS, report, verbose: flag('verbose'),
    });
    timings.exthostSuite = ms;
  }
  if (wantUi) {
    const t = Date.now();
    await runUiPass({ browser, server, workspace: workspaceCopy('ui'), shotsDir: SHOTS, failDir: ARTIFACTS, expected, report, timings });
    timings.uiPass = Date.now() - t;
    console.log(`  screenshots in ${SHOTS}`);
  }
} catch (e) {
  report.fail('e2e harness', e);
} finally {
  await browser?.close().catch(() => {});
  await server?.stop();
  if (!flag('keep')) rmSync(RUN, { recursive: true, force: true });
  else console.log(`  kept ${RUN}`);
}
finish();
