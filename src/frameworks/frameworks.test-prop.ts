import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { Assessment, CriterionRating } from './assessment.ts';
import { builtinFrameworks } from './builtins/all.ts';
import type { Framework } from './define-framework.ts';
import { evaluateAssessment } from './evaluate-assessment.ts';
import { RESERVED_KEYS } from '../internal/inspect-input.ts';
import { parseFramework, parseQuestionBank, parseRatingScale } from './framework-definition.ts';
import { parseAssessment } from './parse-assessment.ts';
import { normalizeLevel } from './scales.ts';
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

describe('evaluateAssessment properties', () => {
  test.prop([frameworkAndAssessment])('is deterministic and does not depend on the order of the ratings', ([framework, assessment]) => {
    const reversed = { ...assessment, criteria: Object.fromEntries(Object.entries(assessment.criteria).reverse()) };
    const first = evaluateAssessment(framework, assessment, { asOf });
    expect(evaluateAssessment(framework, assessment, { asOf })).toEqual(first);
    expect(evaluateAssessment(framework, reversed, { asOf })).toEqual(first);
  });

  test.prop([frameworkAndAssessment])('keeps the score in 0–100 and never qualifies past a failed or open gate', ([framework, assessment]) => {
    const verdict = evaluateAssessment(framework, assessment, { asOf });
    expect(verdict.score).toBeGreaterThanOrEqual(0);
    expect(verdict.score).toBeLessThanOrEqual(100);
    if (verdict.qualified) expect([...verdict.failedGates, ...verdict.openGates]).toEqual([]);
    expect(verdict.missing.length + verdict.weakest.length + verdict.metCount).toBe(framework.criteria.length);
  });

  test.prop([frameworkAndAssessment, fc.nat(), fc.nat()])(
    'improving one rating never lowers the score',
    ([framework, assessment], criterionIndex, levelIndex) => {
      const criterion = framework.criteria[criterionIndex % framework.criteria.length]!;
      const current = assessment.criteria[criterion.key];
      const currentLevel = framework.scale.levels.find((level) => level.value === current?.rating);
      const currentPosition = currentLevel === undefined ? -1 : (normalizeLevel(framework.scale, currentLevel) ?? -1);
      const better = framework.scale.levels.filter((level) => (normalizeLevel(framework.scale, level) ?? -1) >= currentPosition && level.status !== 'unknown');
      const level = better[levelIndex % better.length]!;
      const improved = { ...assessment, criteria: { ...assessment.criteria, [criterion.key]: { rating: level.value, assessedAt: asOf } } };
      const before = evaluateAssessment(framework, assessment, { asOf });
      const after = evaluateAssessment(framework, improved, { asOf });
      expect(after.score).toBeGreaterThanOrEqual(before.score);
      expect(after.points).toBeGreaterThanOrEqual(before.points);
    },
  );
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
      expect(normalizeLevel(to.scale, targetLevel)!).toBeLessThanOrEqual(normalizeLevel(from.scale, sourceLevel)! + 1e-9);
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

/** JSON values whose object keys are often reserved (`__proto__`, `constructor`…) or a framework's own field names. */
const hostileJson: fc.Arbitrary<unknown> = fc
  .letrec((tie) => {
    const key = fc.oneof(
      fc.constantFrom(...RESERVED_KEYS),
      fc.constantFrom('id', 'name', 'scale', 'criteria', 'key', 'label', 'levels', 'rule', 'minMet', 'sections'),
      fc.string({ maxLength: 8 }),
    );
    return {
      value: fc.oneof(
        { depthSize: 'small', withCrossShrink: true },
        fc.constantFrom(null, true, 0, -1, 1e308, 'yes-no', 'constructor', ''),
        fc.double(),
        fc.string({ maxLength: 8 }),
        fc.array(tie('value'), { maxLength: 4 }),
        fc.dictionary(key, tie('value'), { maxKeys: 6 }),
      ),
    };
  })
  // Through JSON text, as a service receives it: `__proto__` is then an own key, as JSON.parse makes it.
  .value.map((value) => JSON.parse(JSON.stringify(value) ?? 'null') as unknown);

const validDefinition = {
  id: 'ours',
  name: 'Ours',
  scale: 'yes-no',
  criteria: [
    { key: 'budget', label: 'Budget' },
    { key: 'authority', label: 'Authority' },
    { key: 'need', label: 'Need' },
  ],
};

describe('parseFramework, parseRatingScale and parseQuestionBank properties', () => {
  test.prop([hostileJson])('never throw on arbitrary JSON, reserved keys included, and never pollute a prototype', (input) => {
    for (const parse of [parseFramework, parseRatingScale, parseQuestionBank]) expect(typeof parse(input).ok).toBe('boolean');
    expect(typeof parseFramework({ ...validDefinition, criteria: [input] }).ok).toBe('boolean');
    expect(typeof parseFramework({ ...validDefinition, scale: input }).ok).toBe('boolean');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  test.prop([fc.constantFrom(...RESERVED_KEYS), fc.integer({ min: 0, max: 2 }), fc.boolean()])(
    'refuse a reserved key as a criterion key or as a key anywhere, with its path',
    (reserved, index, asCriterionKey) => {
      const criteria = validDefinition.criteria.map((criterion, position) =>
        position !== index
          ? criterion
          : asCriterionKey
            ? { ...criterion, key: reserved }
            : JSON.parse(`{"key":"${criterion.key}","label":"x",${JSON.stringify(reserved)}:1}`),
      );
      const result = parseFramework({ ...validDefinition, criteria });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      // `__proto__` and `__define…` are no criterion key at all (they start with _); the others are reserved.
      const path = asCriterionKey ? `criteria[${index}].key` : `criteria[${index}].${reserved}`;
      expect(
        result.error.issues.some((found) => found.pathText === path && (found.code === 'forbidden_key' || (asCriterionKey && reserved.startsWith('_')))),
      ).toBe(true);
    },
  );
});
