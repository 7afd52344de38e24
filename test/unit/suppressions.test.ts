// Pragmas end to end through the engine: hadolint's and Layerwise's ignore comments, BuildKit's `# check=skip=`, and the setting that turns them off.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText } from '../../server/src/core/index';
import { defaultConfig, mergeConfig } from '../../server/src/core/config';
import { memoryFiles } from '../../server/src/core/project';
import { initRuntime } from '../../server/src/node/runtime';

before(async () => initRuntime());

const FILES = memoryFiles({ '/ctx/.dockerignore': '.git\n.venv\nvenv\n**/__pycache__\n**/*.pyc\n.env\n.pytest_cache\n.mypy_cache\nnode_modules\n' });

/** Codes reported, as `CODE@line` (1-based), for the rules under test. */
function codes(text: string, only: string[], config = defaultConfig()): string[] {
  return lintText(text, { kind: 'dockerfile', config, files: FILES, path: '/ctx/Dockerfile', today: new Date('2026-11-29') })
    .findings.filter((f) => only.includes(f.code))
    .map((f) => `${f.code}@${f.range.start.line + 1}`);
}

const BODY = 'FROM python:3.12\nRUN apt-get update && apt-get install -y --no-install-recommends gcc && rm -rf /var/lib/apt/lists/*\nUSER 10001\n';

test('baseline: both findings are there without pragmas', () => {
  assert.deepEqual(codes(BODY, ['LW002', 'LW003']), ['LW002@1', 'LW003@2']);
});

test('# hadolint ignore= silences the next instruction only', () => {
  const text = 'FROM python:3.12\n# hadolint ignore=LW003\nRUN apt-get install -y gcc\nRUN apt-get install -y make\n';
  assert.deepEqual(codes(text, ['LW003']), ['LW003@4']);
});

test('# hadolint ignore= covers every line of a continued instruction', () => {
  const text = 'FROM python:3.12\n# hadolint ignore=LW003\nRUN apt-get install -y \\\n    gcc \\\n    make\n';
  assert.deepEqual(codes(text, ['LW003']), []);
});

test('# hadolint global ignore= silences the whole file, wherever it stands', () => {
  const text = `${BODY}# hadolint global ignore=LW002,LW003\n`;
  assert.deepEqual(codes(text, ['LW002', 'LW003']), []);
});

test('# layerwise ignore= accepts codes and rule names, case-insensitively', () => {
  const text = '# layerwise ignore=Python-Base-Not-Slim\nFROM python:3.12\n# LAYERWISE ignore=lw003\nRUN apt-get install -y gcc\n';
  assert.deepEqual(codes(text, ['LW002', 'LW003']), []);
});

test('# layerwise global ignore= silences the whole file', () => {
  assert.deepEqual(codes(`# layerwise global ignore=build-packages-left-in-image\n${BODY}`, ['LW002', 'LW003']), ['LW002@2']);
});

test('BuildKit # check=skip= in the directive block skips the named checks', () => {
  assert.deepEqual(codes(`# check=skip=LW002\n${BODY}`, ['LW002', 'LW003']), ['LW003@3']);
});

test('a pragma for one code leaves other codes on the same instruction', () => {
  const text = 'FROM python:3.12\n# hadolint ignore=DL3015\nRUN apt-get install -y gcc\n';
  assert.deepEqual(codes(text, ['DL3015', 'LW003']), ['LW003@3']);
});

test('a pragma naming either code of a same-fault pair silences the fault (DL3008 for a build package LW003 reports)', () => {
  const text = 'FROM python:3.12\n# hadolint ignore=DL3008\nRUN apt-get install -y gcc\n';
  assert.deepEqual(codes(text, ['DL3008', 'LW003']), []);
});

test('a hadolint pragma applies only to the line right below it, as in hadolint', () => {
  const text = 'FROM python:3.12\n# hadolint ignore=LW003\n\nRUN apt-get install -y gcc\n# hadolint ignore=LW003\n# why: needed\nRUN apt-get install -y make\n';
  assert.deepEqual(codes(text, ['LW003']), ['LW003@4', 'LW003@7']);
});

test('a Layerwise pragma applies to the next instruction across blank and comment lines', () => {
  const text = 'FROM python:3.12\n# layerwise ignore=LW003\n\n# why: needed\nRUN apt-get install -y gcc\n';
  assert.deepEqual(codes(text, ['LW003']), []);
});

test('disableIgnorePragma (hadolint\'s disable-ignore-pragma) keeps every finding', () => {
  const text = `# hadolint global ignore=LW002\n${BODY}`;
  assert.deepEqual(codes(text, ['LW002'], mergeConfig(defaultConfig(), { disableIgnorePragma: true })), ['LW002@2']);
});

test('a finding reported at the COPY source is silenced by a pragma above the COPY', () => {
  const text = 'FROM python:3.12-slim\n# layerwise ignore=LW001\nCOPY . .\nRUN pip install --no-cache-dir -r requirements.txt\n';
  assert.deepEqual(codes(text, ['LW001']), []);
});
