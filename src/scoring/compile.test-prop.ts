import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ActivityType } from '../models/activity.ts';
import { arbitraryLead } from '../testing/arbitraries.ts';
import { clampScorer, normalizeScorer, sumScorers, weightScorers } from './combinators.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import type { ScoringModelJson, ScoringRule } from './scoring-model-definition.ts';
import type { ScoreResult } from './types.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const DAY = 86_400_000;
const leads = arbitraryLead({ min: new Date(asOf.getTime() - 400 * DAY), max: asOf, maxActivities: 25 });

const points = fc.oneof(fc.integer({ min: -50, max: 50 }), fc.double({ min: -50, max: 50, noNaN: true, noDefaultInfinity: true }));
const group = fc.constantFrom('fit', 'engagement', 'intent');
const decay = fc.option(
  fc.oneof(
    fc.record({ kind: fc.constant('halfLife' as const), days: fc.double({ min: 0.5, max: 365, noNaN: true }) }),
    fc.record({ kind: fc.constant('step' as const), everyDays: fc.integer({ min: 1, max: 90 }), loss: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('linear' as const), everyDays: fc.integer({ min: 1, max: 90 }), loss: fc.double({ min: 0, max: 1, noNaN: true }) }),
    fc.record({ kind: fc.constant('window' as const), days: fc.integer({ min: 1, max: 200 }) }),
  ),
  { nil: undefined },
);
const condition = fc.oneof(
  fc.record({ field: fc.constant('company.industry'), in: fc.constant(['software', 'technology']) }),
  fc.record({ field: fc.constant('company.employeeCount'), min: fc.integer({ min: 0, max: 500 }) }),
  fc.record({ field: fc.constant('contact.seniority'), equals: fc.constantFrom('student', 'vp', 'c_level') }),
  fc.record({ field: fc.constant('contact.jobTitle'), contains: fc.constantFrom('a', 'vp', 'cto') }),
  fc.record({ activity: fc.record({ type: fc.constantFrom(...ActivityType.options) }), withinDays: fc.integer({ min: 1, max: 120 }) }),
);

const rule = (index: number): fc.Arbitrary<ScoringRule> =>
  fc.oneof(
    fc.record({ kind: fc.constant('points' as const), id: fc.constant(`r${index}`), label: fc.constant(`Rule ${index}`), group, when: condition, points }),
    fc.record({
      kind: fc.constant('values' as const),
      id: fc.constant(`r${index}`),
      label: fc.constant(`Rule ${index}`),
      group,
      field: fc.constant('company.industry'),
      values: fc.record({ software: points, technology: points, retail: points }),
    }),
    fc.record({
      kind: fc.constant('bands' as const),
      id: fc.constant(`r${index}`),
      label: fc.constant(`Rule ${index}`),
      group,
      field: fc.constant('company.employeeCount'),
      bands: fc.array(fc.record({ min: fc.integer({ min: 0, max: 1000 }), points }), { minLength: 1, maxLength: 4 }),
    }),
    fc.record(
      {
        kind: fc.constant('activity' as const),
        id: fc.constant(`r${index}`),
        label: fc.constant(`Rule ${index}`),
        group,
        activity: fc.record({ type: fc.subarray([...ActivityType.options], { minLength: 1 }) }),
        points,
        decay,
        maxCount: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
        maxPoints: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }),
      },
      { requiredKeys: ['kind', 'id', 'label', 'group', 'activity', 'points'] },
    ),
    fc.record({ kind: fc.constant('disqualify' as const), id: fc.constant(`r${index}`), label: fc.constant(`Gate ${index}`), when: condition }),
  ) as fc.Arbitrary<ScoringRule>;

const limits = fc.record(
  { cap: fc.integer({ min: 0, max: 80 }), floor: fc.integer({ min: -80, max: 0 }), weight: fc.double({ min: 0, max: 3, noNaN: true }) },
  { requiredKeys: [] },
);
const models: fc.Arbitrary<ScoringModelJson> = fc
  .integer({ min: 0, max: 12 })
  .chain((count) =>
    fc.record(
      {
        schemaVersion: fc.constant(1 as const),
        id: fc.constant('random'),
        rules: fc.tuple(...Array.from({ length: count }, (_, index) => rule(index))),
        groups: fc.record({ fit: limits, engagement: limits, intent: limits }, { requiredKeys: [] }),
        total: fc.record(
          {
            combine: fc.constantFrom('sum' as const, 'max' as const, 'min' as const),
            normalize: fc.record({ max: fc.integer({ min: 1, max: 200 }) }),
            // 0 often: cap = floor = 0 leaves no slack for rounding. Floors may be positive (a minimum score).
            cap: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 150 })),
            floor: fc.oneof(fc.constant(0), fc.integer({ min: -150, max: 60 })),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['schemaVersion', 'id', 'rules'] },
    ),
  )
  .map((model) => {
    const total = model.total;
    // A floor above the cap is refused by validation; keep the generated models valid.
    if (total?.cap !== undefined && total.floor !== undefined && total.floor > total.cap) return { ...model, total: { ...total, floor: total.cap } };
    return model;
  })
  .map((model) => JSON.parse(JSON.stringify(model)) as ScoringModelJson);

