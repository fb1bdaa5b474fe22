/**
 * `leadkit score` end to end: the built command (tsup, the settings of `npm run build`) in a child process, on a
 * seeded CSV of 100,000 and 1,000,000 leads (bench/cli-data.ts, written to a temporary directory, never committed)
 * with its import mapping and the 20-rule fit model of the scoring benchmarks (bench/fit-model.ts), CSV out to
 * /dev/null. rows/s is rows ÷ the child's wall time (start-up included); peak RSS is the child's own `maxRSS`
 * (getrusage), printed by a preloaded exit hook. Prints `BENCH cli-score rows_per_s=<n> peak_rss_mb=<m>` after a `# <rows> rows` line, per size.
 * No baseline: the goal (200,000 rows/s on one core, under 200 MB flat) is the issue's; see bench/RESULTS.md.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildCli } from '../test/cli/build-cli.ts';
import { benchLeadsMapping, writeLeadsCsv } from './cli-data.ts';
import { fitBenchModel } from './fit-model.ts';

const peakProbe = `data:text/javascript,process.on('exit',()=>process.stderr.write('peak_rss_kb='+process.resourceUsage().maxRSS+'\\n'))`;

const cli = await buildCli();
const directory = mkdtempSync(join(tmpdir(), 'leadkit-cli-bench-'));
try {
  writeFileSync(join(directory, 'mapping.json'), JSON.stringify(benchLeadsMapping));
  writeFileSync(join(directory, 'model.json'), JSON.stringify(fitBenchModel));
  for (const rows of [100_000, 1_000_000]) {
    const file = join(directory, `leads-${rows}.csv`);
    await writeLeadsCsv(file, rows);
    console.log(`# ${rows.toLocaleString('en-US')} rows: ${file}, ${(statSync(file).size / 1_048_576).toFixed(0)} MB`);
    const devNull = openSync('/dev/null', 'w');
    const started = performance.now();
    const child = spawnSync(
      process.execPath,
      [`--import=${peakProbe}`, cli, 'score', file, '--model', 'model.json', '--mapping', 'mapping.json', '--as-of', '2025-06-30', '--format', 'csv'],
      { cwd: directory, encoding: 'utf8', stdio: ['ignore', devNull, 'pipe'] },
    );
    const seconds = (performance.now() - started) / 1000;
    closeSync(devNull);
    const summary = child.stderr.split('\n').find((line) => line.startsWith('leadkit score:')) ?? '';
    const peak = Number(/peak_rss_kb=(\d+)/.exec(child.stderr)?.[1] ?? Number.NaN);
    if (child.status !== 0 || !summary.includes(`${rows.toLocaleString('en-US')} of ${rows.toLocaleString('en-US')} rows scored`)) {
      console.error(child.stderr);
      throw new Error(`leadkit score failed on ${rows} rows (exit ${child.status})`);
    }
    console.log(`# ${summary.replace('leadkit score: ', '')}; wall ${seconds.toFixed(1)} s`);
    console.log(`BENCH cli-score rows_per_s=${Math.round(rows / seconds)} peak_rss_mb=${Math.round(peak / 1024)}`);
  }
} finally {
  rmSync(directory, { recursive: true, force: true });
}
