/**
 * Shared timing for the benchmarks: passes over a data set, best of several rounds after a warm-up. Each pass returns
 * a number that is folded into a checksum, so the engine cannot drop the work as dead code.
 */
let checksum = 0;

/** Items per second of one `pass` over `count` items: the best of `rounds` timed passes after one warm-up pass. */
export function rate(pass: () => number, count: number, rounds = 5): number {
  checksum += pass();
  let best = 0;
  for (let round = 0; round < rounds; round++) {
    const start = performance.now();
    checksum += pass();
    best = Math.max(best, count / ((performance.now() - start) / 1000));
  }
  return best;
}

/** Adds a value to the checksum (for work timed outside {@link rate}). */
export function consume(value: number): void {
  checksum += value;
}

/** The checksum of every pass so far; print it so the work is observable. */
export function benchChecksum(): number {
  return checksum;
}

/** One timed case of {@link interleavedRates}: a pass over `count` items. */
export interface TimedCase {
  /** A pass over the data; its result goes into the checksum. */
  readonly pass: () => number | Promise<number>;
  /** Items one pass handles. */
  readonly count: number;
}

/**
 * Items per second of each case, timed alike: one warm-up pass each, then `rounds` rounds that run every case once in
 * turn (so load from other processes falls on all of them alike), the best round of each counting. Async passes are
 * awaited inside their timing, as a caller would await them.
 */
export async function interleavedRates(cases: readonly TimedCase[], rounds = 5): Promise<number[]> {
  for (const timed of cases) checksum += await timed.pass();
  const best = cases.map(() => 0);
  for (let round = 0; round < rounds; round++)
    for (let index = 0; index < cases.length; index++) {
      const timed = cases[index] as TimedCase;
      const start = performance.now();
      checksum += await timed.pass();
      best[index] = Math.max(best[index] as number, timed.count / ((performance.now() - start) / 1000));
    }
  return best;
}
