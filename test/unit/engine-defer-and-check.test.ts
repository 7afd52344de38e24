// Coexistence (`defer`) and BuildKit's `# check=` directive as the engine applies them to findings.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { buildDockerfileModel } from '../../server/src/core/model/dockerfile';
import { lintDockerfileWith } from '../../server/src/core/engine';
import { defaultConfig, mergeConfig, readConfigObject, type LayerwiseConfig } from '../../server/src/core/config';
import { parseCheckValue } from '../../server/src/core/suppressions';
import { DOCKERFILE_RULES } from '../../server/src/core/rules/registry';
import { initRuntime } from '../../server/src/node/runtime';

function codes(text: string, over: Partial<LayerwiseConfig> = {}): string[] {
  const config = mergeConfig(defaultConfig(), over);
  return lintDockerfileWith(DOCKERFILE_RULES, buildDockerfileModel(text), { config }).map((f) => `${f.code}@${f.range.start.line + 1}:${f.severity}`);
}

const BUILDKIT = new Set(DOCKERFILE_RULES.filter((r) => r.meta.origin === 'buildkit').map((r) => r.meta.code));
const isBuildkit = (c: string): boolean => BUILDKIT.has(c.split('@')[0]!);

const BOTH = 'FROM python:3.12-slim\nMAINTAINER me@example.org\n';

describe('defer and # check=', () => {
  before(async () => initRuntime());

  test('MAINTAINER is reported once, by BuildKit\'s MaintainerDeprecated (same fault as DL4000), and by DL4000 when BuildKit is deferred', () => {
    const all = codes(BOTH);
    assert.ok(!all.some((c) => c.startsWith('DL4000@2')) && all.some((c) => c.startsWith('MaintainerDeprecated@2')), all.join(', '));
    const noBuildkit = codes(BOTH, { defer: ['buildkit'] });
    assert.ok(noBuildkit.some((c) => c.startsWith('DL4000@2')) && !noBuildkit.some((c) => c.startsWith('MaintainerDeprecated')), noBuildkit.join(', '));
    const noHadolint = codes(BOTH, { defer: ['hadolint'] });
    assert.ok(!noHadolint.some((c) => c.startsWith('DL')) && noHadolint.some((c) => c.startsWith('MaintainerDeprecated@2')), noHadolint.join(', '));
  });

  test('a deferred origin wins over an explicit severity', () => {
    assert.ok(!codes(BOTH, { defer: ['buildkit'], rules: { MaintainerDeprecated: 'error' } }).some((c) => c.startsWith('MaintainerDeprecated')));
  });

  test('defer is read from settings, unknown origins are reported', () => {
    const r = readConfigObject({ defer: ['buildkit', 'docker'], buildkitCheck: 'skip=all' });
    assert.deepEqual(r.config.defer, ['buildkit']);
    assert.equal(r.config.buildkitCheck, 'skip=all');
    assert.equal(r.problems.length, 1);
  });

  test('# check=skip=all silences BuildKit checks only, not hadolint or Layerwise rules', () => {
    const found = codes(`# check=skip=all\n${BOTH}`);
    assert.ok(!found.some((c) => c.startsWith('MaintainerDeprecated')) && found.some((c) => c.startsWith('DL4000')), found.join(', '));
  });

  test('# check=skip names rules case-insensitively with blanks; error=true raises BuildKit findings to errors', () => {
    const text = '# check = skip = JSONArgsRecommended , maintainerdeprecated ; error = TRUE\nFROM alpine AS Build\nMAINTAINER me\nCMD run\n';
    const found = codes(text).filter(isBuildkit);
    assert.deepEqual(found, ['StageNameCasing@2:error']);
  });

  test('a # check=skip comment below the top silences only the next instruction', () => {
    const text = 'FROM alpine\n# check=skip=JSONArgsRecommended // on purpose\nCMD run\nENTRYPOINT run\n';
    assert.deepEqual(codes(text).filter((c) => c.startsWith('JSON')), ['JSONArgsRecommended@4:warning']);
  });

  test('skip=all does not switch off an experimental check the directive enables', () => {
    const text = '# check=skip=all;experimental=InvalidDefinitionDescription\n# nonsense\nARG X=1\nFROM alpine as b\n';
    assert.deepEqual(codes(text).filter(isBuildkit), ['InvalidDefinitionDescription@3:warning']);
  });

  test('buildkitCheck (BUILDKIT_DOCKERFILE_CHECK) replaces the file\'s directive', () => {
    const text = '#check=skip=all\nFROM scratch as base\n';
    assert.deepEqual(codes(text, { buildkitCheck: 'error=true' }).filter((c) => c.startsWith('FromAs')), ['FromAsCasing@2:error']);
  });

  test('parseCheckValue ignores a trailing comment and empty names', () => {
    assert.deepEqual(parseCheckValue('skip=A,,B // because'), { skip: ['a', 'b'], experimental: [] });
    assert.deepEqual(parseCheckValue('experimental=all;error=false'), { skip: [], experimental: ['all'], error: false });
  });
});
