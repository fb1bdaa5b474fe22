import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliWritable } from './cli-io.ts';
import { createProgress } from './progress.ts';

function terminal(isTTY: boolean): { stream: CliWritable; text: () => string } {
  let text = '';
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });
  if (isTTY) Object.assign(stream, { isTTY: true, columns: 120 });
  return { stream, text: () => text };
}

describe('createProgress', () => {
  it('shows rows, rows/s, the share read and an ETA on a terminal once a run lasts a second, and clears the line at the end', () => {
    const { stream, text } = terminal(true);
    let now = 0;
    let bytes = 0;
    const progress = createProgress(stream, { enabled: true, elapsed: () => now, size: 1000, bytesRead: () => bytes });
    now = 500;
    progress.tick(4096);
    expect(text()).toBe(''); // under a second
    now = 2000;
    bytes = 250;
    progress.tick(8192);
    expect(text()).toBe(`\r[#####...............] 25% 8,192 rows, 4,096 rows/s, ETA 6s\u001b[K`);
    progress.tick(8193); // only every 4,096 rows
    now = 2100;
    progress.tick(12_288); // not redrawn within 200 ms
    expect(text().split('\r')).toHaveLength(2);
    now = 62_000;
    bytes = 500;
    progress.tick(16_384);
    expect(text()).toContain('50% 16,384 rows, 264 rows/s, ETA 1m02s');
    progress.done();
    expect(text().endsWith('\r\u001b[K')).toBe(true);
  });

  it('shows no share or ETA when the size is unknown (standard input)', () => {
    const { stream, text } = terminal(true);
    let now = 0;
    const progress = createProgress(stream, { enabled: true, elapsed: () => now, size: undefined, bytesRead: () => 0 });
    now = 1000;
    progress.tick(4096);
    expect(text()).toBe('\r4,096 rows, 4,096 rows/s\u001b[K');
  });

  it('writes nothing when standard error is not a terminal, or when turned off', () => {
    for (const [isTTY, enabled] of [
      [false, true],
      [true, false],
    ] as const) {
      const { stream, text } = terminal(isTTY);
      let now = 0;
      const progress = createProgress(stream, { enabled, elapsed: () => now, size: 10, bytesRead: () => 5 });
      now = 5000;
      progress.tick(4096);
      progress.done();
      expect(text()).toBe('');
    }
  });
});
