import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibratedProbability, fitCalibration } from './calibration.ts';

const scored = fc.array(fc.tuple(fc.oneof(fc.integer({ min: -8, max: 8 }), fc.double({ min: -40, max: 40, noNaN: true })), fc.boolean()), {
  minLength: 1,
  maxLength: 300,
});
const probes = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 });

describe('calibration properties', () => {
  for (const method of ['platt', 'isotonic'] as const)
    it(`${method}: calibrated probabilities are monotone in the raw log-odds, finite and strictly inside (0, 1)`, () => {
      fc.assert(
        fc.property(scored, probes, (pairs, raw) => {
          const calibration = fitCalibration(
            method,
            pairs.map(([score]) => score),
            pairs.map(([, won]) => won),
            5,
          );
          const probability = calibratedProbability(calibration);
          const sorted = [...raw, ...pairs.map(([score]) => score)].sort((a, b) => a - b);
          let previous = 0;
          for (const score of sorted) {
            const p = probability(score);
            expect(p).toBeGreaterThan(0);
            expect(p).toBeLessThan(1);
            expect(p).toBeGreaterThanOrEqual(previous);
            previous = p;
          }
        }),
      );
    });
});
