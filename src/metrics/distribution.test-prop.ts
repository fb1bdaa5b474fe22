import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { createSampleBuffer, pushSample, summarizeDistribution, summarizeUnions } from './distribution.ts';

function naivePercentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * p;
  const lower = Math.floor(position);
  const upper = Math.min(lower + 1, sorted.length - 1);
  return (sorted[lower] as number) + (position - lower) * ((sorted[upper] as number) - (sorted[lower] as number));
}

describe('summarizeDistribution', () => {
  it('matches hand-computed percentiles', () => {
    const summary = summarizeDistribution([4, 1, 3, 2]);
    expect(summary).toMatchObject({ count: 4, min: 1, p25: 1.75, median: 2.5, p75: 3.25, max: 4, mean: 2.5 });
    expect(summary.p90).toBeCloseTo(3.7);
    expect(summarizeDistribution([])).toMatchObject({ count: 0, median: undefined });
    expect(summarizeDistribution([7, Number.NaN])).toMatchObject({ count: 1, min: 7, median: 7, p90: 7, max: 7 });
  });

  it('handles ranges too small or too large to bucket (subnormal and overflowing differences)', () => {
    for (const values of [
      [5e-324, 0],
      [0, 5e-324, 1e-323],
      [-1.7e308, 0, 1.7e308],
    ]) {
      const summary = summarizeDistribution(values);
      expect(summary).toMatchObject({ min: Math.min(...values), max: Math.max(...values) });
      expect([summary.p25, summary.median, summary.p75, summary.p90]).toEqual([0.25, 0.5, 0.75, 0.9].map((p) => naivePercentile(values, p)));
    }
  });

  it('is exact across the chunks of its sample buffer (small first chunks, then full-size ones)', () => {
    // 100,000 values fill chunks of 64, 128, … 16,384 values and several full-size ones; chunk edges must not drop,
    // repeat or reorder a value. Skewed values put the percentiles in different buckets and chunks.
    let state = 12345;
    const values = Array.from({ length: 100_000 }, () => {
      state = (state * 1103515245 + 12345) % 2147483648;
      return (state / 2147483648) ** 3 * 365;
    });
    const summary = summarizeDistribution(values);
    expect(summary.count).toBe(values.length);
    expect(summary.min).toBe(Math.min(...values));
    expect(summary.max).toBe(Math.max(...values));
    expect(summary.mean).toBeCloseTo(values.reduce((sum, value) => sum + value, 0) / values.length, 9);
    expect([summary.p25, summary.median, summary.p75, summary.p90]).toEqual([0.25, 0.5, 0.75, 0.9].map((p) => naivePercentile(values, p)));
    for (const length of [63, 64, 65, 192, 193, 16_384 + 16_320, 16_384 + 16_320 + 1]) {
      const part = values.slice(0, length);
      expect(summarizeDistribution(part).median).toBe(naivePercentile(part, 0.5));
      expect(summarizeDistribution(part).count).toBe(length);
    }
  });

  it('orders -0 below +0 for min and max, as Math.min and Math.max do', () => {
    for (const values of [
      [-0, 0],
      [0, -0],
      [0, -0, 0],
      [-0, -0],
    ]) {
      const summary = summarizeDistribution(values);
      expect(Object.is(summary.min, Math.min(...values))).toBe(true);
      expect(Object.is(summary.max, Math.max(...values))).toBe(true);
    }
  });

  it('ignores NaN and ±Infinity, as if they were not there', () => {
    expect(summarizeDistribution([1, 2, Number.POSITIVE_INFINITY])).toEqual(summarizeDistribution([1, 2]));
    expect(summarizeDistribution([Number.NEGATIVE_INFINITY, 3, Number.NaN, 1, Number.POSITIVE_INFINITY, 2])).toEqual(summarizeDistribution([3, 1, 2]));
    expect(summarizeDistribution([Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN])).toEqual(summarizeDistribution([]));
    expect(summarizeDistribution([1, 2, Number.POSITIVE_INFINITY]).median).toBe(1.5);
  });

  it('keeps percentiles and the mean finite and within min…max for huge values', () => {
    const max = Number.MAX_VALUE;
    // The difference overflows: the percentiles are weighted sums of the two values, between them.
    const opposite = summarizeDistribution([-1.7e308, 1.7e308]);
    expect([opposite.p25, opposite.median, opposite.p75, opposite.p90]).toEqual([0.25, 0.5, 0.75, 0.9].map((f) => -1.7e308 * (1 - f) + 1.7e308 * f));
    expect(opposite.mean).toBe(0);
    const extremes = summarizeDistribution([-max, -max, max, max, max]);
    expect(extremes).toMatchObject({ min: -max, p25: -max, median: max, p75: max, p90: max, max });
    // The sum overflows: the mean is the sum of each value's share, within min…max.
    expect(summarizeDistribution([1e308, 1e308, 1e308]).mean).toBe(1e308);
    expect(summarizeDistribution([max, max, max])).toMatchObject({ median: max, mean: max });
    expect(summarizeDistribution([max, max, -max]).mean).toBeCloseTo(max / 3, -300);
    expect(summarizeDistribution([-max, -max, 0]).mean).toBeCloseTo(-max * (2 / 3), -300);
    // Rounding alone, without overflow: (a + a + a) / 3 is one unit in the last place above a for this a.
    const a = 4.013685395034106e297;
    expect((a + a + a) / 3).toBeGreaterThan(a);
    expect(summarizeDistribution([a, a, a])).toMatchObject({ min: a, mean: a, max: a });
    // Across several sample buffers too (the second pass reads every part of the union).
    const buffers = [[1e308, 1.5e308], [1.7e308], [-1e308]].map((part) => {
      const buffer = createSampleBuffer();
      for (const value of part) pushSample(buffer, value);
      return buffer;
    });
    const [high, mixed] = summarizeUnions(buffers, [
      [0, 1],
      [0, 1, 2],
    ]);
    expect(high?.mean).toBeCloseTo(1e308 / 3 + 1.5e308 / 3 + 1.7e308 / 3, -300);
    expect(mixed?.mean).toBeCloseTo(1e308 / 4 + 1.5e308 / 4 + 1.7e308 / 4 - 1e308 / 4, -300);
  });

  it('does not mutate its input', () => {
    const values = [5, 3, 9, 1];
    summarizeDistribution(values);
    expect(values).toEqual([5, 3, 9, 1]);
  });

  test.prop([fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { minLength: 1, maxLength: 300 })])(
    'equals a sort-based computation, and percentiles are monotone',
    (values) => {
      const summary = summarizeDistribution(values);
      expect(summary.count).toBe(values.length);
      expect(summary.min).toBe(Math.min(...values));
      expect(summary.max).toBe(Math.max(...values));
      const computed = [summary.p25, summary.median, summary.p75, summary.p90] as number[];
      [0.25, 0.5, 0.75, 0.9].forEach((p, index) => expect(computed[index]).toBeCloseTo(naivePercentile(values, p), 6));
      const ordered = [summary.min, ...computed, summary.max] as number[];
      ordered.forEach((value, index) => index === 0 || expect(value).toBeGreaterThanOrEqual((ordered[index - 1] as number) - 1e-9));
    },
  );

  /** The documented percentile, from a sort: the plain formula, or a clamped weighted sum when the difference overflows. */
  function percentileOfFinite(values: readonly number[], p: number): number {
    const sorted = [...values].sort((a, b) => a - b);
    const position = (sorted.length - 1) * p;
    const lower = Math.floor(position);
    const a = sorted[lower] as number;
    const b = sorted[Math.min(lower + 1, sorted.length - 1)] as number;
    const f = position - lower;
    if (Number.isFinite(b - a)) return a + f * (b - a);
    return Math.min(b, Math.max(a, a * (1 - f) + b * f));
  }

  const huge = fc.oneof(
    fc.double({ noNaN: true }),
    fc.double({ min: 1e300, noDefaultInfinity: true, noNaN: true }),
    fc.double({ max: -1e300, noDefaultInfinity: true, noNaN: true }),
    fc.constantFrom(Number.MAX_VALUE, -Number.MAX_VALUE, 1e308, -1e308, 0, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, Number.NaN),
  );
  test.prop([fc.array(huge, { maxLength: 100 })])(
    'with huge and non-finite values: non-finite ones ignored, percentiles within min…max and monotone, mean within min…max',
    (values) => {
      const finite = values.filter((value) => Number.isFinite(value));
      const summary = summarizeDistribution(values);
      expect(summary.count).toBe(finite.length);
      if (finite.length === 0) {
        expect(summary).toEqual(summarizeDistribution([]));
        return;
      }
      const ordered = [summary.min, summary.p25, summary.median, summary.p75, summary.p90, summary.max] as number[];
      expect(summary.min).toBe(Math.min(...finite));
      expect(summary.max).toBe(Math.max(...finite));
      expect(ordered.every((value) => Number.isFinite(value))).toBe(true);
      ordered.forEach((value, index) => index === 0 || expect(value).toBeGreaterThanOrEqual(ordered[index - 1] as number));
      expect([summary.p25, summary.median, summary.p75, summary.p90]).toEqual([0.25, 0.5, 0.75, 0.9].map((p) => percentileOfFinite(finite, p)));
      const mean = summary.mean as number;
      expect(Number.isFinite(mean)).toBe(true);
      expect(mean >= (summary.min as number) && mean <= (summary.max as number)).toBe(true);
    },
  );

  test.prop([
    fc.array(
      huge.filter((value) => Number.isFinite(value)),
      { maxLength: 60 },
    ),
    fc.array(
      huge.filter((value) => Number.isFinite(value)),
      { maxLength: 60 },
    ),
  ])('the mean of a union of sample buffers with huge values stays finite and within min…max', (first, second) => {
    const buffers = [first, second].map((part) => {
      const buffer = createSampleBuffer();
      for (const value of part) pushSample(buffer, value);
      return buffer;
    });
    const [union] = summarizeUnions(buffers, [[0, 1]]);
    if (first.length + second.length === 0) return;
    const mean = union?.mean as number;
    expect(Number.isFinite(mean) && mean >= (union?.min as number) && mean <= (union?.max as number)).toBe(true);
  });

  const values = fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.double({ min: -1e6, max: 1e6, noNaN: true })), { maxLength: 200 });
  test.prop([values, values, values])('summarizes distributions that share parts exactly as each union on its own', (shared, first, second) => {
    const buffers = [shared, first, second].map((part) => {
      const buffer = createSampleBuffer();
      for (const value of part) pushSample(buffer, value);
      return buffer;
    });
    const unions = [[0, 1], [0, 2], [0, 1, 2], [1], [2, 0]];
    const summaries = summarizeUnions(buffers, unions);
    unions.forEach((members, index) => {
      const all = members.flatMap((part) => [shared, first, second][part] as number[]);
      const summary = summaries[index];
      expect(summary?.count).toBe(all.length);
      if (all.length === 0) {
        expect(summary?.median).toBeUndefined();
        return;
      }
      // Against a plain sort of the union, not the library's own single-distribution path.
      expect([summary?.min, summary?.p25, summary?.median, summary?.p75, summary?.p90, summary?.max]).toEqual([
        Math.min(...all),
        ...[0.25, 0.5, 0.75, 0.9].map((p) => naivePercentile(all, p)),
        Math.max(...all),
      ]);
      expect(summary?.mean).toBeCloseTo(all.reduce((sum, value) => sum + value, 0) / all.length, 6);
    });
  });
});
