import { defineConfig } from 'vitest/config';
import { leadkitAlias } from './docs/.vitepress/leadkit-alias.ts';

export default defineConfig({
  // The site's playground imports leadkit by its package names; its tests (test/site/) run it from the sources.
  resolve: { alias: leadkitAlias },
  test: {
    // Property tests run many cases; on a loaded 2-core CI machine they can take more than the 5 s default (no test
    // asserts a duration: speed is measured in bench/).
    testTimeout: 60_000,
    // FC_SEED (set by .ci/run from the commit) fixes the seed of every property.
    setupFiles: ['test/fast-check-seed.ts'],
    include: ['src/**/*.test.ts', 'src/**/*.test-prop.ts', 'test/**/*.test.ts', 'test/**/*.test-prop.ts', 'examples/**/*.test.ts'],
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      tsconfig: './tsconfig.json',
      // Type errors outside the type tests are the typecheck step's job (`npm run typecheck`, run by CI).
      ignoreSourceErrors: true,
    },
    coverage: {
      provider: 'v8',
      include: ['src/**/*.ts'],
      // The command's entry runs only as a spawned process (test/cli/cli.test.ts).
      exclude: ['src/**/*.test*.ts', 'src/cli/main.ts'],
      // Checked by CI (`npm run test:coverage`, with the real data beside the repository).
      thresholds: { lines: 97, branches: 92, functions: 95, statements: 96 },
    },
  },
});
