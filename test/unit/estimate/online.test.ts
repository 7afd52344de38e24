// Online refresh: PyPI JSON and registry manifests from a local server in the real APIs' shapes; nothing when the setting is off.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, writeFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { estimateCommand } from '../../../server/src/cli-estimate';
import { OnlineLookup, onlineFactsFor } from '../../../server/src/node/online';
import { initRuntime } from '../../../server/src/node/runtime';

// Recorded shapes: PyPI's https://pypi.org/pypi/<name>/json (trimmed to the fields the API always has) and the
// Docker Registry HTTP API v2 token challenge, OCI image index and image manifest.
const PYPI_RELEASE = {
  info: { name: 'tinyweb-demo', version: '1.4.0', requires_dist: ['markupsafe>=2.1', 'colorama; sys_platform == "win32"', 'pytest; extra == "test"'], requires_python: '>=3.9', summary: 'demo' },
  last_serial: 1,
  releases: {},
  urls: [
    { filename: 'tinyweb_demo-1.4.0-py3-none-any.whl', packagetype: 'bdist_wheel', python_version: 'py3', size: 2_500_000, upload_time_iso_8601: '2026-05-02T10:00:00.000000Z', url: 'https://files.pythonhosted.org/packages/aa/tinyweb_demo-1.4.0-py3-none-any.whl', digests: { sha256: 'a'.repeat(64) } },
    { filename: 'tinyweb_demo-1.4.0.tar.gz', packagetype: 'sdist', python_version: 'source', size: 3_100_000, upload_time_iso_8601: '2026-05-02T10:00:00.000000Z', url: 'https://files.pythonhosted.org/packages/bb/tinyweb_demo-1.4.0.tar.gz', digests: { sha256: 'b'.repeat(64) } },
  ],
  vulnerabilities: [],
};
const INDEX = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.index.v1+json',
  manifests: [
    { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'1'.repeat(64)}`, size: 1234, platform: { architecture: 'amd64', os: 'linux' } },
    { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: `sha256:${'2'.repeat(64)}`, size: 1234, platform: { architecture: 'arm64', os: 'linux', variant: 'v8' } },
  ],
};
const MANIFEST = {
  schemaVersion: 2,
  mediaType: 'application/vnd.oci.image.manifest.v1+json',
  config: { mediaType: 'application/vnd.oci.image.config.v1+json', digest: `sha256:${'3'.repeat(64)}`, size: 5000 },
  layers: [
    { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${'4'.repeat(64)}`, size: 30_000_000 },
    { mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', digest: `sha256:${'5'.repeat(64)}`, size: 12_000_000 },
  ],
};

let server: Server;
let base = '';
let connections = 0;
const requests: string[] = [];

before(async () => {
  await initRuntime();
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const json = (status: number, body: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
      res.end(JSON.stringify(body));
    };
    const url = req.url ?? '';
    if (url === '/pypi/tinyweb-demo/json' || url === '/pypi/tinyweb-demo/1.4.0/json') return json(200, PYPI_RELEASE);
    if (url.startsWith('/pypi/')) return json(404, { message: 'Not Found' });
    if (url.startsWith('/token')) return json(200, { token: 'recorded-token', access_token: 'recorded-token', expires_in: 300 });
    if (url.startsWith('/v2/')) {
      if (req.headers.authorization !== 'Bearer recorded-token') {
        return json(401, { errors: [{ code: 'UNAUTHORIZED', message: 'authentication required' }] }, { 'WWW-Authenticate': `Bearer realm="${base}/token",service="registry.docker.io",scope="repository:acme/app:pull"` });
      }
      if (url === '/v2/acme/app/manifests/2.0') return json(200, INDEX, { 'Content-Type': INDEX.mediaType });
      if (url === `/v2/acme/app/manifests/sha256:${'1'.repeat(64)}`) return json(200, MANIFEST, { 'Content-Type': MANIFEST.mediaType });
      return json(404, { errors: [{ code: 'MANIFEST_UNKNOWN' }] });
    }
    json(404, {});
  });
  server.on('connection', () => connections++);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  process.env['LAYERWISE_PYPI_URL'] = base;
  process.env['LAYERWISE_REGISTRY_URL'] = base;
  // A loaded test machine must not turn a slow local answer into a fallback.
  process.env['LAYERWISE_ONLINE_TIMEOUT_MS'] = '30000';
});

