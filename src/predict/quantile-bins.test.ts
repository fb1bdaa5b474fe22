import { describe, expect, it } from 'vitest';
import { binLabel } from './feature-readers.ts';
import { quantileBins } from './quantile-bins.ts';

describe('quantileBins', () => {
  it('cuts at quantiles of the values', () => {
    expect(quantileBins([1, 2, 2, 2, 3, 4, 5, 6, 7, 8], { bins: 4 })).toEqual([2, 4, 7]);
    expect(quantileBins(Array.from({ length: 100 }, (_, index) => index))).toHaveLength(9);
    expect(
      quantileBins(
        Array.from({ length: 100 }, (_, index) => index),
        { bins: 5 },
      ),
    ).toEqual([20, 40, 60, 80]);
  });
  it('makes one cut where ties make quantiles meet, so equal values share a bin', () => {
    // 80% zeros: the first four quintiles are all 0.
    const values = [...Array.from({ length: 80 }, () => 0), ...Array.from({ length: 20 }, (_, index) => index + 1)];
    expect(quantileBins(values, { bins: 5 })).toEqual([1]);
    expect(binLabel(0, [1])).toBe('< 1');
  });
  it('ignores missing values; none or all equal give one bin', () => {
    expect(quantileBins([Number.NaN, 1, 2, 3, 4, Number.POSITIVE_INFINITY], { bins: 2 })).toEqual([3]);
    expect(quantileBins([], { bins: 5 })).toEqual([]);
    expect(quantileBins([7, 7, 7], { bins: 5 })).toEqual([]);
    expect(binLabel(7, [])).toBe('any value');
  });
  it('refuses a bad number of bins', () => {
    for (const bins of [0, 101, 2.5, Number.NaN]) expect(() => quantileBins([1, 2], { bins })).toThrow(RangeError);
  });
});
