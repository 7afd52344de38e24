// Checks the pip-requirements TextMate grammar against the committed snapshots in test/grammar (`--update` rewrites them).
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'node_modules/.bin/vscode-tmgrammar-snap');
const args = [
  '--scope', 'source.pip-requirements',
  '--grammar', join(root, 'syntaxes/pip-requirements.tmLanguage.json'),
  ...(process.argv.includes('--update') ? ['--updateSnapshot'] : []),
  // The tool resolves the glob itself; the fixtures are the .txt files, their .snap files sit next to them.
  'test/grammar/**/*.txt',
];
const run = spawnSync(bin, args, { cwd: root, stdio: 'inherit' });
process.exit(run.status ?? 1);
