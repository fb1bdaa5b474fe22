import { describe, expect, it } from 'vitest';
import type { Activity } from '../models/activity.ts';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import type { ScoringModelJson } from './scoring-model-definition.ts';

// Every scorer here is compiled inside its test: what compileScoringModel computes once (groups, the plain and fast
// paths, the sales-ready sets) is then checked as it is built, not only as it scores.
const asOf = new Date('2024-06-01T00:00:00Z');
const DAY = 86_400_000;
const opened = (days: number): Activity => ({ type: 'email_opened', at: new Date(asOf.getTime() - days * DAY) });
const lead = (extra: Partial<Lead> = {}): Lead => ({
  id: 'l',
  contact: { seniority: 'vp' },
  company: { name: 'Acme', industry: 'technology', country: 'US' },
  source: 'referral',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  activities: [],
  ...extra,
});
const compile = (model: Omit<ScoringModelJson, 'schemaVersion' | 'id'>) => compileScoringModel(defineScoringModel({ schemaVersion: 1, id: 'm', ...model }));
const permutations = <T>(items: readonly T[]): T[][] =>
  items.length <= 1
    ? [[...items]]
    : items.flatMap((item, index) => permutations([...items.slice(0, index), ...items.slice(index + 1)]).map((rest) => [item, ...rest]));

describe('activity rules: maxCount keeps the most valuable activities', () => {
  it('counts the maxCount largest decayed values, in whatever order the activities come', () => {
    // A step decay halving every 10 days: ages 0, 10, 20, 30 days are worth 8, 4, 2 and 1 of 8 points.
    for (const maxCount of [1, 2, 3]) {
      const scorer = compile({
        rules: [
          {
            kind: 'activity',
            id: 'open',
            label: 'Open',
            activity: { type: 'email_opened' },
            points: 8,
            maxCount,
            decay: { kind: 'step', everyDays: 10, loss: 0.5 },
          },
        ],
      });
      const kept = [8, 12, 14][maxCount - 1] as number;
      for (const ages of permutations([0, 10, 20, 30])) {
        const result = scorer(lead({ activities: ages.map(opened) }), { asOf });
        expect(result.contributions, `maxCount ${maxCount}, ages ${ages}`).toEqual([
          {
            ruleId: 'open',
            label: 'Open',
            group: 'engagement',
            rawPoints: 32,
            decayFactor: 15 / 32,
            decayedPoints: 15,
            weight: 1,
            cappedPoints: 15 - kept,
            points: kept,
            occurrences: 4,
          },
        ]);
        expect(scorer.scoreValue(lead({ activities: ages.map(opened) }), asOf)).toBe(kept);
      }
    }
  });

  it('counts an activity made exactly at asOf in full, and none after it', () => {
    const scorer = compile({ rules: [{ kind: 'activity', id: 'open', label: 'Open', activity: { type: 'email_opened' }, points: 8, maxCount: 2 }] });
    expect(scorer(lead({ activities: [opened(0), opened(0), opened(0)] }), { asOf }).contributions[0]).toMatchObject({
      points: 16,
      occurrences: 3,
      rawPoints: 24,
    });
    expect(scorer(lead({ activities: [opened(-1 / DAY)] }), { asOf }).contributions).toEqual([]);
  });
});

