/**
 * Builds the site (`vitepress build docs`, into docs/.vitepress/dist) and fails on any warning it prints, as typedoc
 * does: a dead link, a chunk or a Rollup warning is fixed, not scrolled past. Part of `npm run docs:site`, after
 * `npm run docs` has generated the API reference.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const run = spawnSync(join(root, 'node_modules', '.bin', 'vitepress'), ['build', 'docs'], {
  cwd: root,
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
});
const output = `${run.stdout}${run.stderr}`;
process.stdout.write(output);
const warnings = output.split('\n').filter((line) => /\bwarn(ing)?\b|\(!\)|deprecat/i.test(line));
if (run.status !== 0) process.exit(run.status ?? 1);
if (warnings.length > 0) {
  console.error(`\nThe site built with ${warnings.length} warning(s):\n${warnings.join('\n')}`);
  process.exit(1);
}
