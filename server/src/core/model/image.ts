// Splits a FROM image reference into registry/name/tag/digest and reads what the tag says (Python, variant, OS, libc).

export interface ImageRef {
  /** The reference as written (after variable substitution where the value was known). */
  raw: string;
  registry?: string;
  /** Repository path without registry, e.g. `library/python`, `bitnami/python`, `python`. */
  path: string;
  /** Canonical repository name: Docker Hub official images lose `docker.io/library/`. */
  repository: string;
  tag?: string;
  digest?: string;
  /** Still contains `$VAR` after substitution. */
  hasVariables: boolean;
  /** A Docker Hub official image (`python`, `docker.io/library/python`). */
  official: boolean;
}

export type Libc = 'glibc' | 'musl';
export type Distro = 'debian' | 'ubuntu' | 'alpine' | 'windows' | 'wolfi' | 'distroless';

export interface OsRelease {
  distro: Distro;
  /** `bookworm`, `3.24`, `24.04`, … */
  release?: string;
  /** Debian/Ubuntu version number or codename for display. */
  version?: string;
  /** True when the tag does not name the release and it was inferred from the image's current default. */
  implied: boolean;
}

export type PythonVariant = 'full' | 'slim' | 'alpine' | 'windowsservercore' | 'nanoserver';

export interface ImageFacts {
  family: 'python' | 'debian' | 'ubuntu' | 'alpine' | 'distroless-python' | 'chainguard-python' | 'scratch' | 'other';
  /** `3.12`, `3.12.4`, `3`; undefined when unknown. */
  pythonVersion?: string;
  /** Major.minor when known (`3.12`). */
  pythonMinor?: string;
  variant?: PythonVariant;
  os?: OsRelease;
  libc?: Libc;
  /** `latest` or no tag at all. */
  floating: boolean;
}

export { IMAGE_DEFAULTS, DEBIAN_CODENAMES, UBUNTU_CODENAMES } from '../data/image-defaults';
import { IMAGE_DEFAULTS, DEBIAN_CODENAMES, UBUNTU_CODENAMES } from '../data/image-defaults';

const DOCKER_HUB = new Set(['docker.io', 'index.docker.io', 'registry-1.docker.io', 'registry.hub.docker.com']);

/** Parses `[registry/]path[:tag][@digest]` the way the Docker reference grammar does. */
export function parseImageRef(raw: string): ImageRef {
  let rest = raw.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.lastIndexOf(':');
  if (colon > lastSlash) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash > 0) {
    const head = rest.slice(0, firstSlash);
    // A registry host has a dot or a port, or is `localhost`.
    if (head.includes('.') || head.includes(':') || head === 'localhost') {
      registry = head;
      rest = rest.slice(firstSlash + 1);
    }
  }
  const path = rest;
  const onHub = registry === undefined || DOCKER_HUB.has(registry.toLowerCase());
  const official = onHub && (!path.includes('/') || path.startsWith('library/'));
  const repository = official ? path.replace(/^library\//, '') : onHub ? path : `${registry}/${path}`;
  const ref: ImageRef = {
    raw,
    path,
    repository: repository.toLowerCase() === repository ? repository : repository,
    hasVariables: raw.includes('$'),
    official,
  };
  if (registry !== undefined) ref.registry = registry;
  if (tag !== undefined) ref.tag = tag;
  if (digest !== undefined) ref.digest = digest;
  return ref;
}

const PY_TAG =
  /^(?:(?<ver>\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?)(?:-|$))?(?<variant>slim|alpine|windowsservercore|nanoserver)?(?<alpineRel>\d+\.\d+)?(?:-?(?<suffix>[a-z][a-z0-9.-]*))?$/;

/** Interprets an image reference: which Python, which variant, OS release and libc. */
export function imageFacts(ref: ImageRef): ImageFacts {
  const tag = ref.tag;
  const floating = !ref.digest && (tag === undefined || tag === 'latest');
  const name = ref.repository.split('/').pop() ?? ref.repository;
  const repo = ref.repository;
  if (repo === 'scratch') return { family: 'scratch', floating: false };
  if (repo === 'python' || repo === 'library/python') return pythonFacts(tag, floating);
  if (repo === 'debian') return debianFacts(tag, floating);
  if (repo === 'ubuntu') return ubuntuFacts(tag, floating);
  if (repo === 'alpine') {
    const release = tag && /^\d+\.\d+/.test(tag) ? tag.match(/^\d+\.\d+/)![0] : IMAGE_DEFAULTS.alpineLatest;
    return { family: 'alpine', os: { distro: 'alpine', release, version: release, implied: !tag || tag === 'latest' }, libc: 'musl', floating };
  }
  if (repo.startsWith('gcr.io/distroless/python3')) {
    const m = repo.match(/debian(\d+)/);
    const version = m ? m[1]! : '13';
    const release = Object.keys(DEBIAN_CODENAMES).find((k) => DEBIAN_CODENAMES[k] === version);
    const facts: ImageFacts = {
      family: 'distroless-python',
      os: { distro: 'distroless', version, implied: !m, ...(release ? { release } : {}) },
      libc: 'glibc',
      floating,
    };
    if (version === '13') {
      facts.pythonVersion = '3.13';
      facts.pythonMinor = '3.13';
    } else if (version === '12') {
      facts.pythonVersion = '3.11';
      facts.pythonMinor = '3.11';
    }
    return facts;
  }
  if (repo.startsWith('cgr.dev/chainguard/python')) {
    return { family: 'chainguard-python', os: { distro: 'wolfi', implied: true }, libc: 'glibc', floating };
  }
  if ((name === 'python' || name === 'python3') && /(^|\/)library\/python3?$/.test(repo)) {
    // A mirror of the official image under another registry (public.ecr.aws/docker/library/python,
    // mirror.gcr.io/library/python). Not any image named python: mcr.microsoft.com/devcontainers/python or
    // bitnami/python are other images, with other tags (devcontainers has no -slim: fuzz seed 777 #21804).
    return pythonFacts(tag, floating);
  }
  return { family: 'other', floating };
}

