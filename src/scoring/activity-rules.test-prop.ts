import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../models/activity.ts';
import { arbitraryLead } from '../testing/arbitraries.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import { scoreDecayFactor } from './decay.ts';
import { matchUrlPattern } from '../conditions/url-pattern.ts';
import type { ActivityPointsRule, ScoringModelJson } from './scoring-model-definition.ts';

// The engine scores all activity rules in one pass over the activities, each activity offered only to the rules
// counting its type. Checked against each rule scored on its own (exactly) and a direct reading of the rule.

const asOf = new Date('2024-06-01T00:00:00Z');
const DAY = 86_400_000;
// Some activities fall after `asOf`: they must be ignored.
const leads = arbitraryLead({ min: new Date(asOf.getTime() - 400 * DAY), max: new Date(asOf.getTime() + 20 * DAY), maxActivities: 40 });
const types = ['page_viewed', 'email_opened', 'email_clicked', 'email_bounced', 'call', 'demo_requested'] as const;

const rule = (index: number): fc.Arbitrary<ActivityPointsRule> =>
  fc.record(
    {
      kind: fc.constant('activity' as const),
      id: fc.constant(`a${index}`),
      label: fc.constant(`Activity ${index}`),
      // Mostly the activity type alone (so rules often count more than `maxCount` activities), sometimes a filter.
      activity: fc.oneof(
        { weight: 4, arbitrary: fc.oneof(fc.constantFrom(...types), fc.subarray([...types], { minLength: 1 })).map((type) => ({ type })) },
        fc.constant({}),
        fc.record({ type: fc.constant('page_viewed' as const), pageKind: fc.constantFrom('pricing' as const, 'blog' as const) }),
        fc.record({
          type: fc.constantFrom('page_viewed' as const, 'email_clicked' as const, ['page_viewed' as const, 'email_clicked' as const]),
          url: fc.constantFrom('/pricing', '/b*', '/PRICING'),
        }),
        fc.record({ type: fc.constant('email_bounced' as const), bounce: fc.constantFrom('hard' as const, 'soft' as const) }),
        fc.record({ type: fc.constant('call' as const), direction: fc.constantFrom('inbound' as const, 'outbound' as const) }),
      ),
      points: fc.oneof(fc.integer({ min: -20, max: 30 }), fc.double({ min: -20, max: 30, noNaN: true })),
      decay: fc.oneof(
        fc.record({ kind: fc.constant('halfLife' as const), days: fc.integer({ min: 1, max: 120 }) }),
        fc.record({ kind: fc.constant('step' as const), everyDays: fc.integer({ min: 1, max: 60 }), loss: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ kind: fc.constant('linear' as const), everyDays: fc.integer({ min: 1, max: 60 }), loss: fc.double({ min: 0, max: 1, noNaN: true }) }),
        fc.record({ kind: fc.constant('window' as const), days: fc.integer({ min: 1, max: 200 }) }),
      ),
      maxCount: fc.integer({ min: 1, max: 4 }),
      maxPoints: fc.integer({ min: 0, max: 60 }),
    },
    { requiredKeys: ['kind', 'id', 'label', 'activity', 'points'] },
  );
const ruleLists = fc.integer({ min: 1, max: 8 }).chain((count) => fc.tuple(...Array.from({ length: count }, (_, index) => rule(index))));
const model = (rules: readonly ActivityPointsRule[]): ScoringModelJson =>
  JSON.parse(JSON.stringify({ schemaVersion: 1, id: 'activities', rules })) as ScoringModelJson;

interface Details {
  readonly pageKind?: string;
  readonly url?: string;
  readonly bounce?: string;
  readonly direction?: string;
}
function counts(rule: ActivityPointsRule, activity: Activity): boolean {
  const { activity: match } = rule;
  const details = activity as Details;
  return (
    (match.type === undefined || (typeof match.type === 'string' ? [match.type] : match.type).includes(activity.type)) &&
    (match.pageKind === undefined || details.pageKind === match.pageKind) &&
    (match.url === undefined || (details.url !== undefined && matchUrlPattern(match.url, details.url))) &&
    (match.bounce === undefined || details.bounce === match.bounce) &&
    (match.direction === undefined || details.direction === match.direction)
  );
}
/** Whether an activity of this age counts: not after `asOf`, and within a time window when the rule has one. */
const inTime = (rule: ActivityPointsRule, age: number): boolean => age >= 0 && (rule.decay?.kind !== 'window' || age <= rule.decay.days * DAY);

/** A direct reading of one rule: the decayed points of its activities, the `maxCount` largest, capped at `maxPoints`. */
function expectedPoints(rule: ActivityPointsRule, activities: readonly Activity[]): number {
  const factors = activities
    .map((activity) => asOf.getTime() - activity.at.getTime())
    .filter((age, index) => inTime(rule, age) && counts(rule, activities[index] as Activity))
    .map((age) => scoreDecayFactor(rule.decay, age));
  const counted = rule.maxCount === undefined ? factors : [...factors].sort((a, b) => b - a).slice(0, rule.maxCount);
  const sum = counted.reduce((total, factor) => total + rule.points * factor, 0);
  return rule.maxPoints === undefined ? sum : Math.max(-rule.maxPoints, Math.min(rule.maxPoints, sum));
}

describe('activity rules (one pass over the activities)', () => {
  it('score each rule exactly as on its own, and as a direct reading of the rule', () => {
    fc.assert(
      fc.property(ruleLists, fc.array(leads, { minLength: 1, maxLength: 4 }), (rules, batch) => {
        const together = compileScoringModel(defineScoringModel(model(rules)));
        const alone = rules.map((item) => compileScoringModel(defineScoringModel(model([item]))));
        for (const lead of batch) {
          const result = together(lead, { asOf });
          rules.forEach((item, index) => {
            const single = (alone[index] as typeof together)(lead, { asOf });
            const found = result.contributions.find((entry) => entry.ruleId === item.id);
            expect(found).toEqual(single.contributions[0]);
            const expected = expectedPoints(item, lead.activities);
            expect(Math.abs((found?.points ?? 0) - expected)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
            // A rule with 0 points adds no contribution.
            if (item.points !== 0)
              expect(found?.occurrences ?? 0).toBe(
                lead.activities.filter((activity) => inTime(item, asOf.getTime() - activity.at.getTime()) && counts(item, activity)).length,
              );
          });
          expect(together.scoreValue(lead, asOf)).toBe(result.score);
        }
      }),
      { numRuns: 300 },
    );
  });
});
