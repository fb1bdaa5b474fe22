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

const BUCKETS = 4096;

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
 * mutated (the values are copied). NaN and ±Infinity are ignored: they are not counted and change no field (an
 * infinite value would turn a median into `NaN` and a mean into `±Infinity`). Huge finite values are summarised
 * without overflowing: the percentiles stay within `min`…`max`, and so does the mean.
 *
 * @example
 * ```ts
 * summarizeDistribution([1, 2, 3, 4]); // { count: 4, min: 1, p25: 1.75, median: 2.5, p75: 3.25, p90: ≈3.7, max: 4, mean: 2.5 }
 * ```
 */
export function summarizeDistribution(values: Iterable<number>): DistributionSummary {
  const buffer = createSampleBuffer();
  // Only finite values: the internal buffers are filled from valid dates, so the check is here, not in pushSample.
  for (const value of values) if (Number.isFinite(value)) pushSample(buffer, value);
  return summarizeSamples(buffer);
}

/**
 * A growable buffer of samples (internal): a list of chunks, each a plain array of unboxed doubles. The first chunk
 * is small and each new one twice the size of the last, up to {@link MAX_CHUNK} values, so a buffer of a few values
 * costs little and a buffer of millions is filled without ever copying what it holds: growing one plain array
 * instead copies its whole store each time it fills, which on millions of samples cost more than the pass over the
 * records. The chunks stay on the JavaScript heap (the full-size ones, of 128 KiB, go straight to V8's large-object
 * space, which the young-generation collector never copies); typed arrays would count as external memory, whose
 * growth forces full collections of a large heap of records.
 */
export interface SampleBuffer {
  /** Chunks already full. */
  readonly full: number[][];
  /** The chunk being filled. */
  current: number[];
  /** How many values of `current` are used. */
  used: number;
}

const FIRST_CHUNK = 64;
const MAX_CHUNK = 16_384;

/** Creates an empty {@link SampleBuffer}. */
export function createSampleBuffer(): SampleBuffer {
  return { full: [], current: doubleChunk(FIRST_CHUNK), used: 0 };
}

/** A chunk whose elements kind is already "unboxed doubles", so writing a computed double never boxes it. */
function doubleChunk(size: number): number[] {
  return new Array<number>(size).fill(0.5);
}

function startChunk(buffer: SampleBuffer): void {
  buffer.full.push(buffer.current);
  buffer.current = doubleChunk(Math.min(MAX_CHUNK, buffer.current.length * 2));
  buffer.used = 0;
}

/** Appends a value. */
export function pushSample(buffer: SampleBuffer, value: number): void {
  if (buffer.used === buffer.current.length) startChunk(buffer);
  buffer.current[buffer.used++] = value;
}

/** The filled stretches of the buffers' values: their whole chunks, then the used part of each last chunk. */
function chunksOf(buffers: readonly SampleBuffer[]): (readonly number[])[] {
  const chunks: (readonly number[])[] = [];
  for (const buffer of buffers) {
    chunks.push(...buffer.full);
    if (buffer.used > 0) chunks.push(buffer.current.slice(0, buffer.used));
  }
  return chunks;
}

/** Summarises a buffer (internal). The samples are read, not reordered. */
export function summarizeSamples(buffer: SampleBuffer): DistributionSummary {
  return summarizeParts([buffer]);
}

/** Summarises the union of several sample buffers (internal), without concatenating them. */
export function summarizeParts(buffers: readonly SampleBuffer[]): DistributionSummary {
  return summarizeUnions(buffers, [buffers.map((_, index) => index)])[0] as DistributionSummary;
}

const PERCENTILES = [0.25, 0.5, 0.75, 0.9];

/** The ranks (0-based) of the two values each percentile interpolates between, in {@link PERCENTILES} order. */
function percentileRanks(length: number): number[] {
  const ranks: number[] = [];
  for (const p of PERCENTILES) {
    const below = Math.floor((length - 1) * p);
    ranks.push(below, Math.min(below + 1, length - 1));
  }
  return ranks;
}

/** The smaller of two numbers, -0 below +0 (as `Math.min`, without its handling of many arguments). */
function lower(left: number, right: number): number {
  return right < left || (right === left && right === 0 && 1 / right < 0) ? right : left;
}

/** The larger of two numbers, +0 above -0. */
function higher(left: number, right: number): number {
  return right > left || (right === left && right === 0 && 1 / right > 0) ? right : left;
}

/**
 * Summarises several distributions that share sample buffers (internal): `unions[k]` lists the indices of the
 * `parts` whose values make distribution k. Each part is read three times whatever the number of distributions it
 * belongs to (the latest and cumulative time in a stage share the samples of records that stayed once):
 *
 * 1. count, sum, min and max of each part;
 * 2. a histogram of each part over {@link BUCKETS} equal-width buckets spanning every part, whose sums per
 *    distribution locate the bucket of each rank the percentiles need;
 * 3. the values of those few buckets only, which are then sorted.
 *
 * Bucketing is monotone, so the ranks are exact: linear in the number of values, against O(n log n) for a sort.
 * Nothing is reordered. Only when a distribution's sum overflows (huge values) are its parts read once more, for
 * the mean.
 */
