import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { floorLift, limitRange, sumOf } from './caps.ts';

describe('sumOf', () => {
  it('adds every value, or the selected ones in the order given', () => {
    expect(sumOf([1, 2, 3], undefined)).toBe(6);
    expect(sumOf([1, 2, 3], [2, 0])).toBe(4);
    expect(sumOf([1, 2, 3], [])).toBe(0);
    // Left to right: (0.1 + 0.7) + 0.3, not 0.1 + (0.7 + 0.3).
    expect(sumOf([0.1, 0.7, 0.3], undefined)).toBe(0.1 + 0.7 + 0.3);
    expect(sumOf([0.1, 0.7, 0.3], [1, 2, 0])).toBe(0.7 + 0.3 + 0.1);
  });
});

describe('limitRange on examples', () => {
  it('scales the selected positive values by one factor down to the cap, leaving the others alone', () => {
    const values = [10, 5, 20];
    const capped = [0, 0, 0];
    expect(limitRange(values, capped, [0, 2], undefined, 15)).toBe(0);
    expect(values).toEqual([5, 5, 10]);
    expect(capped).toEqual([5, 0, 10]);
  });

  it('gives back points of the negative values to reach a floor, in proportion', () => {
    const values = [4, -10];
    const capped = [0, 0];
    expect(limitRange(values, capped, undefined, 2, undefined)).toBe(0);
    expect(values).toEqual([4, -2]);
    expect(capped).toEqual([0, -8]);
  });

  it('zeroes the negative values and returns the points still missing for a positive floor', () => {
    const values = [3, -1];
    const capped = [0, 0];
    expect(limitRange(values, capped, undefined, 10, 20)).toBe(7);
    expect(values).toEqual([3, 0]);
    expect(capped).toEqual([0, -1]);
  });

  it('leaves values within the bounds as they are, and a bound exactly reached is not broken', () => {
    const values = [4, -1];
    const capped = [0, 0];
    expect(limitRange(values, capped, undefined, 3, 3)).toBe(0);
    expect(values).toEqual([4, -1]);
    expect(capped).toEqual([0, 0]);
  });

  it('lands exactly on the cap after rounding, with a scratch buffer too short for the values (it grows)', () => {
    const input = [29.64, 9.73, -3.48, 19.39, 34.88, 23.6, 28.72, 27.61];
    for (const scratch of [undefined, { originals: new Float64Array(1) }]) {
      const values = [...input];
      const capped = input.map(() => 0);
      limitRange(values, capped, undefined, undefined, 100, scratch);
      expect(sumOf(values, undefined)).toBe(100);
      expect(values[2]).toBe(-3.48);
      values.forEach((value, index) => expect(value + (capped[index] as number)).toBeCloseTo(input[index] as number, 9));
    }
  });

  it('lands exactly on a floor after rounding', () => {
    const input = [-29.64, -9.73, 3.48, -19.39, -34.88, -23.6, -28.72, -27.61];
    const values = [...input];
    const capped = input.map(() => 0);
    expect(limitRange(values, capped, undefined, -100, undefined)).toBe(0);
    expect(sumOf(values, undefined)).toBe(-100);
    expect(values[2]).toBe(3.48);
  });
});

describe('floorLift', () => {
  it('is what a sum needs to reach the floor, within the cap', () => {
    expect(floorLift(3, 10, undefined)).toBe(7);
    expect(floorLift(0, 0, 0)).toBe(0);
    fc.assert(
      fc.property(
        fc.double({ min: -100, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 200, noNaN: true }),
        fc.double({ min: 1, max: 50, noNaN: true }),
        (sum, above, room) => {
          const floor = sum + above;
          const lift = floorLift(sum, floor, floor + room);
          expect(sum + lift).toBeGreaterThanOrEqual(floor);
          expect(sum + lift).toBeLessThanOrEqual(floor + room);
          expect(sum + floorLift(sum, floor, undefined)).toBeGreaterThanOrEqual(floor);
        },
      ),
    );
  });

  it('steps one unit in the last place when the difference rounds short', () => {
    // -17.96 + (25.62 + 17.96) is 25.619999999999997: the lift is raised until the sum reaches 25.62.
    expect(-17.96 + (25.62 - -17.96)).toBeLessThan(25.62);
    const lift = floorLift(-17.96, 25.62, undefined);
    expect(lift).toBeGreaterThan(25.62 - -17.96);
    // A unit of the lift (about 43.58) is larger than one of the sum (about 25.62): the sum goes just past the floor.
    expect(-17.96 + lift).toBeGreaterThan(25.62);
    expect(-17.96 + lift).toBeLessThan(25.62 + 1e-14);
    // With the cap at the floor, no lift lands on it exactly: the cap holds, and the sum stays within one step of it.
    const capped = floorLift(-17.96, 25.62, 25.62);
    expect(-17.96 + capped).toBeLessThanOrEqual(25.62);
    expect(-17.96 + capped).toBeGreaterThan(25.62 - 1e-14);
  });
});
