// Replays every input the fuzz harness saved under test/fixtures/fuzz through the same checks: a fixed crash stays fixed.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { checkInput, listFixtures, loadFixture } from '../../../server/src/tools/fuzz';
import { initRuntime } from '../../../server/src/node/runtime';

const ROOT = join(__dirname, '..', '..', '..', '..');
const DIR = join(ROOT, 'test', 'fixtures', 'fuzz');

/**
 * Fixtures whose failure is in code another change is rewriting (issue 18): reported as todo, so they show in the
 * run until that change lands; delete the entry then, and the fixture guards the fix.
 */
const OPEN: Record<string, string> = {
};

before(async () => initRuntime());

test('the fuzz fixture folder holds saved inputs', () => {
  assert.ok(listFixtures(DIR).length > 0, `no fixtures in ${DIR}`);
});

for (const path of listFixtures(DIR)) {
  const name = path.split('/').pop()!;
  test(`fuzz fixture ${name} passes every check`, OPEN[name] ? { todo: OPEN[name] } : {}, () => {
    const input = loadFixture(path);
    const failures = checkInput(input).failures.map((f) => `${f.kind} in ${f.step}: ${f.message.split('\n')[0]}`);
    assert.deepEqual(failures, [], `${name} (${input.label})`);
  });
}

test('a fix inserting at the start of a file that begins with a byte order mark inserts after the mark', async () => {
  const { fixAll } = await import('../../../server/src/core/index');
  const text = '\uFEFFRUN pip install flask | tee log\n';
  const r = fixAll(text, { kind: 'dockerfile', shellcheck: false }, { unsafe: true });
  assert.equal(r.text.charCodeAt(0), 0xfeff);
  assert.ok(!r.text.slice(1).includes('\uFEFF'), JSON.stringify(r.text));
});
