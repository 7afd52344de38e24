// One problem, one finding: no two codes report the exact same range on any Dockerfile fixture unless they name different faults, and the engine's same-fault table keeps one finding of each pair.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { lintText } from '../../../server/src/core/index';
import { SAME_FAULT } from '../../../server/src/core/engine';
import { defaultConfig, mergeConfig, type LayerwiseConfig } from '../../../server/src/core/config';
import { memoryFiles } from '../../../server/src/core/project';
import { DOCKERFILE_RULES } from '../../../server/src/core/rules/registry';
import { LineIndex } from '../../../server/src/core/text';
import type { Finding } from '../../../server/src/core/types';
import { initRuntime } from '../../../server/src/node/runtime';

const ROOT = resolve(__dirname, '..', '..', '..', '..');

/**
 * Pairs of codes (in code order, joined by ` + `) that may share a range because they name different faults of
 * the same token. A pair that says the same thing belongs in the engine's SAME_FAULT table instead.
 */
const DIFFERENT_FAULTS: Readonly<Record<string, string>> = {
  'DL3002 + DL3066': 'the last USER is root (privilege) vs a USER given by name instead of numbers (resolution by orchestrators)',
  'DL3006 + LW007': 'the base image has no tag vs the final stage built on it runs as root',
  'DL3006 + LW011': 'the base image has no tag vs the Python image never sets PYTHONUNBUFFERED',
  'DL3018 + LW003': 'an apk package without a version pin vs a build-only (-dev) package left in the final image',
  'DL3014 + DL3015': 'apt-get install without -y (the build hangs or fails) vs without --no-install-recommends (extra packages)',
  'DL3021 + DL3045': 'a COPY of several sources to a destination without a trailing / vs a relative destination with no WORKDIR set',
  'DL3034 + DL3036': 'zypper without --non-interactive (the build hangs) vs no zypper clean after it (cache left in the layer)',
  'DL3043 + DL4000': 'MAINTAINER is not allowed as an ONBUILD trigger vs MAINTAINER is deprecated everywhere',
  'DL3047 + DL4001': 'wget without --progress floods the log vs the file uses both wget and curl',
  'DL3061 + MaintainerDeprecated': 'an instruction before the first FROM vs MAINTAINER is deprecated',
  'DL4003 + LW007': 'an earlier CMD is overridden vs the final stage runs as root (reported at its command)',
  'DL4004 + LW007': 'an earlier ENTRYPOINT is overridden vs the final stage runs as root (reported at its command)',
  'LW002 + UndefinedArgInFrom': 'the tag `${PY:-3.11}` names a variable no ARG declares vs the full image its default resolves to',
  'ConsistentInstructionCasing + LW007': 'a keyword written in the other case vs the final stage runs as root (reported at its command)',
  'InvalidDefaultArgInFrom + UndefinedArgInFrom': 'the FROM has no valid default image vs it names an ARG never declared (BuildKit reports both)',
  'InvalidDefaultArgInFrom + LW007': 'the FROM has no valid default image vs the final stage built on it runs as root',
  'LW007 + UndefinedArgInFrom': 'the final stage runs as root vs its FROM names an ARG never declared',
  'LW007 + LW011': 'the final stage runs as root vs it never sets PYTHONUNBUFFERED (both hints at the base image)',
  'DL3009 + LW004': 'the apt lists are left in the layer vs apt-get update runs in a RUN of its own, so a cached layer serves stale lists to later installs',
  'DL3042 + LW009': "pip keeps its download cache in the layer vs a package with no musl wheel is compiled on Alpine (a compiler and minutes of build)",
  'LW001 + LW010': 'the context is copied before the dependency install (cache order) vs the ignore file lets Python clutter into it',
};

interface Input {
  name: string;
  text: string;
  path: string;
  files: Record<string, string>;
}

