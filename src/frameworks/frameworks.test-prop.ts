import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Assessment, CriterionRating } from './assessment.ts';
import { builtinFrameworks } from './builtins/all.ts';
import type { Framework } from './define-framework.ts';
import { evaluate } from './evaluate.ts';
import { parseAssessment } from './parse-assessment.ts';
import { normaliseLevel } from './scales.ts';
import { translateAssessment } from './translate-assessment.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const dates = fc.date({ min: new Date('2023-01-01T00:00:00Z'), max: asOf, noInvalidDate: true });

function ratingOf(framework: Framework): fc.Arbitrary<CriterionRating> {
  return fc.record(
    {
      rating: fc.constantFrom(...framework.scale.levels.map((level) => level.value)),
      evidence: fc.string({ maxLength: 20 }),
      quote: fc.string({ maxLength: 20 }),
      source: fc.constantFrom('call', 'email', 'meeting'),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      assessedAt: dates,
      assessedBy: fc.constantFrom('rep-1', 'rep-2'),
    },
    { requiredKeys: ['rating', 'assessedAt'] },
  );
}

function assessmentOf(framework: Framework): fc.Arbitrary<Assessment> {
  const entries = framework.criteria.map((criterion) => fc.option(ratingOf(framework), { nil: undefined }).map((rating) => [criterion.key, rating] as const));
  return fc.tuple(...entries).map((pairs) => ({
    frameworkId: framework.id,
    criteria: Object.fromEntries(pairs.filter(([, rating]) => rating !== undefined)),
  }));
}

const frameworkAndAssessment = fc.constantFrom(...builtinFrameworks).chain((framework) => fc.tuple(fc.constant(framework), assessmentOf(framework)));

describe('evaluate properties', () => {
  test.prop([frameworkAndAssessment])('is deterministic and does not depend on the order of the ratings', ([framework, assessment]) => {
    const reversed = { ...assessment, criteria: Object.fromEntries(Object.entries(assessment.criteria).reverse()) };
    const first = evaluate(framework, assessment, { asOf });
    expect(evaluate(framework, assessment, { asOf })).toEqual(first);
    expect(evaluate(framework, reversed, { asOf })).toEqual(first);
  });

  test.prop([frameworkAndAssessment])('keeps the score in 0–100 and never qualifies past a failed or open gate', ([framework, assessment]) => {
    const verdict = evaluate(framework, assessment, { asOf });
    expect(verdict.score).toBeGreaterThanOrEqual(0);
    expect(verdict.score).toBeLessThanOrEqual(100);
    if (verdict.qualified) expect([...verdict.failedGates, ...verdict.openGates]).toEqual([]);
    expect(verdict.missing.length + verdict.weakest.length + verdict.metCount).toBe(framework.criteria.length);
  });

  test.prop([frameworkAndAssessment, fc.nat(), fc.nat()])('improving one rating never lowers the score', ([framework, assessment], criterionIndex, levelIndex) => {
    const criterion = framework.criteria[criterionIndex % framework.criteria.length]!;
    const current = assessment.criteria[criterion.key];
    const currentLevel = framework.scale.levels.find((level) => level.value === current?.rating);
    const currentPosition = currentLevel === undefined ? -1 : (normaliseLevel(framework.scale, currentLevel) ?? -1);
    const better = framework.scale.levels.filter((level) => (normaliseLevel(framework.scale, level) ?? -1) >= currentPosition && level.status !== 'unknown');
    const level = better[levelIndex % better.length]!;
    const improved = { ...assessment, criteria: { ...assessment.criteria, [criterion.key]: { rating: level.value, assessedAt: asOf } } };
    const before = evaluate(framework, assessment, { asOf });
    const after = evaluate(framework, improved, { asOf });
    expect(after.score).toBeGreaterThanOrEqual(before.score);
    expect(after.points).toBeGreaterThanOrEqual(before.points);
  });
});

describe('translateAssessment properties', () => {
  const pair = fc
    .tuple(fc.constantFrom(...builtinFrameworks), fc.constantFrom(...builtinFrameworks))
    .chain(([from, to]) => fc.tuple(fc.constant(from), fc.constant(to), assessmentOf(from)));

  test.prop([pair])('never invents evidence that was not given', ([from, to, assessment]) => {
    const { assessment: translated, carried, unfilled } = translateAssessment(from, to, assessment);
    const targetKeys = new Set(to.criteria.map((criterion) => criterion.key));
    for (const [key, rating] of Object.entries(translated.criteria)) {
      expect(targetKeys.has(key)).toBe(true);
      const origin = rating?.derivedFrom;
      expect(origin?.frameworkId).toBe(from.id);
      const source = assessment.criteria[origin!.criterion];
      expect(source).toBeDefined();
      const { rating: _sourceRating, derivedFrom: _sourceOrigin, ...sourceEvidence } = source!;
      const { rating: _rating, derivedFrom: _origin, ...evidence } = rating!;
      expect(evidence).toEqual(sourceEvidence);
      const sourceLevel = from.scale.levels.find((level) => level.value === source!.rating)!;
      const targetLevel = to.scale.levels.find((level) => level.value === rating!.rating)!;
      expect(normaliseLevel(to.scale, targetLevel)!).toBeLessThanOrEqual(normaliseLevel(from.scale, sourceLevel)! + 1e-9);
    }
    expect(carried.length + unfilled.length).toBe(to.criteria.length);
  });

  test.prop([fc.constantFrom(...builtinFrameworks), fc.constantFrom(...builtinFrameworks)])('an empty assessment translates to an empty one', (from, to) => {
    expect(translateAssessment(from, to, { frameworkId: from.id, criteria: {} }).assessment.criteria).toEqual({});
  });
});

describe('parseAssessment properties', () => {
  test.prop([fc.constantFrom(...builtinFrameworks), fc.anything()])('never throws on malformed input', (framework, input) => {
    const result = parseAssessment(framework, input, { asOf });
    expect(typeof result.ok).toBe('boolean');
  });

  test.prop([frameworkAndAssessment])('reads back what JSON stores', ([framework, assessment]) => {
    const result = parseAssessment(framework, JSON.parse(JSON.stringify(assessment)), { asOf });
    expect(result).toEqual({ ok: true, value: assessment });
  });
});
