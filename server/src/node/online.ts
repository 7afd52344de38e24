// Online look-ups for what the embedded data lacks (PyPI JSON API, registry manifests), cached on disk, never awaited by diagnostics.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ExternalFacts, ExternalImage, ExternalRelease } from '../core/estimate/types';
import type { LayerwiseConfig } from '../core/config';

export interface OnlineOptions {
  /** PyPI's base URL (default https://pypi.org, or LAYERWISE_PYPI_URL). */
  pypiBase?: string;
  /** Registry for Docker Hub images (default https://registry-1.docker.io, or LAYERWISE_REGISTRY_URL). */
  registryBase?: string;
  /** Cache folder (default ~/.cache/layerwise/online, or LAYERWISE_CACHE_DIR). */
  cacheDir?: string;
  /** How long a cached answer is used (default 7 days). */
  ttlMillis?: number;
  /** Per-request timeout (default 4 s, or LAYERWISE_ONLINE_TIMEOUT_MS). */
  timeoutMillis?: number;
  /** Called when a background look-up brought new facts (the server refreshes hovers and CodeLens). */
  onUpdate?: () => void;
  /**
   * Registries the user allowed, by host (`docker.io` is Docker Hub, `pypi.org` is PyPI, whatever their base URL
   * above): an image on any other registry is never looked up, whatever its FROM line names. Default DEFAULT_REGISTRIES.
   */
  allowedRegistries?: readonly string[];
  /** Largest response body read (default 8 MB); a bigger answer counts as unknown. */
  maxResponseBytes?: number;
}

/** Where look-ups may go unless the user's settings list others: Docker Hub and PyPI. */
export const DEFAULT_REGISTRIES: readonly string[] = ['docker.io', 'pypi.org'];

/** Host names Docker Hub's images are written with; all mean `docker.io`. */
const DOCKER_HUB_HOSTS = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Docker Hub hands out pull tokens from this host (its realm), the one realm on another host that is followed. */
const DOCKER_HUB_REALM_HOST = 'auth.docker.io';
const DOCKER_HUB_REGISTRY = 'https://registry-1.docker.io';

const MAX_REDIRECTS = 3;

export type Miss = { kind: 'pypi'; name: string; version?: string } | { kind: 'image'; image: string; tag: string; platform: string };

interface CacheEntry<T> {
  fetched: string;
  value: T | null;
}

const DAY = 86_400_000;

/** Creates the look-up only when `online` is on: with it off nothing here ever opens a connection. */
export function onlineFactsFor(config: Pick<LayerwiseConfig, 'online'>, options: OnlineOptions = {}): OnlineLookup | undefined {
  // `config.online` is only ever true from the user: config-files.ts drops it from every file, the server takes it from user settings.
  return config.online ? new OnlineLookup(options) : undefined;
}

export class OnlineLookup implements ExternalFacts {
  private readonly memory = new Map<string, CacheEntry<unknown>>();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly pypiBase: string;
  private readonly registryBase: string;
  private readonly cacheDir: string;
  private readonly ttl: number;
  private readonly timeout: number;
  private readonly allowed: ReadonlySet<string>;
  private readonly maxBytes: number;

  constructor(private readonly options: OnlineOptions) {
    this.pypiBase = (options.pypiBase ?? process.env['LAYERWISE_PYPI_URL'] ?? 'https://pypi.org').replace(/\/$/, '');
    this.registryBase = (options.registryBase ?? process.env['LAYERWISE_REGISTRY_URL'] ?? 'https://registry-1.docker.io').replace(/\/$/, '');
    this.cacheDir = options.cacheDir ?? process.env['LAYERWISE_CACHE_DIR'] ?? join(homedirSafe(), '.cache', 'layerwise', 'online');
    this.ttl = options.ttlMillis ?? 7 * DAY;
    this.timeout = options.timeoutMillis ?? (Number(process.env['LAYERWISE_ONLINE_TIMEOUT_MS']) || 4000);
    this.allowed = new Set((options.allowedRegistries ?? DEFAULT_REGISTRIES).map((h) => canonicalHost(h)));
    this.maxBytes = options.maxResponseBytes ?? 8 * 1024 * 1024;
  }