function walk(dir: string, out: string[]): void {
  for (const n of readdirSync(dir)) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** The fixture's folder as project files under `/ctx`, as `npm run counts` reads it (server/src/tools/finding-counts.ts). */
function folderFiles(dir: string): Record<string, string> {
  const all: string[] = [];
  walk(dir, all);
  const out: Record<string, string> = {};
  for (const f of all) if (statSync(f).size < 1_000_000) out[`/ctx/${relative(dir, f).split(sep).join('/')}`] = readFileSync(f, 'utf8');
  return out;
}

/** Every Dockerfile of examples/ and test/fixtures, and the Dockerfiles of hadolint's and BuildKit's conformance cases. */
function inputs(): Input[] {
  const out: Input[] = [];
  for (const top of ['examples', join('test', 'fixtures')]) {
    const all: string[] = [];
    walk(join(ROOT, top), all);
    for (const f of all) {
      const base = f.split(sep).pop()!;
      if (!/^(docker|container)file/i.test(base) && !/\.(docker|container)file$/i.test(base)) continue;
      out.push({ name: relative(ROOT, f).split(sep).join('/'), text: readFileSync(f, 'utf8'), path: `/ctx/${base}`, files: folderFiles(dirname(f)) });
    }
  }
  const conformance = join(ROOT, 'test', 'fixtures', 'conformance');
  const hadolint = JSON.parse(readFileSync(join(conformance, 'hadolint-cases.json'), 'utf8')) as { cases: { id: string; dockerfile: string }[] };
  const buildkit = JSON.parse(readFileSync(join(conformance, 'buildkit-cases.json'), 'utf8')) as {
    cases: { id: string; dockerfile: string; dockerignore?: string }[];
    doc_examples: { id: string; dockerfile: string; dockerignore?: string }[];
  };
  for (const c of hadolint.cases) out.push({ name: c.id, text: c.dockerfile, path: '/ctx/Dockerfile', files: {} });
  for (const c of [...buildkit.cases, ...buildkit.doc_examples]) {
    out.push({ name: c.id, text: c.dockerfile, path: '/ctx/Dockerfile', files: c.dockerignore !== undefined ? { '/ctx/.dockerignore': c.dockerignore } : {} });
  }
  return out;
}

// Pragmas off: a duplicate must not hide behind a `# hadolint ignore=` or `# check=skip=` that one fixture happens to carry.
const CONFIG: LayerwiseConfig = mergeConfig(defaultConfig(), { disableIgnorePragma: true });

function lint(text: string, over: Partial<LayerwiseConfig> = {}, path = '/ctx/Dockerfile', files: Record<string, string> = {}): Finding[] {
  return lintText(text, { kind: 'dockerfile', config: mergeConfig(CONFIG, over), files: memoryFiles(files), path, shellcheck: false, today: new Date('2026-12-01') }).findings;
}

const pairKey = (a: string, b: string): string => [a, b].sort((x, y) => x.localeCompare(y)).join(' + ');

before(async () => initRuntime());

describe('no duplicate findings on the fixtures', () => {
  test('no two codes report the same range unless the pair names different faults', () => {
    const unexplained = new Map<string, string[]>();
    for (const input of inputs()) {
      const byRange = new Map<string, Set<string>>();
      for (const f of lint(input.text, {}, input.path, input.files)) {
        const at = `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;
        byRange.set(at, (byRange.get(at) ?? new Set()).add(f.code));
      }
      for (const [at, set] of byRange) {
        const codes = [...set];
        for (let i = 0; i < codes.length; i++) {
          for (let j = i + 1; j < codes.length; j++) {
            const key = pairKey(codes[i]!, codes[j]!);
            if (DIFFERENT_FAULTS[key] === undefined) unexplained.set(key, [...(unexplained.get(key) ?? []), `${input.name}@${at}`]);
          }
        }
      }
    }
    const report = [...unexplained].map(([k, where]) => `${k} (${where.length}×, e.g. ${where.slice(0, 3).join(', ')})`);
    assert.deepEqual(report, [], 'a pair that names one fault goes into SAME_FAULT (server/src/core/engine.ts); one that names two gets a reason in DIFFERENT_FAULTS');
  });

  test('a same-fault pair is never also listed as two different faults', () => {
    assert.deepEqual(
      SAME_FAULT.map(([a, b]) => pairKey(a, b)).filter((k) => DIFFERENT_FAULTS[k] !== undefined),
      [],
    );
  });

  test('every code of a same-fault pair is registered and its docs name the other code', () => {
    const problems: string[] = [];
    for (const [keep, drop] of SAME_FAULT) {
      for (const [code, other] of [[keep, drop], [drop, keep]] as const) {
        const rule = DOCKERFILE_RULES.find((r) => r.meta.code === code);
        if (!rule) problems.push(`${code} is not registered`);
        else if (!(rule.meta.docs.divergences ?? '').includes(other)) problems.push(`${code}: docs divergences do not mention ${other}`);
      }
    }
    assert.deepEqual(problems, []);
  });
});

/** Each finding as `code@covered text`, for hand-written expectations. */
function shown(text: string, over: Partial<LayerwiseConfig> = {}, only: readonly string[] = ['DL3064', 'SecretsUsedInArgOrEnv']): string[] {
  const lines = new LineIndex(text);
  return lint(text, over)
    .filter((f) => only.includes(f.code))
    .map((f) => `${f.code}@${lines.slice(f.range)}:${f.severity}`);
}

describe('one finding per secret variable', () => {
  test('a variable both rules judge a secret is reported once, by SecretsUsedInArgOrEnv', () => {
    assert.deepEqual(shown('FROM python:3.12-slim\nARG GITHUB_TOKEN\nENV DB_PASSWORD=hunter2 API_KEY=k\n'), [
      'SecretsUsedInArgOrEnv@GITHUB_TOKEN:warning',
      'SecretsUsedInArgOrEnv@DB_PASSWORD:warning',
      'SecretsUsedInArgOrEnv@API_KEY:warning',
    ]);
  });

  test('a variable only DL3064 judges a secret is reported by DL3064', () => {
    // `PGPASSWORD` has no word `password` for BuildKit; DL3064 finds it run together.
    assert.deepEqual(shown('FROM python:3.12-slim\nENV PGPASSWORD=hunter2\n'), ['DL3064@PGPASSWORD:warning']);
  });

  test('DL3064 speaks when BuildKit checks are deferred or SecretsUsedInArgOrEnv is off', () => {
    const text = 'FROM python:3.12-slim\nARG apiToken\n';
    assert.deepEqual(shown(text, { defer: ['buildkit'] }), ['DL3064@apiToken:warning']);
    assert.deepEqual(shown(text, { rules: { SecretsUsedInArgOrEnv: 'off' } }), ['DL3064@apiToken:warning']);
  });

  test('a pragma that names either code silences the variable; # check=skip=all leaves DL3064 speaking', () => {
    const pragmas = { disableIgnorePragma: false };
    assert.deepEqual(shown('FROM python:3.12-slim\n# check=skip=SecretsUsedInArgOrEnv\nENV DB_PASSWORD=x\nENV API_KEY=k\n', pragmas), ['SecretsUsedInArgOrEnv@API_KEY:warning']);
    assert.deepEqual(shown('FROM python:3.12-slim\n# hadolint ignore=DL3064\nARG GITHUB_TOKEN\nARG NPM_TOKEN\n', pragmas), ['SecretsUsedInArgOrEnv@NPM_TOKEN:warning']);
    assert.deepEqual(shown('# check=skip=all\nFROM python:3.12-slim\nARG GITHUB_TOKEN\n', pragmas), ['DL3064@GITHUB_TOKEN:warning']);
  });

  test('the finding kept takes the more severe level of the two', () => {
    assert.deepEqual(shown('FROM python:3.12-slim\nARG NPM_TOKEN\n', { rules: { DL3064: 'error' } }), ['SecretsUsedInArgOrEnv@NPM_TOKEN:error']);
  });

  test('switches and TOKEN inside another word are reported by neither rule', () => {
    assert.deepEqual(shown('FROM python:3.12-slim\nENV TIKTOKEN_CACHE_DIR=/tmp/tk TIKTOKEN_ENCODING_NAME=cl100k_base HF_USE_ID_TOKEN=true HF_TOKEN_ENABLED=1\n'), []);
  });

  test('the middle of three CMDs is reported once, by MultipleInstructionsDisallowed; DL4003 keeps the last', () => {
    const text = 'FROM python:3.12-slim\nUSER 1000\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\n';
    const lines = text.split('\n');
    const found = lint(text).filter((f) => f.code === 'DL4003' || f.code === 'MultipleInstructionsDisallowed').map((f) => `${f.code}@${lines[f.range.start.line]}`);
    assert.deepEqual(found, ['MultipleInstructionsDisallowed@CMD ["a"]', 'MultipleInstructionsDisallowed@CMD ["b"]', 'DL4003@CMD ["c"]']);
  });

  test('a shell-form CMD is reported once, by JSONArgsRecommended', () => {
    assert.deepEqual(shown('FROM python:3.12-slim\nCMD gunicorn app:app\n', {}, ['DL3025', 'JSONArgsRecommended']), ['JSONArgsRecommended@gunicorn app:app:warning']);
  });
});

describe('one finding per build-only apt package', () => {
  test('the finding kept names the code it speaks for (alsoCodes), so hadolint users find DL3008', () => {
    const f = lint('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc curl && rm -rf /var/lib/apt/lists/*\n');
    assert.deepEqual(f.filter((x) => x.code === 'LW003').map((x) => x.alsoCodes), [['DL3008']]);
    assert.deepEqual(f.filter((x) => x.code === 'DL3008').map((x) => x.alsoCodes), [undefined]);
  });

  test('a build-only package left in the image is reported by LW003 only; an ordinary unpinned package by DL3008', () => {
    assert.deepEqual(
      shown('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc curl && rm -rf /var/lib/apt/lists/*\n', {}, ['DL3008', 'LW003']),
      ['LW003@gcc:warning', 'DL3008@curl:warning'],
    );
  });

  test('DL3008 speaks for a build-only package when LW003 is off, or when the same RUN removes it again', () => {
    assert.deepEqual(shown('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && rm -rf /var/lib/apt/lists/*\n', { rules: { LW003: 'off' } }, ['DL3008', 'LW003']), ['DL3008@gcc:warning']);
    assert.deepEqual(
      shown('FROM python:3.12-slim\nRUN apt-get update && apt-get install -y gcc && make && apt-get purge -y gcc && rm -rf /var/lib/apt/lists/*\n', {}, ['DL3008', 'LW003']),
      ['DL3008@gcc:warning'],
    );
  });
});
