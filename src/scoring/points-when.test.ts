import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { sumScorers, weightScorers } from './combinators.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import { explainScore } from './explain.ts';
import { disqualifyWhen, pointsWhen } from './points-when.ts';
import { scoreAll } from './score-all.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const lead = (id: string, phone?: string, domain = 'acme.com'): Lead => ({
  id,
  contact: { email: `${id}@${domain}`, ...(phone === undefined ? {} : { phone }) },
  company: { name: id, industry: 'software', domain },
  source: 'referral',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  activities: [],
});
const model = compileScoringModel(
  defineScoringModel({
    schemaVersion: 1,
    id: 'base',
    rules: [{ kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { software: 10 } }],
  }),
);
const hasPhone = pointsWhen({ id: 'phone', label: 'Has a phone number', points: 5, when: (candidate) => candidate.contact.phone !== undefined });
const recent = pointsWhen({
  id: 'recent',
  label: 'Created in the last 30 days',
  group: 'intent',
  points: -3,
  when: (candidate, options) => options.asOf.getTime() - (candidate.createdAt as Date).getTime() < 30 * 86_400_000,
});
const competitor = disqualifyWhen({ id: 'competitor', label: 'Competitor domain', when: (candidate) => candidate.company?.domain === 'rival.com' });

describe('pointsWhen', () => {
  it('gives its points, with an explained contribution, only when the test holds', () => {
    const hit = hasPhone(lead('a', '+1 555 0100'), { asOf });
    expect(hit.score).toBe(5);
    expect(hit.contributions).toEqual([
      {
        ruleId: 'phone',
        label: 'Has a phone number',
        group: 'fit',
        rawPoints: 5,
        decayFactor: 1,
        decayedPoints: 5,
        weight: 1,
        cappedPoints: 0,
        points: 5,
        occurrences: 1,
      },
    ]);
    expect(hasPhone(lead('b'), { asOf })).toEqual({ score: 0, contributions: [], disqualifications: [] });
  });

  it('passes the evaluation options to the test (time is explicit) and keeps its group and negative points', () => {
    const young = lead('c');
    expect(recent(young, { asOf: new Date('2024-01-15T00:00:00Z') })).toMatchObject({ score: -3, contributions: [{ group: 'intent', points: -3 }] });
    expect(recent(young, { asOf }).score).toBe(0);
  });

  it('composes with a compiled model: points add up and are explained', () => {
    const total = sumScorers(model, hasPhone);
    const result = total(lead('d', '+1 555 0101'), { asOf });
    expect(result.score).toBe(15);
    expect(result.contributions.map((item) => item.ruleId)).toEqual(['industry', 'phone']);
    expect(explainScore(result)).toContain('Has a phone number');
    expect(weightScorers([[hasPhone, 2]])(lead('e', '+1'), { asOf }).score).toBe(10);
  });

  it('refuses points beyond the bounds of a scoring model (±1e9), and gives no contribution for 0 points', () => {
    expect(() => pointsWhen({ id: 'x', label: 'X', points: Number.POSITIVE_INFINITY, when: () => true })).toThrow(RangeError);
    expect(() => pointsWhen({ id: 'x', label: 'X', points: Number.NaN, when: () => true })).toThrow(RangeError);
    expect(() => pointsWhen({ id: 'x', label: 'X', points: 2e9, when: () => true })).toThrow(RangeError);
    expect(pointsWhen({ id: 'x', label: 'X', points: -1e9, when: () => true })(lead('f'), { asOf }).score).toBe(-1e9);
    for (const points of [0, -0]) {
      const result = pointsWhen({ id: 'zero', label: 'Zero', points, when: () => true })(lead('g'), { asOf });
      expect(result.contributions).toEqual([]);
      expect(Object.is(result.score, 0)).toBe(true);
    }
  });
});

describe('disqualifyWhen', () => {
  it('disqualifies when the test holds, so scoreAll ranks the lead last', () => {
    const leads = [lead('rival', '+1', 'rival.com'), lead('plain'), lead('phone', '+1')];
    const ranked = scoreAll(sumScorers(model, hasPhone, competitor), leads, { asOf });
    expect(ranked.map((entry) => entry.lead.id)).toEqual(['phone', 'plain', 'rival']);
    expect(ranked[2]?.result.disqualifications).toEqual([{ ruleId: 'competitor', label: 'Competitor domain' }]);
    expect(ranked[2]?.result.score).toBe(15);
    expect(competitor(lead('plain'), { asOf }).disqualifications).toEqual([]);
  });

  it('does not mutate the lead', () => {
    const input = lead('rival', '+1', 'rival.com');
    const copy = structuredClone(input);
    sumScorers(hasPhone, competitor)(input, { asOf });
    expect(input).toEqual(copy);
  });
});
