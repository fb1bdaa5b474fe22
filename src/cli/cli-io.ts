import type { Readable, Writable } from 'node:stream';

/** A writable stream that may be a terminal. */
export type CliWritable = Writable & { readonly isTTY?: boolean | undefined; readonly columns?: number | undefined };

/**
 * What a command reads and writes besides its files: the standard streams, the working directory, the time the
 * command started (the default of `--as-of`: `main.ts` reads the clock once, nothing below it does) and a signal
 * aborted by Ctrl-C. Tests give their own.
 */
export interface CliIo {
  readonly stdin: Readable;
  readonly stdout: CliWritable;
  readonly stderr: CliWritable;
  readonly cwd: string;
  /** The instant `--as-of` defaults to. */
  readonly now: Date;
  /** Aborted on SIGINT: a running command stops after the chunk of input it is reading and writes its summary. */
  readonly signal: AbortSignal;
  /** Milliseconds of a monotonic clock, for the progress display only (never for results). */
  readonly elapsed: () => number;
}
