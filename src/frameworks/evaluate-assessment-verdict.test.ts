import { describe, expect, it } from 'vitest';
import type { Assessment, CriterionRating } from './assessment.ts';
import { defineFramework, type QualificationRule } from './define-framework.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { defineRatingScale, yesNoScale, zeroToTwoScale } from './scales.ts';

// Instants built from UTC parts, so the tests read the same in every time zone.
const asOfMs = Date.UTC(2025, 5, 30);
const asOf = new Date(asOfMs);
const DAY = 86_400_000;
const at = new Date(asOfMs - 3 * DAY);
const rate = <V extends string | number>(rating: V, assessedAt: Date = at): CriterionRating<V> => ({ rating, assessedAt });

/**
 * Five criteria on 0–2 (0 not met, 1 partial, 2 met) with different weights (total 11) and two hard gates,
 * so that every ordering rule of the verdict (by weight, then by the framework's order) can be seen.
 */
function fiveCriteria(rule: QualificationRule = { minMet: 2 }) {
  return defineFramework({
    id: 'five',
    name: 'Five',
    scale: zeroToTwoScale,
    criteria: [
      { key: 'a', label: 'Alpha', weight: 1, questions: ['A1?', 'A2?'] },
      { key: 'b', label: 'Beta', weight: 2, required: true, questions: ['B1?'] },
      { key: 'c', label: 'Gamma', weight: 3, questions: ['C1?', 'C2?'] },
      { key: 'd', label: 'Delta', weight: 4, required: true, questions: ['D1?'] },
      { key: 'e', label: 'Epsilon', weight: 1 },
    ],
    rule,
  });
}
type FiveKey = 'a' | 'b' | 'c' | 'd' | 'e';
const five = (criteria: Assessment<FiveKey, 0 | 1 | 2>['criteria']): Assessment<FiveKey, 0 | 1 | 2> => ({ frameworkId: 'five', criteria });

/** Two yes/no criteria weighted 3 and 1: "x yes, y no" scores exactly 75. */
function weighted(rule: QualificationRule) {
  return defineFramework({
    id: 'weighted',
    name: 'Weighted',
    scale: yesNoScale,
    criteria: [
      { key: 'x', label: 'X', weight: 3 },
      { key: 'y', label: 'Y', weight: 1 },
    ],
    rule,
  });
}
const xYesYNo = { frameworkId: 'weighted', criteria: { x: rate('yes' as const), y: rate('no' as const) } };

