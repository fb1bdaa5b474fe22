import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { limitRange } from './caps.ts';

const sum = (values: readonly number[]): number => {
  let total = 0;
  for (const value of values) total += value;
  return total;
};
const points = fc.oneof(fc.integer({ min: -60, max: 60 }), fc.double({ min: -60, max: 60, noNaN: true }), fc.constantFrom(1e9, -1e9, 1e15, 1e-300));

describe('limitRange', () => {
  it('keeps the sum within the bounds, moves only values of the right sign toward 0, and records every point moved', () => {
    fc.assert(
      fc.property(
        fc.array(points, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 150 }),
        fc.integer({ min: -150, max: 150 }),
        (input, cap, rawFloor) => {
          const floor = Math.min(rawFloor, cap);
          const values = [...input];
          const capped = input.map(() => 0);
          const lift = limitRange(values, capped, undefined, floor, cap);
          const total = sum(values);
          expect(total).toBeLessThanOrEqual(cap);
          expect(total + lift).toBeGreaterThanOrEqual(floor);
          expect(lift).toBeGreaterThanOrEqual(0);
          if (lift > 0) expect(values.every((value) => value >= 0)).toBe(true);
          input.forEach((original, index) => {
            const value = values[index] as number;
            // Signs never flip, and values only move toward 0.
            expect(Math.abs(value)).toBeLessThanOrEqual(Math.abs(original));
            expect(value * original).toBeGreaterThanOrEqual(0);
            expect(Math.abs(original - value - (capped[index] as number))).toBeLessThanOrEqual(Math.abs(original) * 1e-12 + 1e-300);
          });
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lands exactly on a cap that positive values alone exceed, however far above it they are', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: 0, max: 1e15, noNaN: true }), fc.integer({ min: 0, max: 100 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 150 }),
        (input, cap) => {
          fc.pre(sum(input) > cap);
          const values = [...input];
          limitRange(
            values,
            input.map(() => 0),
            undefined,
            undefined,
            cap,
          );
          expect(sum(values)).toBe(cap);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('lands exactly on a floor that negative values alone go below', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.double({ min: -1e15, max: 0, noNaN: true }), fc.integer({ min: -100, max: 0 })), { minLength: 1, maxLength: 12 }),
        fc.integer({ min: -150, max: 0 }),
        (input, floor) => {
          fc.pre(sum(input) < floor);
          const values = [...input];
          expect(
            limitRange(
              values,
              input.map(() => 0),
              undefined,
              floor,
              undefined,
            ),
          ).toBe(0);
          expect(sum(values)).toBe(floor);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