  /** Whether a look-up for this miss may connect at all: its registry is one the user allowed. */
  permits(m: Miss): boolean {
    if (m.kind === 'pypi') return this.allowed.has('pypi.org');
    return this.allowed.has(this.registryFor(m.image).host);
  }

  pypi(name: string, version?: string): ExternalRelease | undefined {
    return this.cached<ExternalRelease>(pypiKey(name, version), { kind: 'pypi', name, ...(version ? { version } : {}) }, true);
  }

  image(image: string, tag: string, platform: string): ExternalImage | undefined {
    return this.cached<ExternalImage>(imageKey(image, tag, platform), { kind: 'image', image, tag, platform }, true);
  }

  /** An ExternalFacts that answers from the cache and records misses, without fetching (the CLI fetches them and waits). */
  recorder(): ExternalFacts & { misses(): Miss[] } {
    const misses: Miss[] = [];
    return {
      pypi: (name, version) => {
        const miss: Miss = { kind: 'pypi', name, ...(version ? { version } : {}) };
        if (!this.permits(miss)) return undefined;
        const hit = this.cached<ExternalRelease>(pypiKey(name, version), undefined, false);
        if (!hit && !this.known(pypiKey(name, version))) misses.push(miss);
        return hit;
      },
      image: (image, tag, platform) => {
        const miss: Miss = { kind: 'image', image, tag, platform };
        if (!this.permits(miss)) return undefined;
        const hit = this.cached<ExternalImage>(imageKey(image, tag, platform), undefined, false);
        if (!hit && !this.known(imageKey(image, tag, platform))) misses.push(miss);
        return hit;
      },
      misses: () => misses,
    };
  }

  /** Fetches the given misses (in parallel, each with the timeout) and caches the answers. */
  async fetchPending(misses: readonly Miss[]): Promise<void> {
    await Promise.all(misses.filter((m) => this.permits(m)).map((m) => this.fetchMiss(m)));
  }

