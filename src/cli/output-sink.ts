import { once } from 'node:events';
import type { Writable } from 'node:stream';
import { CliError, EXIT_USAGE } from './cli-error.ts';

/**
 * Buffered text output with backpressure: lines are gathered into chunks of about 64 KiB and written whole, so what
 * was written when the command stops (Ctrl-C, a closed pipe) ends at a line end. A closed reader (`| head -1`,
 * EPIPE) marks the sink closed instead of throwing: the command then stops quietly.
 */
export interface OutputSink {
  /** Adds text; call {@link OutputSink.flush} now and then (awaiting it waits for the reader). */
  write(text: string): void;
  /** Writes what is buffered when it is over the chunk size (or always, with `force`), waiting while the stream is full. */
  flush(force?: boolean): Promise<void>;
  /** Whether {@link OutputSink.flush} has something to do (a full chunk, or a failure to report): else skip its await. */
  wantsFlush(): boolean;
  /** Whether the reader has gone (EPIPE). */
  readonly closed: () => boolean;
}

const CHUNK_CHARACTERS = 65_536;

/**
 * A sink on a stream (standard output or a file named `name`). A failure to write (a directory that does not exist, a
 * full disk) is thrown by the next {@link OutputSink.flush} as a one-line error naming the file.
 */
export function createOutputSink(stream: Writable, name: string): OutputSink {
  let buffer = '';
  let closed = false;
  let failure: Error | undefined;
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE' || error.code === 'ERR_STREAM_DESTROYED') closed = true;
    else failure = error;
  });
  const check = (): void => {
    if (failure !== undefined) throw new CliError(`${name}: cannot be written (${failure.message}): check the path`, EXIT_USAGE);
  };
  return {
    write(text) {
      buffer += text;
    },
    async flush(force = false) {
      check();
      if (closed || buffer === '' || (!force && buffer.length < CHUNK_CHARACTERS)) return;
      const text = buffer;
      buffer = '';
      if (!stream.write(text) && !closed) {
        // Wait for the reader, or for the stream to fail (EPIPE) or close.
        await Promise.race([once(stream, 'drain'), once(stream, 'close')]).catch(() => undefined);
        check();
      }
    },
    wantsFlush: () => failure !== undefined || (!closed && buffer.length >= CHUNK_CHARACTERS),
    closed: () => closed,
  };
}
