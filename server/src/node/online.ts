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
}

export type Miss = { kind: 'pypi'; name: string; version?: string } | { kind: 'image'; image: string; tag: string; platform: string };

interface CacheEntry<T> {
  fetched: string;
  value: T | null;
}

const DAY = 86_400_000;

/** Creates the look-up only when `online` is on: with it off nothing here ever opens a connection. */
export function onlineFactsFor(config: Pick<LayerwiseConfig, 'online'>, options: OnlineOptions = {}): OnlineLookup | undefined {
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

  constructor(private readonly options: OnlineOptions) {
    this.pypiBase = (options.pypiBase ?? process.env['LAYERWISE_PYPI_URL'] ?? 'https://pypi.org').replace(/\/$/, '');
    this.registryBase = (options.registryBase ?? process.env['LAYERWISE_REGISTRY_URL'] ?? 'https://registry-1.docker.io').replace(/\/$/, '');
    this.cacheDir = options.cacheDir ?? process.env['LAYERWISE_CACHE_DIR'] ?? join(homedirSafe(), '.cache', 'layerwise', 'online');
    this.ttl = options.ttlMillis ?? 7 * DAY;
    this.timeout = options.timeoutMillis ?? (Number(process.env['LAYERWISE_ONLINE_TIMEOUT_MS']) || 4000);
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
        const hit = this.cached<ExternalRelease>(pypiKey(name, version), undefined, false);
        if (!hit && !this.known(pypiKey(name, version))) misses.push({ kind: 'pypi', name, ...(version ? { version } : {}) });
        return hit;
      },
      image: (image, tag, platform) => {
        const hit = this.cached<ExternalImage>(imageKey(image, tag, platform), undefined, false);
        if (!hit && !this.known(imageKey(image, tag, platform))) misses.push({ kind: 'image', image, tag, platform });
        return hit;
      },
      misses: () => misses,
    };
  }

  /** Fetches the given misses (in parallel, each with the timeout) and caches the answers. */
  async fetchPending(misses: readonly Miss[]): Promise<void> {
    await Promise.all(misses.map((m) => this.fetchMiss(m)));
  }

  /** Resolves when every background look-up started so far has finished. */
  async idle(): Promise<void> {
    while (this.inflight.size) await Promise.all([...this.inflight.values()]);
  }

  private known(key: string): boolean {
    return this.memory.has(key) || this.readDisk(key) !== undefined;
  }

  private cached<T>(key: string, miss: Miss | undefined, schedule: boolean): T | undefined {
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

  private async getJson(url: string, headers: Record<string, string> = {}): Promise<{ status: number; body: unknown; headers: Headers }> {
    const res = await fetch(url, { headers, signal: AbortSignal.timeout(this.timeout), redirect: 'follow' });
    const text = await res.text();
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

  private registryFor(image: string): { base: string; repo: string } {
    const parts = image.split('/');
    const first = parts[0] ?? '';
    if (parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost')) {
      return { base: `https://${first}`, repo: parts.slice(1).join('/') };
    }
    return { base: this.registryBase, repo: parts.length === 1 ? `library/${image}` : image };
  }

  /** GET with the registry's token dance: on 401, ask the realm named in WWW-Authenticate for a pull token. */
  private async registryGet(url: string, accept: string, token: { value?: string }): Promise<{ status: number; body: unknown }> {
    const headers: Record<string, string> = { Accept: accept };
    if (token.value) headers['Authorization'] = `Bearer ${token.value}`;
    let res = await this.getJson(url, headers);
    if (res.status === 401 && !token.value) {
      const challenge = res.headers.get('www-authenticate') ?? '';
      const realm = /realm="([^"]+)"/.exec(challenge)?.[1];
      if (!realm) return res;
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

function homedirSafe(): string {
  try {
    return homedir();
  } catch {
    return tmpdir();
  }
}
