import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { clampScorer, maxScorers, minScorers, normalizeScorer, sumScorers, weightScorers } from './combinators.ts';
import { contribution } from './contribution.ts';
import type { ScoreContribution, ScoreDisqualification, ScoreResult, Scorer } from './types.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const lead: Lead = { id: 'l', contact: {}, company: { name: 'Acme' }, source: 'referral', createdAt: new Date('2024-01-01T00:00:00Z'), activities: [] };

/** A scorer that always returns the same contributions (kept as given) and gates. */
const fixed = (contributions: ScoreContribution[], disqualifications: ScoreDisqualification[] = []): Scorer => {
  const result: ScoreResult = { score: contributions.reduce((sum, item) => sum + item.points, 0), contributions, disqualifications };
  return () => result;
};
const item = (ruleId: string, points: number): ScoreContribution => contribution({ ruleId, label: ruleId.toUpperCase(), points });

describe('sumScorers', () => {
  it('concatenates contributions and gates in scorer order; the score is their sum', () => {
    const a = item('a', 2);
    const b = item('b', -5);
    const result = sumScorers(fixed([a], [{ ruleId: 'g1', label: 'G1' }]), fixed([b], [{ ruleId: 'g2', label: 'G2' }]))(lead, { asOf });
    expect(result.contributions).toEqual([a, b]);
    expect(result.contributions[0]).toBe(a);
    expect(result.disqualifications.map((gate) => gate.ruleId)).toEqual(['g1', 'g2']);
    expect(result.score).toBe(-3);
    expect(sumScorers()(lead, { asOf })).toEqual({ score: 0, contributions: [], disqualifications: [] });
  });
});

describe('weightScorers', () => {
  it('multiplies points, caps and weight by the weight, keeping raw and decayed points; weight 1 passes contributions on as they are', () => {
    const a = { ...item('a', 8), cappedPoints: 2, weight: 0.5 };
    const b = item('b', 3);
    const result = weightScorers([
      [fixed([a], [{ ruleId: 'g', label: 'G' }]), 0.25],
      [fixed([b]), 1],
    ])(lead, { asOf });
    expect(result.contributions[0]).toEqual({ ...a, points: 2, cappedPoints: 0.5, weight: 0.125 });
    expect(result.contributions[1]).toBe(b);
    expect(result.score).toBe(5);
    expect(result.disqualifications).toEqual([{ ruleId: 'g', label: 'G' }]);
  });
});

describe('maxScorers and minScorers', () => {
  const low = fixed([item('low', 1)], [{ ruleId: 'x', label: 'X' }]);
  const high = fixed([item('high', 9)]);
  const alsoHigh = fixed([item('also-high', 9)], [{ ruleId: 'y', label: 'Y' }]);
  const alsoLow = fixed([item('also-low', 1)]);

  it('take the contributions of the highest or lowest score, the first on ties, and keep every gate', () => {
    const best = maxScorers(low, high, alsoHigh)(lead, { asOf });
    expect(best.contributions.map((entry) => entry.ruleId)).toEqual(['high']);
    expect(best.score).toBe(9);
    expect(best.disqualifications.map((gate) => gate.ruleId)).toEqual(['x', 'y']);
    const worst = minScorers(high, low, alsoLow)(lead, { asOf });
    expect(worst.contributions.map((entry) => entry.ruleId)).toEqual(['low']);
    expect(worst.score).toBe(1);
    expect(worst.disqualifications.map((gate) => gate.ruleId)).toEqual(['x']);
    expect(maxScorers(alsoHigh, high)(lead, { asOf }).contributions.map((entry) => entry.ruleId)).toEqual(['also-high']);
    expect(minScorers(alsoLow, low)(lead, { asOf }).contributions.map((entry) => entry.ruleId)).toEqual(['also-low']);
  });

  it('give an empty result without scorers', () => {
    expect(maxScorers()(lead, { asOf })).toEqual({ score: 0, contributions: [], disqualifications: [] });
    expect(minScorers()(lead, { asOf })).toEqual({ score: 0, contributions: [], disqualifications: [] });
  });
});

