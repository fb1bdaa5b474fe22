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
