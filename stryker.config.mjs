// @ts-check
import { readFileSync } from 'node:fs';
/**
 * Mutation testing (issue 12). The whole of src/: `npm run test:mutation`. Some folders of src/:
 * `MUTATE=funnel,icp npm run test:mutation`. Stryker's own options follow `--`
 * (`npm run test:mutation -- --concurrency 1`). Scores per folder and in total: `npm run test:mutation:summary`.
 * How long it takes, the scores and the survivors that remain: docs/mutation.md.
 */

// Folders of src/ to mutate (MUTATE=funnel,icp), or files by a glob under src/ (MUTATE='*.ts' for the files at the
// top of src/), or all of src/.
const folders = (process.env.MUTATE ?? '')
  .split(',')
  .map((folder) => folder.trim().replace(/^src\//, '').replace(/\/+$/, ''))
  .filter((folder) => folder !== '');
const selection = folders.length === 0 ? 'src' : folders.join('+').replace(/[^\w+-]+/g, '_');
const folderSources = folders.length === 0 ? ['src/**/*.ts'] : folders.map((folder) => (folder.endsWith('.ts') ? `src/${folder}` : `src/${folder}/**/*.ts`));

// MUTATION_SURVIVORS=1: mutate only the lines where the selection's last full run left a mutant alive (after adding
// tests, to see which ones they kill without testing every mutant again). Its report goes to <selection>-survivors/;
// `npm run test:mutation:summary` lays its results over the full run's.
const survivorsOnly = process.env.MUTATION_SURVIVORS === '1';
const name = survivorsOnly ? `${selection}-survivors` : selection;
/** @returns {string[]} `file:line-line` for every line with a surviving or uncovered mutant in the last full report */
function survivorLines() {
  const report = JSON.parse(readFileSync(`reports/mutation/${selection}/mutation.json`, 'utf8'));
  const lines = new Set();
  for (const [file, { mutants }] of Object.entries(report.files))
    for (const mutant of mutants)
      if (mutant.status === 'Survived' || mutant.status === 'NoCoverage')
        lines.add(`${file}:${mutant.location.start.line}-${mutant.location.end.line}`);
  return [...lines];
}
const sources = survivorsOnly ? survivorLines() : folderSources;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.stryker.config.ts' },
  // Runs only the tests that cover a mutant, not the whole suite.
  coverageAnalysis: 'perTest',
  mutate: [
    ...sources,
    // Tests and their helpers (x.test.ts, x.test-d.ts, x.test-prop.ts, x.test-fixtures.ts, x.test-helpers.ts).
    '!src/**/*.test*.ts',
    '!src/**/test-fixtures.ts',
    // leadkit/testing is test code that ships (arbitraries and lead generators for users' property tests): its
    // mutants are mostly changes to the shape of random data that no assertion can pin without re-stating it.
    '!src/testing/**',
    // Re-exports only: no logic to mutate.
    '!src/**/index.ts',
  ],
  // Static mutants (in values computed once when a module loads: the presets, the zod schemas, frozen constants) need
  // the module graph reloaded and every related test run again, one mutant at a time: in src/funnel they were 42% of
  // the mutants and 94% of the estimated time. They are left out unless MUTATION_STATIC=1 (see docs/mutation.md).
  ignoreStatic: process.env.MUTATION_STATIC !== '1',
  // Two cores shared with other developers.
  concurrency: 2,
  // A mutant that makes a property test loop or crawl is killed by the timeout, not waited for.
  timeoutMS: 10_000,
  // Each selection keeps its own incremental file and reports, so a folder's run does not forget another's.
  incremental: !survivorsOnly,
  incrementalFile: `reports/mutation/${name}/stryker-incremental.json`,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation/${name}/index.html` },
  jsonReporter: { fileName: `reports/mutation/${name}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false },
  // One sandbox folder per selection, so that two selections can run side by side; neither copies the other's.
  tempDirName: `.stryker-tmp/${name}`,
  ignorePatterns: ['.stryker-tmp', 'reports'],
  cleanTempDir: 'always',
  thresholds: { high: 95, low: 90, break: null },
};