  /** Resolves when every background look-up started so far has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight.values()]);
  }

  private known(key: string): boolean {
    return this.memory.has(key) || this.readDisk(key) !== undefined;
  }

  private cached<T>(key: string, miss: Miss | undefined, schedule: boolean): T | undefined {
    // Not even the cache answers for a registry the user did not allow: what is shown must not depend on it.
    if (miss && !this.permits(miss)) return undefined;
    let entry = this.memory.get(key) as CacheEntry<T> | undefined;
    if (!entry) {
      entry = this.readDisk<T>(key);
      if (entry) this.memory.set(key, entry);
    }
    if (entry) return entry.value ?? undefined;
    if (schedule && miss && !this.inflight.has(key)) {
      const p = this.fetchMiss(miss).then(() => this.options.onUpdate?.());
      this.inflight.set(key, p);
      void p.finally(() => this.inflight.delete(key));
    }
    return undefined;
  }

  private async fetchMiss(m: Miss): Promise<void> {
    if (!this.permits(m)) return;
    const key = m.kind === 'pypi' ? pypiKey(m.name, m.version) : imageKey(m.image, m.tag, m.platform);
    let value: unknown = null;
    try {
      value = m.kind === 'pypi' ? await this.fetchPypi(m.name, m.version) : await this.fetchImage(m.image, m.tag, m.platform);
    } catch {
      value = null; // network error, timeout or unexpected shape: remembered as unknown until the entry expires
    }
    const entry: CacheEntry<unknown> = { fetched: new Date().toISOString(), value };
    this.memory.set(key, entry);
    this.writeDisk(key, entry);
  }

  /**
   * One GET with the request timeout covering the body too, at most `maxResponseBytes` read, no cookies or
   * stored credentials, and redirects followed only on the same origin (a redirect elsewhere is an unknown answer).
   */
  private async getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
    const signal = AbortSignal.timeout(this.timeout);
    let current = safeUrl(url);
    let res: Response;
    for (let hops = 0; ; hops++) {
      res = await fetch(current, { headers, signal, redirect: 'manual', credentials: 'omit' });
      const location = res.status >= 300 && res.status < 400 ? res.headers.get('location') : null;
      if (!location) break;
      await res.body?.cancel().catch(() => undefined);
      const next = safeUrl(new URL(location, current).toString());
      if (next.origin !== current.origin || hops >= MAX_REDIRECTS) throw new Error(`redirect to ${next.origin} not followed`);
      current = next;
    }
    const text = await readCapped(res, this.maxBytes);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    return { status: res.status, body, headers: res.headers };
  }

  private async fetchPypi(name: string, version?: string): Promise<ExternalRelease | null> {
    const url = `${this.pypiBase}/pypi/${encodeURIComponent(name)}${version ? `/${encodeURIComponent(version)}` : ''}/json`;
    const { status, body } = await this.getJson(url, { Accept: 'application/json' });
    if (status !== 200 || !body || typeof body !== 'object') return null;
    const b = body as { info?: { name?: string; version?: string; requires_dist?: string[] | null }; urls?: { filename?: string; size?: number; packagetype?: string }[] };
    if (!b.info?.version || !Array.isArray(b.urls)) return null;
    return {
      name: b.info.name ?? name,
      version: b.info.version,
      files: b.urls.filter((u) => typeof u.filename === 'string' && typeof u.size === 'number').map((u) => ({ filename: u.filename!, bytes: u.size!, packagetype: u.packagetype ?? '' })),
      requiresDist: b.info.requires_dist ?? [],
      source: `PyPI JSON API ${url}`,
      fetched: new Date().toISOString().slice(0, 10),
    };
  }

  /** The registry an image reference names: its host (`docker.io` for Docker Hub), base URL and repository. */
  private registryFor(image: string): { host: string; base: string; repo: string } {
    const parts = image.split('/');
    const first = parts[0] ?? '';
    if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
      const host = canonicalHost(first);
      const rest = parts.slice(1).join('/');
      if (host === 'docker.io') return { host, base: this.registryBase, repo: rest.includes('/') ? rest : `library/${rest}` };
      return { host, base: `https://${first}`, repo: rest };
    }
    return { host: 'docker.io', base: this.registryBase, repo: parts.length === 1 ? `library/${image}` : image };
  }

  /** A token realm is asked only on the registry's own origin, or Docker Hub's auth host for Docker Hub itself. */
  private realmAllowed(realm: string, registryUrl: string): boolean {
    let r: URL;
    let base: URL;
    try {
      r = new URL(realm);
      base = new URL(registryUrl);
    } catch {
      return false;
    }
    if (r.username || r.password) return false;
    if (r.origin === base.origin) return true;
    return base.origin === DOCKER_HUB_REGISTRY && r.protocol === 'https:' && r.host === DOCKER_HUB_REALM_HOST;
  }

  /** GET with the registry's token dance: on 401, ask the realm named in WWW-Authenticate for a pull token. */
  private async registryGet(url: string, accept: string, token: { value?: string }): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { Accept: accept };
    if (token.value) headers['Authorization'] = `Bearer ${token.value}`;
    let res = await this.getJson(url, headers);
    if (res.status === 401 && !token.value) {
      const challenge = res.headers.get('www-authenticate') ?? '';
      const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
      if (!realm || !this.realmAllowed(realm, url)) return res;
      const service = /service="([^"]+)"/.exec(challenge)?.[1];
      const scope = /scope="([^"]+)"/.exec(challenge)?.[1];
      const q = new URLSearchParams();
      if (service) q.set('service', service);
      if (scope) q.set('scope', scope);
      const t = await this.getJson(`${realm}?${q.toString()}`);
      const tb = t.body as { token?: string; access_token?: string } | undefined;
      token.value = tb?.token ?? tb?.access_token;
      if (!token.value) return res;
      headers['Authorization'] = `Bearer ${token.value}`;
      res = await this.getJson(url, headers);
    }
    return res;
  }

  private async fetchImage(image: string, tag: string, platform: string): Promise<ExternalImage | null> {
    const { base, repo } = this.registryFor(image);
    const accept = [
      'application/vnd.oci.image.index.v1+json',
      'application/vnd.docker.distribution.manifest.list.v2+json',
      'application/vnd.oci.image.manifest.v1+json',
      'application/vnd.docker.distribution.manifest.v2+json',
    ].join(', ');
    const token: { value?: string } = {};
    const url = `${base}/v2/${repo}/manifests/${encodeURIComponent(tag)}`;
    let res = await this.registryGet(url, accept, token);
    if (res.status !== 200) return null;
    let manifest = res.body as { manifests?: { digest: string; platform?: { os?: string; architecture?: string; variant?: string } }[]; layers?: { size: number }[] };
    if (Array.isArray(manifest.manifests)) {
      const [os = 'linux', arch = 'amd64', variant] = platform.split('/');
      const pick =
        manifest.manifests.find((m) => m.platform?.os === os && m.platform.architecture === arch && (!variant || m.platform.variant === variant)) ??
        manifest.manifests.find((m) => m.platform?.os === os && m.platform.architecture === arch);
      if (!pick) return null;
      res = await this.registryGet(`${base}/v2/${repo}/manifests/${pick.digest}`, accept, token);
      if (res.status !== 200) return null;
      manifest = res.body as typeof manifest;
    }
    if (!Array.isArray(manifest.layers)) return null;
    const compressedBytes = manifest.layers.reduce((n, l) => n + (typeof l.size === 'number' ? l.size : 0), 0);
    return { image, tag, platform, compressedBytes, source: `registry manifest ${url} (sum of ${manifest.layers.length} gzip layers)`, fetched: new Date().toISOString().slice(0, 10) };
  }

  private file(key: string): string {
    return join(this.cacheDir, `${createHash('sha256').update(key).digest('hex').slice(0, 32)}.json`);
  }

  private readDisk<T>(key: string): CacheEntry<T> | undefined {
    try {
      const entry = JSON.parse(readFileSync(this.file(key), 'utf8')) as CacheEntry<T> & { key?: string };
      if (entry.key !== key) return undefined;
      if (Date.now() - Date.parse(entry.fetched) > this.ttl) return undefined;
      return entry;
    } catch {
      return undefined;
    }
  }

  private writeDisk(key: string, entry: CacheEntry<unknown>): void {
    try {
      mkdirSync(this.cacheDir, { recursive: true });
      writeFileSync(this.file(key), JSON.stringify({ key, ...entry }));
    } catch {
      /* an unwritable cache only costs a repeated look-up */
    }
  }
}

function pypiKey(name: string, version?: string): string {
  return `pypi:${name.toLowerCase()}@${version ?? ''}`;
}

function imageKey(image: string, tag: string, platform: string): string {
  return `image:${image}:${tag}@${platform}`;
}

/** Lower-cased host (with port); every name of Docker Hub is `docker.io`. */
function canonicalHost(host: string): string {
  const h = host.trim().toLowerCase();
  return DOCKER_HUB_HOSTS.has(h) ? 'docker.io' : h;
}

/** Only http(s) URLs without user:password in them are fetched. */
function safeUrl(url: string): URL {
  const u = new URL(url);
  if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error(`${u.protocol} URLs are not fetched`);
  if (u.username || u.password) throw new Error('URLs with credentials are not fetched');
  return u;
}

/** Reads a response body, giving up (an error: the answer counts as unknown) past `max` bytes. */
async function readCapped(res: Response, max: number): Promise<string> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > max) {
    await res.body?.cancel().catch(() => undefined);
    throw new Error(`response of ${declared} bytes is over the ${max}-byte limit`);
  }
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel().catch(() => undefined);
      throw new Error(`response is over the ${max}-byte limit`);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function homedirSafe(): string {
  try {
    return homedir();
  } catch {
    return tmpdir();
  }
}