describe('evaluateAssessment: the verdict in words', () => {
  it('with nothing rated: both gates open, reasons in order, the first open gate in the summary', () => {
    const verdict = evaluateAssessment(fiveCriteria(), five({}), { asOf });
    expect(verdict.qualified).toBe(false);
    expect(verdict.openGates).toEqual(['b', 'd']);
    expect(verdict.failedGates).toEqual([]);
    expect(verdict.missing).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(verdict.reasons).toEqual(['hard gate Beta is not assessed yet', 'hard gate Delta is not assessed yet', '0 of 5 criteria met (2 needed)']);
    expect(verdict.summary).toBe('Not qualified by Five: hard gate Beta is not assessed yet.');
    expect([verdict.score, verdict.points, verdict.maxPoints, verdict.metCount, verdict.criteriaCount]).toEqual([0, 0, 10, 0, 5]);
  });

  it('with failed gates: partial and not-met gates both fail, the failed ones come first in the reasons', () => {
    const verdict = evaluateAssessment(fiveCriteria(), five({ a: rate(1), b: rate(1), c: rate(0), d: rate(0), e: rate(2) }), { asOf });
    expect(verdict.failedGates).toEqual(['b', 'd']);
    expect(verdict.openGates).toEqual([]);
    expect(verdict.missing).toEqual([]);
    // Lowest position first (c, d at 0; a, b at 0.5), then the heavier criterion first.
    expect(verdict.weakest).toEqual(['d', 'c', 'b', 'a']);
    expect(verdict.reasons).toEqual(['hard gate Beta is not met', 'hard gate Delta is not met', '1 of 5 criteria met (2 needed)']);
    expect(verdict.summary).toBe('Not qualified by Five: hard gate Beta is not met.');
    // (1 × 0.5 + 2 × 0.5 + 3 × 0 + 4 × 0 + 1 × 1) / 11 = 2.5 / 11 = 22.7272…%
    expect(verdict.score).toBe(22.73);
    expect([verdict.points, verdict.metCount]).toEqual([4, 1]);
  });

  it('with a failed gate and an open one: the failed one is the summary', () => {
    const verdict = evaluateAssessment(fiveCriteria(), five({ d: rate(0) }), { asOf });
    expect(verdict.reasons.slice(0, 2)).toEqual(['hard gate Delta is not met', 'hard gate Beta is not assessed yet']);
    expect(verdict.summary).toBe('Not qualified by Five: hard gate Delta is not met.');
    expect(verdict.nextQuestions.slice(0, 2)).toEqual([
      { criterion: 'b', question: 'B1?', reason: 'gate_unknown' },
      { criterion: 'd', question: 'D1?', reason: 'gate_failed' },
    ]);
  });

  it('qualifies at exactly minMet, and not one below it', () => {
    const verdict = evaluateAssessment(fiveCriteria(), five({ b: rate(2), d: rate(2) }), { asOf });
    expect(verdict.qualified).toBe(true);
    expect(verdict.reasons).toEqual(['2 of 5 criteria met (2 needed)']);
    // (2 + 4) / 11 = 54.5454…%
    expect(verdict.summary).toBe('Qualified by Five: 2 of 5 criteria met, score 54.55/100.');
    const stricter = evaluateAssessment(fiveCriteria({ minMet: 3 }), five({ b: rate(2), d: rate(2) }), { asOf });
    expect(stricter.qualified).toBe(false);
    expect(stricter.summary).toBe('Not qualified by Five: 2 of 5 criteria met (3 needed).');
  });

  it('qualifies at exactly minScore, and not a hundredth above it', () => {
    const at75 = evaluateAssessment(weighted({ minScore: 75 }), xYesYNo, { asOf });
    expect(at75.score).toBe(75);
    expect(at75.qualified).toBe(true);
    expect(at75.reasons).toEqual(['score 75 (75 needed)']);
    expect(at75.summary).toBe('Qualified by Weighted: 1 of 2 criteria met, score 75/100.');
    const above = evaluateAssessment(weighted({ minScore: 75.01 }), xYesYNo, { asOf });
    expect(above.qualified).toBe(false);
    expect(above.summary).toBe('Not qualified by Weighted: score 75/100 is below 75.01.');
  });

  it('with both conditions: each has its reason, and the summary names the one that failed', () => {
    const tooFewMet = evaluateAssessment(weighted({ minMet: 2, minScore: 50 }), xYesYNo, { asOf });
    expect(tooFewMet.qualified).toBe(false);
    expect(tooFewMet.reasons).toEqual(['1 of 2 criteria met (2 needed)', 'score 75 (50 needed)']);
    expect(tooFewMet.summary).toBe('Not qualified by Weighted: 1 of 2 criteria met (2 needed).');
    const scoreTooLow = evaluateAssessment(weighted({ minMet: 1, minScore: 80 }), xYesYNo, { asOf });
    expect(scoreTooLow.qualified).toBe(false);
    expect(scoreTooLow.reasons).toEqual(['1 of 2 criteria met (1 needed)', 'score 75 (80 needed)']);
    expect(scoreTooLow.summary).toBe('Not qualified by Weighted: score 75/100 is below 80.');
    const both = evaluateAssessment(weighted({ minMet: 1, minScore: 75 }), xYesYNo, { asOf });
    expect(both.qualified).toBe(true);
  });

  it('minMet 0 is a condition that always holds (not "every criterion"), and no rule means every criterion', () => {
    const none = evaluateAssessment(weighted({ minMet: 0 }), { frameworkId: 'weighted', criteria: {} }, { asOf });
    expect(none.qualified).toBe(true);
    expect(none.reasons).toEqual(['0 of 2 criteria met (0 needed)']);
    expect(none.summary).toBe('Qualified by Weighted: 0 of 2 criteria met, score 0/100.');
    const every = evaluateAssessment(weighted({}), xYesYNo, { asOf });
    expect(every.qualified).toBe(false);
    expect(every.reasons).toEqual(['1 of 2 criteria met (2 needed)']);
    const scoreOnly = evaluateAssessment(weighted({ minScore: 10 }), xYesYNo, { asOf });
    expect(scoreOnly.reasons).toEqual(['score 75 (10 needed)']);
  });

  it('rounds the score to two decimals, half up', () => {
    const thirds = defineFramework({
      id: 'thirds',
      name: 'Thirds',
      scale: yesNoScale,
      criteria: [
        { key: 'p', label: 'P' },
        { key: 'q', label: 'Q' },
        { key: 'r', label: 'R' },
      ],
    });
    const score = (criteria: Assessment<'p' | 'q' | 'r', 'yes' | 'no'>['criteria']) =>
      evaluateAssessment(thirds, { frameworkId: 'thirds', criteria }, { asOf }).score;
    expect(score({ p: rate('yes') })).toBe(33.33);
    expect(score({ p: rate('yes'), q: rate('yes') })).toBe(66.67);
    expect(score({ p: rate('yes'), q: rate('yes'), r: rate('yes') })).toBe(100);
  });

  it('lists an off-scale rating among the reasons, after the rule’s', () => {
    const verdict = evaluateAssessment(weighted({ minMet: 1 }), { frameworkId: 'weighted', criteria: { x: rate(7 as unknown as 'yes') } }, { asOf });
    expect(verdict.reasons).toEqual(['0 of 2 criteria met (1 needed)', 'X: 7 is not on the Yes / no scale']);
  });
});

