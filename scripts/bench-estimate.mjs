// Times `estimate` on examples/flask-app/Dockerfile in-process (median of repeated runs) and prints the figure.
// Usage: npm run build && node scripts/bench-estimate.mjs [runs]
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const file = join(root, 'examples/flask-app/Dockerfile');
const runs = Number(process.argv[2] ?? 50);

// The CLI bundle exports main(); `estimate --format json` goes through parsing, the model, the data and the context walk.
const { main } = require(join(root, 'dist/cli.js'));
const write = process.stdout.write.bind(process.stdout);
const times = [];
for (let i = 0; i < runs + 3; i++) {
  process.stdout.write = () => true;
  const t = process.hrtime.bigint();
  await main(['estimate', file, '--format', 'json']);
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  process.stdout.write = write;
  if (i >= 3) times.push(ms); // the first runs load the parser wasm and the data tables
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`estimate ${file.slice(root.length + 1)} (${readFileSync(file, 'utf8').split('\n').length} lines): median ${median.toFixed(1)} ms over ${runs} runs (min ${times[0].toFixed(1)}, max ${times[times.length - 1].toFixed(1)} ms), warm process`);
