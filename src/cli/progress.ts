import type { CliWritable } from './cli-io.ts';

/** A progress line on a terminal's standard error: rows, rows/s, and percent and ETA when the size is known. */
export interface Progress {
  /** Called per row (cheap: it looks at the clock every 4,096 rows). */
  tick(rows: number): void;
  /** Clears the line. */
  done(): void;
}

const SHOW_AFTER_MS = 1000;
const REDRAW_MS = 200;

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const total = Math.max(0, Math.round(seconds));
  const minutes = Math.floor(total / 60);
  return minutes > 0 ? `${minutes}m${String(total % 60).padStart(2, '0')}s` : `${total}s`;
}

/**
 * A progress display written with `\r` on `stream` when it is a terminal (and `enabled`), shown only once a run has
 * lasted a second; otherwise it does nothing. A dozen lines rather than a dependency: it needs no colours, no
 * multi-bar layout, and must not write anything to a pipe.
 */
export function createProgress(
  stream: CliWritable,
  options: { readonly enabled: boolean; readonly elapsed: () => number; readonly size: number | undefined; readonly bytesRead: () => number },
): Progress {
  if (!options.enabled || stream.isTTY !== true) return { tick: () => undefined, done: () => undefined };
  const started = options.elapsed();
  let lastDrawn = 0;
  let shown = false;
  return {
    tick(rows) {
      if ((rows & 4095) !== 0) return;
      const now = options.elapsed();
      if (now - started < SHOW_AFTER_MS || now - lastDrawn < REDRAW_MS) return;
      lastDrawn = now;
      shown = true;
      const seconds = (now - started) / 1000;
      const rate = rows / seconds;
      let line = `${rows.toLocaleString('en-US')} rows, ${Math.round(rate).toLocaleString('en-US')} rows/s`;
      if (options.size !== undefined && options.size > 0) {
        const fraction = Math.min(1, options.bytesRead() / options.size);
        const width = 20;
        const filled = Math.round(fraction * width);
        line = `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${Math.floor(fraction * 100)}% ${line}, ETA ${duration(fraction > 0 ? (seconds * (1 - fraction)) / fraction : Number.NaN)}`;
      }
      stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1)}\u001b[K`);
    },
    done() {
      if (shown) stream.write('\r\u001b[K');
    },
  };
}
