import { existsSync, readdirSync } from 'node:fs';
import { defineConfig, type Options } from 'tsup';

// Every folder of src/ with an index.ts is a public entry point (`leadkit/<folder>`); keep package.json "exports" in step
// (scripts/check-exports.ts checks it).
const entryPoints = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/index.ts`) && entry.name !== 'internal')
  .map((entry) => entry.name);

/** The `leadkit` command (`bin`): its own build, for Node, so library users never load commander. Tests build it too. */
export const cliBuild = {
  entry: { index: 'src/cli/main.ts' },
  format: ['esm'],
  dts: false,
  splitting: false,
  treeshake: true,
  clean: true,
  target: 'node18',
  platform: 'node',
  banner: { js: '#!/usr/bin/env node' },
  // zod, date-fns and papaparse are bundled in: loading them from node_modules file by file (date-fns' parsers, zod's
  // locales) took most of a second of start-up. commander stays a dependency (CommonJS that requires Node built-ins).
  external: ['commander', /^node:/],
  noExternal: [/^zod(\/|$)/, /^date-fns(\/|$)/, /^@date-fns\/tz(\/|$)/, 'papaparse'],
  outDir: 'dist/cli',
} satisfies Options;

export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      ...Object.fromEntries(entryPoints.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
    },
    format: ['esm', 'cjs'],
    dts: true,
    // Shared chunks in both formats: the CommonJS build must not duplicate the Lead schema per entry.
    splitting: true,
    treeshake: true,
    // dist/cli is the command's build (below), which runs alongside.
    clean: ['!cli/**'],
    target: 'es2022',
    platform: 'neutral',
    // The edge entry's dependencies (leadkit/import) stay imports of the user's copies; the core entries never import them
    // (test/tree-shaking.test.ts checks the built files).
    external: ['zod', 'fast-check', 'papaparse', 'date-fns', '@date-fns/tz', /^node:/],
    outDir: 'dist',
  },
  cliBuild,
]);
