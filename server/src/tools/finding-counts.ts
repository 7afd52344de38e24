// `npm run counts`: how many findings each rule reports over every Dockerfile fixture of the repository, to compare before and after a rule change.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, dirname } from 'node:path';
import { lintText } from '../core/index';
import { memoryFiles } from '../core/project';
import { defaultConfig } from '../core/config';
import { initRuntime } from '../node/runtime';
import { semanticsOf } from '../core/model/semantic';

const root = process.cwd();

function walk(dir: string, out: string[]): void {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    const st = statSync(p);
    if (st.isDirectory()) walk(p, out);
    else out.push(p);
  }
}

/** The fixture's folder as in-memory project files, so requirements and ignore files next to it are read as the rules would read them. */
function folderFiles(dir: string): Record<string, string> {
  const files: string[] = [];
  walk(dir, files);
  const out: Record<string, string> = {};
  for (const f of files) if (statSync(f).size < 1_000_000) out[`/ctx/${relative(dir, f).split('\\').join('/')}`] = readFileSync(f, 'utf8');
  return out;
}

interface Input {
  name: string;
  text: string;
  files: Record<string, string>;
}

function inputs(): Input[] {
  const out: Input[] = [];
  for (const top of ['examples', 'test/fixtures']) {
    const all: string[] = [];
    walk(join(root, top), all);
    for (const f of all) {
      const base = f.split('/').pop()!;
      if (!/^(docker|container)file/i.test(base) && !/\.(docker|container)file$/i.test(base)) continue;
      // The fuzz fixtures' metadata (`<name>.fuzz.json`) is named after its Dockerfile but is JSON.
      if (base.endsWith('.json')) continue;
      const dir = dirname(f);
      const files = folderFiles(dir);
      out.push({ name: relative(root, f), text: readFileSync(f, 'utf8'), files });
    }
  }
  const hadolint = JSON.parse(readFileSync(join(root, 'test/fixtures/conformance/hadolint-cases.json'), 'utf8')) as { cases: { id: string; dockerfile: string }[] };
  const buildkit = JSON.parse(readFileSync(join(root, 'test/fixtures/conformance/buildkit-cases.json'), 'utf8')) as {
    cases: { id: string; dockerfile: string }[];
    doc_examples: { id: string; dockerfile: string }[];
  };
  for (const c of [...hadolint.cases, ...buildkit.cases, ...buildkit.doc_examples]) out.push({ name: c.id, text: c.dockerfile, files: {} });
  return out;
}

async function main(): Promise<void> {
  await initRuntime();
  const counts = new Map<string, number>();
  const all = inputs();
  // Final stages that run as root by the file's own doing: no USER in the lineage, or a last USER of root.
  let rootFinals = 0;
  let rootReported = 0;
  for (const input of all) {
    const path = input.name.startsWith('examples') || input.name.startsWith('test') ? `/ctx/${input.name.split('/').pop()}` : '/ctx/Dockerfile';
    const result = lintText(input.text, { kind: 'dockerfile', config: defaultConfig(), files: memoryFiles(input.files), path, shellcheck: false, today: new Date('2026-12-01') });
    for (const f of result.findings) counts.set(f.code, (counts.get(f.code) ?? 0) + 1);
    const final = result.model?.finalStage;
    if (result.model && final) {
      const facts = semanticsOf(result.model).stage(final);
      const user = facts.end.user.split(':')[0];
      if (!facts.end.userSet || user === 'root' || user === '0') {
        rootFinals++;
        const inLineage = (line: number): boolean => facts.lineage.some((s) => line >= s.range.start.line && line <= s.range.end.line);
        if (result.findings.some((f) => (f.code === 'LW007' || f.code === 'DL3002') && inLineage(f.range.start.line))) rootReported++;
      }
    }
  }
  const rows = [...counts].sort((a, b) => a[0].localeCompare(b[0]));
  const json = process.argv.includes('--json');
  if (json) process.stdout.write(JSON.stringify({ inputs: all.length, counts: Object.fromEntries(rows), rootFinalStages: { total: rootFinals, reported: rootReported } }, null, 1) + '\n');
  else {
    process.stdout.write(`${all.length} Dockerfile fixtures, ${rows.reduce((s, r) => s + r[1], 0)} findings\n`);
    for (const [code, n] of rows) process.stdout.write(`${code.padEnd(32)} ${n}\n`);
    process.stdout.write(`final stages without USER: ${rootFinals}, reported: ${rootReported}\n`);
  }
}

void main();
