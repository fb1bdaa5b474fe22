import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { calibrationTable, liftTable, rocAuc } from './evaluate.ts';

const scored = fc
  .array(
    fc.tuple(
      fc.integer({ min: 0, max: 20 }).map((n) => n / 20),
      fc.boolean(),
    ),
    { minLength: 2, maxLength: 200 },
  )
  .filter((pairs) => pairs.some(([, won]) => won) && pairs.some(([, won]) => !won));

describe('evaluation properties', () => {
  it('AUC of a reversed ranking is 1 − AUC (ties included)', () => {
    fc.assert(
      fc.property(scored, (pairs) => {
        const scores = pairs.map(([score]) => score);
        const labels = pairs.map(([, won]) => won);
        const auc = rocAuc(scores, labels);
        expect(auc).toBeGreaterThanOrEqual(0);
        expect(auc).toBeLessThanOrEqual(1);
        expect(
          rocAuc(
            scores.map((score) => -score),
            labels,
          ),
        ).toBeCloseTo(1 - auc, 12);
      }),
    );
  });
  it('calibration and lift tables cover every example once, and gains end at 1', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 1, max: 12 }), (pairs, groups) => {
        const scores = pairs.map(([score]) => score);
        const labels = pairs.map(([, won]) => won);
        expect(calibrationTable(scores, labels, { groups }).reduce((sum, row) => sum + row.count, 0)).toBe(pairs.length);
        const lift = liftTable(scores, labels, { groups });
        expect(lift.reduce((sum, row) => sum + row.count, 0)).toBe(pairs.length);
        expect(lift[lift.length - 1]?.gain).toBeCloseTo(1, 12);
      }),
    );
  });
  it('group 1 holds the highest predictions in both tables, and groups go down from there', () => {
    fc.assert(
      fc.property(scored, fc.integer({ min: 1, max: 12 }), (pairs, groups) => {
        const scores = pairs.map(([score]) => score);
        const labels = pairs.map(([, won]) => won);
        const calibration = calibrationTable(scores, labels, { groups });
        expect(calibration[0]?.maxPredicted).toBe(Math.max(...scores));
        for (let index = 1; index < calibration.length; index++)
          expect((calibration[index] as (typeof calibration)[number]).maxPredicted).toBeLessThanOrEqual(
            (calibration[index - 1] as (typeof calibration)[number]).minPredicted,
          );
        const lift = liftTable(scores, labels, { groups });
        expect(lift.map((row) => [row.group, row.count])).toEqual(calibration.map((row) => [row.group, row.count]));
      }),
    );
  });
});