describe('evaluateAssessment: each criterion', () => {
  it('gives every field of a rated, an unrated, an off-scale and an "unknown" criterion', () => {
    const scale = defineRatingScale({
      id: 'with-unknown',
      name: 'With unknown',
      levels: [
        { value: 'unsure', label: 'Unsure', points: 9, status: 'unknown' },
        { value: 'low', label: 'Low', points: 0, status: 'not_met' },
        { value: 'mid', label: 'Mid', points: 1, status: 'partial' },
        { value: 'high', label: 'High', points: 4, status: 'met' },
      ],
    });
    const framework = defineFramework({
      id: 'fields',
      name: 'Fields',
      scale,
      criteria: [
        { key: 'rated', label: 'Rated', weight: 2, required: true },
        { key: 'unrated', label: 'Unrated' },
        { key: 'off', label: 'Off' },
        { key: 'unsure', label: 'Unsure' },
      ],
      rule: { minMet: 0 },
    });
    const verdict = evaluateAssessment(
      framework,
      { frameworkId: 'fields', criteria: { rated: rate('mid'), off: rate('huge' as 'mid'), unsure: rate('unsure') } },
      { asOf },
    );
    expect(verdict.criteria).toStrictEqual([
      // The unknown level's 9 points are not the scale's highest: the highest known level is worth 4.
      {
        key: 'rated',
        label: 'Rated',
        status: 'partial',
        rating: 'mid',
        ratingLabel: 'Mid',
        points: 1,
        maxPoints: 4,
        normalized: 0.25,
        weight: 2,
        required: true,
        stale: false,
        assessedAt: at,
      },
      { key: 'unrated', label: 'Unrated', status: 'unknown', points: 0, maxPoints: 4, normalized: 0, weight: 1, required: false, stale: false },
      {
        key: 'off',
        label: 'Off',
        status: 'unknown',
        rating: 'huge',
        points: 0,
        maxPoints: 4,
        normalized: 0,
        weight: 1,
        required: false,
        stale: false,
        assessedAt: at,
      },
      {
        key: 'unsure',
        label: 'Unsure',
        status: 'unknown',
        rating: 'unsure',
        ratingLabel: 'Unsure',
        points: 0,
        maxPoints: 4,
        normalized: 0,
        weight: 1,
        required: false,
        stale: false,
        assessedAt: at,
      },
    ]);
    expect([verdict.points, verdict.maxPoints]).toEqual([1, 16]);
    // 2 × 0.25 / 5
    expect(verdict.score).toBe(10);
    expect(verdict.missing).toEqual(['unrated', 'off', 'unsure']);
    expect(verdict.failedGates).toEqual(['rated']);
  });
});

