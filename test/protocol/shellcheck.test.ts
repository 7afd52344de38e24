// ShellCheck through the server: runs in the background only in a trusted workspace; findings arrive in a re-publish.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, startServer } from './harness';

const hasShellcheck = spawnSync('shellcheck', ['--version']).status === 0;
const TEXT = 'FROM debian:bookworm-slim\nARG NAME\nRUN echo $NAME $undefined_var | grep x\n';

test('trusted workspace: SC findings are published once the background run finishes', { skip: !hasShellcheck && 'shellcheck is not installed' }, async () => {
  const server = await startServer({ settings: { trusted: true } });
  try {
    const uri = server.open(join(ROOT, 'test', 'Dockerfile.sc'), 'dockerfile', TEXT);
    const diags = await server.diagnostics(uri, (d) => d.some((x) => String(x.code).startsWith('SC')), 15_000);
    const sc = diags.filter((d) => String(d.code).startsWith('SC'));
    assert.ok(sc.some((d) => d.code === 'SC2086'), JSON.stringify(sc.map((d) => d.code)));
    assert.equal(TEXT.split('\n')[sc[0]!.range.start.line]!.startsWith('RUN'), true);
  } finally {
    await server.stop();
  }
});

test('untrusted workspace: ShellCheck is never run', async () => {
  const server = await startServer({ settings: { trusted: false } });
  try {
    const uri = server.open(join(ROOT, 'test', 'Dockerfile.sc'), 'dockerfile', TEXT);
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    // Give a background run (if one were wrongly started) time to publish, then check nothing came.
    await new Promise((r) => setTimeout(r, 1500));
    const again = await server.diagnostics(uri);
    assert.deepEqual([...diags, ...again].filter((d) => String(d.code).startsWith('SC')), []);
  } finally {
    await server.stop();
  }
});
