import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// The tests Stryker runs against each mutant: the unit, type-free and property tests beside the code in src/, and the
// fast package-wide tests in test/. Left out, because they would make every mutant they cover cost a minute or more
// here and they measure something else: the real-data studies (test/bank-marketing, test/olist: ../shared/data, not in
// a fresh clone), the fuzzing of every parse entry point (test/parse-fuzz: 40 s a run), the build and packaging checks
// (tree shaking, portability, conventions), the examples, and the SQL parity properties (src/sql/*.test-prop.ts start
// PGlite and DuckDB: seconds per run; src/sql's unit tests stay). Type tests (*.test-d.ts) are not run: a mutant
// changes values, not types.
//
// With MUTATE=folder,… (a selection of folders of src/), only those folders' own tests run, unless MUTATION_TESTS=all:
// code that every other folder uses (src/conditions, src/models) is covered by hundreds of tests elsewhere, and running
// them all against each of its mutants takes hours here. The score is then the one the folder's own tests give (a
// lower bound of the score with every test), which is also what tells where a test beside the code is missing.
//
// fast-check resolves to test/mutation/fast-check-capped.ts, which runs every property at most MUTATION_NUM_RUNS times
// (20 unless set): property tests still run against every mutant they cover, on fewer cases (docs/mutation.md).
const folders = (process.env.MUTATE ?? '')
  .split(',')
  .map((folder) =>
    folder
      .trim()
      .replace(/^src\//, '')
      .replace(/\/+$/, ''),
  )
  .filter((folder) => folder !== '' && !folder.endsWith('.ts'));
const ownTests = folders.length > 0 && process.env.MUTATION_TESTS !== 'all';
const include = ownTests
  ? folders.flatMap((folder) => [`src/${folder}/**/*.test.ts`, `src/${folder}/**/*.test-prop.ts`])
  : ['src/**/*.test.ts', 'src/**/*.test-prop.ts', 'test/extended-lead.test.ts', 'test/schema-version.test.ts'];

export default defineConfig({
  resolve: {
    alias: [{ find: /^fast-check$/, replacement: fileURLToPath(new URL('./test/mutation/fast-check-capped.ts', import.meta.url)) }],
  },
  test: {
    testTimeout: 60_000,
    include,
    exclude: ['src/sql/*.test-prop.ts', 'node_modules/**'],
    // Inlined so that its `fc` and `test.prop` go through the alias above too.
    server: { deps: { inline: ['@fast-check/vitest'] } },
  },
});
