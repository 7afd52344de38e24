// `npm run fuzz`: grammar-aware random Dockerfiles, requirements and config files through lint, fix-all, estimate and every assist; failures are saved as regression fixtures.
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { declineReason, fixAll, lintText, type FileKind, type LintResult } from '../core/index';
import type { Finding, Range } from '../core/types';
import { applyEdits } from '../core/text';
import { memoryFiles } from '../core/project';
import { buildDockerfileModel, type DockerfileModel } from '../core/model/dockerfile';
import { ASSISTS, type AssistAction } from '../core/assists/index';
import { compareRewrite, readDockerfile, type ContextFiles, type Violation } from './oracle';
import { estimateImage } from '../core/estimate/estimate';
import type { E } from '../core/estimate/types';
import { defaultConfig, mergeConfig, type LayerwiseConfig } from '../core/config';
import { readConfigFile, readHadolintFile } from '../node/config-files';
import { initRuntime } from '../node/runtime';
import { mulberry32, type Rand } from './random';

// ---------------------------------------------------------------------------------------------------------------
// Deterministic randomness: one seed gives the whole run, and (seed, index) gives one input on its own.

export type { Rand } from './random';
export { mulberry32 } from './random';

/** The seed of input `index` of a run, so a single input can be regenerated without the ones before it. */
export function inputSeed(seed: number, index: number): number {
  let h = (seed ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ index, 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) >>> 0;
}

