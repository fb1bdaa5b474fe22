import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'tsup';

// Every folder of src/ with an index.ts is a public entry point (`leadkit/<folder>`); keep package.json "exports" in step
// (scripts/check-exports.ts checks it).
const entryPoints = readdirSync('src', { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(`src/${entry.name}/index.ts`) && entry.name !== 'internal')
  .map((entry) => entry.name);

export default defineConfig({
  entry: {
    index: 'src/index.ts',
    ...Object.fromEntries(entryPoints.map((name) => [`${name}/index`, `src/${name}/index.ts`])),
  },
  format: ['esm', 'cjs'],
  dts: true,
  // Shared chunks in both formats: the CommonJS build must not duplicate the Lead schema per entry.
  splitting: true,
  treeshake: true,
  clean: true,
  target: 'es2022',
  platform: 'neutral',
  external: ['zod', 'date-fns', 'fast-check'],
  outDir: 'dist',
});
