import { describe, expect, it } from 'vitest';
import { brierScore, calibrationTable, confusionMatrix, evaluatePredictions, liftTable, logLoss, rocAuc } from './evaluate.ts';

describe('rocAuc', () => {
  it('is 1 for a perfect ranking and 0 for a reversed one', () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
  });
  it('counts ties as one half', () => {
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    // pairs (won, lost): (0.9,0.5)=1, (0.9,0.1)=1, (0.5,0.5)=½, (0.5,0.1)=1 → 3.5/4
    expect(rocAuc([0.9, 0.5, 0.5, 0.1], [true, true, false, false])).toBe(0.875);
  });
  it('matches a hand count on a mixed ranking', () => {
    // won: 0.9, 0.3; lost: 0.8, 0.1 → pairs 0.9>0.8, 0.9>0.1, 0.3<0.8, 0.3>0.1 → 3/4
    expect(rocAuc([0.9, 0.8, 0.3, 0.1], [true, false, true, false])).toBe(0.75);
  });
  it('is NaN with a single class', () => {
    expect(rocAuc([0.2, 0.4], [true, true])).toBeNaN();
  });
  it('throws on lists of different lengths', () => {
    expect(() => rocAuc([0.2], [true, false])).toThrow(RangeError);
  });
  it('does not mutate its input', () => {
    const scores = [0.3, 0.1, 0.2];
    const labels = [true, false, true];
    rocAuc(scores, labels);
    expect(scores).toEqual([0.3, 0.1, 0.2]);
    expect(labels).toEqual([true, false, true]);
  });
});

describe('logLoss and brierScore', () => {
  it('match hand computations', () => {
    expect(logLoss([0.8, 0.3], [true, false])).toBeCloseTo((-Math.log(0.8) - Math.log(0.7)) / 2, 12);
    expect(brierScore([0.8, 0.3], [true, false])).toBeCloseTo(0.065, 12);
  });
  it('clip certain mistakes to a finite loss', () => {
    expect(Number.isFinite(logLoss([0, 1], [true, false]))).toBe(true);
  });
  it('are NaN for empty lists', () => {
    expect(logLoss([], [])).toBeNaN();
    expect(brierScore([], [])).toBeNaN();
  });
});

describe('calibrationTable', () => {
  it('groups by predicted deciles with observed rates, group 1 the highest predictions', () => {
    const probabilities = Array.from({ length: 20 }, (_, index) => index / 20);
    const labels = probabilities.map((_, index) => index % 2 === 0);
    const table = calibrationTable(probabilities, labels);
    expect(table).toHaveLength(10);
    expect(table[0]).toEqual({ group: 1, count: 2, minPredicted: 0.9, maxPredicted: 0.95, meanPredicted: 0.925, observedRate: 0.5 });
    expect(table[9]).toEqual({ group: 10, count: 2, minPredicted: 0, maxPredicted: 0.05, meanPredicted: 0.025, observedRate: 0.5 });
    expect(table.reduce((sum, row) => sum + row.count, 0)).toBe(20);
  });
  it('numbers its groups as the lift table does: row k of both holds the same examples', () => {
    const probabilities = [0.15, 0.9, 0.4, 0.75, 0.05, 0.6, 0.3, 0.85, 0.2, 0.5];
    const labels = [false, true, false, true, false, true, false, true, false, false];
    const calibration = calibrationTable(probabilities, labels, { groups: 5 });
    const lift = liftTable(probabilities, labels, { groups: 5 });
    expect(calibration.map((row) => row.group)).toEqual(lift.map((row) => row.group));
    calibration.forEach((row, index) => {
      expect(row.count).toBe(lift[index]?.count);
      expect(row.observedRate).toBe(lift[index]?.rate);
    });
    expect(calibration[0]?.minPredicted).toBe(0.85);
  });
  it('clamps more groups than examples to one example per group, fast, and refuses a bad number of groups', () => {
    expect(calibrationTable([0.2, 0.4], [true, false])).toHaveLength(2);
    const many = calibrationTable([0.2, 0.4, 0.1], [true, false, true], { groups: 1e9 });
    expect(many.map((row) => row.group)).toEqual([1, 2, 3]);
    expect(liftTable([0.2, 0.4, 0.1], [true, false, true], { groups: Number.MAX_SAFE_INTEGER })).toHaveLength(3);
    expect(calibrationTable([], [], { groups: 1e9 })).toEqual([]);
    for (const groups of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      expect(() => calibrationTable([0.2], [true], { groups })).toThrow(RangeError);
      expect(() => liftTable([0.2], [true], { groups })).toThrow(RangeError);
    }
  });
});

describe('liftTable', () => {
  it('computes lift and gains from the top down', () => {
    const probabilities = [0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1, 0.05];
    const labels = [true, true, false, true, false, false, false, false, false, false];
    const table = liftTable(probabilities, labels, { groups: 5 });
    expect(table[0]).toMatchObject({ group: 1, count: 2, won: 2, rate: 1, cumulativeWon: 2 });
    expect(table[0]?.lift).toBeCloseTo(1 / 0.3, 12);
    expect(table[0]?.gain).toBeCloseTo(2 / 3, 12);
    expect(table[1]?.gain).toBe(1);
    expect(table[4]?.cumulativeLift).toBeCloseTo(1, 12);
  });
});

describe('confusionMatrix', () => {
  it('counts at the threshold (at or above is predicted won)', () => {
    const matrix = confusionMatrix([0.9, 0.4, 0.6, 0.5, 0.1], [true, true, false, true, false], 0.5);
    expect(matrix).toMatchObject({ truePositive: 2, falseNegative: 1, falsePositive: 1, trueNegative: 1 });
    expect(matrix.precision).toBeCloseTo(2 / 3, 12);
    expect(matrix.recall).toBeCloseTo(2 / 3, 12);
    expect(matrix.accuracy).toBeCloseTo(3 / 5, 12);
    expect(matrix.f1).toBeCloseTo(2 / 3, 12);
  });
});

describe('evaluatePredictions', () => {
  it('does not mutate its input', () => {
    const probabilities = [0.3, 0.9, 0.1];
    const labels = [true, false, true];
    evaluatePredictions(probabilities, labels);
    expect(probabilities).toEqual([0.3, 0.9, 0.1]);
    expect(labels).toEqual([true, false, true]);
  });
  it('gathers every measure', () => {
    const evaluation = evaluatePredictions([0.9, 0.8, 0.3, 0.1], [true, false, true, false], { threshold: 0.5, groups: 2 });
    expect(evaluation.count).toBe(4);
    expect(evaluation.won).toBe(2);
    expect(evaluation.baseRate).toBe(0.5);
    expect(evaluation.rocAuc).toBe(0.75);
    expect(evaluation.calibration).toHaveLength(2);
    expect(evaluation.lift).toHaveLength(2);
    expect(evaluation.confusion.truePositive).toBe(1);
  });
});