export function summarizeUnions(parts: readonly SampleBuffer[], unions: readonly (readonly number[])[]): DistributionSummary[] {
  const partChunks = parts.map((part) => chunksOf([part]));
  const lengths = new Float64Array(parts.length);
  const sums = new Float64Array(parts.length);
  const mins = new Float64Array(parts.length).fill(Infinity);
  const maxs = new Float64Array(parts.length).fill(-Infinity);
  partChunks.forEach((chunks, part) => {
    let length = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const values of chunks) {
      length += values.length;
      for (let index = 0; index < values.length; index++) {
        const value = values[index] as number;
        sum += value;
        min = lower(min, value);
        max = higher(max, value);
      }
    }
    lengths[part] = length;
    sums[part] = sum;
    mins[part] = min;
    maxs[part] = max;
  });
  let low = Infinity;
  let high = -Infinity;
  for (let part = 0; part < parts.length; part++) {
    low = lower(low, mins[part] as number);
    high = higher(high, maxs[part] as number);
  }
  const scale = BUCKETS / (high - low);
  // A range so small (subnormal) or so large (overflowing) that the scale is not a finite positive number cannot be
  // bucketed without NaN: those distributions are sorted whole instead, which is exact too.
  const bucketed = scale > 0 && scale < Infinity;
  const last = BUCKETS - 1;
  const bucketOf = (value: number): number => {
    const bucket = Math.floor((value - low) * scale);
    return bucket > last ? last : bucket;
  };
  const partCounts = bucketed
    ? partChunks.map((chunks) => {
        const counts = new Int32Array(BUCKETS);
        for (const values of chunks)
          for (let index = 0; index < values.length; index++) {
            const bucket = bucketOf(values[index] as number);
            counts[bucket] = (counts[bucket] as number) + 1;
          }
        return counts;
      })
    : [];

  // Per distribution: its count, sum and extremes, and where each rank the percentiles need falls (bucket, and the
  // bucket's first rank in the distribution).
  interface Plan {
    readonly length: number;
    readonly sum: number;
    readonly min: number;
    readonly max: number;
    readonly buckets: number[];
    readonly starts: number[];
  }
  const wanted = new Uint8Array(bucketed ? BUCKETS : 0);
  const plans: (Plan | undefined)[] = unions.map((members) => {
    let length = 0;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const part of members) {
      length += lengths[part] as number;
      sum += sums[part] as number;
      min = lower(min, mins[part] as number);
      max = higher(max, maxs[part] as number);
    }
    if (length === 0) return undefined;
    const buckets: number[] = [];
    const starts: number[] = [];
    if (min === max || !bucketed) return { length, sum, min, max, buckets, starts };
    for (const rank of percentileRanks(length)) {
      let bucket = 0;
      let start = 0;
      for (; bucket < last; bucket++) {
        let count = 0;
        for (const part of members) count += (partCounts[part] as Int32Array)[bucket] as number;
        if (start + count > rank) break;
        start += count;
      }
      buckets.push(bucket);
      starts.push(start);
      wanted[bucket] = 1;
    }
    return { length, sum, min, max, buckets, starts };
  });

  // The values of the wanted buckets, per part and bucket.
  const gathered: Map<number, number[]>[] = partChunks.map((chunks) => {
    const found = new Map<number, number[]>();
    if (!bucketed) return found;
    for (const values of chunks)
      for (let index = 0; index < values.length; index++) {
        const value = values[index] as number;
        const bucket = bucketOf(value);
        if (wanted[bucket] !== 1) continue;
        let list = found.get(bucket);
        if (list === undefined) found.set(bucket, (list = []));
        list.push(value);
      }
    return found;
  });

  return unions.map((members, position) => {
    const plan = plans[position];
    if (plan === undefined) return empty;
    const { length, sum, min, max } = plan;
    let atRank: (rank: number, index: number) => number;
    if (min === max) atRank = () => min;
    else if (!bucketed) {
      const sorted = Float64Array.from(members.flatMap((part) => (partChunks[part] as (readonly number[])[]).flat())).sort();
      atRank = (rank) => sorted[rank] as number;
    } else {
      const sortedBuckets = new Map<number, Float64Array>();
      atRank = (rank, index) => {
        const bucket = plan.buckets[index] as number;
        let values = sortedBuckets.get(bucket);
        if (values === undefined) {
          values = Float64Array.from(members.flatMap((part) => (gathered[part] as Map<number, number[]>).get(bucket) ?? [])).sort();
          sortedBuckets.set(bucket, values);
        }
        return values[rank - (plan.starts[index] as number)] as number;
      };
    }
    const ranks = percentileRanks(length);
    const results = PERCENTILES.map((p, index) => {
      const fraction = (length - 1) * p - (ranks[index * 2] as number);
      const lowerValue = atRank(ranks[index * 2] as number, index * 2);
      const upperValue = atRank(ranks[index * 2 + 1] as number, index * 2 + 1);
      const difference = upperValue - lowerValue;
      // The plain formula, unless the difference overflows (values of opposite signs beyond half the largest double):
      // then a weighted sum, which cannot overflow for such values, kept between the two values it interpolates.
      if (difference - difference === 0) return lowerValue + fraction * difference;
      const weighted = lowerValue * (1 - fraction) + upperValue * fraction;
      return weighted < lowerValue ? lowerValue : weighted > upperValue ? upperValue : weighted;
    });
    let mean = sum / length;
    if (sum - sum !== 0) {
      // The sum overflowed (huge finite values): a second pass adds each value's share instead, only in that case.
      mean = 0;
      for (const part of members)
        for (const values of partChunks[part] as (readonly number[])[])
          for (let index = 0; index < values.length; index++) mean += (values[index] as number) / length;
    }
    // Rounding (of the sum, or of the shares) can leave the mean a unit in the last place outside the values.
    if (mean > max) mean = max;
    else if (mean < min) mean = min;
    return {
      count: length,
      min,
      p25: results[0] as number,
      median: results[1] as number,
      p75: results[2] as number,
      p90: results[3] as number,
      max,
      mean,
    };
  });
}
