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

/**
 * Finds the values at the given ranks (0-based, ascending) of the union of `chunks` without sorting them all: a
 * histogram pass over {@link BUCKETS} equal-width buckets between `min` and `max` finds the bucket of each rank, a
 * second pass gathers the values of those few buckets only, and just these are sorted. Bucketing is monotone, so the
 * ranks are exact. Linear in the number of values, against O(n log n) for a sort; nothing is reordered.
 */
function valuesAtRanks(chunks: readonly (readonly number[])[], length: number, min: number, max: number, ranks: readonly number[]): number[] {
  const scale = BUCKETS / (max - min);
  // A range so small (subnormal) or so large (overflowing) that the scale is not a finite positive number cannot be
  // bucketed without NaN: sort a copy instead, which is exact too.
  if (!(scale > 0 && scale < Infinity)) {
    const sorted = new Float64Array(length);
    let offset = 0;
    for (const values of chunks) {
      sorted.set(values, offset);
      offset += values.length;
    }
    sorted.sort();
    return ranks.map((rank) => sorted[rank] as number);
  }
  const last = BUCKETS - 1;
  const counts = new Int32Array(BUCKETS);
  for (const values of chunks) {
    for (let index = 0; index < values.length; index++) {
      let bucket = Math.floor(((values[index] as number) - min) * scale);
      if (bucket > last) bucket = last;
      counts[bucket] = (counts[bucket] as number) + 1;
    }
  }
  const starts = new Int32Array(BUCKETS);
  for (let bucket = 1; bucket < BUCKETS; bucket++) starts[bucket] = (starts[bucket - 1] as number) + (counts[bucket - 1] as number);
  const slotOf = new Int32Array(BUCKETS).fill(-1);
  const gathered: Float64Array[] = [];
  const bucketOfRank = ranks.map((rank) => {
    let bucket = 0;
    while (bucket < last && (starts[bucket + 1] as number) <= rank) bucket++;
    if (slotOf[bucket] === -1) {
      slotOf[bucket] = gathered.length;
      gathered.push(new Float64Array(counts[bucket] as number));
    }
    return bucket;
  });
  const fill = new Int32Array(gathered.length);
  for (const values of chunks) {
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      let bucket = Math.floor((value - min) * scale);
      if (bucket > last) bucket = last;
      const slot = slotOf[bucket] as number;
      if (slot >= 0) {
        (gathered[slot] as Float64Array)[fill[slot] as number] = value;
        fill[slot] = (fill[slot] as number) + 1;
      }
    }
  }
  for (const bucketValues of gathered) bucketValues.sort();
  return ranks.map((rank, position) => {
    const bucket = bucketOfRank[position] as number;
    return (gathered[slotOf[bucket] as number] as Float64Array)[rank - (starts[bucket] as number)] as number;
  });
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
 * mutated (the values are copied); `NaN` values are ignored.
 *
 * @example
 * ```ts
 * summarizeDistribution([1, 2, 3, 4]); // { count: 4, min: 1, p25: 1.75, median: 2.5, p75: 3.25, p90: ≈3.7, max: 4, mean: 2.5 }
 * ```
 */
export function summarizeDistribution(values: Iterable<number>): DistributionSummary {
  const buffer = createSampleBuffer();
  for (const value of values) if (!Number.isNaN(value)) pushSample(buffer, value);
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
  let length = 0;
  let sum = 0;
  let min = Infinity;
  let max = -Infinity;
  const chunks = chunksOf(buffers);
  for (const values of chunks) {
    length += values.length;
    for (let index = 0; index < values.length; index++) {
      const value = values[index] as number;
      sum += value;
      if (value < min) min = value;
      if (value > max) max = value;
    }
  }
  if (length === 0) return empty;
  const percentiles = [0.25, 0.5, 0.75, 0.9];
  const ranks: number[] = [];
  for (const p of percentiles) {
    const lower = Math.floor((length - 1) * p);
    ranks.push(lower, Math.min(lower + 1, length - 1));
  }
  const atRanks = min === max ? ranks.map(() => min) : valuesAtRanks(chunks, length, min, max, ranks);
  const results = percentiles.map((p, position) => {
    const rank = (length - 1) * p;
    const lowerValue = atRanks[position * 2] as number;
    return lowerValue + (rank - Math.floor(rank)) * ((atRanks[position * 2 + 1] as number) - lowerValue);
  });
  return {
    count: length,
    min,
    p25: results[0] as number,
    median: results[1] as number,
    p75: results[2] as number,
    p90: results[3] as number,
    max,
    mean: sum / length,
  };
}
