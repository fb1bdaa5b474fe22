/**
 * The `leadkit` command's entry (package.json `bin`, built to dist/cli/index.js). The only place of the command that
 * reads the clock: `now`, the default of `--as-of`, is read once here and passed down.
 */
import { performance } from 'node:perf_hooks';
import { EXIT_INTERRUPTED } from './cli-error.ts';
import { runCli } from './run-cli.ts';

const controller = new AbortController();
process.on('SIGINT', () => {
  // A second Ctrl-C stops at once.
  if (controller.signal.aborted) process.exit(EXIT_INTERRUPTED);
  controller.abort();
});
// A reader that went away (`| head -1`) is not an error: stop quietly.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
});

const code = await runCli(process.argv.slice(2), {
  stdin: process.stdin,
  stdout: process.stdout,
  stderr: process.stderr,
  cwd: process.cwd(),
  now: new Date(),
  signal: controller.signal,
  elapsed: () => performance.now(),
});
process.exitCode = code;
