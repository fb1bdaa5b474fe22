import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { afterAll } from 'vitest';
import type { CliIo, CliWritable } from './cli-io.ts';
import { runCli } from './run-cli.ts';

/** What a run of the command gave. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function collector(isTTY: boolean): { stream: CliWritable; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer | string, _encoding, done) {
      chunks.push(chunk.toString());
      done();
    },
  }) as Writable & { isTTY?: boolean; columns?: number };
  if (isTTY) Object.assign(stream, { isTTY: true, columns: 100 });
  return { stream, text: () => chunks.join('') };
}

/** Runs the command in this process on fake standard streams (for the tests of each command). */
export async function runInProcess(
  args: readonly string[],
  options: { readonly stdin?: string | Buffer; readonly cwd?: string; readonly tty?: boolean; readonly signal?: AbortSignal } = {},
): Promise<CliRun> {
  const stdout = collector(options.tty === true);
  const stderr = collector(options.tty === true);
  let clock = 0;
  const io: CliIo = {
    stdin: Readable.from(options.stdin === undefined ? [] : [typeof options.stdin === 'string' ? Buffer.from(options.stdin) : options.stdin]),
    stdout: stdout.stream,
    stderr: stderr.stream,
    cwd: options.cwd ?? process.cwd(),
    now: new Date('2025-06-30T00:00:00Z'),
    signal: options.signal ?? new AbortController().signal,
    // A clock that advances 1 ms per look, so that the progress display shows up in long runs of the tests.
    elapsed: () => clock++,
  };
  const code = await runCli(args, io);
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

/** The temporary directories made by the test file at hand, removed when its tests have run. */
const temporaryDirectories: string[] = [];
afterAll(() => {
  for (const directory of temporaryDirectories.splice(0)) rmSync(directory, { recursive: true, force: true });
});

/** A new temporary directory, removed after the test file's last test. */
export function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'leadkit-cli-'));
  temporaryDirectories.push(directory);
  return directory;
}
