/**
 * Runs every benchmark (bench/*.bench.ts), one process each so they do not disturb one another, and collects the
 * BENCH summary lines at the end. `npm run bench`.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const directory = fileURLToPath(new URL('.', import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(directory)
  .filter((file) => file.endsWith('.bench.ts'))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

const summary: string[] = [];
let failed = 0;
const started = performance.now();
for (const file of files) {
  console.log(`\n# ${file}`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', `${directory}${file}`], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  process.stdout.write(run.stdout);
  summary.push(...run.stdout.split('\n').filter((line) => line.startsWith('BENCH ')));
  if (run.status !== 0) {
    failed++;
    console.error(`${file} failed with exit code ${run.status}`);
  }
}
console.log(`\n# summary (${((performance.now() - started) / 1000).toFixed(1)} s)\n${summary.join('\n')}`);
if (failed > 0) process.exit(1);
