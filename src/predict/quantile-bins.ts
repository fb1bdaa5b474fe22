/** Options of {@link quantileBins}. */
export interface QuantileBinsOptions {
  /** The number of bins wanted, an integer from 1 to 100 (default 10). Ties in the data can make fewer. */
  readonly bins?: number;
}

/**
 * Cut points that split numbers into bins of about equal size at their quantiles: the bins naive Bayes learns for a
 * numeric feature without `bins`. Every cut point is one of the values, so equal values always share a bin (a value
 * goes to the bin of the highest cut point at or below it, see `binLabel`), and no bin is empty: when ties make two
 * quantiles meet, they make one cut point, and there are fewer bins. Non-finite values (missing) are ignored; no
 * values, or all equal, give no cut points (one bin). The input is not mutated.
 *
 * @example
 * ```ts
 * quantileBins([1, 2, 2, 2, 3, 4, 5, 6, 7, 8], { bins: 4 }); // [2, 4, 7]: < 2, 2 to < 4, 4 to < 7, >= 7
 * ```
 * @throws RangeError when `bins` is not an integer from 1 to 100.
 */
export function quantileBins(values: readonly number[], options: QuantileBinsOptions = {}): number[] {
  const count = options.bins ?? 10;
  if (!Number.isInteger(count) || count < 1 || count > 100) throw new RangeError(`bins must be an integer from 1 to 100, not ${count}`);
  let finite = 0;
  for (const value of values) if (Number.isFinite(value)) finite++;
  const sorted = new Float64Array(finite);
  let next = 0;
  for (const value of values) if (Number.isFinite(value)) sorted[next++] = value === 0 ? 0 : value; // -0 and 0 are one value
  sorted.sort();
  const cuts: number[] = [];
  if (finite === 0) return cuts;
  const lowest = sorted[0] as number;
  for (let k = 1; k < count; k++) {
    const index = Math.round((k * finite) / count);
    if (index <= 0 || index >= finite) continue;
    const cut = sorted[index] as number;
    // A cut at the lowest value would leave its bin empty; one equal to the previous cut would too.
    if (cut > lowest && (cuts.length === 0 || cut > (cuts[cuts.length - 1] as number))) cuts.push(cut);
  }
  return cuts;
}