after(() => {
  server.close();
  delete process.env['LAYERWISE_PYPI_URL'];
  delete process.env['LAYERWISE_REGISTRY_URL'];
  delete process.env['LAYERWISE_CACHE_DIR'];
});

function project(online: boolean): string {
  const dir = mkdtempSync(join(tmpdir(), 'lw-online-'));
  writeFileSync(join(dir, 'Dockerfile'), 'FROM acme/app:2.0\nCOPY requirements.txt .\nRUN pip install --no-cache-dir -r requirements.txt\n');
  writeFileSync(join(dir, 'requirements.txt'), 'tinyweb-demo==1.4.0\n');
  writeFileSync(join(dir, '.layerwise.toml'), `online = ${online}\n`);
  process.env['LAYERWISE_CACHE_DIR'] = join(dir, 'cache');
  return dir;
}

/** `online` is the user's flag (`--online`): the `.layerwise.toml` written above is ignored for it. */
async function runJson(dir: string, online = false): Promise<{ code: number; json: { stages: { base: { bytes: { typical: number } }; instructions: { parts: { what: string; source: string; bytes: { typical: number } }[] }[] }[] } }> {
  const chunks: string[] = [];
  const code = await estimateCommand([join(dir, 'Dockerfile'), '--format', 'json', ...(online ? ['--online'] : [])], (t) => chunks.push(t));
  return { code, json: JSON.parse(chunks.join('')) };
}

test('with layerwise.online off, no connection is attempted and unknown names get fallbacks', async () => {
  const before = connections;
  const { code, json } = await runJson(project(false));
  assert.equal(code, 0);
  assert.equal(connections, before);
  assert.match(json.stages[0]!.instructions[0]!.parts[0]!.source, /not in the published image sizes/);
  assert.equal(onlineFactsFor({ online: false }), undefined);
});

test('with layerwise.online on, PyPI and the registry answer unknown package and tag, and the answers are cached on disk', async () => {
  const dir = project(true);
  const before = connections;
  const { json } = await runJson(dir, true);
  assert.ok(connections > before, `connections ${before} → ${connections}`);
  const stage = json.stages[0]!;
  assert.equal(stage.base.bytes.typical, Math.round(42_000_000 * 2.7));
  const pip = stage.instructions.find((i) => i.parts.some((p) => p.what.startsWith('pip')))!.parts[0]!;
  assert.match(pip.source, /PyPI JSON API \(online\)/, pip.source);
  assert.match(pip.what, /1 package \+ 1 dependency/, pip.what);
  assert.ok(requests.includes('/pypi/tinyweb-demo/1.4.0/json'), requests.join(' '));
  assert.ok(readdirSync(join(dir, 'cache')).length >= 2, readdirSync(join(dir, 'cache')).join(' '));
  // A fresh look-up object answers from the disk cache without connecting.
  const again = new OnlineLookup({ cacheDir: join(dir, 'cache') });
  const count = connections;
  assert.equal(again.pypi('tinyweb-demo', '1.4.0')?.files[0]?.bytes, 2_500_000);
  assert.equal(again.image('acme/app', '2.0', 'linux/amd64')?.compressedBytes, 42_000_000);
  await again.idle();
  assert.equal(connections, count);
});

test('a server that does not answer costs at most the timeout and leaves a fallback', async () => {
  const silent = createServer(() => undefined);
  await new Promise<void>((r) => silent.listen(0, '127.0.0.1', () => r()));
  const url = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  const lookup = new OnlineLookup({ pypiBase: url, timeoutMillis: 200, cacheDir: mkdtempSync(join(tmpdir(), 'lw-cache-')) });
  const started = Date.now();
  await lookup.fetchPending([{ kind: 'pypi', name: 'never-answers' }]);
  assert.ok(Date.now() - started < 2000);
  assert.equal(lookup.pypi('never-answers'), undefined);
  silent.closeAllConnections();
  silent.close();
});
