import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable, Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { temporaryDirectory } from './cli.test-helpers.ts';
import { CliError } from './cli-error.ts';
import type { CliIo } from './cli-io.ts';
import { openInput } from './open-input.ts';

function ioWith(stdin: Readable, cwd = process.cwd()): CliIo {
  const sink = new Writable({ write: (_chunk, _encoding, done) => done() });
  return { stdin, stdout: sink, stderr: sink, cwd, now: new Date('2025-06-30T00:00:00Z'), signal: new AbortController().signal, elapsed: () => 0 };
}

async function readAll(chunks: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Uint8Array[] = [];
  for await (const chunk of chunks) parts.push(chunk);
  return Buffer.concat(parts);
}

describe('openInput', () => {
  it('reads standard input given as text chunks, and tells JSON lines after a UTF-8 byte-order mark and spaces', async () => {
    const input = await openInput(ioWith(Readable.from(['\uFEFF \n\t{"id":"a"}\n', '{"id":"b"}\n'], { objectMode: true })), '-', undefined);
    expect(input.name).toBe('standard input');
    expect(input.size).toBeUndefined();
    expect(input.format).toBe('jsonl');
    expect(input.encodingFromMark).toBeUndefined();
    expect((await readAll(input.chunks)).toString('utf8')).toBe('\uFEFF \n\t{"id":"a"}\n{"id":"b"}\n');
    expect(input.bytesRead()).toBe(Buffer.byteLength('\uFEFF \n\t{"id":"a"}\n{"id":"b"}\n'));
    input.close();
  });

  it('takes text that does not open an object as CSV, and empty standard input as CSV with no chunks', async () => {
    const csv = await openInput(ioWith(Readable.from([Buffer.from('\uFEFFid\na\n')])), '-', undefined);
    expect(csv.format).toBe('csv');
    const empty = await openInput(ioWith(Readable.from([])), '-', undefined);
    expect(empty.format).toBe('csv');
    expect(await readAll(empty.chunks)).toEqual(Buffer.alloc(0));
    expect(empty.bytesRead()).toBe(0);
    const forced = await openInput(ioWith(Readable.from([Buffer.from('id\n')])), '-', 'jsonl');
    expect(forced.format).toBe('jsonl');
  });

  it('sees UTF-16 byte-order marks, and the format from .ndjson, .tsv and .txt names', async () => {
    const directory = temporaryDirectory();
    writeFileSync(join(directory, 'be.txt'), Buffer.from([0xfe, 0xff, 0x00, 0x7b]));
    writeFileSync(join(directory, 'le.ndjson'), Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
    writeFileSync(join(directory, 'plain.tsv'), 'id\ta\n');
    const io = ioWith(Readable.from([]), directory);
    const be = await openInput(io, 'be.txt', undefined);
    expect([be.encodingFromMark, be.format, be.size, be.name]).toEqual(['utf-16be', 'csv', 4, 'be.txt']);
    be.close();
    const le = await openInput(io, 'le.ndjson', undefined);
    expect([le.encodingFromMark, le.format]).toEqual(['utf-16le', 'jsonl']);
    expect(await readAll(le.chunks)).toEqual(Buffer.from([0xff, 0xfe, 0x7b, 0x00]));
    const tsv = await openInput(io, 'plain.tsv', undefined);
    expect([tsv.encodingFromMark, tsv.format]).toEqual([undefined, 'csv']);
    tsv.close();
  });

  it('has no size for a file that is not a regular file', async () => {
    const input = await openInput(ioWith(Readable.from([])), '/dev/null', undefined);
    expect(input.size).toBeUndefined();
    expect(input.format).toBe('csv');
    input.close();
  });

  it('refuses a directory, a missing file and an input that fails, in one line, as usage errors', async () => {
    const directory = temporaryDirectory();
    const io = ioWith(Readable.from([]), directory);
    await expect(openInput(io, '.', undefined)).rejects.toThrow(new CliError('.: is a directory: give a CSV or JSONL file', 2));
    await expect(openInput(io, 'nope.csv', undefined)).rejects.toThrow('nope.csv: no such file: check the path (use - to read standard input)');
    const failing = new Readable({
      read() {
        this.destroy(new Error('disk on fire'));
      },
    });
    const refused = openInput(ioWith(failing), '-', undefined);
    await expect(refused).rejects.toBeInstanceOf(CliError);
    await expect(refused).rejects.toThrow('standard input: cannot be read (disk on fire)');
  });
});
