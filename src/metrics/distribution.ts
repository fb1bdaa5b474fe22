import type { Days } from './rate.ts';

/**
 * A distribution of durations: count, mean and percentiles. Percentiles interpolate linearly between the two
 * nearest ranks (the "R-7" method, the default of NumPy, R and spreadsheets); every field except `count` is
 * `undefined` when there is no value.
 */
export interface DistributionSummary {
  /** How many values. */
  readonly count: number;
  /** Smallest value. */
  readonly min: Days | undefined;
  /** 25th percentile. */
  readonly p25: Days | undefined;
  /** 50th percentile. */
  readonly median: Days | undefined;
  /** 75th percentile. */
  readonly p75: Days | undefined;
  /** 90th percentile. */
  readonly p90: Days | undefined;
  /** Largest value. */
  readonly max: Days | undefined;
  /** Arithmetic mean. */
  readonly mean: Days | undefined;
}

/** The percentile `p` (0–1) of sorted values, interpolating linearly between ranks. */
function percentileOfSorted(sorted: ArrayLike<number>, length: number, p: number): number {
  const position = (length - 1) * p;
  const lower = Math.floor(position);
  const lowerValue = sorted[lower] as number;
  if (lower + 1 >= length) return lowerValue;
  return lowerValue + (position - lower) * ((sorted[lower + 1] as number) - lowerValue);
}

const empty: DistributionSummary = {
  count: 0,
  min: undefined,
  p25: undefined,
  median: undefined,
  p75: undefined,
  p90: undefined,
  max: undefined,
  mean: undefined,
};

/**
 * Summarises values (durations in days): count, min, p25, median, p75, p90, max and mean. The input is not
 * mutated (a sorted copy is made); `NaN` values are ignored.
 *
 * @example
 * ```ts
 * summarizeDistribution([1, 2, 3, 4]); // { count: 4, min: 1, p25: 1.75, median: 2.5, p75: 3.25, p90: 3.7, max: 4, mean: 2.5 }
 * ```
 */
export function summarizeDistribution(values: Iterable<number>): DistributionSummary {
  const buffer = createSampleBuffer();
  for (const value of values) if (!Number.isNaN(value)) pushSample(buffer, value);
  return summarizeSamples(buffer);
}

/** A growable buffer of float samples (internal: avoids boxing numbers in a JavaScript array). */
export interface SampleBuffer {
  /** Backing storage; only the first `length` values are used. */
  values: Float64Array;
  /** Number of values pushed. */
  length: number;
}

/** Creates an empty {@link SampleBuffer}. */
export function createSampleBuffer(capacity = 64): SampleBuffer {
  return { values: new Float64Array(capacity), length: 0 };
}

/** Appends a value, doubling the storage when full. */
export function pushSample(buffer: SampleBuffer, value: number): void {
  if (buffer.length === buffer.values.length) {
    const grown = new Float64Array(buffer.values.length * 2);
    grown.set(buffer.values);
    buffer.values = grown;
  }
  buffer.values[buffer.length++] = value;
}

/** Summarises a buffer, sorting its storage in place (the buffer is internal, never a caller's data). */
export function summarizeSamples(buffer: SampleBuffer): DistributionSummary {
  const length = buffer.length;
  if (length === 0) return empty;
  const sorted = buffer.values.subarray(0, length).sort();
  let sum = 0;
  for (let index = 0; index < length; index++) sum += sorted[index] as number;
  return {
    count: length,
    min: sorted[0] as number,
    p25: percentileOfSorted(sorted, length, 0.25),
    median: percentileOfSorted(sorted, length, 0.5),
    p75: percentileOfSorted(sorted, length, 0.75),
    p90: percentileOfSorted(sorted, length, 0.9),
    max: sorted[length - 1] as number,
    mean: sum / length,
  };
}