function pythonFacts(tag: string | undefined, floating: boolean): ImageFacts {
  const facts: ImageFacts = { family: 'python', floating };
  const t = tag === undefined || tag === 'latest' ? '' : tag;
  const m = PY_TAG.exec(t);
  let version = m?.groups?.ver;
  let variant = (m?.groups?.variant as PythonVariant | undefined) ?? undefined;
  let suffix = m?.groups?.suffix;
  const alpineRel = m?.groups?.alpineRel;
  if (!m) {
    // Unknown tag shape: keep what can be read safely.
    const v = t.match(/^\d+(?:\.\d+){0,2}/);
    if (v) {
      facts.pythonVersion = v[0];
      facts.pythonMinor = minorOf(v[0]);
    }
    return facts;
  }
  // `python:bookworm`, `python:slim-bookworm` — the suffix regex catches the codename.
  if (suffix && suffix.startsWith('slim')) {
    variant = 'slim';
    suffix = suffix.replace(/^slim-?/, '') || undefined;
  }
  version ??= IMAGE_DEFAULTS.pythonLatest;
  facts.pythonVersion = version;
  facts.pythonMinor = minorOf(version === '3' ? IMAGE_DEFAULTS.pythonLatest : version);
  facts.variant = variant === undefined ? 'full' : variant;
  if (facts.variant === 'alpine') {
    const release = alpineRel ?? IMAGE_DEFAULTS.pythonAlpine;
    facts.os = { distro: 'alpine', release, version: release, implied: alpineRel === undefined };
    facts.libc = 'musl';
  } else if (facts.variant === 'windowsservercore' || facts.variant === 'nanoserver') {
    facts.os = { distro: 'windows', implied: false, ...(suffix ? { release: suffix } : {}) };
  } else {
    const codename = suffix && DEBIAN_CODENAMES[suffix] ? suffix : undefined;
    const release = codename ?? IMAGE_DEFAULTS.pythonDebian;
    facts.os = { distro: 'debian', release, version: DEBIAN_CODENAMES[release]!, implied: codename === undefined };
    facts.libc = 'glibc';
  }
  return facts;
}

function debianFacts(tag: string | undefined, floating: boolean): ImageFacts {
  const t = tag ?? 'latest';
  let release: string | undefined;
  let implied = false;
  const base = t.replace(/-slim$/, '').replace(/-\d{8}$/, '');
  if (DEBIAN_CODENAMES[base]) release = base;
  else if (/^\d+/.test(base)) {
    const major = base.match(/^\d+/)![0];
    release = Object.keys(DEBIAN_CODENAMES).find((k) => DEBIAN_CODENAMES[k] === major);
  } else if (base === 'latest' || base === 'stable' || base === 'stable-slim') {
    release = IMAGE_DEFAULTS.debianLatest;
    implied = true;
  }
  const facts: ImageFacts = { family: 'debian', libc: 'glibc', floating };
  facts.os = { distro: 'debian', implied, ...(release ? { release, version: DEBIAN_CODENAMES[release]! } : {}) };
  if (t.includes('slim')) facts.variant = 'slim';
  return facts;
}

function ubuntuFacts(tag: string | undefined, floating: boolean): ImageFacts {
  const t = tag ?? 'latest';
  let version: string | undefined;
  let implied = false;
  const v = t.match(/^(\d{2}\.\d{2})/);
  if (v) version = v[1];
  else {
    const code = t.split('-')[0]!;
    if (UBUNTU_CODENAMES[code]) version = UBUNTU_CODENAMES[code];
    else if (t === 'latest' || t === 'rolling') {
      version = IMAGE_DEFAULTS.ubuntuLatest;
      implied = true;
    }
  }
  const codename = Object.keys(UBUNTU_CODENAMES).find((k) => UBUNTU_CODENAMES[k] === version);
  return {
    family: 'ubuntu',
    libc: 'glibc',
    floating,
    os: { distro: 'ubuntu', implied, ...(version ? { version } : {}), ...(codename ? { release: codename } : {}) },
  };
}

function minorOf(version: string): string | undefined {
  const m = version.match(/^(\d+)\.(\d+)/);
  return m ? `${m[1]}.${m[2]}` : undefined;
}

/** The slim tag of the same Python and OS release, or undefined when the tag has no slim counterpart. */
export function slimTagFor(ref: ImageRef, facts: ImageFacts): string | undefined {
  if (facts.family !== 'python' || facts.variant !== 'full' || ref.tag === undefined) return undefined;
  const tag = ref.tag;
  if (tag === 'latest') return 'slim';
  const m = tag.match(/^(\d+(?:\.\d+){0,2}(?:(?:a|b|rc)\d+)?)(?:-(\w+))?$/);
  if (m) return m[2] ? `${m[1]}-slim-${m[2]}` : `${m[1]}-slim`;
  if (DEBIAN_CODENAMES[tag]) return `slim-${tag}`;
  return undefined;
}
