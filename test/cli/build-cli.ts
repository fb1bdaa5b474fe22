/**
 * Builds the `leadkit` command for the end-to-end tests with the same tsup settings as `npm run build` (`cliBuild`
 * in tsup.config.ts), into node_modules/.cache/leadkit-cli/ (inside the repository, so the built file resolves its
 * dependencies the way the published one does). Always fresh: a clone without dist/ tests the command all the same.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { build } from 'tsup';
import { cliBuild } from '../../tsup.config.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** The built command's path, once built (concurrent callers share one build). */
let built: Promise<string> | undefined;

/** Builds the command (once per test file) and returns the path of its `index.js`. */
export function buildCli(): Promise<string> {
  built ??= (async () => {
    const outDir = `${root}node_modules/.cache/leadkit-cli`;
    await build({ ...cliBuild, outDir, silent: true, config: false });
    const file = `${outDir}/index.js`;
    if (!existsSync(file)) throw new Error(`the CLI build wrote no ${file}`);
    return file;
  })();
  return built;
}