describe('the number-only path gives exactly the score', () => {
  it('adds fractional points in rule order when an activity rule comes first', () => {
    // 0.1 + 0.7 + 0.3 = 1.0999999999999999 from left to right; the field rules alone first would give 1.1.
    const scorer = compile({
      rules: [
        { kind: 'activity', id: 'open', label: 'Open', activity: { type: 'email_opened' }, points: 0.1 },
        { kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { technology: 0.7 } },
        { kind: 'values', id: 'country', label: 'Country', field: 'company.country', values: { US: 0.3 } },
      ],
    });
    const sample = lead({ activities: [opened(1)] });
    expect(scorer(sample, { asOf }).score).toBe(0.1 + 0.7 + 0.3);
    expect(scorer.scoreValue(sample, asOf)).toBe(0.1 + 0.7 + 0.3);
  });

  it('adds fractional points of lead-level rules in rule order, whatever order the fields are read in', () => {
    // Contact fields are read first: 3.3 + 1.1 + 2.2 = 6.6000000000000005, where the rule order gives 6.6.
    const scorer = compile({
      rules: [
        { kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { technology: 1.1 } },
        { kind: 'values', id: 'country', label: 'Country', field: 'company.country', values: { US: 2.2 } },
        { kind: 'values', id: 'seniority', label: 'Seniority', field: 'contact.seniority', values: { vp: 3.3 } },
      ],
    });
    expect(scorer(lead(), { asOf }).score).toBe(1.1 + 2.2 + 3.3);
    expect(scorer.scoreValue(lead(), asOf)).toBe(1.1 + 2.2 + 3.3);
  });

  it('explains fractional points of a plain model as they are, not as whole numbers', () => {
    const scorer = compile({ rules: [{ kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { technology: 2.5 } }] });
    expect(scorer(lead(), { asOf }).contributions).toMatchObject([{ rawPoints: 2.5, decayedPoints: 2.5, points: 2.5, cappedPoints: 0, weight: 1 }]);
  });
});

describe('groups and combine', () => {
  const rules = (fit: number, engagement: number) => [
    { kind: 'values' as const, id: 'industry', label: 'Industry', field: 'company.industry' as const, values: { technology: fit } },
    { kind: 'activity' as const, id: 'open', label: 'Open', activity: { type: 'email_opened' as const }, points: engagement },
  ];
  const sample = lead({ activities: [opened(1)] });

  it('reports a group named only in groups with a score of 0, and never picks an empty group', () => {
    const max = compile({ rules: rules(-5, -3), groups: { intent: { weight: 1 } }, total: { combine: 'max' } })(sample, { asOf });
    expect(max.groups).toEqual({ fit: -5, engagement: -3, intent: 0 });
    expect(max.score).toBe(-3);
    const min = compile({ rules: rules(5, 3), groups: { intent: { weight: 1 } }, total: { combine: 'min' } })(sample, { asOf });
    expect(min.score).toBe(3);
  });

  it('picks the first group on ties, and compares groups by their weighted scores', () => {
    for (const combine of ['max', 'min'] as const) {
      const tie = compile({ rules: rules(4, 4), total: { combine } })(sample, { asOf });
      expect(tie.contributions.map((item) => [item.ruleId, item.points, item.weight])).toEqual([
        ['industry', 4, 1],
        ['open', 0, 0],
      ]);
    }
    // fit 3 × 2 = 6 against engagement 5 × 1.
    const weighted = compile({ rules: rules(3, 5), groups: { fit: { weight: 2 } }, total: { combine: 'max' } })(sample, { asOf });
    expect(weighted.score).toBe(6);
    const weightedMin = compile({ rules: rules(3, 5), groups: { fit: { weight: 2 } }, total: { combine: 'min' } })(sample, { asOf });
    expect(weightedMin.score).toBe(5);
  });

  it('keeps an activity rule’s own caps in its explanation when the model also has group or total limits', () => {
    const scorer = compile({
      rules: [
        { kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { technology: 2.5 } },
        { kind: 'activity', id: 'open', label: 'Open', activity: { type: 'email_opened' }, points: 20, maxPoints: 30 },
      ],
      total: { cap: 1000 },
    });
    const result = scorer(lead({ activities: [opened(1), opened(2)] }), { asOf });
    expect(result.contributions).toEqual([
      {
        ruleId: 'industry',
        label: 'Industry',
        group: 'fit',
        rawPoints: 2.5,
        decayFactor: 1,
        decayedPoints: 2.5,
        weight: 1,
        cappedPoints: 0,
        points: 2.5,
        occurrences: 1,
      },
      {
        ruleId: 'open',
        label: 'Open',
        group: 'engagement',
        rawPoints: 40,
        decayFactor: 1,
        decayedPoints: 40,
        weight: 1,
        cappedPoints: 10,
        points: 30,
        occurrences: 2,
      },
    ]);
    expect(result.score).toBe(32.5);
    expect(result).toMatchObject({ fit: 2.5, engagement: 30 });
  });

  it('reads fit and engagement from their groups wherever they come in the model, and 0 for a group with no rule', () => {
    const engagementOnly = compile({ rules: [{ kind: 'activity', id: 'open', label: 'Open', activity: { type: 'email_opened' }, points: 7 }] });
    expect(engagementOnly(sample, { asOf })).toMatchObject({ fit: 0, engagement: 7, score: 7 });
    const fitOnly = compile({ rules: [{ kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { technology: 4 } }] });
    expect(fitOnly(sample, { asOf })).toMatchObject({ fit: 4, engagement: 0, score: 4 });
  });
});

