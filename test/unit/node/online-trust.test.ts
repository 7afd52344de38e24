// Online look-ups go only where the user allowed: allowed registries, no foreign token realm or redirect, capped bodies, timeouts, no credentials.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { OnlineLookup, type OnlineOptions } from '../../../server/src/node/online';

interface Local {
  url: string;
  host: string;
  /** TCP connections accepted (a refused look-up makes none). */
  connections: number;
  requests: { url: string; headers: IncomingHttpHeaders }[];
  close(): Promise<void>;
}

/** An HTTP server on 127.0.0.1 only, counting connections and recording requests. */
async function local(handler: (req: IncomingMessage, res: ServerResponse, self: Local) => void = (_q, res) => void res.writeHead(404).end()): Promise<Local> {
  const server = createServer();
  const self: Local = { url: '', host: '', connections: 0, requests: [], close: () => new Promise((r) => (server.closeAllConnections(), server.close(() => r()))) };
  server.on('connection', () => self.connections++);
  server.on('request', (req, res) => {
    self.requests.push({ url: req.url ?? '', headers: req.headers });
    handler(req, res, self);
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as AddressInfo).port;
  self.host = `127.0.0.1:${port}`;
  self.url = `http://${self.host}`;
  return self;
}

function lookup(options: OnlineOptions): OnlineLookup {
  return new OnlineLookup({ cacheDir: mkdtempSync(join(tmpdir(), 'lw-online-')), timeoutMillis: 2000, ...options });
}

const MANIFEST = JSON.stringify({ schemaVersion: 2, layers: [{ size: 1000 }, { size: 234 }] });
const RELEASE = JSON.stringify({ info: { name: 'flask', version: '3.0.0', requires_dist: [] }, urls: [{ filename: 'flask-3.0.0-py3-none-any.whl', size: 101, packagetype: 'bdist_wheel' }] });

/** Asks for one image through the recorder, as the CLI does, and returns what the cache then answers. */
async function fetchImage(l: OnlineLookup, image: string, tag = '3.12-slim'): Promise<number | undefined> {
  const rec = l.recorder();
  rec.image(image, tag, 'linux/amd64');
  await l.fetchPending(rec.misses());
  return l.image(image, tag, 'linux/amd64')?.compressedBytes;
}

test('Docker Hub (the default) is looked up at its base URL and the manifest read', async () => {
  const hub = await local((_q, res) => void res.writeHead(200, { 'content-type': 'application/json' }).end(MANIFEST));
  try {
    assert.equal(await fetchImage(lookup({ registryBase: hub.url }), 'python'), 1234);
    assert.deepEqual(hub.requests.map((r) => r.url), ['/v2/library/python/manifests/3.12-slim']);
  } finally {
    await hub.close();
  }
});

test("an image on the FROM line's own registry is not contacted unless the user allowed that host", async () => {
  const other = await local((_q, res) => void res.writeHead(200).end(MANIFEST));
  const hub = await local();
  try {
    const l = lookup({ registryBase: hub.url });
    assert.equal(await fetchImage(l, `${other.host}/python`), undefined);
    assert.equal(l.image(`${other.host}/python`, '3.12-slim', 'linux/amd64'), undefined);
    await l.idle();
    assert.equal(other.connections, 0);
    assert.equal(hub.connections, 0);
  } finally {
    await other.close();
    await hub.close();
  }
});

test('a host the user listed is contacted (over https, so the plain-HTTP test server only sees the connection)', async () => {
  const other = await local();
  try {
    const l = lookup({ allowedRegistries: ['docker.io', 'pypi.org', other.host] });
    assert.equal(await fetchImage(l, `${other.host}/python`), undefined);
    assert.ok(other.connections >= 1, String(other.connections));
  } finally {
    await other.close();
  }
});

test('without docker.io and pypi.org in the allowed list nothing is looked up at all', async () => {
  const hub = await local();
  try {
    const l = lookup({ registryBase: hub.url, pypiBase: hub.url, allowedRegistries: [] });
    const rec = l.recorder();
    rec.image('python', '3.12', 'linux/amd64');
    rec.pypi('flask', '3.0.0');
    assert.deepEqual(rec.misses(), []);
    await l.fetchPending([{ kind: 'pypi', name: 'flask' }, { kind: 'image', image: 'python', tag: '3.12', platform: 'linux/amd64' }]);
    assert.equal(l.pypi('flask'), undefined);
    await l.idle();
    assert.equal(hub.connections, 0);
  } finally {
    await hub.close();
  }
});

test('index.docker.io/… and docker.io/… are Docker Hub: looked up at the configured Hub base', async () => {
  const hub = await local((_q, res) => void res.writeHead(200).end(MANIFEST));
  try {
    const l = lookup({ registryBase: hub.url });
    assert.equal(await fetchImage(l, 'index.docker.io/python'), 1234);
    assert.equal(await fetchImage(l, 'docker.io/library/python', '3.11'), 1234);
    assert.deepEqual(hub.requests.map((r) => r.url), ['/v2/library/python/manifests/3.12-slim', '/v2/library/python/manifests/3.11']);
  } finally {
    await hub.close();
  }
});

test('a 401 whose token realm is on another host is not followed', async () => {
  const realm = await local((_q, res) => void res.writeHead(200).end(JSON.stringify({ token: 'stolen' })));
  const hub = await local((_q, res) => void res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm.url}/token",service="x",scope="repository:library/python:pull"` }).end());
  try {
    assert.equal(await fetchImage(lookup({ registryBase: hub.url }), 'python'), undefined);
    assert.equal(realm.connections, 0);
    assert.equal(hub.requests.length, 1);
  } finally {
    await realm.close();
    await hub.close();
  }
});

test("a 401 whose realm is on the registry's own origin gets a token and the manifest", async () => {
  const hub = await local((req, res) => {
    if (req.url?.startsWith('/token')) return void res.writeHead(200).end(JSON.stringify({ token: 't0k' }));
    if (req.headers.authorization === 'Bearer t0k') return void res.writeHead(200).end(MANIFEST);
    res.writeHead(401, { 'www-authenticate': `Bearer realm="http://${req.headers.host}/token",service="reg",scope="repository:library/python:pull"` }).end();
  });
  try {
    assert.equal(await fetchImage(lookup({ registryBase: hub.url }), 'python'), 1234);
    assert.deepEqual(
      hub.requests.map((r) => [r.url, r.headers.authorization ?? null]),
      [
        ['/v2/library/python/manifests/3.12-slim', null],
        ['/token?service=reg&scope=repository%3Alibrary%2Fpython%3Apull', null],
        ['/v2/library/python/manifests/3.12-slim', 'Bearer t0k'],
      ],
    );
  } finally {
    await hub.close();
  }
});

test('no credentials or cookies are sent: the first request carries no Authorization and no Cookie', async () => {
  const pypi = await local((_q, res) => void res.writeHead(200, { 'set-cookie': 'session=1' }).end(RELEASE));
  try {
    const l = lookup({ pypiBase: pypi.url });
    await l.fetchPending([{ kind: 'pypi', name: 'flask', version: '3.0.0' }, { kind: 'pypi', name: 'click', version: '8.0.0' }]);
    assert.equal(l.pypi('flask', '3.0.0')?.version, '3.0.0');
    assert.deepEqual(pypi.requests.map((r) => [r.headers.authorization ?? null, r.headers.cookie ?? null]), [
      [null, null],
      [null, null],
    ]);
  } finally {
    await pypi.close();
  }
});

test('a redirect to another origin is not followed', async () => {
  const elsewhere = await local((_q, res) => void res.writeHead(200).end(RELEASE));
  const pypi = await local((_q, res) => void res.writeHead(302, { location: `${elsewhere.url}/pypi/flask/json` }).end());
  try {
    const l = lookup({ pypiBase: pypi.url });
    await l.fetchPending([{ kind: 'pypi', name: 'flask' }]);
    assert.equal(l.pypi('flask'), undefined);
    assert.equal(elsewhere.connections, 0);
  } finally {
    await elsewhere.close();
    await pypi.close();
  }
});

test('a redirect on the same origin is followed', async () => {
  const pypi = await local((req, res) => {
    if (req.url === '/pypi/Flask/json') return void res.writeHead(301, { location: '/pypi/flask/json' }).end();
    res.writeHead(200).end(RELEASE);
  });
  try {
    const l = lookup({ pypiBase: pypi.url });
    await l.fetchPending([{ kind: 'pypi', name: 'Flask' }]);
    assert.equal(l.pypi('Flask')?.version, '3.0.0');
  } finally {
    await pypi.close();
  }
});

test('a body over the size limit counts as unknown, with or without a Content-Length', async () => {
  const big = `${RELEASE}${' '.repeat(5000)}`;
  const pypi = await local((req, res) => {
    if (req.url?.includes('declared')) return void res.writeHead(200, { 'content-length': String(big.length) }).end(big);
    res.writeHead(200);
    for (let i = 0; i < big.length; i += 500) res.write(big.slice(i, i + 500));
    res.end();
  });
  try {
    const l = lookup({ pypiBase: pypi.url, maxResponseBytes: 2000 });
    await l.fetchPending([{ kind: 'pypi', name: 'declared' }, { kind: 'pypi', name: 'chunked' }]);
    assert.equal(l.pypi('declared'), undefined);
    assert.equal(l.pypi('chunked'), undefined);
    const roomy = lookup({ pypiBase: pypi.url, maxResponseBytes: 10_000 });
    await roomy.fetchPending([{ kind: 'pypi', name: 'chunked' }]);
    assert.equal(roomy.pypi('chunked')?.version, '3.0.0');
  } finally {
    await pypi.close();
  }
});

test('a registry that never answers is given up after the timeout', async () => {
  const silent = await local(() => undefined);
  try {
    const l = lookup({ pypiBase: silent.url, timeoutMillis: 300 });
    const started = Date.now();
    await l.fetchPending([{ kind: 'pypi', name: 'flask' }]);
    assert.equal(l.pypi('flask'), undefined);
    assert.ok(Date.now() - started < 3000, `took ${Date.now() - started} ms`);
  } finally {
    await silent.close();
  }
});
