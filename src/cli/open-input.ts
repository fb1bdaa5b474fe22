import { createReadStream, statSync } from 'node:fs';
import { extname, resolve } from 'node:path';
import { CliError, EXIT_USAGE } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';

/** The formats leads are read in. */
export type InputFormat = 'csv' | 'jsonl';

/** An input file (or standard input) opened for streaming, counting the bytes read for the progress display. */
export interface OpenedInput {
  /** The name for messages: the path, or `standard input`. */
  readonly name: string;
  /** The bytes, a chunk at a time. */
  readonly chunks: AsyncIterable<Uint8Array>;
  /** The size in bytes when known (a file), for the progress display's ETA. */
  readonly size: number | undefined;
  /** Bytes read so far. */
  readonly bytesRead: () => number;
  /** Stops reading (Ctrl-C). */
  readonly close: () => void;
  /** The format: the option, else the extension, else what the first bytes look like. */
  readonly format: InputFormat;
  /** The encoding the first bytes show (a UTF-16 byte-order mark), when there is one. */
  readonly encodingFromMark: string | undefined;
}

const CHUNK_BYTES = 262_144;

/** Opens `path` (`-` for standard input) for reading; a missing file is a one-line error. */
export async function openInput(io: CliIo, path: string, format: InputFormat | undefined): Promise<OpenedInput> {
  let stream: NodeJS.ReadableStream & { destroy(): void };
  let size: number | undefined;
  let name = path;
  if (path === '-') {
    stream = io.stdin;
    name = 'standard input';
  } else {
    const full = resolve(io.cwd, path);
    try {
      const stat = statSync(full);
      if (stat.isDirectory()) throw new CliError(`${path}: is a directory: give a CSV or JSONL file`, EXIT_USAGE);
      size = stat.isFile() ? stat.size : undefined;
    } catch (error) {
      if (error instanceof CliError) throw error;
      throw new CliError(`${path}: no such file: check the path (use - to read standard input)`, EXIT_USAGE);
    }
    stream = createReadStream(full, { highWaterMark: CHUNK_BYTES });
  }
  let bytes = 0;
  const iterator = (stream as AsyncIterable<Uint8Array | string>)[Symbol.asyncIterator]();
  let first: Uint8Array | undefined;
  try {
    const head = await iterator.next();
    if (head.done !== true) first = typeof head.value === 'string' ? Buffer.from(head.value) : head.value;
  } catch (error) {
    throw new CliError(`${name}: cannot be read (${(error as Error).message})`, EXIT_USAGE);
  }
  const encodingFromMark = first === undefined ? undefined : byteOrderMark(first);
  const chosen = format ?? formatFromName(path) ?? (first !== undefined && looksLikeJson(first) ? 'jsonl' : 'csv');
  async function* chunks(): AsyncGenerator<Uint8Array> {
    if (first === undefined) return;
    bytes += first.length;
    yield first;
    for (;;) {
      const next = await iterator.next();
      if (next.done === true) return;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      bytes += chunk.length;
      yield chunk;
    }
  }
  return {
    name,
    chunks: chunks(),
    size,
    bytesRead: () => bytes,
    close: () => {
      if (path !== '-') stream.destroy();
      void iterator.return?.();
    },
    format: chosen,
    encodingFromMark,
  };
}

function formatFromName(path: string): InputFormat | undefined {
  const extension = extname(path).toLowerCase();
  if (extension === '.jsonl' || extension === '.ndjson') return 'jsonl';
  if (extension === '.csv' || extension === '.tsv' || extension === '.txt') return 'csv';
  return undefined;
}

/** `utf-16le` or `utf-16be` when the bytes start with that byte-order mark. */
function byteOrderMark(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return undefined;
}

/** Whether the first character that is not a space (after a UTF-8 byte-order mark) opens a JSON object. */
function looksLikeJson(bytes: Uint8Array): boolean {
  let index = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (index < bytes.length && (bytes[index] === 0x20 || bytes[index] === 0x0a || bytes[index] === 0x0d || bytes[index] === 0x09)) index++;
  return bytes[index] === 0x7b;
}
