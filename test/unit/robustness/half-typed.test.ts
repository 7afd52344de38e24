// Robustness: every prefix of real Dockerfiles (what an editor sees while typing) lints without throwing, and every fix applies.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { lintText } from '../../../server/src/core/index';
import { applyEdits } from '../../../server/src/core/text';
import { initRuntime } from '../../../server/src/node/runtime';

const ROOT = join(__dirname, '..', '..', '..', '..');

before(async () => initRuntime());

function dockerfiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) dockerfiles(p, out);
    else if (/^(Docker|Container)file/.test(name)) out.push(p);
  }
  return out;
}

function checkText(text: string, label: string): void {
  let findings;
  try {
    findings = lintText(text, { kind: 'dockerfile' }).findings;
  } catch (err) {
    assert.fail(`${label}: lint threw ${(err as Error).stack}`);
  }
  for (const f of findings) {
    assert.notEqual(f.code, 'LW000', `${label}: internal error ${f.message}`);
    for (const fix of f.fixes) {
      const out = applyEdits(text, fix.edits);
      // A fix may move or add lines; it must never lose a non-blank line it did not touch.
      const kept = new Set(out.split('\n').map((l) => l.trim()));
      const touched = new Set(fix.edits.flatMap((e) => Array.from({ length: e.range.end.line - e.range.start.line + 1 }, (_, k) => e.range.start.line + k)));
      text.split('\n').forEach((line, i) => {
        if (!touched.has(i) && line.trim() && !kept.has(line.trim())) assert.fail(`${label}: fix "${fix.title}" of ${f.code} lost line ${i + 1}: ${line}`);
      });
    }
  }
}

test('every prefix of the bundled Dockerfiles lints cleanly and its fixes keep untouched lines', () => {
  const files = dockerfiles(join(ROOT, 'examples'));
  assert.ok(files.length > 0);
  for (const file of files) {
    const text = readFileSync(file, 'utf8');
    for (let i = 0; i <= text.length; i++) checkText(text.slice(0, i), `${file} prefix ${i}`);
  }
});

test('garbage, binary-looking and pathological inputs produce findings or nothing, never an exception', () => {
  const inputs = [
    '',
    '\n\n\n',
    'FROM',
    'FROM python:3.12\nRUN',
    'FROM python:3.12\nRUN \\',
    'FROM python:3.12\nRUN pip install \\\n',
    'FROM python:3.12\nRUN <<EOF\npip install flask\n',
    'FROM python:3.12\nRUN ["pip", "install"',
    'FROM python:3.12\nCOPY --from=',
    'FROM ${',
    'FROM python:3.12 AS\nFROM AS\n',
    '# escape=`\nFROM python:3.12\nRUN pip install `\n  flask\n',
    'RUN apt-get update && apt-get install -y gcc\n',
    'FROM python:3.12\n' + 'RUN echo $(('.repeat(200),
    'FROM python:3.12\nRUN ' + 'a && '.repeat(2000) + 'pip install x\n',
    '\uFEFFFROM python:3.12\r\nRUN pip install flask\r\n',
    'FROM python:3.12\nENV A=1 B\nARG\nLABEL =\nEXPOSE abc/xyz\nHEALTHCHECK CMD\nONBUILD ONBUILD RUN x\n',
  ];
  for (const text of inputs) checkText(text, JSON.stringify(text.slice(0, 40)));
});

test('a lone CR after a continuation (dockerfile-ast heredoc scan throws there) gives no internal error (fuzz seed 777 #8366)', () => {
  const text = 'FROM \\\r\n      python as final\nEXPOSE \\\r# comment inside\n    $PORT \\';
  const findings = lintText(text, { kind: 'dockerfile', shellcheck: false }).findings;
  assert.deepEqual(findings.filter((f) => f.name === 'internal-error').map((f) => f.message), []);
});
