import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRandom } from './random.ts';

describe('createRandom (mulberry32)', () => {
  it('draws the same sequence from the same seed, another from another seed, and reads the seed as 32 bits', () => {
    const draw = (seed: number): number[] => {
      const random = createRandom(seed);
      return Array.from({ length: 8 }, () => random.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
    expect(draw(-1)).toEqual(draw(2 ** 32 - 1));
    expect(draw(2 ** 32 + 5)).toEqual(draw(5));
    // Successive values differ (the state moves on).
    expect(new Set(draw(1)).size).toBe(8);
  });

  it('is mulberry32: the same values as a reference written with BigInt arithmetic', () => {
    const mask = (1n << 32n) - 1n;
    const imul = (a: bigint, b: bigint): bigint => (a * b) & mask;
    const reference = (seed: number, count: number): number[] => {
      let state = BigInt(seed >>> 0);
      return Array.from({ length: count }, () => {
        state = (state + 0x6d2b79f5n) & mask;
        let t = imul(state ^ (state >> 15n), state | 1n);
        t = (t ^ ((t + imul(t ^ (t >> 7n), t | 61n)) & mask)) & mask;
        return Number((t ^ (t >> 14n)) & mask) / 4294967296;
      });
    };
    for (const seed of [0, 1, 7, 123_456_789, 2 ** 32 - 1]) {
      const random = createRandom(seed);
      expect(Array.from({ length: 20 }, () => random.next())).toEqual(reference(seed, 20));
    }
  });

  it('gives floats in [0, 1) spread over the interval', () => {
    const random = createRandom(42);
    const values = Array.from({ length: 10_000 }, () => random.next());
    for (const value of values) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThan(1);
    }
    const mean = values.reduce((sum, value) => sum + value, 0) / values.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(0.02);
    // Each tenth of [0, 1) gets close to a tenth of the values.
    const tenths = Array.from({ length: 10 }, (_, tenth) => values.filter((value) => Math.floor(value * 10) === tenth).length);
    for (const count of tenths) expect(Math.abs(count - 1000)).toBeLessThan(150);
  });

  it('int gives integers in [min, max], both ends included; pick an element; chance(p) about p of the time', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: -50, max: 50 }), fc.nat(20), (seed, min, width) => {
        const random = createRandom(seed);
        const seen = new Set<number>();
        for (let draw = 0; draw < 400; draw++) {
          const value = random.int(min, min + width);
          expect(Number.isInteger(value)).toBe(true);
          expect(value).toBeGreaterThanOrEqual(min);
          expect(value).toBeLessThanOrEqual(min + width);
          seen.add(value);
        }
        expect(seen.has(min)).toBe(true);
        expect(seen.has(min + width)).toBe(true);
      }),
      { numRuns: 50 },
    );
    const random = createRandom(3);
    const items = ['a', 'b', 'c'] as const;
    const picked = new Set(Array.from({ length: 200 }, () => random.pick(items)));
    expect([...picked].sort()).toEqual(['a', 'b', 'c']);
    const hits = Array.from({ length: 10_000 }, () => random.chance(0.3)).filter(Boolean).length;
    expect(Math.abs(hits - 3000)).toBeLessThan(200);
    expect(Array.from({ length: 1000 }, () => random.chance(0)).some(Boolean)).toBe(false);
    expect(Array.from({ length: 1000 }, () => random.chance(1)).every(Boolean)).toBe(true);
  });
});
