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
    for (const values of [[5e-324, 0], [0, 5e-324, 1e-323], [-1.7e308, 0, 1.7e308]]) {
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
    for (const values of [[-0, 0], [0, -0], [0, -0, 0], [-0, -0]]) {
      const summary = summarizeDistribution(values);
      expect(Object.is(summary.min, Math.min(...values))).toBe(true);
      expect(Object.is(summary.max, Math.max(...values))).toBe(true);
    }
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
