import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { binIndex, binLabel } from './feature-readers.ts';
import { quantileBins } from './quantile-bins.ts';

// Values with many ties (small integers), spread values and the odd missing one.
const values = fc.oneof(
  fc.array(fc.integer({ min: -3, max: 6 }), { maxLength: 300 }),
  fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { maxLength: 300 }),
  fc.array(fc.oneof(fc.constant(0), fc.constant(-0), fc.constant(Number.NaN), fc.integer({ min: 0, max: 3 }), fc.double({ noNaN: false })), { maxLength: 100 }),
);
const bins = fc.integer({ min: 1, max: 100 });

describe('quantileBins properties', () => {
  it('cut points are strictly ascending (bins are monotone), at most bins − 1, and each one of the values', () => {
    fc.assert(
      fc.property(values, bins, (list, count) => {
        const cuts = quantileBins(list, { bins: count });
        expect(cuts.length).toBeLessThanOrEqual(count - 1);
        for (let index = 1; index < cuts.length; index++) expect(cuts[index]).toBeGreaterThan(cuts[index - 1] as number);
        for (const cut of cuts) expect(list.some((value) => value === cut)).toBe(true);
      }),
    );
  });

  it('every training value falls in exactly one bin, equal values in the same one, and no bin is empty', () => {
    fc.assert(
      fc.property(values, bins, (list, count) => {
        const cuts = quantileBins(list, { bins: count });
        const finite = list.filter((value) => Number.isFinite(value));
        const used = new Set<number>();
        const binOf = new Map<number, number>();
        for (const value of finite) {
          const bin = binIndex(value, cuts);
          // exactly one bin: the one whose lower cut is at or below the value and whose upper cut is above it
          const holding = Array.from({ length: cuts.length + 1 }, (_, index) => index).filter(
            (index) => (index === 0 || (cuts[index - 1] as number) <= value) && (index === cuts.length || value < (cuts[index] as number)),
          );
          expect(holding).toEqual([bin]);
          const key = value === 0 ? 0 : value;
          if (binOf.has(key)) expect(binOf.get(key)).toBe(bin);
          binOf.set(key, bin);
          used.add(bin);
          expect(binLabel(value, cuts)).not.toBe('(missing)');
        }
        if (finite.length > 0) expect(used.size).toBe(cuts.length + 1);
      }),
    );
  });

  it('does not mutate its input', () => {
    fc.assert(
      fc.property(values, bins, (list, count) => {
        const copy = [...list];
        quantileBins(list, { bins: count });
        expect(list).toEqual(copy);
      }),
    );
  });
});