class Gen {
  constructor(readonly r: Rand) {}
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.r() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.r() < p;
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.r() * xs.length)]!;
  }
  some<T>(xs: readonly T[], lo: number, hi: number): T[] {
    const n = this.int(lo, hi);
    return Array.from({ length: n }, () => this.pick(xs));
  }
  word(len = this.int(1, 8)): string {
    const abc = 'abcdefghijklmnopqrstuvwxyz0123456789_-.';
    let s = '';
    for (let i = 0; i < len; i++) s += abc[this.int(i === 0 ? 0 : 0, i === 0 ? 25 : abc.length - 1)];
    return s;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Dockerfiles

const IMAGES = [
  'python:3.12-slim', 'python:3.12', 'python:3.11-alpine', 'python:3.9-slim-bullseye', 'python:2.7', 'python', 'python:latest',
  'ubuntu:22.04', 'debian:bookworm-slim', 'alpine:3.19', 'scratch', 'gcr.io/distroless/python3', 'registry.example.com:5000/team/py:1.0',
  'python@sha256:' + 'a'.repeat(64), 'python:3.12-slim@sha256:' + '0123456789abcdef'.repeat(4), '${BASE}', '${BASE:-python:3.12-slim}',
  'python:${PY}-slim', 'python:${PY:-3.11}', '$IMG', 'nvidia/cuda:12.2.0-runtime-ubuntu22.04', 'continuumio/miniconda3', 'mcr.microsoft.com/devcontainers/python:3',
  'python:3.13-rc', 'Python:3.12', 'python:', ':3.12', 'python:3.12-slim AS', '--platform=$BUILDPLATFORM python:3.12',
];
const APT = ['gcc', 'g++', 'build-essential', 'libpq-dev', 'libpq5', 'curl', 'wget', 'git', 'ca-certificates', 'libgl1', 'libglib2.0-0', 'python3-dev', 'python3-pip', 'vim', 'openssl=3.0.*', 'libssl-dev', 'default-libmysqlclient-dev', 'pkg-config'];
const APK = ['gcc', 'musl-dev', 'libffi-dev', 'postgresql-dev', 'build-base', 'curl', 'git', 'bash', 'py3-pip'];
const PIP = ['flask', 'flask==3.0.0', 'django>=4.2,<5', 'numpy', 'pandas~=2.1', 'psycopg2', 'psycopg2-binary', 'gunicorn', 'uvicorn[standard]', 'torch', 'torch==2.2.0+cpu', 'opencv-python', 'requests[socks]>=2', '"requests>=2"', "'numpy<2'", 'git+https://github.com/psf/requests.git@main', './dist/app-1.0-py3-none-any.whl', '.', '-e .', 'pip', 'setuptools', 'wheel', 'lxml', 'pillow', 'scipy', 'tensorflow', 'poetry', 'uv', 'pycrypto', 'mysqlclient', 'cryptography'];
const NAMES = ['builder', 'base', 'runtime', 'final', 'deps', 'test', 'Builder', 'scratch', 'stage-1', '0', 'a', 'b', 'FINAL', 'x-y_z.1'];
const VARS = ['PY', 'BASE', 'APP', 'HOME', 'PATH', 'PIP_NO_CACHE_DIR', 'PYTHONUNBUFFERED', 'VIRTUAL_ENV', 'TARGETPLATFORM', 'BUILDPLATFORM', 'TARGETARCH', 'UID', 'X', 'é', 'PASSWORD', 'SECRET_KEY', 'AWS_SECRET_ACCESS_KEY'];
const PATHS = ['.', './', '/app', '/app/', 'app', 'src/', 'requirements.txt', 'requirements-dev.txt', 'requirements/*.txt', 'pyproject.toml', 'poetry.lock', '*.py', '/opt/venv', '/root/.cache', '~/x', '../outside', '/', 'C:\\app', '"/with space"', '["a", "b"]', 'dist/*.whl', '.dockerignore', '$HOME/app', '${APP:-/app}'];
const UNICODE = ['é', '日本語', '🐍', '👩‍💻', '\u202Eevil\u202C', '\u200F', 'עברית', 'العربية', '\uD800', '\uDFFF', '\uDBFF\uDFFF', '\uFEFF', 'e\u0301', '\u00A0', '\u2028', '\u2029', '\u0085', '\uFFFD', '\uFFFF', '\t', '\v', '\f', '\u001b[31m'];

function subst(g: Gen): string {
  const v = g.pick(VARS);
  return g.pick([`$${v}`, `\${${v}}`, `\${${v}:-${g.word()}}`, `\${${v}:+${g.word()}}`, `\${${v}-x}`, `\${${v}:?missing}`, `\${${v}#pre}`, `\${${v}%%.*}`, `\${${v}/a/b}`, '${', '${}', '$', '${:-x}', `\${${v}:-\${${g.pick(VARS)}:-y}}`, `$\{${v}`]);
}

function maybeSubst(g: Gen, s: string): string {
  return g.chance(0.15) ? s + subst(g) : s;
}

function shellCommand(g: Gen, depth = 0): string {
  const forms: (() => string)[] = [
    () => `apt-get update`,
    () => `apt-get install ${g.pick(['-y', '--yes', '-qq -y', ''])} ${g.pick(['--no-install-recommends', ''])} ${g.some(APT, 1, 4).join(' ')}`,
    () => `apt install -y ${g.some(APT, 1, 3).join(' ')}`,
    () => `rm -rf /var/lib/apt/lists/*`,
    () => `apt-get purge -y --auto-remove ${g.some(APT, 1, 2).join(' ')}`,
    () => `apk add ${g.pick(['--no-cache', '--virtual .build-deps', ''])} ${g.some(APK, 1, 4).join(' ')}`,
    () => `apk del .build-deps`,
    () => `${g.pick(['pip', 'pip3', 'python -m pip', 'python3 -m pip', '/opt/venv/bin/pip', 'uv pip', '$VENV/bin/pip'])} install ${g.pick(['--no-cache-dir', '', '--user', '--prefix=/install', '-U', '--upgrade', '--target /deps', '--break-system-packages', '--require-hashes'])} ${g.chance(0.4) ? `-r ${g.pick(['requirements.txt', 'requirements-dev.txt', 'reqs/base.txt', '/app/requirements.txt', 'requirements/prod.txt', '"requirements.txt"', '$REQ'])}` : g.some(PIP, 1, 4).join(' ')}`,
    () => `python -m venv ${g.pick(['/opt/venv', '$VIRTUAL_ENV', '.venv', '/venv'])}`,
    () => `pip wheel --wheel-dir /wheels -r requirements.txt`,
    () => `poetry install --no-root --only main`,
    () => `uv sync --frozen`,
    () => `curl -fsSL https://example.com/install.sh | ${g.pick(['sh', 'bash', 'python -'])}`,
    () => `wget -q https://example.com/x.tar.gz && tar xzf x.tar.gz`,
    () => `cd ${g.pick(PATHS)}`,
    () => `useradd -u ${g.pick(['1000', '100000', '65536', '$UID'])} ${g.pick(['-m', '-l', ''])} app`,
    () => `chown -R app:app /app`,
    () => `sudo ${shellCommand(g, depth + 1)}`,
    () => `echo "${g.word()} ${subst(g)}" > /etc/x`,
    () => `ln -sf /bin/bash /bin/sh`,
    () => `find / -name '*.pyc' -delete`,
    () => `export ${g.pick(VARS)}=${g.word()}`,
    () => `${g.pick(VARS)}=${g.word()} ${shellCommand(g, depth + 1)}`,
    () => `if [ -f x ]; then ${shellCommand(g, depth + 1)}; fi`,
    () => `for f in a b; do echo $f; done`,
    () => `echo $(( 1 + ${g.int(0, 9)} ))`,
    () => `echo "$(${depth < 3 ? shellCommand(g, depth + 1) : 'date'})"`,
    () => `( ${depth < 3 ? shellCommand(g, depth + 1) : 'true'} )`,
    () => `{ ${depth < 3 ? shellCommand(g, depth + 1) : 'true'}; }`,
    () => `yum install ${g.pick(['-y', ''])} gcc && yum clean all`,
    () => `dnf install -y gcc`,
    () => `zypper ${g.pick(['install', 'dist-upgrade', 'in -n'])} gcc`,
    () => `npm install ${g.pick(['-g', ''])} yarn`,
    () => `gem install bundler`,
    () => `go install example.com/x@latest`,
    () => `conda install -y numpy && conda clean -afy`,
    () => `pip cache purge`,
    () => `rm -rf ~/.cache/pip /root/.cache`,
    () => `echo 'unterminated`,
    () => `echo "a\\"b" 'c'"d"`,
    () => `cat <<'X'\nhi\nX`,
    () => g.word(g.int(1, 12)),
    () => `${'$('.repeat(g.int(1, 40))}x${')'.repeat(g.int(0, 40))}`,
    () => `echo ${'"$('.repeat(g.int(1, 30))}x${')"'.repeat(g.int(0, 30))}`,
  ];
  return g.pick(forms)();
}

function shellChain(g: Gen): string {
  const n = g.int(1, 5);
  const parts: string[] = [];
  for (let i = 0; i < n; i++) parts.push(shellCommand(g));
  let s = parts[0]!;
  for (let i = 1; i < n; i++) s += ` ${g.pick(['&&', '&&', '||', ';', '|', '&', '&& \\\n   '])} ${parts[i]}`;
  if (g.chance(0.1)) s = `set -eux; ${s}`;
  if (g.chance(0.05)) s = `set -o pipefail && ${s}`;
  return s;
}

function jsonArray(g: Gen, words: string[]): string {
  const r = g.r();
  if (r < 0.7) return JSON.stringify(words);
  // Broken JSON: single quotes, missing bracket, trailing comma, unquoted, nested.
  return g.pick([
    `['${words.join("', '")}']`,
    `["${words.join('", "')}"`,
    `[${words.map((w) => `"${w}"`).join(', ')},]`,
    `[${words.join(', ')}]`,
    `["${words[0] ?? ''}", ["nested"]]`,
    `[]`,
    `[ "a\\u00e9", "\\q" ]`,
    `["${words.join(' ')}]`,
  ]);
}

function flagsFor(g: Gen, keyword: string, stages: string[]): string {
  const out: string[] = [];
  const stageRef = (): string => (stages.length && g.chance(0.7) ? g.pick(stages) : g.pick(['0', '1', '5', 'nonexistent', 'python:3.12', '$STAGE', 'Builder']));
  switch (keyword) {
    case 'RUN':
      if (g.chance(0.3)) out.push(`--mount=type=${g.pick(['cache', 'bind', 'secret', 'tmpfs', 'ssh', 'bogus'])}${g.pick([',target=/root/.cache/pip', ',target=/root/.cache/uv,sharing=locked', ',id=pip,target=/root/.cache', ',source=requirements.txt,target=requirements.txt', `,from=${stageRef()},source=/wheels,target=/wheels`, ',id=token', '', ',target', ',,='])}`);
      if (g.chance(0.1)) out.push(`--network=${g.pick(['none', 'host', 'default'])}`);
      if (g.chance(0.05)) out.push(`--security=insecure`);
      if (g.chance(0.03)) out.push('--');
      break;
    case 'COPY':
    case 'ADD':
      if (g.chance(0.4)) out.push(`--from=${stageRef()}`);
      if (g.chance(0.2)) out.push(`--chown=${g.pick(['1000:1000', 'app:app', 'app', '$UID', ':', ''])}`);
      if (g.chance(0.1)) out.push(`--chmod=${g.pick(['755', '0644', 'u+x', 'abc'])}`);
      if (g.chance(0.1)) out.push('--link');
      if (g.chance(0.05)) out.push(`--parents`);
      if (g.chance(0.05)) out.push(`--exclude=${g.pick(PATHS)}`);
      if (keyword === 'ADD' && g.chance(0.1)) out.push(`--checksum=sha256:${'0'.repeat(64)}`);
      if (keyword === 'ADD' && g.chance(0.1)) out.push('--keep-git-dir=true');
      break;
    case 'FROM':
      if (g.chance(0.2)) out.push(`--platform=${g.pick(['linux/amd64', 'linux/arm64', '$BUILDPLATFORM', '${TARGETPLATFORM}', '$TARGETPLATFORM', 'windows/amd64', 'linux', 'bogus//x', ''])}`);
      break;
    case 'HEALTHCHECK':
      for (const f of ['--interval=30s', '--timeout=5s', '--start-period=1m', '--retries=3', '--start-interval=1s', '--interval=abc']) if (g.chance(0.15)) out.push(f);
      break;
  }
  if (g.chance(0.03)) out.push(g.pick(['--', '--=', '--bogus', '--from', '-x', '--platform']));
  return out.length ? out.join(' ') + ' ' : '';
}

function heredoc(g: Gen): { open: string; body: string } {
  const tag = g.pick(['EOF', 'EOT', 'SCRIPT', 'X', 'end', '"EOF"', "'EOF'", 'E"O"F']);
  const dash = g.chance(0.3) ? '-' : '';
  const bare = tag.replace(/["']/g, '');
  const lines = g.some(['pip install flask', 'apt-get update', 'set -e', '\techo tabbed', '  indented', subst(g), 'echo $HOME', '', 'EOFX', ` ${bare}`, 'python - <<PY', 'print(1)', 'PY'], 1, 6);
  const close = g.chance(0.85) ? (dash && g.chance(0.5) ? `\t${bare}` : bare) : g.pick(['', `${bare} `, `${bare.toLowerCase()}x`]);
  return { open: `<<${dash}${tag}`, body: `${lines.join('\n')}\n${close}` };
}

function instruction(g: Gen, stages: string[], escape: string): string {
  const kw = g.pick(['RUN', 'RUN', 'RUN', 'RUN', 'COPY', 'COPY', 'ADD', 'ENV', 'ARG', 'LABEL', 'EXPOSE', 'WORKDIR', 'USER', 'CMD', 'ENTRYPOINT', 'HEALTHCHECK', 'SHELL', 'STOPSIGNAL', 'VOLUME', 'ONBUILD', 'MAINTAINER', 'run', 'Copy', 'FOO', 'FROM']);
  const upper = kw.toUpperCase();
  const flags = flagsFor(g, upper, stages);
  switch (upper) {
    case 'RUN': {
      const r = g.r();
      if (r < 0.15) {
        const h = heredoc(g);
        return `${kw} ${flags}${h.open}${g.chance(0.2) ? ' && echo after' : ''}\n${h.body}`;
      }
      if (r < 0.25) return `${kw} ${flags}${jsonArray(g, g.pick([['pip', 'install', '--no-cache-dir', 'flask'], ['/bin/sh', '-c', shellChain(g)], ['python', '-m', 'venv', '/opt/venv'], ['apt-get', 'install', '-y', 'gcc']]))}`;
      const body = shellChain(g).replace(/\\\n/g, `${escape}\n`);
      return `${kw} ${flags}${body}`;
    }
    case 'COPY':
    case 'ADD': {
      if (g.chance(0.08)) {
        const h = heredoc(g);
        return `${kw} ${flags}${h.open} ${g.pick(['/app/x.sh', '/etc/conf', 'x'])}\n${h.body}`;
      }
      const srcs = g.some(PATHS, 1, 3);
      if (upper === 'ADD' && g.chance(0.3)) srcs[0] = g.pick(['https://example.com/a.tar.gz', 'app.tar.gz', 'git@github.com:a/b.git', 'https://github.com/a/b.git#main']);
      const dest = g.pick(PATHS);
      return g.chance(0.15) ? `${kw} ${flags}${jsonArray(g, [...srcs, dest])}` : `${kw} ${flags}${maybeSubst(g, [...srcs, dest].join(' '))}`;
    }
    case 'ENV': {
      const kvs = Array.from({ length: g.int(1, 3) }, () => `${g.pick(VARS)}=${g.pick([g.word(), '1', '"a b"', "'x'", subst(g), '/opt/venv/bin:$PATH', '"/opt/venv/bin:${PATH}"', '', '"unterminated', 'a\\ b'])}`);
      return g.chance(0.2) ? `${kw} ${g.pick(VARS)} ${g.word()} ${g.word()}` : `${kw} ${kvs.join(' ')}`;
    }
    case 'ARG':
      return `${kw} ${g.pick(VARS)}${g.pick(['', `=${g.word()}`, '=', `=${subst(g)}`, '="3.12"', ' extra words'])}`;
    case 'LABEL':
      return `${kw} ${Array.from({ length: g.int(1, 3) }, () => `${g.pick(['maintainer', 'org.opencontainers.image.source', 'org.opencontainers.image.created', 'version', 'description', 'com.example.a', '"quoted key"', 'UPPER', '=', ''])}=${g.pick(['"x"', 'https://a.b', '2024-01-01T00:00:00Z', '1.2.3', 'MIT', 'not an email', '""', g.word()])}`).join(' ')}`;
    case 'EXPOSE':
      return `${kw} ${g.some(['80', '8000/tcp', '53/udp', '53/UDP', '8000-8010', '70000', 'abc', '$PORT', '0', '-1', '80:80', '443/sctp'], 1, 3).join(' ')}`;
    case 'WORKDIR':
      return `${kw} ${maybeSubst(g, g.pick(PATHS))}`;
    case 'USER':
      return `${kw} ${g.pick(['root', 'app', '1000', '1000:1000', 'app:app', '0', '$UID', 'nobody', ''])}`;
    case 'CMD':
    case 'ENTRYPOINT':
      return g.chance(0.6) ? `${kw} ${jsonArray(g, g.pick([['gunicorn', 'app:app'], ['python', 'app.py'], ['sh', '-c', 'echo $HOME'], ['uvicorn', 'main:app', '--host', '0.0.0.0']]))}` : `${kw} ${shellChain(g)}`;
    case 'HEALTHCHECK':
      return g.chance(0.2) ? `${kw} NONE` : `${kw} ${flags}${g.pick(['CMD', 'cmd', ''])} ${g.chance(0.5) ? jsonArray(g, ['curl', '-f', 'http://localhost/']) : 'curl -f http://localhost/ || exit 1'}`;
    case 'SHELL':
      return `${kw} ${jsonArray(g, g.pick([['/bin/bash', '-o', 'pipefail', '-c'], ['/bin/sh', '-c'], ['powershell', '-Command'], ['bash', '-euxo', 'pipefail', '-c']]))}`;
    case 'STOPSIGNAL':
      return `${kw} ${g.pick(['SIGTERM', '9', 'SIGKILL', 'bogus', ''])}`;
    case 'VOLUME':
      return `${kw} ${g.chance(0.5) ? jsonArray(g, ['/data']) : g.pick(PATHS)}`;
    case 'ONBUILD':
      return `${kw} ${g.chance(0.1) ? 'ONBUILD RUN x' : g.chance(0.05) ? 'FROM python' : instruction(g, stages, escape)}`;
    case 'MAINTAINER':
      return `${kw} Jane <jane@example.com>`;
    case 'FROM':
      return fromLine(g, stages);
    default:
      return `${kw} ${g.word()} ${g.word()}`;
  }
}

function fromLine(g: Gen, stages: string[]): string {
  const image = stages.length && g.chance(0.2) ? g.pick(stages) : g.pick(IMAGES);
  let name = '';
  if (g.chance(0.6)) {
    const n = g.pick(NAMES);
    name = ` ${g.pick(['AS', 'as', 'As'])} ${n}`;
    stages.push(n);
  }
  return `${g.pick(['FROM', 'FROM', 'from'])} ${flagsFor(g, 'FROM', stages)}${image}${name}`;
}

function unicodeNoise(g: Gen, text: string): string {
  const n = g.int(1, 6);
  let out = text;
  for (let i = 0; i < n; i++) {
    const at = g.int(0, out.length);
    out = out.slice(0, at) + g.pick(UNICODE) + out.slice(at);
  }
  return out;
}

/** Splits long lines with the escape character, sometimes with comments or empty lines inside the continuation. */
function continuations(g: Gen, text: string, escape: string): string {
  return text
    .split('\n')
    .map((line) => {
      if (line.length < 20 || !g.chance(0.3)) return line;
      const words = line.split(' ');
      let out = words[0]!;
      for (const w of words.slice(1)) {
        if (g.chance(0.25)) out += ` ${escape}${g.pick(['\n', '\n', '\n# comment inside\n', '\n\n', ' \n', '\n  '])}    ${w}`;
        else out += ` ${w}`;
      }
      return out;
    })
    .join('\n');
}

export function generateDockerfile(g: Gen): string {
  const lines: string[] = [];
  const escape = g.chance(0.1) ? '`' : '\\';
  if (g.chance(0.2)) lines.push('# syntax=docker/dockerfile:1');
  if (escape === '`') lines.push('# escape=`');
  else if (g.chance(0.05)) lines.push(g.pick(['# escape=\\', '# escape=x', '# escape=', '#escape=`']));
  if (g.chance(0.1)) lines.push(g.pick(['# check=skip=JSONArgsRecommended', '# check=error=true', '# check=experimental=all', '# check=skip=all;error=true', '# check=bogus']));
  if (g.chance(0.05)) lines.push(g.pick(['# hadolint shell=bash', '# hadolint ignore=DL3008,DL3013', '# hadolint global ignore=DL3006']));
  if (g.chance(0.4)) lines.push(`ARG ${g.pick(['PY=3.12', 'BASE=python:3.12-slim', 'BASE', 'PY', 'IMG=alpine'])}`);
  if (g.chance(0.05)) lines.push(instruction(g, [], escape));
  const stages: string[] = [];
  const nStages = g.int(g.chance(0.05) ? 0 : 1, 4);
  for (let s = 0; s < nStages; s++) {
    lines.push(fromLine(g, stages));
    const n = g.int(0, 12);
    for (let i = 0; i < n; i++) {
      if (g.chance(0.08)) lines.push(g.pick(['', '# a comment', '   ', '# hadolint ignore=DL3008', '#', '\t']));
      lines.push(instruction(g, stages, escape));
    }
    if (g.chance(0.1)) lines.push('');
  }
  let text = lines.join('\n');
  if (g.chance(0.35)) text = continuations(g, text, escape);
  if (g.chance(0.85)) text += '\n';
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Python projects the split and the other assists are made for, in the ways real ones install, with the syntax
// classes that broke rewrites before: heredocs, the backtick escape, comments inside continuations, a BOM, CRLF,
// a trailing escape at the end of the file, `FROM x AS` without a name.

interface Project {
  text: string;
  files: Record<string, string>;
  labels: string[];
}

function pythonProject(g: Gen): Project {
  const files: Record<string, string> = {};
  const labels: string[] = ['python-project'];
  const put = (rel: string, body: string): void => void (files[`${PROJECT}/${rel}`] = body);
  const lines: string[] = [];
  const base = g.pick(['python:3.12', 'python:3.11', 'python:3.12-slim', 'python:3.11-slim-bookworm', 'python:3.12-bookworm', 'python:3.11-alpine', 'python:3.10']);
  const alpine = base.includes('alpine');
  const stageName = g.chance(0.3) ? ` AS ${g.pick(['app', 'base', 'runtime'])}` : '';
  if (g.chance(0.3)) lines.push(g.pick(['ARG PY=3.12', 'ARG APP_HOME=/app']));
  lines.push(`FROM ${base}${stageName}`);
  if (g.chance(0.5)) lines.push(g.pick(['ENV PYTHONUNBUFFERED=1', 'ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1', 'ENV PIP_NO_CACHE_DIR=1', 'LABEL maintainer="dev@example.com"']));
  const sysPkgs = alpine ? g.some(['gcc', 'musl-dev', 'libffi-dev', 'postgresql-dev', 'build-base'], 1, 3) : g.some(['gcc', 'build-essential', 'libpq-dev', 'default-libmysqlclient-dev', 'pkg-config', 'libssl-dev', 'curl'], 1, 3);
  const sys = alpine ? `RUN apk add --no-cache ${sysPkgs.join(' ')}` : `RUN apt-get update && \\\n    apt-get install -y --no-install-recommends ${sysPkgs.join(' ')} && \\\n    rm -rf /var/lib/apt/lists/*`;
  if (g.chance(0.7)) lines.push(g.chance(0.2) && !alpine ? `RUN apt-get update && \\\n    # build tools for the C extensions\n    apt-get install -y ${sysPkgs.join(' ')}` : sys);
  const workdir = g.pick(['/app', '/app', '/srv/app', '/code', '/usr/src/app']);
  lines.push(`WORKDIR ${workdir}`);
  const pip = g.pick(['pip', 'pip', 'pip3', 'python -m pip']);
  const style = g.pick(['req', 'req', 'req', 'req-chain', 'project', 'poetry', 'poetry', 'uv', 'uv', 'pipenv', 'pdm', 'user']);
  labels.push(style);
  const deps = g.some(['flask==3.0.3', 'django>=4.2,<5', 'gunicorn', 'psycopg2==2.9.9', 'numpy', 'pandas', 'uvicorn[standard]', 'fastapi', 'requests', 'lxml', 'mysqlclient', 'cryptography'], 2, 5);
  let installRun = '';
  let manifests: string[] = [];
  const django = g.chance(0.35);
  if (django) put('manage.py', 'import django\n');
  switch (style) {
    case 'req':
    case 'user': {
      put('requirements.txt', deps.join('\n') + '\n');
      manifests = ['requirements.txt'];
      installRun = `RUN ${pip} install ${g.pick(['--no-cache-dir ', '', '-U '])}${style === 'user' ? '--user ' : ''}-r requirements.txt`;
      break;
    }
    case 'req-chain': {
      put('requirements.txt', `-r requirements/base.txt\n${g.chance(0.5) ? '-c constraints.txt\n' : ''}gunicorn\n`);
      put('requirements/base.txt', deps.join('\n') + '\n');
      put('constraints.txt', 'numpy<2\n');
      manifests = g.pick([['requirements.txt'], ['requirements.txt', 'requirements/'], ['requirements.txt', 'requirements/', 'constraints.txt']]);
      installRun = `RUN ${pip} install --no-cache-dir -r requirements.txt${g.chance(0.3) ? ' -c constraints.txt' : ''}`;
      break;
    }
    case 'project':
      put('pyproject.toml', `[project]\nname = "app"\nversion = "1.0"\ndependencies = [${deps.map((d) => JSON.stringify(d)).join(', ')}]\n`);
      manifests = ['pyproject.toml'];
      installRun = `RUN ${pip} install --no-cache-dir ${g.pick(['.', '-e .', './'])}`;
      break;
    case 'poetry':
      put('pyproject.toml', '[tool.poetry]\nname = "app"\n[tool.poetry.dependencies]\npython = "^3.11"\nflask = "^3"\n');
      put('poetry.lock', '# lock\n');
      manifests = ['pyproject.toml', 'poetry.lock'];
      installRun = g.pick([
        'RUN pip install poetry && poetry config virtualenvs.create false && poetry install --no-root --only main',
        'RUN pip install --no-cache-dir poetry==1.8.3\nRUN poetry config virtualenvs.in-project true && poetry install --without dev --no-interaction',
        'ENV POETRY_VIRTUALENVS_IN_PROJECT=1\nRUN pip install poetry && poetry install --no-root',
      ]);
      break;
    case 'uv':
      put('pyproject.toml', `[project]\nname = "app"\nversion = "1.0"\ndependencies = [${deps.map((d) => JSON.stringify(d)).join(', ')}]\n`);
      put('uv.lock', 'version = 1\n');
      manifests = ['pyproject.toml', 'uv.lock'];
      installRun = g.pick([
        'COPY --from=ghcr.io/astral-sh/uv:latest /uv /usr/local/bin/uv\nRUN uv sync --frozen --no-dev',
        'RUN pip install uv && uv sync --frozen --no-install-project',
        'RUN pip install uv && uv pip install --system -r pyproject.toml',
        'ENV UV_COMPILE_BYTECODE=1 UV_LINK_MODE=copy\nRUN pip install uv\nRUN uv sync --locked',
      ]);
      break;
    case 'pipenv':
      put('Pipfile', '[packages]\nflask = "*"\n');
      put('Pipfile.lock', '{}\n');
      manifests = ['Pipfile', 'Pipfile.lock'];
      installRun = g.pick(['RUN pip install pipenv && pipenv install --deploy --system', 'ENV PIPENV_VENV_IN_PROJECT=1\nRUN pip install pipenv && pipenv install --deploy']);
      break;
    case 'pdm':
      put('pyproject.toml', '[project]\nname = "app"\nversion = "1.0"\n');
      put('pdm.lock', '# lock\n');
      manifests = ['pyproject.toml', 'pdm.lock'];
      installRun = 'RUN pip install pdm && pdm install --prod --no-editable';
      break;
  }
  put('app.py', 'print(1)\n');
  const manifestsFirst = g.chance(0.5);
  if (manifestsFirst) lines.push(g.chance(0.5) || manifests.length === 1 ? `COPY ${manifests.join(' ')} ./` : manifests.map((m) => `COPY ${m} ${m.endsWith('/') ? m : './'}`).join('\n'));
  else lines.push(g.pick(['COPY . .', 'COPY . /app/', `COPY . ${workdir}`]).replace('/app/', `${workdir}/`));
  if (django && !manifestsFirst && g.chance(0.5)) installRun += ` && python manage.py collectstatic --noinput`;
  if (g.chance(0.15)) installRun = installRun.replace(/^RUN /, 'RUN <<EOF\nset -e\n') + '\nEOF';
  lines.push(installRun);
  if (g.chance(0.3) && !alpine) lines.push(`RUN apt-get update && apt-get install -y ${g.some(['git', 'make', 'libpq5', 'curl'], 1, 2).join(' ')}`);
  if (manifestsFirst) lines.push('COPY . .');
  if (django && (manifestsFirst || !installRun.includes('collectstatic'))) lines.push('RUN python manage.py collectstatic --noinput');
  if (g.chance(0.4)) lines.push(g.pick(['RUN useradd -m app\nUSER app', 'RUN adduser --disabled-password app\nUSER app', 'USER 1000']));
  if (g.chance(0.6)) lines.push(`EXPOSE ${g.pick(['8000', '5000', '8080/tcp'])}`);
  if (g.chance(0.2)) lines.push('HEALTHCHECK --interval=30s CMD curl -f http://localhost:8000/ || exit 1');
  lines.push(style === 'uv' && g.chance(0.6) ? g.pick(['CMD ["uv", "run", "gunicorn", "app:app"]', 'CMD ["uv", "run", "--no-sync", "python", "app.py"]']) : g.pick(['CMD ["gunicorn", "-b", "0.0.0.0:8000", "app:app"]', 'CMD ["python", "app.py"]', 'CMD python app.py', 'ENTRYPOINT ["python"]\nCMD ["app.py"]', 'CMD ["uvicorn", "main:app", "--host", "0.0.0.0"]']));
  let text = lines.join('\n');
  if (g.chance(0.15)) {
    // A second, earlier stage the final one does not use (a test stage), or an already multi-stage file.
    text = `FROM ${base} AS ${g.pick(['test', 'lint'])}\nRUN ${pip} install pytest\n\n${text}`;
    labels.push('extra-stage');
  }
  return { text, files, labels };
}

/** The syntax classes that broke rewrites, applied to a Dockerfile text. */
function syntaxClasses(g: Gen, p: Project): Project {
  let text = p.text;
  const labels = [...p.labels];
  if (g.chance(0.12)) {
    // The backtick escape: every continuation is written with it, and `\` becomes an ordinary character.
    text = '# escape=`\n' + text.replace(/\\\n/g, '`\n');
    labels.push('escape-backtick');
  } else if (g.chance(0.05)) {
    text = '# syntax=docker/dockerfile:1\n' + text;
  }
  if (g.chance(0.12)) {
    // A comment line inside a continuation, before the line that carries on.
    let done = false;
    text = text.replace(/( [\\`])\n(\s*)/, (_m, esc: string, ws: string) => {
      done = true;
      return `${esc}\n${ws}# ${g.pick(['then the rest', 'deps', ''])}\n${ws}`;
    });
    if (done) labels.push('comment-in-continuation');
  }
  if (g.chance(0.1)) {
    // A RUN whose last command ends in a shell comment.
    text = text.replace(/^(RUN [^\n\\`]*)$/m, `$1 # ${g.pick(['install', 'keep going', 'see docs'])}`);
    labels.push('trailing-shell-comment');
  }
  if (g.chance(0.08)) {
    text = text.replace(/^RUN ([^\n<`\\]+)$/m, (_m, body: string) => `RUN <<${g.pick(['EOF', '-EOF', '"EOF"'])}\n${body}\nEOF`);
    labels.push('heredoc');
  }
  if (g.chance(0.05)) {
    text += `\nCOPY <<EOF /app/${g.pick(['x.txt', 'conf.ini'])}\n[app]\nk = v\nEOF`;
    labels.push('copy-heredoc');
  }
  if (g.chance(0.05)) {
    text = text.replace(/^(FROM \S+)( AS \S+)?$/m, '$1 AS');
    labels.push('from-as-without-name');
  }
  if (g.chance(0.06)) {
    text += ` ${readDockerfile(text).escape}`;
    labels.push('trailing-escape');
  } else if (g.chance(0.85)) text += '\n';
  if (g.chance(0.1)) {
    text = text.replace(/\n/g, '\r\n');
    labels.push('crlf');
  }
  if (g.chance(0.06)) {
    text = '\uFEFF' + text;
    labels.push('bom');
  }
  return { text, files: p.files, labels };
}

/**
 * One Dockerfile input for the rewrite contract: half are Python projects (so rewrites are offered), half the
 * general grammar of generateDockerfile; both get the syntax classes.
 */
export function generateDockerfileInput(seed: number, index: number): FuzzInput {
  const g = new Gen(mulberry32(inputSeed(seed, index) ^ 0x2545f491));
  let p: Project;
  if (g.chance(0.55)) p = pythonProject(g);
  else {
    const files: Record<string, string> = {};
    for (const name of ['requirements.txt', 'base.txt', 'reqs/base.txt', 'constraints.txt']) if (g.chance(0.4)) files[`${PROJECT}/${name}`] = generateRequirements(g);
    for (const f of ['app.py', 'pyproject.toml', 'manage.py', 'poetry.lock']) if (g.chance(0.3)) files[`${PROJECT}/${f}`] = 'x\n';
    p = { text: generateDockerfile(g).replace(/\n$/, ''), files, labels: ['grammar'] };
  }
  const q = syntaxClasses(g, p);
  return { kind: 'dockerfile', text: q.text, files: q.files, label: q.labels.join('+') };
}

// ---------------------------------------------------------------------------------------------------------------
// Requirements files

const REQ_NAMES = ['flask', 'Django', 'numpy', 'pandas', 'requests', 'psycopg2', 'psycopg2-binary', 'torch', 'opencv-python', 'tensorflow-gpu', 'pycrypto', 'Flask_SQLAlchemy', 'zope.interface', 'a', 'x-y.z_w', '-bad', 'bad-', '9lives', 'na me', 'über', 'lxml', 'uwsgi', 'mysqlclient', 'grpcio', 'nvidia-cudnn-cu12'];

function requirementLine(g: Gen): string {
  const forms: (() => string)[] = [
    () => g.pick(REQ_NAMES),
    () => `${g.pick(REQ_NAMES)}${g.pick(['==', '>=', '<=', '~=', '!=', '===', '<', '>', '=', '=>', '~'])}${g.pick(['1.0', '2.1.3', '1.*', '1.0.*', '1.0a1', '1.0.post1', '1.0.dev0', '2!1.0', '1.0+local', 'abc', '', '1..0', 'v1', '1.0-1', '99999999999999999999'])}`,
    () => `${g.pick(REQ_NAMES)}>=1.0,<2.0${g.chance(0.3) ? ',!=1.5' : ''}`,
    () => `${g.pick(REQ_NAMES)}[${g.some(['security', 'socks', 'async', '', 'a-b', 'bad!'], 1, 3).join(',')}]${g.chance(0.5) ? '>=1' : ''}`,
    () => `${g.pick(REQ_NAMES)} ; ${marker(g)}`,
    () => `${g.pick(REQ_NAMES)}==1.0 ${Array.from({ length: g.int(1, 3) }, () => `--hash=${g.pick(['sha256', 'sha384', 'sha512', 'md5', 'sha1', ''])}:${g.pick(['0123456789abcdef'.repeat(4), 'abc', '0'.repeat(96), 'z'.repeat(64), ''])}`).join(' \\\n    ')}`,
    () => `-r ${g.pick(['base.txt', 'requirements-dev.txt', 'requirements.txt', 'missing.txt', '../up.txt', '/abs/path.txt', 'sub/child.txt', '${REQ}', '', 'a b.txt', 'x\uD800.txt', 'https://example.com/r.txt'])}`,
    () => `-c ${g.pick(['constraints.txt', 'base.txt', 'none.txt'])}`,
    () => `${g.pick(['-e', '--editable'])} ${g.pick(['.', './pkg', 'git+https://github.com/a/b.git#egg=b', 'git+ssh://git@github.com/a/b.git@v1#egg=b&subdirectory=s', 'hg+https://x/y', 'file:///tmp/x', ''])}`,
    () => `${g.pick(REQ_NAMES)} @ ${g.pick(['https://files.example.com/p-1.0-py3-none-any.whl', 'git+https://github.com/a/b.git@main', 'file:///x.tar.gz', 'not a url', ''])}`,
    () => g.pick(['https://example.com/pkg-1.0.tar.gz', './local/pkg', 'pkg-1.0-cp312-cp312-manylinux_2_17_x86_64.whl', '../sibling', 'C:\\pkgs\\x.whl', 'file:pkg']),
    () => `${g.pick(['--index-url', '-i', '--extra-index-url', '--find-links', '-f', '--trusted-host', '--no-binary', '--only-binary', '--prefer-binary', '--pre', '--require-hashes', '--no-index', '--use-feature', '--bogus-option', '--config-settings', '-Z'])}${g.pick([' https://pypi.org/simple', '=https://x:y@private.example/simple', ' :all:', ' :none:', ' numpy,scipy', ' pypi.internal', '', ' ${INDEX_URL}', '=', ' fast-deps'])}`,
    () => `# ${g.word()} ${g.chance(0.3) ? g.pick(UNICODE) : ''}`,
    () => g.pick(['', '   ', '\t', '#', '\\', 'flask \\', '    ==1.0', '"flask"', "'flask'", 'flask  # trailing comment', 'flask#notacomment', '[extras]', '==1.0', ';', '@', 'flask[', 'flask (>=1.0)', 'flask >= 1.0 , < 2']),
    () => g.word(g.int(1, 30)),
  ];
  return g.pick(forms)();
}

function marker(g: Gen): string {
  const atom = (): string =>
    `${g.pick(['python_version', 'python_full_version', 'sys_platform', 'platform_machine', 'platform_system', 'os_name', 'implementation_name', 'extra', 'platform_release', 'bogus_var', '"3.8"'])} ${g.pick(['==', '!=', '<', '>=', '~=', 'in', 'not in', '===', '>>', '='])} ${g.pick(['"3.8"', "'linux'", '"x86_64"', '"win32"', '"test"', '3.8', '"unterminated', 'python_version'])}`;
  let m = atom();
  const n = g.int(0, 3);
  for (let i = 0; i < n; i++) m = g.chance(0.3) ? `(${m} ${g.pick(['and', 'or'])} ${atom()})` : `${m} ${g.pick(['and', 'or', 'xor', '&&'])} ${atom()}`;
  return m;
}

export function generateRequirements(g: Gen): string {
  const n = g.int(0, 20);
  const lines = Array.from({ length: n }, () => requirementLine(g));
  let text = lines.join('\n');
  if (g.chance(0.8)) text += '\n';
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Config files (TOML, YAML, JSON) and lock-like garbage

function configValue(g: Gen, depth = 0): unknown {
  const r = g.r();
  if (r < 0.2) return g.pick(['error', 'warning', 'info', 'hint', 'off', 'style', 'none', 'ignore', 'ERROR', '', 'linux/arm64', '..', '../../outside', '/abs', 'python:3.12', '\uD800']);
  if (r < 0.3) return g.pick([true, false]);
  if (r < 0.4) return g.pick([0, 1, -1, 3.5, 1e308, NaN, Infinity]);
  if (r < 0.5) return null;
  if (r < 0.7 && depth < 3) return Array.from({ length: g.int(0, 4) }, () => configValue(g, depth + 1));
  if (depth < 3) return configObject(g, depth + 1);
  return g.word();
}

const CONFIG_KEYS = ['rules', 'ignored', 'ignore', 'failureThreshold', 'failure-threshold', 'trustedRegistries', 'trusted-registries', 'labelSchema', 'label-schema', 'strictLabels', 'strict-labels', 'defer', 'buildkitCheck', 'buildkit-check', 'target', 'context', 'buildArgs', 'build-args', 'platform', 'experimental', 'online', 'override', 'disable-ignore-pragma', 'no-fail', 'format', 'DL3008', 'pip-install-unpinned', '__proto__', 'constructor', 'toString', 'hasOwnProperty'];

function configObject(g: Gen, depth = 0): Record<string, unknown> {
  const o: Record<string, unknown> = {};
  const n = g.int(0, 6);
  for (let i = 0; i < n; i++) {
    const k = g.chance(0.8) ? g.pick(CONFIG_KEYS) : g.word();
    const special: Record<string, () => unknown> = {
      rules: () => Object.fromEntries(Array.from({ length: g.int(0, 4) }, () => [g.pick(['DL3008', 'dl3042', 'LW101', 'ShellCheck', 'SC2086', 'pip-install-unpinned', 'bogus', '']), configValue(g, 3)])),
      override: () => Object.fromEntries(Array.from({ length: g.int(0, 3) }, () => [g.pick(['error', 'warning', 'info', 'style', 'bogus']), g.chance(0.7) ? g.some(['DL3008', 'DL3013', 'SC2086', 'x'], 0, 3) : configValue(g, 3)])),
      'build-args': () => Object.fromEntries(Array.from({ length: g.int(0, 3) }, () => [g.pick(VARS), configValue(g, 3)])),
      'label-schema': () => Object.fromEntries(Array.from({ length: g.int(0, 3) }, () => [g.pick(['maintainer', 'version', 'org.opencontainers.image.created']), g.pick(['text', 'url', 'semver', 'hash', 'rfc3339', 'spdx', 'email', 'bogus', 3])])),
    };
    const make = Object.hasOwn(special, k) ? special[k]! : () => configValue(g, depth);
    // defineProperty, so `__proto__` becomes a key of the file instead of the object's prototype.
    Object.defineProperty(o, k, { value: make(), enumerable: true, writable: true, configurable: true });
  }
  return o;
}

function tomlKey(k: string): string {
  return /^[A-Za-z0-9_-]+$/.test(k) ? k : JSON.stringify(k);
}

function tomlValue(v: unknown): string {
  if (v === null || v === undefined) return '""';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : v !== v ? 'nan' : v > 0 ? 'inf' : '-inf';
  if (typeof v === 'string' || typeof v === 'boolean') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(tomlValue).join(', ')}]`;
  return `{ ${Object.entries(v as Record<string, unknown>).map(([k, x]) => `${tomlKey(k)} = ${tomlValue(x)}`).join(', ')} }`;
}

function toToml(o: Record<string, unknown>, table?: string): string {
  const out: string[] = [];
  if (table) out.push(`[${table}]`);
  for (const [k, v] of Object.entries(o)) out.push(`${tomlKey(k)} = ${tomlValue(v)}`);
  return out.join('\n') + '\n';
}

function yamlValue(v: unknown, indent: string): string {
  if (v === null || v === undefined) return '~';
  if (typeof v === 'string') return /^[A-Za-z0-9_./-]+$/.test(v) ? v : JSON.stringify(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.length ? v.map((x) => `\n${indent}- ${yamlValue(x, indent + '  ')}`).join('') : '[]';
  const e = Object.entries(v as Record<string, unknown>);
  return e.length ? e.map(([k, x]) => `\n${indent}${JSON.stringify(k)}: ${yamlValue(x, indent + '  ')}`).join('') : '{}';
}

const LOCK_GARBAGE = [
  '[[package]]\nname = "flask"\nversion = "3.0.0"\ndescription = ""\noptional = false\npython-versions = ">=3.8"\n\n[package.dependencies]\nclick = ">=8.1.3"\n\n[metadata]\nlock-version = "2.0"\ncontent-hash = "abc"\n',
  'version = 1\nrequires-python = ">=3.12"\n\n[[package]]\nname = "flask"\nversion = "3.0.0"\nsource = { registry = "https://pypi.org/simple" }\nwheels = [\n    { url = "https://x/flask.whl", hash = "sha256:00", size = 1 },\n]\n',
  '{"_meta": {"hash": {"sha256": "x"}, "pipfile-spec": 6}, "default": {"flask": {"version": "==3.0.0", "hashes": ["sha256:00"]}}}',
  '[tool.poetry]\nname = "app"\n[tool.poetry.dependencies]\npython = "^3.12"\n[tool.layerwise]\nrules = { DL3008 = "off" }\n',
  'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n',
  'ignored: [DL3008\nfailure-threshold: warning\n',
  '---\n--- !!binary |\n  R0lGODlhDAAMAIQAAP\n...\n',
  'key = """\nunterminated\n',
  '[tool.layerwise\nrules = {',
  'x = 1\nx = 2\n',
  'a.b.c.d.e.f.g.h = 1\n[a]\nb = 2\n',
  '? complex key\n: value\n!!python/object:os.system ls\n',
  'rules:\n  DL3008: off\n  <<: *undefined\n',
];

function mutate(g: Gen, text: string): string {
  const r = g.r();
  if (r < 0.3) return text.slice(0, g.int(0, text.length)); // truncation: a half-typed file
  if (r < 0.45) {
    const at = g.int(0, text.length);
    return text.slice(0, at) + g.pick(['"', "'", '[', '{', ']', '}', '\n', '=', ':', '- ', '\t', '#', '\\', '${', '`', '<<EOF\n', '\0', '\r']) + text.slice(at);
  }
  if (r < 0.55) {
    const a = g.int(0, text.length);
    const b = g.int(a, Math.min(text.length, a + 20));
    return text.slice(0, a) + text.slice(b);
  }
  if (r < 0.65) {
    const ls = text.split('\n');
    const i = g.int(0, Math.max(0, ls.length - 1));
    ls.splice(g.int(0, ls.length), 0, ls[i] ?? '');
    return ls.join('\n');
  }
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// One input

export type InputKind = 'dockerfile' | 'requirements' | 'toml' | 'yaml' | 'json';

export interface FuzzInput {
  kind: InputKind;
  text: string;
  /** Other project files (requirements files, `.dockerignore`) the Dockerfile may install or read. */
  files: Record<string, string>;
  /** What made this input (for the report). */
  label: string;
  /** The seed of the random assist ranges it was checked with (a fixture replays it with the same ones). */
  checkSeed?: number;
}

export const PROJECT = '/proj';

export interface GenerateOptions {
  /** Allow the rare big inputs (1 MB line, 20,000-line file); the runner turns this off near the end of its budget. */
  big?: boolean;
}

export function generateInput(seed: number, index: number, options: GenerateOptions = {}): FuzzInput {
  const g = new Gen(mulberry32(inputSeed(seed, index)));
  const r = g.r();
  const kind: InputKind = r < 0.6 ? 'dockerfile' : r < 0.82 ? 'requirements' : g.pick(['toml', 'yaml', 'json'] as const);
  const labels: string[] = [];
  let text: string;
  const files: Record<string, string> = {};
  if (kind === 'dockerfile' || kind === 'requirements') {
    for (const name of ['requirements.txt', 'requirements-dev.txt', 'base.txt', 'reqs/base.txt', 'constraints.txt', 'requirements/prod.txt']) {
      if (g.chance(0.4)) files[`${PROJECT}/${name}`] = generateRequirements(g);
    }
    if (g.chance(0.3)) files[`${PROJECT}/.dockerignore`] = g.some(['.git', '*.pyc', '__pycache__', '.venv', '!requirements.txt', '**/*.log', 'node_modules', '*', 'src/**', '[a-z]*', '\\!x', '#c', '', '  spaced  ', '../x', '/abs', '*a*a*a*b', '?'], 0, 8).join('\n');
    for (const f of ['app.py', 'pyproject.toml', 'src/main.py', 'poetry.lock']) if (g.chance(0.3)) files[`${PROJECT}/${f}`] = 'x\n';
  }
  switch (kind) {
    case 'dockerfile':
      text = generateDockerfile(g);
      break;
    case 'requirements':
      text = generateRequirements(g);
      break;
    case 'toml':
      text = g.chance(0.2) ? g.pick(LOCK_GARBAGE) : toToml(configObject(g), g.chance(0.3) ? 'tool.layerwise' : undefined);
      break;
    case 'yaml':
      text = g.chance(0.2) ? g.pick(LOCK_GARBAGE) : yamlValue(configObject(g), '').replace(/^\n/, '') + '\n';
      break;
    case 'json':
      text = g.chance(0.2) ? g.pick(LOCK_GARBAGE) : JSON.stringify(configObject(g), null, g.chance(0.5) ? 2 : undefined);
      break;
  }
  labels.push(kind);
  // Noise common to every kind, each rare enough that most inputs stay mostly valid.
  if (g.chance(0.15)) {
    text = unicodeNoise(g, text);
    labels.push('unicode');
  }
  if (g.chance(0.1)) {
    text = g.chance(0.7) ? text.replace(/\n/g, '\r\n') : text.replace(/\n/g, () => g.pick(['\n', '\r\n', '\r']));
    labels.push('crlf');
  }
  if (g.chance(0.1)) {
    text = mutate(g, text);
    labels.push('mutated');
  }
  if (g.chance(0.1)) {
    text = text.slice(0, g.int(0, text.length));
    labels.push('truncated');
  }
  if (g.chance(0.02)) {
    const at = g.int(0, text.length);
    text = text.slice(0, at) + '\0' + text.slice(at);
    labels.push('nul');
  }
  if (g.chance(0.02)) {
    text = '\uFEFF' + text;
    labels.push('bom');
  }
  if (options.big !== false && (kind === 'dockerfile' || kind === 'requirements')) {
    if (g.chance(0.003)) {
      const prefix = kind === 'dockerfile' ? g.pick(['RUN echo ', 'ENV X=', '# ', 'LABEL a=', 'RUN pip install ', 'COPY ']) : g.pick(['flask==', '# ', 'x' ]);
      const unit = g.pick(['a', 'a ', 'x && ', '${A}', '\\"', 'é', '🐍']);
      text += `${kind === 'dockerfile' && !text.includes('FROM') ? 'FROM python:3.12\n' : ''}${prefix}${unit.repeat(Math.ceil(1_000_000 / unit.length))}\n`;
      labels.push('1MB-line');
    } else if (g.chance(0.002)) {
      const out: string[] = [text];
      const stages: string[] = [];
      if (kind === 'dockerfile') {
        out.push(fromLine(g, stages));
        while (out.length < 20_000) out.push(instruction(g, stages, '\\').split('\n')[0]!);
      } else {
        while (out.length < 20_000) out.push(requirementLine(g));
      }
      text = out.join('\n') + '\n';
      labels.push('20k-lines');
    }
  }
  return { kind, text, files, label: labels.join('+') };
}

// ---------------------------------------------------------------------------------------------------------------
// The checks

export type FailureKind = 'throw' | 'slow' | 'internal-error' | 'new-parse-error' | 'lost-line' | 'no-fixpoint' | 'assist-edits' | 'assist-parse-error';

/** fixAll's own default: past this many passes a fix keeps re-adding what it fixes. */
const MAX_PASSES = 10;

export interface Failure {
  kind: FailureKind;
  /** Which call: lint, fix-all, fix-all-unsafe, estimate, assist:<id>, config:<file>. */
  step: string;
  message: string;
}

export interface Timing {
  step: string;
  ms: number;
}

export interface CheckResult {
  failures: Failure[];
  timings: Timing[];
}

/** A call slower than this is a failure: the editor would freeze. Sync code cannot be interrupted, so it is measured. */
export const SLOW_MS = 5000;

/**
 * Codes of findings that mean "this text does not parse": a fix must never add one. Requirements: LW101 (syntax),
 * LW102 (invalid version), LW103 (unknown option); Dockerfiles: BuildKit's parse-level checks. `shell-syntax` is not
 * a rule: it counts RUN bodies whose shell does not parse.
 */
export const PARSE_ERROR_CODES: ReadonlySet<string> = new Set(['LW101', 'LW102', 'LW103', 'NoEmptyContinuation', 'ExposeInvalidFormat', 'InvalidDefaultArgInFrom', 'InvalidBaseImagePlatform', 'FromPlatformFlagConstDisallowed']);

const DOCKERFILE_PATH = `${PROJECT}/Dockerfile`;
const REQUIREMENTS_PATH = `${PROJECT}/requirements.txt`;

function lintKind(kind: InputKind): FileKind | undefined {
  return kind === 'dockerfile' || kind === 'requirements' ? kind : undefined;
}

function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

/**
 * FROM-level checks, counted once per distinct message: the split copies the final stage's FROM (its image,
 * flags and ARG references) into the builder on purpose, so the same fault on both FROM lines is not a new one.
 */
const PER_MESSAGE_CODES: ReadonlySet<string> = new Set(['InvalidDefaultArgInFrom', 'InvalidBaseImagePlatform', 'FromPlatformFlagConstDisallowed']);

function parseErrorCounts(findings: readonly Finding[], model: DockerfileModel | undefined): Map<string, number> {
  const m = new Map<string, number>();
  const seen = new Set<string>();
  for (const f of findings) {
    if (!PARSE_ERROR_CODES.has(f.code)) continue;
    if (PER_MESSAGE_CODES.has(f.code)) {
      const key = `${f.code}\u0000${f.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
    }
    m.set(f.code, (m.get(f.code) ?? 0) + 1);
  }
  const shell = model?.instructions.filter((i) => i.run?.script?.hasErrors).length ?? 0;
  if (shell) m.set('shell-syntax', shell);
  return m;
}

function newParseErrors(before: Map<string, number>, after: Map<string, number>): string[] {
  return [...after].filter(([code, n]) => n > (before.get(code) ?? 0)).map(([code, n]) => `${code} ${before.get(code) ?? 0} → ${n}`);
}

function touchedLines(findings: readonly Finding[], unsafe: boolean): Set<number> {
  const out = new Set<number>();
  for (const f of findings) {
    for (const fix of f.fixes) {
      if (fix.applicability === 'unsafe' && !unsafe) continue;
      for (const e of fix.edits) for (let l = e.range.start.line; l <= e.range.end.line; l++) out.add(l);
    }
  }
  return out;
}

class Runner {
  readonly failures: Failure[] = [];
  readonly timings: Timing[] = [];

  /** Runs one call, measuring it; a throw or a call over SLOW_MS is a failure. */
  call<T>(step: string, fn: () => T): T | undefined {
    const t0 = performance.now();
    let out: T | undefined;
    try {
      out = fn();
    } catch (err) {
      const e = err as Error;
      this.failures.push({ kind: 'throw', step, message: `${e?.name ?? 'Error'}: ${String(e?.message ?? err).slice(0, 300)}${e?.stack ? `\n${e.stack.split('\n').slice(1, 6).join('\n')}` : ''}` });
    }
    const ms = performance.now() - t0;
    this.timings.push({ step, ms });
    if (ms > SLOW_MS) this.failures.push({ kind: 'slow', step, message: `took ${Math.round(ms)} ms (limit ${SLOW_MS})` });
    return out;
  }

  fail(kind: FailureKind, step: string, message: string): void {
    this.failures.push({ kind, step, message });
  }
}

function internalErrors(r: Runner, step: string, findings: readonly Finding[]): void {
  for (const f of findings) if (f.name === 'internal-error') r.fail('internal-error', step, f.message);
}

/** Applies fix-all one pass at a time (fixAll with one pass, so exactly what fixAll does), checking each pass. */
function checkFixAll(r: Runner, text: string, request: Parameters<typeof lintText>[1], unsafe: boolean, first: LintResult): void {
  const before = parseErrorCounts(first.findings, first.model);
  const step = unsafe ? 'fix-all-unsafe' : 'fix-all';
  // Lines of the original no fix has touched yet: each must survive every pass (by trimmed content).
  let protectedLines = new Set<string>();
  let current = text;
  let converged = false;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const lint = pass === 0 ? first : r.call(`lint(${step})`, () => lintText(current, request));
    if (!lint) return;
    const touched = touchedLines(lint.findings, unsafe);
    const lines = splitLines(current);
    if (pass === 0) protectedLines = new Set(lines.filter((l, i) => l.trim() && !touched.has(i)).map((l) => l.trim()));
    else for (const i of touched) protectedLines.delete(lines[i]?.trim() ?? '');
    const res = r.call(step, () => fixAll(current, request, { unsafe, maxPasses: 1 }));
    if (!res) return;
    if (res.applied.length === 0) {
      converged = true;
      break;
    }
    const kept = new Set(splitLines(res.text).map((l) => l.trim()));
    const lost = [...protectedLines].filter((l) => !kept.has(l));
    if (lost.length) {
      r.fail('lost-line', step, `pass ${pass + 1} (${res.applied.map((a) => a.code).join(', ')}) lost ${lost.length} untouched line(s): ${JSON.stringify(lost[0]!.slice(0, 120))}`);
      return;
    }
    current = res.text;
  }
  if (!converged) r.fail('no-fixpoint', step, `fixes still apply after ${MAX_PASSES} passes (a fix does not remove its own finding)`);
  if (current === text) return;
  const after = r.call(`relint(${step})`, () => lintText(current, request));
  if (!after) return;
  internalErrors(r, `relint(${step})`, after.findings);
  const added = newParseErrors(before, parseErrorCounts(after.findings, after.model));
  if (added.length) r.fail('new-parse-error', step, `fixes added parse errors: ${added.join('; ')}`);
}

function randomRange(g: Gen, model: DockerfileModel): Range | undefined {
  if (g.chance(0.15)) return undefined;
  const lines = model.lines.lineCount;
  const a = g.int(0, lines + 1);
  const b = g.chance(0.5) ? a : g.int(a, lines + 2);
  return { start: { line: a, character: g.int(0, 40) }, end: { line: b, character: g.int(0, 200) } };
}

function checkDockerfileExtras(r: Runner, seed: number, text: string, model: DockerfileModel, files: ReturnType<typeof memoryFiles>, config: LayerwiseConfig, request: Parameters<typeof lintText>[1], first: LintResult | undefined): void {
  const before = first ? parseErrorCounts(first.findings, first.model) : undefined;
  const input = { files, dockerfilePath: DOCKERFILE_PATH, config };
  r.call('estimate', () => estimateImage(model, input));
  const g = new Gen(mulberry32(seed ^ 0x5bd1e995));
  const ranges = Array.from({ length: 3 }, () => randomRange(g, model));
  for (const assist of ASSISTS) {
    for (const range of ranges) {
      const withSize = g.chance(0.3);
      const res = r.call(`assist:${assist.id}`, () =>
        assist.run(model, { ...(range ? { range } : {}), files, path: DOCKERFILE_PATH, ...(withSize ? { sizeOf: (m: DockerfileModel) => estimateImage(m, input).final?.bytes } : {}) }),
      );
      if (!res?.applies) continue;
      for (const action of res.actions) {
        const applied = r.call(`assist:${assist.id}:apply`, () => applyEdits(text, action.edits));
        if (applied !== undefined && applied !== action.text) {
          r.fail('assist-edits', `assist:${assist.id}`, `"${action.title}": applying its edits does not give its text`);
        }
        const out = r.call(`assist:${assist.id}:reparse`, () => lintText(action.text, request));
        if (before && out) {
          internalErrors(r, `assist:${assist.id}:reparse`, out.findings);
          const added = newParseErrors(before, parseErrorCounts(out.findings, out.model));
          if (added.length) r.fail('assist-parse-error', `assist:${assist.id}`, `"${action.title}" added parse errors: ${added.join('; ')}`);
        }
      }
    }
  }
}

/** Config files go through the functions the CLI and the server read them with; the result then configures a lint. */
function checkConfig(r: Runner, input: FuzzInput, dir: string): void {
  const names = input.kind === 'toml' ? ['.layerwise.toml', 'pyproject.toml'] : input.kind === 'json' ? ['layerwise.json'] : ['.hadolint.yaml'];
  for (const name of names) {
    const path = join(dir, name);
    writeFileSync(path, input.text);
    const res = r.call(`config:${name}`, () => (input.kind === 'yaml' ? readHadolintFile(path) : readConfigFile(path)));
    if (!res) continue;
    const config = r.call(`config:${name}:merge`, () => mergeConfig(defaultConfig(), res.config));
    if (!config) continue;
    const files = memoryFiles({ [REQUIREMENTS_PATH]: 'flask\nnumpy==1.26.0\n' });
    const text = 'ARG PY=3.12\nFROM python:${PY}-slim AS builder\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\nFROM python:3.12-slim\nCOPY --from=builder /usr/local /usr/local\n';
    const lint = r.call(`lint(config:${name})`, () => lintText(text, { kind: 'dockerfile', path: DOCKERFILE_PATH, files, config: { ...config, online: false }, shellcheck: false }));
    if (lint) internalErrors(r, `lint(config:${name})`, lint.findings);
    if (lint?.model) r.call(`estimate(config:${name})`, () => estimateImage(lint.model!, { files, dockerfilePath: DOCKERFILE_PATH, config }));
  }
}

let configDir: string | undefined;

function scratchDir(): string {
  configDir ??= mkdtempSync(join(tmpdir(), 'layerwise-fuzz-'));
  return configDir;
}

/** Every check on one input. `seed` drives the random assist ranges. Call `initRuntime()` first. */
export function checkInput(input: FuzzInput, seed = input.checkSeed ?? 0): CheckResult {
  const r = new Runner();
  if (input.kind === 'toml' || input.kind === 'yaml' || input.kind === 'json') {
    checkConfig(r, input, scratchDir());
    return { failures: r.failures, timings: r.timings };
  }
  const kind = lintKind(input.kind)!;
  const files = memoryFiles(input.files);
  const config = defaultConfig();
  const path = kind === 'dockerfile' ? DOCKERFILE_PATH : REQUIREMENTS_PATH;
  const request = { kind, path, files, config, shellcheck: false } as const;
  const lint = r.call('lint', () => lintText(input.text, request));
  if (lint) {
    internalErrors(r, 'lint', lint.findings);
    checkFixAll(r, input.text, request, false, lint);
    checkFixAll(r, input.text, request, true, lint);
  }
  if (kind === 'dockerfile') {
    // lintText declines binary, huge and overlong-line texts, and so do the server (no model: no hover, CodeLens or
    // assist) and the CLI's estimate and split; the model of any other text is built here if lint did not.
    const model = lint?.model ?? (declineReason(input.text, 'dockerfile') ? undefined : r.call('model', () => buildDockerfileModel(input.text)));
    if (model) checkDockerfileExtras(r, seed, input.text, model, files, config, request, lint);
  } else {
    // A requirements file is also read through every Dockerfile that installs it.
    const dockerfile = 'FROM python:3.12-slim\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n';
    const withFile = memoryFiles({ ...input.files, [REQUIREMENTS_PATH]: input.text });
    const viaDocker = r.call('lint(installing Dockerfile)', () => lintText(dockerfile, { kind: 'dockerfile', path: DOCKERFILE_PATH, files: withFile, config, shellcheck: false }));
    if (viaDocker) internalErrors(r, 'lint(installing Dockerfile)', viaDocker.findings);
    if (viaDocker?.model) r.call('estimate(installing Dockerfile)', () => estimateImage(viaDocker.model!, { files: withFile, dockerfilePath: DOCKERFILE_PATH, config }));
  }
  return { failures: r.failures, timings: r.timings };
}

// ---------------------------------------------------------------------------------------------------------------
// The rewrite contract, judged by the independent oracle (./oracle.ts): every rewrite a user can apply

export type RewriteStep = 'fix-all' | 'fix-all-unsafe' | 'assist' | 'assist-again' | 'assist-after-fix-all';

export interface OracleRun {
  step: RewriteStep;
  /** The assist id, for assist steps. */
  assist?: string;
  title?: string;
  /** The text rewritten (the original, or what fix-all or an assist made of it); violations are always against the original. */
  violations: Violation[];
  /** The rewritten text. */
  text: string;
}

export interface OracleResult {
  runs: OracleRun[];
  /** Assist actions offered on the input itself. */
  offered: number;
  /** Splits offered on the input itself. */
  splits: number;
  /** Fix-all (safe or unsafe) changed the text. */
  fixed: boolean;
  failures: Failure[];
}

const SPLIT = 'split-into-builder-stage';

/** The context files of an input, as the oracle reads them (context-relative paths). */
export function contextOf(files: Record<string, string>): ContextFiles {
  return { read: (rel) => files[`${PROJECT}/${rel.replace(/^\.\//, '')}`] };
}

/**
 * Runs fix-all (safe, safe+unsafe) to its fixed point and every assist action offered on the input (at the whole
 * file and at its first RUN lines), each assist again on its own output until it stops offering (at most 3 times),
 * and every assist on fix-all's result; each outcome is compared with the original by the oracle.
 */
export function oracleCheck(input: FuzzInput): OracleResult {
  const r = new Runner();
  const runs: OracleRun[] = [];
  const ctxFiles = contextOf(input.files);
  const files = memoryFiles(input.files);
  const config = defaultConfig();
  const request = { kind: 'dockerfile', path: DOCKERFILE_PATH, files, config, shellcheck: false } as const;
  const estimateInput = { files, dockerfilePath: DOCKERFILE_PATH, config };
  const sizeOf = (m: DockerfileModel): E | undefined => estimateImage(m, estimateInput).final?.bytes;
  const judge = (step: RewriteStep, after: string, assist?: string, title?: string): void => {
    const violations = r.call(`oracle(${step})`, () => compareRewrite(input.text, after, ctxFiles, { split: assist === SPLIT, unsafe: step !== 'fix-all' && step !== 'assist' && step !== 'assist-again' })) ?? [];
    runs.push({ step, ...(assist ? { assist } : {}), ...(title ? { title } : {}), violations, text: after });
  };
  let fixed = false;
  let unsafeText: string | undefined;
  if (declineReason(input.text, 'dockerfile')) return { runs, offered: 0, splits: 0, fixed, failures: r.failures };
  for (const unsafe of [false, true]) {
    const res = r.call(unsafe ? 'fix-all-unsafe' : 'fix-all', () => fixAll(input.text, request, { unsafe }));
    if (!res) continue;
    if (res.text !== input.text) fixed = true;
    if (unsafe) unsafeText = res.text;
    judge(unsafe ? 'fix-all-unsafe' : 'fix-all', res.text);
  }
  const actionsOn = (text: string, lines: (number | undefined)[]): { assist: string; action: AssistAction }[] => {
    const model = r.call('model', () => buildDockerfileModel(text));
    if (!model) return [];
    const out: { assist: string; action: AssistAction }[] = [];
    const seen = new Set<string>();
    for (const line of lines) {
      const range = line === undefined ? undefined : { start: { line, character: 0 }, end: { line, character: 0 } };
      for (const assist of ASSISTS) {
        const res = r.call(`assist:${assist.id}`, () => assist.run(model, { ...(range ? { range } : {}), files, path: DOCKERFILE_PATH, sizeOf }));
        if (!res?.applies) continue;
        for (const action of res.actions) {
          const key = `${assist.id}\u0000${action.text}`;
          if (seen.has(key) || action.text === text) continue;
          seen.add(key);
          out.push({ assist: assist.id, action });
        }
      }
    }
    return out;
  };
  const runLines = (text: string): (number | undefined)[] => [undefined, ...readDockerfile(text).instructions.filter((i) => i.keyword === 'RUN' || i.keyword === 'COPY').slice(0, 4).map((i) => i.line)];
  const offeredHere = actionsOn(input.text, runLines(input.text));
  for (const { assist, action } of offeredHere) {
    judge('assist', action.text, assist, action.title);
    // The same assist on its own output, to its fixed point.
    let text = action.text;
    for (let round = 0; round < 3; round++) {
      const again = actionsOn(text, [undefined]).find((a) => a.assist === assist);
      if (!again) break;
      text = again.action.text;
      judge('assist-again', text, assist, again.action.title);
    }
  }
  if (unsafeText !== undefined && unsafeText !== input.text) {
    for (const { assist, action } of actionsOn(unsafeText, [undefined])) judge('assist-after-fix-all', action.text, assist, action.title);
  }
  return { runs, offered: offeredHere.length, splits: offeredHere.filter((a) => a.assist === SPLIT).length, fixed, failures: r.failures };
}

// ---------------------------------------------------------------------------------------------------------------
// Regression fixtures: test/fixtures/fuzz/<kind>-<hash>.<ext>

export const FIXTURE_HEADER = 'fuzz-fixture:';
const EXT: Record<InputKind, string> = { dockerfile: 'dockerfile', requirements: 'txt', toml: 'toml', yaml: 'yaml', json: 'json' };

/** Text that survives a UTF-8 file and git unchanged (no lone surrogates, control bytes or CR), so it can be saved as is. */
function plainText(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text) && !/[\0\r\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f\u0085\u2028\u2029\uFEFF]/.test(text) && text.length < 200_000;
}

/**
 * Saves an input as a fixture and returns its path. Plain Dockerfiles, requirements, TOML and YAML get a one-line
 * `# fuzz-fixture:` header (the replay strips it, so `# escape=` directives still come first); the rest (JSON,
 * control characters, lone surrogates, other project files) go in a `.fuzz.json` wrapper that keeps every code unit.
 */
export function saveFixture(dir: string, input: FuzzInput, header: string): string {
  mkdirSync(dir, { recursive: true });
  const hash = createHash('sha256').update(JSON.stringify([input.kind, input.text, input.files])).digest('hex').slice(0, 12);
  const oneLine = header.replace(/[\r\n]+/g, ' ').slice(0, 300);
  const raw = input.kind !== 'json' && Object.keys(input.files).length === 0 && plainText(input.text);
  const path = join(dir, raw ? `${input.kind}-${hash}.${EXT[input.kind]}` : `${input.kind}-${hash}.fuzz.json`);
  if (raw) writeFileSync(path, `# ${FIXTURE_HEADER} ${oneLine}\n${input.text}`);
  else writeFileSync(path, JSON.stringify({ header: oneLine, kind: input.kind, text: input.text, files: input.files }, null, 1) + '\n');
  return path;
}

export function loadFixture(path: string): FuzzInput {
  const name = path.split('/').pop()!;
  const body = readFileSync(path, 'utf8');
  if (name.endsWith('.fuzz.json')) {
    const o = JSON.parse(body) as { kind: InputKind; text: string; files?: Record<string, string>; header?: string };
    return withCheckSeed({ kind: o.kind, text: o.text, files: o.files ?? {}, label: o.header ?? name });
  }
  const kind = name.split('-')[0] as InputKind;
  const nl = body.indexOf('\n');
  const hasHeader = body.startsWith(`# ${FIXTURE_HEADER}`);
  return withCheckSeed({ kind, text: hasHeader ? body.slice(nl + 1) : body, files: {}, label: hasHeader ? body.slice(2, nl) : name });
}

function withCheckSeed(input: FuzzInput): FuzzInput {
  const m = /\bcheck seed (\d+)/.exec(input.label);
  return m ? { ...input, checkSeed: Number(m[1]) } : input;
}

export function listFixtures(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => /^(dockerfile|requirements|toml|yaml|json)-[0-9a-f]+\./.test(n))
      .sort()
      .map((n) => join(dir, n));
  } catch {
    return [];
  }
}

/** A failure's identity for minimizing: the same kind at the same step. */
function signature(f: Failure): string {
  return `${f.kind} ${f.step}`;
}

/**
 * Shrinks a failing input by removing chunks of lines while the same failure persists (bounded by `budgetMs`), so a
 * saved fixture shows the cause instead of a whole generated file. Slow inputs are not shrunk (each try is slow).
 */
export function minimize(input: FuzzInput, failure: Failure, seed: number, budgetMs: number): FuzzInput {
  if (failure.kind === 'slow') return input;
  const sig = signature(failure);
  let files = input.files;
  const stillFails = (text: string, f = files): boolean => checkInput({ ...input, text, files: f }, seed).failures.some((x) => signature(x) === sig);
  const deadline = performance.now() + budgetMs;
  for (const path of Object.keys(files)) {
    if (performance.now() > deadline) break;
    const { [path]: _dropped, ...rest } = files;
    if (stillFails(input.text, rest)) files = rest;
  }
  let lines = input.text.split('\n');
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && performance.now() < deadline; chunk >>= 1) {
    for (let i = 0; i < lines.length && performance.now() < deadline; ) {
      const next = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (next.length < lines.length && stillFails(next.join('\n'))) lines = next;
      else i += chunk;
    }
  }
  return { ...input, text: lines.join('\n'), files };
}

// ---------------------------------------------------------------------------------------------------------------
// The command

interface Options {
  seed: number;
  seconds: number;
  count: number;
  index?: number;
  fixtures: string;
  save: boolean;
  /** With --index: print the input and what fix-all makes of it. */
  show: boolean;
  /** Judge every rewrite by the independent oracle instead of the robustness checks (generateDockerfileInput). */
  oracle: boolean;
  /** With --oracle: judge these saved fixtures instead of generated inputs. */
  replay: string[];
}

function parseArgs(argv: readonly string[]): Options {
  const opts: Options = { seed: Date.now() % 2 ** 31, seconds: 60, count: Infinity, fixtures: join(process.cwd(), 'test', 'fixtures', 'fuzz'), save: true, show: false, oracle: false, replay: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = (): string => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--seed')) opts.seed = Number(value()) >>> 0;
    else if (a.startsWith('--seconds')) opts.seconds = Number(value());
    else if (a.startsWith('--count')) opts.count = Number(value());
    else if (a.startsWith('--index')) opts.index = Number(value());
    else if (a.startsWith('--fixtures')) opts.fixtures = value();
    else if (a === '--no-save') opts.save = false;
    else if (a === '--show') opts.show = true;
    else if (a === '--oracle') opts.oracle = true;
    else if (a.startsWith('--replay')) opts.replay.push(value());
    else if (a === '--help' || a === '-h') {
      process.stdout.write('npm run fuzz -- [--seed N] [--seconds S] [--count N] [--index I (one input only)] [--show (with --index: print the input and its fix-all result)] [--no-save] [--fixtures DIR] [--oracle (the rewrite contract, judged by the independent oracle, over generated Dockerfiles)] [--replay FIXTURE (with --oracle, repeatable)]\n');
      process.exit(0);
    } else throw new Error(`unknown option ${a}`);
  }
  return opts;
}

function show(input: FuzzInput): void {
  const out = process.stdout;
  out.write(`--- input (${input.kind}, ${input.label}):\n${input.text}\n`);
  for (const [p, t] of Object.entries(input.files)) out.write(`--- ${p}:\n${t}\n`);
  const kind = lintKind(input.kind);
  if (!kind) return;
  const request = { kind, path: kind === 'dockerfile' ? DOCKERFILE_PATH : REQUIREMENTS_PATH, files: memoryFiles(input.files), shellcheck: false } as const;
  for (const unsafe of [false, true]) {
    const res = fixAll(input.text, request, { unsafe });
    out.write(`--- fix-all${unsafe ? ' (unsafe too)' : ''}: ${res.applied.map((a) => `${a.code} ${a.title}`).join('; ')}\n${res.text}\n`);
  }
}

interface Worst {
  ms: number;
  index: number;
  label: string;
}

async function main(): Promise<void> {
  const opts = parseArgs(process.argv.slice(2));
  await initRuntime();
  if (opts.oracle) return oracleMain(opts);
  const out = process.stdout;
  out.write(`Layerwise fuzz — seed ${opts.seed}, budget ${opts.seconds} s${Number.isFinite(opts.count) ? `, at most ${opts.count} inputs` : ''} (reproduce: npm run fuzz -- --seed ${opts.seed} --index I)\n`);
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  const byKind = new Map<string, number>();
  const failuresByKind = new Map<string, number>();
  const worst = new Map<string, Worst>();
  const total = new Map<string, number>();
  const seen = new Set<string>();
  const saved: string[] = [];
  let inputs = 0;
  const indices = opts.index !== undefined ? [opts.index] : undefined;
  for (let index = indices ? indices[0]! : 0; ; index++) {
    if (indices ? index !== indices[0] : inputs >= opts.count || performance.now() > deadline) break;
    // Big inputs take seconds each: only while a good part of the budget is left.
    const big = indices !== undefined || deadline - performance.now() > 30_000;
    const input = generateInput(opts.seed, index, { big });
    const seed = inputSeed(opts.seed, index);
    const res = checkInput(input, seed);
    inputs++;
    if (opts.show) show(input);
    byKind.set(input.kind, (byKind.get(input.kind) ?? 0) + 1);
    for (const t of res.timings) {
      const step = t.step.replace(/:apply$|:reparse$/, '');
      total.set(step, (total.get(step) ?? 0) + t.ms);
      const w = worst.get(step);
      if (!w || t.ms > w.ms) worst.set(step, { ms: t.ms, index, label: input.label });
    }
    for (const f of res.failures) {
      const key = `${f.kind} ${f.step}`;
      failuresByKind.set(key, (failuresByKind.get(key) ?? 0) + 1);
      const first = `${key} ${f.message.split('\n')[0]}`;
      if (seen.has(first)) continue;
      seen.add(first);
      out.write(`\nFAIL #${index} (${input.label}, ${input.text.length} chars) ${f.kind} in ${f.step}: ${f.message}\n`);
      if (opts.save) {
        const small = minimize(input, f, seed, 20_000);
        const path = saveFixture(opts.fixtures, small, `seed ${opts.seed} index ${index} (check seed ${seed}): ${f.kind} in ${f.step}: ${f.message.split('\n')[0]}`);
        saved.push(path);
        out.write(`  saved ${path} (${small.text.length} chars)\n`);
      }
    }
    if (inputs % 500 === 0) out.write(`… ${inputs} inputs, ${((performance.now() - start) / 1000).toFixed(0)} s\n`);
  }
  if (configDir) rmSync(configDir, { recursive: true, force: true });
  const secs = (performance.now() - start) / 1000;
  out.write(`\n${inputs} inputs in ${secs.toFixed(1)} s (${[...byKind].map(([k, n]) => `${k} ${n}`).join(', ')}), seed ${opts.seed}\n`);
  out.write(`failures: ${failuresByKind.size === 0 ? 'none' : ''}\n`);
  for (const [k, n] of [...failuresByKind].sort((a, b) => b[1] - a[1])) out.write(`  ${String(n).padStart(6)}  ${k}\n`);
  out.write('worst time per call (ms), total time (s), input index of the worst, what it was:\n');
  for (const [step, w] of [...worst].sort((a, b) => b[1].ms - a[1].ms)) out.write(`  ${w.ms.toFixed(1).padStart(9)}  ${((total.get(step) ?? 0) / 1000).toFixed(1).padStart(7)}  ${step.padEnd(34)} #${w.index} (${w.label})\n`);
  if (saved.length) out.write(`fixtures saved: ${saved.length}\n`);
  process.exitCode = failuresByKind.size ? 1 : 0;
}

/** A violation's identity for minimizing and for the report. */
function oracleSignature(run: OracleRun, v: Violation): string {
  return `${run.step}${run.assist ? ` ${run.assist}` : ''} ${v.kind}`;
}

/** Shrinks an input by dropping lines while the oracle still finds a violation of the same signature. */
export function minimizeOracle(input: FuzzInput, sig: string, budgetMs: number): FuzzInput {
  const still = (text: string): boolean => oracleCheck({ ...input, text }).runs.some((run) => run.violations.some((v) => oracleSignature(run, v) === sig));
  const deadline = performance.now() + budgetMs;
  const eol = input.text.includes('\r\n') ? '\r\n' : '\n';
  let lines = input.text.split(eol);
  for (let chunk = Math.max(1, lines.length >> 1); chunk >= 1 && performance.now() < deadline; chunk >>= 1) {
    for (let i = 0; i < lines.length && performance.now() < deadline; ) {
      const next = [...lines.slice(0, i), ...lines.slice(i + chunk)];
      if (next.length < lines.length && still(next.join(eol))) lines = next;
      else i += chunk;
    }
  }
  return { ...input, text: lines.join(eol) };
}

/** `--oracle`: the three "Done when" counts of issue 13 over generated Dockerfiles, and every violation class. */
function oracleMain(opts: Options): void {
  const out = process.stdout;
  out.write(`Layerwise rewrite contract (oracle) — seed ${opts.seed}, budget ${opts.seconds} s${Number.isFinite(opts.count) ? `, at most ${opts.count} inputs` : ''} (reproduce: node out/tools/fuzz.js --oracle --seed ${opts.seed} --index I --show)\n`);
  const start = performance.now();
  const deadline = start + opts.seconds * 1000;
  let inputs = 0;
  let offered = 0;
  let splitOffered = 0;
  let fixAllRuns = 0;
  let splitRuns = 0;
  let fixAllParse = 0;
  let fixAllStage = 0;
  let splitLost = 0;
  let failures = 0;
  const byClass = new Map<string, number>();
  const seen = new Set<string>();
  const saved: string[] = [];
  const replay = opts.replay.map(loadFixture);
  for (let index = opts.index ?? 0; ; index++) {
    if (replay.length ? index >= replay.length : opts.index !== undefined ? index !== opts.index : inputs >= opts.count || performance.now() > deadline) break;
    const input = replay.length ? replay[index]! : generateDockerfileInput(opts.seed, index);
    const res = oracleCheck(input);
    inputs++;
    if (res.offered) offered++;
    if (res.splits) splitOffered++;
    if (opts.show) {
      out.write(`--- input #${index} (${input.label}):\n${input.text}\n`);
      for (const [p, t] of Object.entries(input.files)) out.write(`--- ${p}:\n${t}\n`);
    }
    for (const f of res.failures) {
      failures++;
      out.write(`\nFAIL #${index} (${input.label}) ${f.kind} in ${f.step}: ${f.message.split('\n')[0]}\n`);
    }
    for (const run of res.runs) {
      const fixAllStep = run.step === 'fix-all' || run.step === 'fix-all-unsafe';
      const isSplit = run.assist === 'split-into-builder-stage';
      if (fixAllStep) fixAllRuns++;
      if (isSplit) splitRuns++;
      if (fixAllStep && run.violations.some((v) => v.kind === 'parse-problem')) fixAllParse++;
      if (fixAllStep && run.violations.some((v) => v.kind === 'lost-stage')) fixAllStage++;
      if (isSplit && run.violations.some((v) => v.kind === 'lost-instruction')) splitLost++;
      for (const v of run.violations) {
        const sig = oracleSignature(run, v);
        byClass.set(sig, (byClass.get(sig) ?? 0) + 1);
        if (opts.show) out.write(`  ${sig}: ${v.message}\n--- after ${sig}:\n${run.text}\n---\n`);
        const first = `${sig} ${v.message.replace(/\d+/g, 'N').slice(0, 60)}`;
        if (seen.has(first)) continue;
        seen.add(first);
        out.write(`\nVIOLATION #${index} (${input.label}) ${sig}${run.title ? ` "${run.title}"` : ''}: ${v.message}\n`);
        if (opts.save) {
          const small = minimizeOracle(input, sig, 20_000);
          const path = saveFixture(opts.fixtures, small, `oracle seed ${opts.seed} index ${index}: ${sig}: ${v.message}`);
          saved.push(path);
          out.write(`  saved ${path} (${small.text.length} chars)\n`);
        }
      }
    }
    if (inputs % 1000 === 0) out.write(`… ${inputs} inputs, ${((performance.now() - start) / 1000).toFixed(0)} s\n`);
  }
  const secs = (performance.now() - start) / 1000;
  const pct = (n: number): string => `${((100 * n) / Math.max(1, inputs)).toFixed(1)}%`;
  out.write(`\n${inputs} generated Dockerfiles in ${secs.toFixed(1)} s, seed ${opts.seed}\n`);
  out.write(`rewrites offered (an assist) on ${offered} (${pct(offered)}); the split on ${splitOffered} (${pct(splitOffered)})\n`);
  out.write(`fix-all runs that add parse errors: ${fixAllParse} of ${fixAllRuns}\n`);
  out.write(`fix-all runs that lose a stage:     ${fixAllStage} of ${fixAllRuns}\n`);
  out.write(`splits that lose an instruction:    ${splitLost} of ${splitRuns}\n`);
  out.write(`harness failures (throws, slow calls): ${failures}\n`);
  out.write(`violations by class: ${byClass.size === 0 ? 'none' : ''}\n`);
  for (const [k, n] of [...byClass].sort((a, b) => b[1] - a[1])) out.write(`  ${String(n).padStart(6)}  ${k}\n`);
  if (saved.length) out.write(`fixtures saved: ${saved.length}\n`);
  process.exitCode = fixAllParse + fixAllStage + splitLost + byClass.size + failures ? 1 : 0;
}

if (require.main === module && /fuzz\.js$/.test(process.argv[1] ?? '')) void main();