describe('evaluateAssessment: stale evidence', () => {
  const tenDays = defineFramework({
    id: 'ten',
    name: 'Ten',
    scale: zeroToTwoScale,
    staleAfterDays: 10,
    criteria: [
      { key: 'm', label: 'M', questions: ['M?'] },
      { key: 'n', label: 'N', questions: ['N?'] },
    ],
    rule: { minMet: 0 },
  });
  const one = (assessedAt: Date, rating: 0 | 1 | 2 = 2) =>
    evaluateAssessment(tenDays, { frameworkId: 'ten', criteria: { m: rate(rating, assessedAt) } }, { asOf });

  it('is stale only past the framework’s age: exactly 10 days is not, 10 days and 1 ms is', () => {
    const exactly = one(new Date(asOfMs - 10 * DAY));
    expect(exactly.stale).toEqual([]);
    expect(exactly.criteria[0]?.stale).toBe(false);
    const justPast = new Date(asOfMs - 10 * DAY - 1);
    const past = one(justPast);
    expect(past.stale).toEqual([{ criterion: 'm', assessedAt: justPast, ageDays: 10 }]);
    expect(past.criteria[0]?.stale).toBe(true);
  });

  it('gives the age in whole days, rounded down', () => {
    const old = new Date(asOfMs - 20 * DAY - 23 * 3_600_000);
    expect(one(old).stale).toEqual([{ criterion: 'm', assessedAt: old, ageDays: 20 }]);
  });

  it('takes staleAfterDays from the options over the framework’s', () => {
    const old = new Date(asOfMs - 20 * DAY);
    const assessment = { frameworkId: 'ten', criteria: { m: rate(2 as const, old) } };
    expect(evaluateAssessment(tenDays, assessment, { asOf, staleAfterDays: 20 }).stale).toEqual([]);
    expect(evaluateAssessment(tenDays, assessment, { asOf, staleAfterDays: 19.5 }).stale).toEqual([{ criterion: 'm', assessedAt: old, ageDays: 20 }]);
  });

  it('never calls evidence after asOf stale, nor an off-scale or unknown rating', () => {
    expect(one(new Date(asOfMs + 30 * DAY)).stale).toEqual([]);
    const offScale = evaluateAssessment(tenDays, { frameworkId: 'ten', criteria: { m: rate(5 as 2, new Date(asOfMs - 100 * DAY)) } }, { asOf });
    expect(offScale.stale).toEqual([]);
    expect(offScale.criteria[0]?.stale).toBe(false);
  });

  it('asks again about a met criterion whose evidence is stale, and about a stale weak one as weak', () => {
    const old = new Date(asOfMs - 50 * DAY);
    const verdict = evaluateAssessment(tenDays, { frameworkId: 'ten', criteria: { m: rate(1, old), n: rate(2, old) } }, { asOf });
    expect(verdict.stale.map((entry) => entry.criterion)).toEqual(['m', 'n']);
    expect(verdict.nextQuestions).toEqual([
      { criterion: 'm', question: 'M?', reason: 'weak' },
      { criterion: 'n', question: 'N?', reason: 'stale' },
    ]);
  });

  it('refuses a stale age that is not greater than 0, saying what it got', () => {
    const assessment = { frameworkId: 'ten', criteria: {} };
    for (const [days, shown] of [
      [0, '0'],
      [-1, '-1'],
      [Number.NaN, 'NaN'],
    ] as const)
      expect(() => evaluateAssessment(tenDays, assessment, { asOf, staleAfterDays: days })).toThrow(
        new RangeError(`staleAfterDays must be a number of days greater than 0, not ${shown}`),
      );
    expect(evaluateAssessment(tenDays, assessment, { asOf, staleAfterDays: 0.5 }).stale).toEqual([]);
  });
});

