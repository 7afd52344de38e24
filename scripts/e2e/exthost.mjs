// Runs the in-editor mocha suite inside code-server's extension host and turns its result file into PASS/FAIL lines.
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { format } from 'node:util';

/**
 * code-server's CLI has no --extensionDevelopmentPath/--extensionTestsPath; the web workbench takes them from the
 * page URL's `payload` query as vscode-remote:// URIs, so the server-side extension host loads the extension from
 * its folder and require()s the suite entry.
 */
export function exthostUrl(server, workspace, extensionPath, suiteEntry) {
  const remote = (p) => `vscode-remote://${server.authority}${p}`;
  const payload = [['extensionDevelopmentPath', remote(extensionPath)], ['extensionTestsPath', remote(suiteEntry)]];
  return `${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

export async function runExthostSuite({ browser, server, workspace, extensionPath, suiteEntry, resultFile, report, verbose, timeoutMs = 240_000 }) {
  rmSync(resultFile, { force: true });
  const context = await browser.newContext();
  const page = await context.newPage();
  const hostLog = [];
  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  // The same hooks @vscode/test-web uses: while running tests the workbench forwards the extension host's console
  // (printf-style arguments) to codeAutomationLog and reports run()'s outcome to codeAutomationExit (0 = resolved).
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    const line = format(...(Array.isArray(args) ? args : [args]));
    hostLog.push(line);
    if (verbose) console.log(`  | ${line}`);
  });
  await page.exposeFunction('codeAutomationExit', (code) => exited(code));
  const started = Date.now();
  let timer;
  try {
    await page.goto(exthostUrl(server, workspace, extensionPath, suiteEntry), { timeout: 120_000 });
    const code = await Promise.race([exitCode, new Promise((r) => (timer = setTimeout(() => r('timeout'), timeoutMs)))]);
    const ms = Date.now() - started;
    const res = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : null;
    for (const r of res?.results ?? []) {
      if (r.state === 'passed') report.pass(`exthost: ${r.title}`, `${r.durationMs} ms`);
      else if (r.state === 'pending') report.pending(`exthost: ${r.title}`);
      else report.fail(`exthost: ${r.title}`, r.error);
    }
    // Only a run that ended without telling us what happened is a failure of its own.
    if (!res || code === 'timeout' || (code !== 0) !== (res.failed > 0)) {
      const why = code === 'timeout' ? `no exit within ${timeoutMs / 1000} s` : !res ? `exit code ${code} and no result file` : `exit code ${code} but ${res.failed} failed`;
      report.fail('exthost: the in-editor suite reported its results', `${why}\n${hostLog.slice(-30).join('\n')}`);
    } else if (!verbose && res.failed > 0) {
      console.log(hostLog.slice(-60).map((l) => `  | ${l}`).join('\n'));
    }
    return { ms, result: res };
  } finally {
    clearTimeout(timer);
    await context.close();
  }
}
