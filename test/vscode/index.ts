// Entry of the in-editor suite: VS Code's extension host require()s this file (extensionTestsPath) and awaits run().
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs?: number;
  error?: string;
}

export function run(): Promise<void> {
  const mocha = new Mocha({
    ui: 'bdd',
    reporter: 'spec',
    color: false,
    // Generous: the first test pays for extension activation and the language server's start.
    timeout: 60_000,
    grep: process.env.LAYERWISE_VSCODE_TEST_GREP || undefined,
  });
  const suiteDir = path.join(__dirname, 'suite');
  for (const f of fs.readdirSync(suiteDir).sort()) {
    if (f.endsWith('.test.js')) mocha.addFile(path.join(suiteDir, f));
  }
  const results: TestResult[] = [];
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // Whoever launched VS Code (code-server driver or @vscode/test-electron) names the file in the environment,
      // which the extension host inherits; it turns the results into PASS/FAIL lines.
      const out = process.env.LAYERWISE_VSCODE_TEST_RESULTS;
      if (out) {
        const count = (s: TestResult['state']) => results.filter((r) => r.state === s).length;
        fs.writeFileSync(out, JSON.stringify({
          passed: count('passed'), failed: count('failed'), pending: count('pending'), results,
        }, null, 2));
      }
      if (failures > 0) reject(new Error(`${failures} in-editor test(s) failed`));
      else resolve();
    });
    runner.on('pass', (t) => results.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on('pending', (t) => results.push({ title: t.fullTitle(), state: 'pending' }));
    runner.on('fail', (t, err: Error) =>
      results.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err) }));
  });
}