// Models at the bounds validation allows: points of ±1e9, weights of 1e6, `normalize.max` of 1e-6.
const extremeModels: fc.Arbitrary<ScoringModelJson> = fc
  .record({
    count: fc.integer({ min: 1, max: 40 }),
    points: fc.constantFrom(1e9, -1e9, 999_999_999.5, 1e-9),
    weight: fc.constantFrom(0, 1, 1e6),
    normalize: fc.option(fc.constantFrom(1e-6, 1, 1e9), { nil: undefined }),
    cap: fc.option(fc.constantFrom(0, 1e300), { nil: undefined }),
  })
  .map(({ count, points, weight, normalize, cap }) => ({
    schemaVersion: 1 as const,
    id: 'extreme',
    rules: Array.from({ length: count }, (_, index) =>
      index % 2 === 0
        ? { kind: 'activity' as const, id: `a${index}`, label: 'A', activity: { type: [...ActivityType.options] }, points }
        : {
            kind: 'values' as const,
            id: `v${index}`,
            label: 'V',
            field: 'company.technologies' as const,
            values: { aws: points, gcp: points, azure: points, salesforce: points },
          },
    ),
    groups: { fit: { weight }, engagement: { weight } },
    total: { ...(normalize === undefined ? {} : { normalize: { max: normalize } }), ...(cap === undefined ? {} : { cap }) },
  }));

const sumOfPoints = (result: ScoreResult): number => {
  let sum = 0;
  for (const item of result.contributions) sum += item.points;
  return sum;
};

