// The core stays pure: no file, network, process, editor or protocol imports anywhere under server/src/core.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = join(__dirname, '..', '..', '..', '..');
const CORE = join(ROOT, 'server', 'src', 'core');

/** Module specifiers the core must never import: Node built-ins (any `node:` or bare built-in name), the editor, the protocol. */
const FORBIDDEN = /^(node:|fs$|fs\/|path$|path\/|os$|child_process$|net$|http$|https$|dns$|tls$|url$|worker_threads$|vscode$|vscode-languageserver($|\/)|vscode-languageclient($|\/))/;

function tsFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) tsFiles(p, out);
    else if (name.endsWith('.ts')) out.push(p);
  }
  return out;
}

/** Every static import, re-export, dynamic import and require of a file. */
function specifiers(text: string): string[] {
  const out: string[] = [];
  const re = /(?:\bimport\s+(?:type\s+)?(?:[^'";]*?\sfrom\s+)?|\bexport\s+(?:type\s+)?[^'";]*?\sfrom\s+|\bimport\s*\(\s*|\brequire\s*\(\s*)['"]([^'"]+)['"]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) out.push(m[1]!);
  return out;
}

test('no file under server/src/core imports fs, the network, node: modules, vscode or vscode-languageserver', () => {
  const files = tsFiles(CORE);
  assert.ok(files.length > 100, `expected the core's files, found ${files.length}`);
  const offenders: string[] = [];
  for (const f of files) {
    for (const s of specifiers(readFileSync(f, 'utf8'))) if (FORBIDDEN.test(s)) offenders.push(`${relative(ROOT, f)} imports ${s}`);
  }
  assert.deepEqual(offenders, []);
});

test('the import scanner sees every import form it guards against', () => {
  const sample = [
    "import * as posix from 'node:path/posix';",
    "import { readFileSync } from 'fs';",
    "import type { Connection } from 'vscode-languageserver';",
    "export { x } from 'vscode-languageserver/node';",
    "const cp = require('child_process');",
    "const v = await import('vscode');",
    "import 'node:net';",
    "import { ok } from './fine';",
  ].join('\n');
  assert.deepEqual(specifiers(sample).filter((s) => FORBIDDEN.test(s)), ['node:path/posix', 'fs', 'vscode-languageserver', 'vscode-languageserver/node', 'child_process', 'vscode', 'node:net']);
});
