// Coexistence: when the client reports that the hadolint extension is installed, DL findings are left to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, startServer } from './harness';

const EXAMPLE = join(ROOT, 'examples', 'flask-app', 'Dockerfile');

test('detected hadolint extension: DL codes are dropped, Layerwise codes stay; a later notification restores them', async () => {
  const server = await startServer({ settings: { detectedTools: ['hadolint'] } });
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', readFileSync(EXAMPLE, 'utf8'));
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.deepEqual(diags.filter((d) => /^DL/.test(String(d.code))).map((d) => d.code), []);
    assert.ok(diags.some((d) => d.code === 'LW001'));
    await server.connection.sendNotification('layerwise/didChangeTools', { defer: [] });
    const after = await server.diagnostics(uri, (d) => d.some((x) => /^DL/.test(String(x.code))));
    assert.ok(after.some((d) => d.code === 'DL3042'));
  } finally {
    await server.stop();
  }
});

test('deferAuto off keeps every finding even when the hadolint extension is installed', async () => {
  const server = await startServer({ settings: { detectedTools: ['hadolint'], deferAuto: false } });
  try {
    const uri = server.open(EXAMPLE, 'dockerfile', readFileSync(EXAMPLE, 'utf8'));
    const diags = await server.diagnostics(uri, (d) => d.length > 0);
    assert.ok(diags.some((d) => d.code === 'DL3042'));
  } finally {
    await server.stop();
  }
});
