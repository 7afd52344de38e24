// Every string the estimate and the hovers show names public data, never a file of this repository, and no useless range.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { buildDockerfileModel } from '../../../server/src/core/model/dockerfile';
import { buildRequirementsModel } from '../../../server/src/core/model/requirements';
import { estimateImage } from '../../../server/src/core/estimate/estimate';
import { memoryFiles } from '../../../server/src/core/project';
import { hoverAt } from '../../../server/src/core/features/hover';
import { requirementsHoverAt } from '../../../server/src/core/features/requirements-hover';
import { requirementSizeHover } from '../../../server/src/core/features/requirement-size';
import { estimateToText } from '../../../server/src/cli-estimate';
import { initRuntime } from '../../../server/src/node/runtime';

before(async () => initRuntime());

// out/<folder>/unit/estimate → the repository root.
const FIXTURES = join(__dirname, '..', '..', '..', '..', 'test', 'fixtures');

interface Case {
  name: string;
  dockerfile: string;
  files: Record<string, string>;
}

/** The example, a few hand-written edge cases, and the fixture projects with a Dockerfile. */
function cases(): Case[] {
  const out: Case[] = [
    { name: 'issue 12 example', dockerfile: 'FROM python:3.11-slim\nWORKDIR /app\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files: { 'requirements.txt': 'numpy==1.26.4\npandas==2.3.3\nscipy==1.13.1\nscikit-learn==1.6.1\nDjango==4.2.11\npsycopg2==2.8.6\nsurely-not-a-real-package-xyz==1.0\n' } },
    { name: 'unknown image, lock-file install, missing requirements', dockerfile: 'FROM example.com/team/base:1\nRUN uv sync\nRUN pip install -r missing.txt\nRUN apt-get update && apt-get install -y not-a-debian-package\n', files: {} },
    { name: 'alpine', dockerfile: 'FROM python:3.12-alpine\nCOPY requirements.txt .\nRUN pip install -r requirements.txt\n', files: { 'requirements.txt': 'numpy>=2\npsycopg2\n' } },
  ];
  for (const group of ['consistency', 'buildlab-app']) {
    const root = join(FIXTURES, group);
    const dirs = group === 'buildlab-app' ? [root] : readdirSync(root).map((d) => join(root, d)).filter((d) => statSync(d).isDirectory());
    for (const dir of dirs) {
      const names = readdirSync(dir).filter((n) => statSync(join(dir, n)).isFile());
      const files = Object.fromEntries(names.filter((n) => n.endsWith('.txt')).map((n) => [n, readFileSync(join(dir, n), 'utf8')]));
      for (const df of names.filter((n) => n.startsWith('Dockerfile'))) out.push({ name: `${group}/${dir.split('/').pop()}/${df}`, dockerfile: readFileSync(join(dir, df), 'utf8'), files });
    }
  }
  return out;
}

/** Every string a user reads: the estimate's parts, packages and sources, the CLI text, every hover. */
function userStrings(c: Case): string[] {
  const files = memoryFiles(Object.fromEntries(Object.entries(c.files).map(([k, v]) => [`/ctx/${k}`, v])));
  const model = buildDockerfileModel(c.dockerfile);
  const estimate = estimateImage(model, { files, contextDir: '/ctx' });
  const out: string[] = [estimateToText(estimate, 'Dockerfile')];
  for (const s of estimate.stages) {
    out.push(s.base.source);
    for (const i of s.instructions) {
      for (const p of i.parts) {
        out.push(p.what, p.source);
        for (const pkg of p.packages ?? []) out.push(pkg.source, pkg.note ?? '');
      }
      for (const v of i.savings) out.push(v.what, v.source);
    }
  }
  for (let line = 0; line < model.lines.lineCount; line++) {
    const h = hoverAt(model, { line, character: Math.max(0, model.lines.lineText(line).length - 1) }, { estimate });
    if (h) out.push(h.markdown);
  }
  for (const [name, text] of Object.entries(c.files)) {
    const req = buildRequirementsModel(text, { path: `/ctx/${name}` });
    text.split('\n').forEach((_, line) => {
      const h = requirementsHoverAt(req, { line, character: 1 });
      if (h) out.push(h.markdown);
      const size = requirementSizeHover(text, { line, character: 1 });
      if (size) out.push(size.markdown);
    });
  }
  return out.filter(Boolean);
}

const REPOSITORY_WORDS = /\.\.\/shared|buildlab\/|size-data|\.tsv\b|generated\/|\.json\b|scripts\/|server\/src|\bfallback\b|≈ ≈/i;
const UNIT: Record<string, number> = { B: 1, kB: 1e3, MB: 1e6, GB: 1e9 };
const RANGE = /(\d+(?:\.\d+)?) (B|kB|MB|GB)\s*[–-]\s*(\d+(?:\.\d+)?) (B|kB|MB|GB)/g;

test('no user-facing string of the estimate or the hovers names a repository file, says "fallback" or "≈ ≈"', () => {
  for (const c of cases()) {
    for (const s of userStrings(c)) assert.doesNotMatch(s, REPOSITORY_WORDS, `${c.name}: ${s}`);
  }
});

test('a range whose high end is more than 4× its low end is shown as an unknown size, never as an estimate', () => {
  let wide = 0;
  for (const c of cases()) {
    for (const s of userStrings(c)) {
      for (const m of s.matchAll(RANGE)) {
        const low = Number(m[1]) * UNIT[m[2]!]!;
        const high = Number(m[3]) * UNIT[m[4]!]!;
        if (high <= 4 * low) continue;
        wide++;
        const before = s.slice(Math.max(0, m.index! - 40), m.index!);
        assert.match(before, /unknown size \((anywhere in )?$|anywhere in $/, `${c.name}: ${s.slice(Math.max(0, m.index! - 80), m.index! + m[0].length + 40)}`);
      }
    }
  }
  // The unknown image and the lock-file install do produce such ranges: the check above saw them.
  assert.ok(wide > 0);
});