describe('evaluateAssessment: next questions', () => {
  it('asks open gates, then failed gates, each heaviest first, then unknown criteria heaviest first, then weak ones', () => {
    const verdict = evaluateAssessment(fiveCriteria(), five({}), { asOf, maxQuestions: 10 });
    // Gates d (weight 4) before b (2); then c (3) before a (1); e has no question.
    expect(verdict.nextQuestions).toEqual([
      { criterion: 'd', question: 'D1?', reason: 'gate_unknown' },
      { criterion: 'b', question: 'B1?', reason: 'gate_unknown' },
      { criterion: 'c', question: 'C1?', reason: 'unknown' },
      { criterion: 'a', question: 'A1?', reason: 'unknown' },
    ]);
    const failed = evaluateAssessment(fiveCriteria(), five({ a: rate(1), b: rate(1), c: rate(0), d: rate(0), e: rate(2) }), { asOf });
    expect(failed.nextQuestions).toEqual([
      { criterion: 'd', question: 'D1?', reason: 'gate_failed' },
      { criterion: 'b', question: 'B1?', reason: 'gate_failed' },
      { criterion: 'c', question: 'C1?', reason: 'weak' },
      { criterion: 'a', question: 'A1?', reason: 'weak' },
    ]);
  });

  it('asks up to questionsPerCriterion of each, in the criterion’s order, and stops at exactly maxQuestions', () => {
    const two = evaluateAssessment(fiveCriteria(), five({ b: rate(2), d: rate(2) }), { asOf, questionsPerCriterion: 2 });
    expect(two.nextQuestions.map((next) => next.question)).toEqual(['C1?', 'C2?', 'A1?', 'A2?']);
    const capped = evaluateAssessment(fiveCriteria(), five({ b: rate(2), d: rate(2) }), { asOf, questionsPerCriterion: 2, maxQuestions: 3 });
    expect(capped.nextQuestions.map((next) => next.question)).toEqual(['C1?', 'C2?', 'A1?']);
    const exact = evaluateAssessment(fiveCriteria(), five({ b: rate(2), d: rate(2) }), { asOf, questionsPerCriterion: 2, maxQuestions: 4 });
    expect(exact.nextQuestions).toHaveLength(4);
  });

  it('asks one question per criterion and five in all by default', () => {
    const many = defineFramework({
      id: 'many',
      name: 'Many',
      scale: yesNoScale,
      criteria: ['k1', 'k2', 'k3', 'k4', 'k5', 'k6'].map((key) => ({ key, label: key, questions: [`${key} first?`, `${key} second?`] })),
    });
    const verdict = evaluateAssessment(many, { frameworkId: 'many', criteria: {} }, { asOf });
    expect(verdict.nextQuestions.map((next) => next.question)).toEqual(['k1 first?', 'k2 first?', 'k3 first?', 'k4 first?', 'k5 first?']);
  });

  it('asks nothing with 0 (or fewer) questions per criterion or in all', () => {
    for (const options of [{ questionsPerCriterion: 0 }, { questionsPerCriterion: -1 }, { maxQuestions: 0 }, { maxQuestions: -1 }])
      expect(evaluateAssessment(fiveCriteria(), five({}), { asOf, ...options }).nextQuestions).toEqual([]);
  });
});