describe('clampScorer', () => {
  it('takes an excess from the positive contributions in proportion, leaving the others as they were', () => {
    const negative = item('n', -2);
    // 8 + 8 − 2 = 14 above a cap of 10: the positives must add up to 12, so each keeps 6 (2 taken by the cap).
    const result = clampScorer(fixed([item('a', 8), item('b', 8), negative]), { cap: 10 })(lead, { asOf });
    expect(result.contributions.map((entry) => [entry.ruleId, entry.points, entry.cappedPoints])).toEqual([
      ['a', 6, 2],
      ['b', 6, 2],
      ['n', -2, 0],
    ]);
    expect(result.contributions[2]).toBe(negative);
    expect(result.score).toBe(10);
  });

  it('gives back points of the negative contributions to reach a floor', () => {
    // 3 − 10 = −7 below a floor of −2: the negatives must add up to −5.
    const result = clampScorer(fixed([item('a', 3), item('n', -10)]), { floor: -2 })(lead, { asOf });
    expect(result.contributions.map((entry) => [entry.ruleId, entry.points, entry.cappedPoints])).toEqual([
      ['a', 3, 0],
      ['n', -5, -5],
    ]);
    expect(result.score).toBe(-2);
  });

  it('adds the points missing to reach a positive floor as a @floor contribution, last', () => {
    const result = clampScorer(fixed([item('a', 3)]), { floor: 10, cap: 20 })(lead, { asOf });
    expect(result.contributions.map((entry) => [entry.ruleId, entry.points])).toEqual([
      ['a', 3],
      ['@floor', 7],
    ]);
    expect(result.contributions[1]).toEqual({
      ruleId: '@floor',
      label: 'Minimum score',
      group: '@total',
      rawPoints: 0,
      decayFactor: 1,
      decayedPoints: 0,
      weight: 1,
      cappedPoints: -7,
      points: 7,
      occurrences: 0,
    });
    expect(result.score).toBe(10);
  });

  it('passes a result within the limits through unchanged', () => {
    const a = item('a', 4);
    const b = item('b', -1);
    const result = clampScorer(fixed([a, b]), { floor: 3, cap: 3 })(lead, { asOf });
    expect(result.contributions).toEqual([a, b]);
    expect(result.contributions[0]).toBe(a);
    expect(result.contributions[1]).toBe(b);
  });

  it('accepts a cap of 0 and a floor equal to the cap, and refuses limits that are not finite or cross, in words', () => {
    const scorer = fixed([item('a', 4)]);
    expect(clampScorer(scorer, { cap: 0 })(lead, { asOf }).score).toBe(0);
    expect(clampScorer(scorer, { floor: 2, cap: 2 })(lead, { asOf }).score).toBe(2);
    expect(clampScorer(scorer, { floor: -1e300 })(lead, { asOf }).score).toBe(4);
    const message = 'clampScorer: cap must be finite and ≥ 0, floor finite and not above cap';
    for (const limits of [{ cap: -1 }, { cap: Number.POSITIVE_INFINITY }, { cap: Number.NaN }, { floor: Number.NEGATIVE_INFINITY }, { floor: 1, cap: 0.5 }])
      expect(() => clampScorer(scorer, limits), JSON.stringify(limits)).toThrow(new RangeError(message));
  });
});

describe('normalizeScorer', () => {
  it('multiplies every contribution by 100 / max (recorded in the weight), then clamps the total to 0–100', () => {
    const result = normalizeScorer(fixed([item('a', 5), item('b', 15)]), 40)(lead, { asOf });
    expect(result.contributions.map((entry) => [entry.points, entry.weight])).toEqual([
      [12.5, 2.5],
      [37.5, 2.5],
    ]);
    expect(result.score).toBe(50);
    const negative = normalizeScorer(fixed([item('n', -10)]), 100)(lead, { asOf });
    expect(negative.score).toBe(0);
    expect(negative.contributions).toMatchObject([{ points: 0, cappedPoints: -10 }]);
    const above = normalizeScorer(fixed([item('a', 30), item('b', 50)]), 40)(lead, { asOf });
    expect(above.score).toBe(100);
    expect(above.contributions.map((entry) => entry.points)).toEqual([37.5, 62.5]);
  });

  it('accepts a max of exactly 0.000001 and refuses less, infinity or NaN, in words', () => {
    expect(normalizeScorer(fixed([item('a', 1e-6)]), 1e-6)(lead, { asOf }).score).toBe(100);
    const message = 'normalizeScorer: max must be a finite number of at least 0.000001, as in a scoring model';
    for (const max of [9.9e-7, Number.POSITIVE_INFINITY, Number.NaN, -1])
      expect(() => normalizeScorer(fixed([]), max), String(max)).toThrow(new RangeError(message));
  });
});
