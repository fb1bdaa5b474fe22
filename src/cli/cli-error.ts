/** Exit codes of the `leadkit` command (documented in docs/cli.md). */
export const EXIT_OK = 0;
/** Problems found: rows rejected, a definition with problems, a lead not qualified is not one (a verdict is an answer). */
export const EXIT_PROBLEMS = 1;
/** The command could not run: a bad option, a missing or invalid file given to an option, an unreadable input. */
export const EXIT_USAGE = 2;
/** Stopped by Ctrl-C (SIGINT), after writing what was done. */
export const EXIT_INTERRUPTED = 130;

/**
 * An error the command reports in one line (no stack trace unless `--debug`), with the exit code to end with. The
 * message names the file and says what to do.
 */
export class CliError extends Error {
  readonly exitCode: number;

  constructor(message: string, exitCode: number = EXIT_USAGE) {
    super(message);
    this.name = 'CliError';
    this.exitCode = exitCode;
  }
}
