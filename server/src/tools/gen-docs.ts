// Writes docs/rules/*.md from the registered rules' metadata; `--check` exits 1 when a page is out of date.
import { existsSync, mkdirSync, readFileSync, readdirSync, unlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { docPages } from '../core/doc-pages';

export function expectedDocs(): Map<string, string> {
  return docPages();
}

export function checkDocs(dir: string): string[] {
  const problems: string[] = [];
  const pages = expectedDocs();
  for (const [name, text] of pages) {
    const p = join(dir, name);
    if (!existsSync(p)) problems.push(`${name} is missing`);
    else if (readFileSync(p, 'utf8') !== text) problems.push(`${name} is out of date`);
  }
  if (existsSync(dir)) for (const f of readdirSync(dir)) if (f.endsWith('.md') && !pages.has(f)) problems.push(`${f} belongs to no rule`);
  return problems;
}

function main(): void {
  const dir = join(process.cwd(), 'docs', 'rules');
  if (process.argv.includes('--check')) {
    const problems = checkDocs(dir);
    for (const p of problems) process.stderr.write(`docs/rules/${p}\n`);
    process.exitCode = problems.length ? 1 : 0;
    return;
  }
  mkdirSync(dir, { recursive: true });
  const pages = expectedDocs();
  for (const f of readdirSync(dir)) if (f.endsWith('.md') && !pages.has(f)) unlinkSync(join(dir, f));
  for (const [name, text] of pages) writeFileSync(join(dir, name), text);
  process.stdout.write(`wrote ${pages.size} pages to docs/rules/\n`);
}

// Bundled into tests too, where require.main is the test file: run only as the gen-docs script itself.
if (require.main === module && /gen-docs\.js$/.test(process.argv[1] ?? '')) main();