describe('scoring invariants (random models and leads)', () => {
  it('scores are finite, contributions add up exactly, and the fast path agrees', () => {
    fc.assert(
      fc.property(models, leads, (model, lead) => {
        const scorer = compileScoringModel(defineScoringModel(model));
        const result = scorer(lead, { asOf });
        expect(Number.isFinite(result.score)).toBe(true);
        expect(sumOfPoints(result)).toBe(result.score);
        expect(scorer.scoreValue(lead, asOf)).toBe(result.score);
        for (const item of result.contributions) {
          expect(Number.isFinite(item.points)).toBe(true);
          expect(item.decayFactor).toBeGreaterThanOrEqual(0);
          expect(item.decayFactor).toBeLessThanOrEqual(1 + 1e-12);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('scores stay finite and add up exactly for models at the bounds validation allows', () => {
    fc.assert(
      fc.property(extremeModels, leads, (model, lead) => {
        const scorer = compileScoringModel(defineScoringModel(model));
        const result = scorer(lead, { asOf });
        expect(Number.isFinite(result.score)).toBe(true);
        for (const item of result.contributions) expect([item.rawPoints, item.decayedPoints, item.points, item.cappedPoints].every(Number.isFinite)).toBe(true);
        expect(sumOfPoints(result)).toBe(result.score);
        expect(scorer.scoreValue(lead, asOf)).toBe(result.score);
      }),
      { numRuns: 200 },
    );
  });

  it('caps and floors are never exceeded', () => {
    fc.assert(
      fc.property(models, leads, (model, lead) => {
        const result = compileScoringModel(defineScoringModel(model))(lead, { asOf });
        for (const rule of model.rules) {
          if (rule.kind !== 'activity') continue;
          const item = result.contributions.find((entry) => entry.ruleId === rule.id);
          if (item === undefined) continue;
          // Weights and normalisation scale a rule's points; caps and clamping only ever shrink them.
          if (rule.maxPoints !== undefined) expect(Math.abs(item.points)).toBeLessThanOrEqual(rule.maxPoints * item.weight * (1 + 1e-12) + 1e-12);
          if (rule.maxCount !== undefined)
            expect(Math.abs(item.points)).toBeLessThanOrEqual(rule.maxCount * Math.abs(rule.points) * item.weight * (1 + 1e-12) + 1e-12);
        }
        for (const [name, settings] of Object.entries(model.groups ?? {})) {
          const score = result.groups[name];
          if (score === undefined) continue;
          if (settings.cap !== undefined) expect(score).toBeLessThanOrEqual(settings.cap);
          if (settings.floor !== undefined) expect(score).toBeGreaterThanOrEqual(settings.floor);
        }
        const total = model.total ?? {};
        if (total.cap !== undefined) expect(result.score).toBeLessThanOrEqual(total.cap);
        if (total.floor !== undefined) expect(result.score).toBeGreaterThanOrEqual(total.floor);
        if (total.normalize !== undefined && total.cap === undefined && total.floor === undefined) {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('disqualified leads always get grade F and are never sales-ready', () => {
    fc.assert(
      fc.property(models, leads, (model, lead) => {
        const withGrading: ScoringModelJson = {
          ...model,
          grading: {
            bands: { thresholds: [{ band: 'hot', min: 10, salesReady: true }], otherwise: 'cold' },
            overrides: [{ id: 'demo', label: 'Demo', when: { activity: { type: 'demo_requested' } }, band: 'hot' }],
          },
        };
        const result = compileScoringModel(defineScoringModel(withGrading))(lead, { asOf });
        expect(result.disqualified).toBe(result.disqualifications.length > 0);
        if (result.disqualified) {
          expect(result.grade).toBe('F');
          expect(result.salesReady).toBe(false);
        } else expect(result.grade).not.toBe('F');
      }),
      { numRuns: 200 },
    );
  });

  it('decay never increases an activity rule’s points as time passes', () => {
    fc.assert(
      fc.property(models, leads, fc.integer({ min: 0, max: 400 }), (model, lead, laterDays) => {
        const scorer = compileScoringModel(defineScoringModel(model));
        const later = new Date(asOf.getTime() + laterDays * DAY);
        const before = scorer(lead, { asOf });
        const after = scorer(lead, { asOf: later });
        for (const rule of model.rules) {
          if (rule.kind !== 'activity') continue;
          const earlier = Math.abs(before.contributions.find((item) => item.ruleId === rule.id)?.decayedPoints ?? 0);
          const now = Math.abs(after.contributions.find((item) => item.ruleId === rule.id)?.decayedPoints ?? 0);
          expect(now).toBeLessThanOrEqual(earlier * (1 + 1e-12) + 1e-12);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('a positive engagement-only model never scores higher later', () => {
    const positiveModels = models.map((model) => ({
      ...model,
      rules: model.rules.filter((rule) => rule.kind === 'activity').map((rule) => ({ ...rule, points: Math.abs((rule as { points: number }).points) })),
      groups: {},
      total: {},
    })) as fc.Arbitrary<ScoringModelJson>;
    fc.assert(
      fc.property(positiveModels, leads, fc.integer({ min: 0, max: 400 }), (model, lead, laterDays) => {
        const scorer = compileScoringModel(defineScoringModel(model));
        expect(scorer.scoreValue(lead, asOf.getTime() + laterDays * DAY)).toBeLessThanOrEqual(scorer.scoreValue(lead, asOf) * (1 + 1e-12) + 1e-12);
      }),
      { numRuns: 300 },
    );
  });

  it('combinators keep contributions adding up exactly, with user-written scorers mixed in', () => {
    fc.assert(
      fc.property(
        models,
        models,
        leads,
        fc.double({ min: 0, max: 3, noNaN: true }),
        fc.integer({ min: 1, max: 300 }),
        fc.integer({ min: -20, max: 80 }),
        (first, second, lead, weight, max, floor) => {
          const custom = (): ScoreResult => ({
            score: 0.1 + 0.2,
            contributions: [
              {
                ruleId: 'u1',
                label: 'U1',
                group: 'fit',
                rawPoints: 0.1,
                decayFactor: 1,
                decayedPoints: 0.1,
                weight: 1,
                cappedPoints: 0,
                points: 0.1,
                occurrences: 1,
              },
              {
                ruleId: 'u2',
                label: 'U2',
                group: 'fit',
                rawPoints: 0.2,
                decayFactor: 1,
                decayedPoints: 0.2,
                weight: 1,
                cappedPoints: 0,
                points: 0.2,
                occurrences: 1,
              },
            ],
            disqualifications: [],
          });
          const combined = clampScorer(
            normalizeScorer(
              sumScorers(
                compileScoringModel(defineScoringModel(first)),
                weightScorers([
                  [compileScoringModel(defineScoringModel(second)), weight],
                  [custom, 2],
                ]),
              ),
              max,
            ),
            { cap: 80, floor },
          );
          const result = combined(lead, { asOf });
          expect(Number.isFinite(result.score)).toBe(true);
          expect(sumOfPoints(result)).toBe(result.score);
          expect(result.score).toBeLessThanOrEqual(80);
          expect(result.score).toBeGreaterThanOrEqual(Math.max(0, floor));
        },
      ),
      { numRuns: 200 },
    );
  });
});