describe('grading', () => {
  it('takes the band of the first override that sets one', () => {
    const scorer = compile({
      rules: [],
      grading: {
        bands: {
          thresholds: [
            { band: 'hot', min: 50 },
            { band: 'warm', min: 20 },
          ],
          otherwise: 'cold',
        },
        overrides: [
          { id: 'o1', label: 'No band', when: { field: 'source', exists: true } },
          { id: 'o2', label: 'Warm', when: { field: 'source', exists: true }, band: 'warm' },
          { id: 'o3', label: 'Hot', when: { field: 'source', exists: true }, band: 'hot' },
        ],
      },
    });
    const result = scorer(lead(), { asOf });
    expect(result).toMatchObject({ band: 'warm', grade: 'warm', salesReady: true });
    expect(result.overrides.map((override) => [override.ruleId, override.band])).toEqual([
      ['o1', undefined],
      ['o2', 'warm'],
      ['o3', 'hot'],
    ]);
  });

  it('is sales-ready only in a band marked so or a listed matrix cell', () => {
    const scorer = compile({
      rules: [
        { kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { technology: 60, retail: 30 } },
        { kind: 'activity', id: 'open', label: 'Open', activity: { type: 'email_opened' }, points: 25 },
      ],
      grading: {
        bands: {
          thresholds: [
            { band: 'hot', min: 80, salesReady: true },
            { band: 'warm', min: 50 },
          ],
          otherwise: 'cold',
        },
        matrix: {
          fit: [{ grade: 'A', min: 50 }],
          fitOtherwise: 'B',
          engagement: [{ grade: '1', min: 20 }],
          engagementOtherwise: '2',
          salesReady: ['B1'],
        },
      },
    });
    const company = (industry: string) => ({ name: 'Acme', industry });
    // 60 + 25 = 85: hot (sales-ready), cell A1 (not listed).
    expect(scorer(lead({ company: company('technology'), activities: [opened(1)] }), { asOf })).toMatchObject({
      band: 'hot',
      matrixCell: 'A1',
      salesReady: true,
    });
    // 60: warm (not marked), cell A2 (not listed).
    expect(scorer(lead({ company: company('technology') }), { asOf })).toMatchObject({ band: 'warm', matrixCell: 'A2', salesReady: false });
    // 30 + 25 = 55: warm, cell B1 (listed).
    expect(scorer(lead({ company: company('retail'), activities: [opened(1)] }), { asOf })).toMatchObject({ band: 'warm', matrixCell: 'B1', salesReady: true });
  });

  it('says whether a gate holds, both ways', () => {
    const scorer = compile({ rules: [{ kind: 'disqualify', id: 'event', label: 'Event', when: { field: 'source', equals: 'event' } }] });
    expect(scorer.isDisqualified(lead(), asOf)).toBe(false);
    expect(scorer.isDisqualified(lead({ source: 'event' }), asOf.getTime())).toBe(true);
    expect(scorer(lead({ source: 'event' }), { asOf })).toMatchObject({
      disqualified: true,
      disqualifications: [{ ruleId: 'event', label: 'Event' }],
      score: 0,
    });
    expect(() => scorer.isDisqualified(lead(), Number.NaN)).toThrow(RangeError);
  });
});
