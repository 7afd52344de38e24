// A short, fixed-seed run of the fuzz harness (`npm run fuzz`): generated inputs lint, fix, estimate and refactor without a failure.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkInput, generateInput, inputSeed } from '../../../server/src/tools/fuzz';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

const SEED = 20261203;
const COUNT = 300;

test(`${COUNT} generated Dockerfiles, requirements and config files (seed ${SEED}) pass every fuzz check`, () => {
  const failures: string[] = [];
  const kinds = new Set<string>();
  for (let index = 0; index < COUNT; index++) {
    // Big inputs (1 MB lines, 20,000-line files) take seconds each: the long run covers them.
    const input = generateInput(SEED, index, { big: false });
    kinds.add(input.kind);
    for (const f of checkInput(input, inputSeed(SEED, index)).failures) {
      failures.push(`#${index} (${input.label}) ${f.kind} in ${f.step}: ${f.message.split('\n')[0]} — npm run fuzz -- --seed ${SEED} --index ${index} --show`);
    }
  }
  // The generator reaches every kind of input, so the run is not vacuous.
  assert.deepEqual([...kinds].sort(), ['dockerfile', 'json', 'requirements', 'toml', 'yaml']);
  assert.deepEqual(failures, []);
});
