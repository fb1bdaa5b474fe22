import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import { explainScore, topReasons } from './explain.ts';
import { rankLeadIndices, scoreAll } from './score-all.ts';
import { contribution } from './contribution.ts';
import { maxScorers, minScorers, sumScorers, weightScorers, clampScorer, normalizeScorer } from './combinators.ts';
import type { ScoreContribution, Scorer } from './types.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const make = (id: string, industry: string, email = `${id}@acme.com`): Lead => ({
  id,
  contact: { email },
  company: { name: id, industry },
  source: 'referral',
  createdAt: new Date('2024-01-01T00:00:00Z'),
  activities: [],
});
const scorer = compileScoringModel(
  defineScoringModel({
    schemaVersion: 1,
    id: 'rank',
    rules: [
      { kind: 'values', id: 'industry', label: 'Target industry', field: 'company.industry', values: { software: 10, retail: 5 } },
      { kind: 'points', id: 'referral', label: 'Referral', when: { field: 'source', equals: 'referral' }, points: 2 },
      { kind: 'disqualify', id: 'free', label: 'Free e-mail', when: { field: 'contact.emailDomain', equals: 'gmail.com' } },
    ],
  }),
);
const leads = [make('a', 'retail'), make('b', 'software'), make('c', 'retail'), make('d', 'software', 'd@gmail.com'), make('e', 'software')];

describe('scoreAll and rankLeadIndices', () => {
  it('ranks best first, ties in input order, disqualified last', () => {
    const ranked = scoreAll(scorer, leads, { asOf });
    expect(ranked.map((entry) => entry.lead.id)).toEqual(['b', 'e', 'a', 'c', 'd']);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(ranked[4]?.result.grade).toBe('F');
  });

  it('ranks by number only on the fast path, stably', () => {
    expect([...rankLeadIndices(scorer, leads, { asOf })]).toEqual([1, 3, 4, 0, 2]);
  });

  it('does not mutate the input list', () => {
    const copy = structuredClone(leads);
    scoreAll(scorer, leads, { asOf });
    rankLeadIndices(scorer, leads, { asOf });
    expect(leads).toEqual(copy);
  });
});

describe('combinators with user-written scorers', () => {
  const phone: Scorer = () => ({ score: 7, contributions: [contribution({ ruleId: 'phone', label: 'Phone', points: 7 })], disqualifications: [] });
  const gate: Scorer = () => ({ score: 0, contributions: [], disqualifications: [{ ruleId: 'gate', label: 'Gate' }] });

  it('sums, weights, picks, clamps and normalises', () => {
    const lead = leads[1] as Lead;
    expect(sumScorers(scorer, phone)(lead, { asOf }).score).toBe(19);
    const weighted = weightScorers([
      [scorer, 0.5],
      [phone, 2],
    ])(lead, { asOf });
    expect(weighted.score).toBe(20);
    expect(weighted.contributions.map((item) => item.weight)).toEqual([0.5, 0.5, 2]);
    expect(maxScorers(phone, scorer)(lead, { asOf }).score).toBe(12);
    expect(minScorers(phone, scorer)(lead, { asOf }).score).toBe(7);
    expect(sumScorers(phone, gate)(lead, { asOf }).disqualifications).toHaveLength(1);
    const clamped = clampScorer(sumScorers(scorer, phone), { cap: 10 })(lead, { asOf });
    expect(clamped.score).toBe(10);
    expect(clamped.contributions.reduce((sum, item) => sum + item.cappedPoints, 0)).toBeCloseTo(9, 10);
    expect(normalizeScorer(phone, 14)(lead, { asOf }).score).toBe(50);
    expect(() => clampScorer(phone, { cap: -1 })).toThrow(RangeError);
    expect(() => clampScorer(phone, { cap: 5, floor: 6 })).toThrow(RangeError);
    expect(() => clampScorer(phone, { floor: Number.NaN })).toThrow(RangeError);
    expect(() => normalizeScorer(phone, 1e-8)).toThrow(RangeError);
    // The limits are checked once and kept: changing the object afterwards changes nothing.
    const limits = { cap: 5 };
    const capped = clampScorer(phone, limits);
    limits.cap = -5;
    expect(capped(lead, { asOf }).score).toBe(5);
    // A positive floor is a minimum score: the missing points come as a `@floor` contribution.
    const atLeastTen = clampScorer(phone, { floor: 10 })(lead, { asOf });
    expect(atLeastTen.score).toBe(10);
    expect(atLeastTen.contributions.at(-1)).toMatchObject({ ruleId: '@floor', points: 10 - phone(lead, { asOf }).score });
    expect(() => normalizeScorer(phone, 0)).toThrow(RangeError);
  });
});

describe('contribution', () => {
  it('fills what a user-written scorer leaves out: group fit, no decay, weight 1, no cap, one occurrence', () => {
    expect(contribution({ ruleId: 'phone', label: 'Phone', points: 7 })).toEqual({
      ruleId: 'phone',
      label: 'Phone',
      group: 'fit',
      rawPoints: 7,
      decayFactor: 1,
      decayedPoints: 7,
      weight: 1,
      cappedPoints: 0,
      points: 7,
      occurrences: 1,
    });
  });

  it('keeps what is given, and says how much of the raw points decay left', () => {
    expect(contribution({ ruleId: 'visits', label: 'Visits', group: 'engagement', points: 3, rawPoints: 12, occurrences: 4 })).toMatchObject({
      group: 'engagement',
      rawPoints: 12,
      decayFactor: 0.25,
      decayedPoints: 3,
      points: 3,
      occurrences: 4,
    });
    // Zero raw points: nothing decayed (not 0/0), and zero given as such is kept, not replaced by a default.
    expect(contribution({ ruleId: 'z', label: 'Z', points: 0, rawPoints: 0, occurrences: 0 })).toMatchObject({ rawPoints: 0, decayFactor: 1, occurrences: 0 });
    expect(contribution({ ruleId: 'n', label: 'N', points: -2, rawPoints: 0 })).toMatchObject({ rawPoints: 0, decayFactor: 1, points: -2 });
  });
});

describe('explainScore and topReasons', () => {
  it('topReasons gives the largest non-zero contributions by absolute points, ties in rule order, as a full sort does', () => {
    const points = fc.oneof(fc.constantFrom(0, -0, 1, -1, 2.5, -2.5, 10), fc.double({ min: -100, max: 100, noNaN: true }));
    fc.assert(
      fc.property(fc.array(points, { maxLength: 12 }), fc.nat(14), (list, count) => {
        const result = scorer(leads[3] as Lead, { asOf });
        const contributions = list.map((value, index) => ({ ...(result.contributions[0] as ScoreContribution), ruleId: `r${index}`, points: value }));
        const expected = contributions
          .map((item, index) => ({ item, index }))
          .filter(({ item }) => item.points !== 0)
          .sort((a, b) => Math.abs(b.item.points) - Math.abs(a.item.points) || a.index - b.index)
          .slice(0, count)
          .map(({ item }) => item.ruleId);
        expect(topReasons({ ...result, contributions }, count).map((item) => item.ruleId)).toEqual(expected);
      }),
    );
  });

  it('renders the score, grade, gates and contributions largest first', () => {
    const result = scorer(leads[3] as Lead, { asOf });
    expect(topReasons(result, 1).map((item) => item.ruleId)).toEqual(['industry']);
    const text = explainScore(result);
    expect(text.split('\n')[0]).toBe('Score 12 (fit 12, engagement 0), grade F');
    expect(text).toContain('disqualified: Free e-mail');
    expect(text.indexOf('Target industry')).toBeLessThan(text.indexOf('Referral'));
  });

  it('says how decay, caps, weights and repeats changed each contribution', () => {
    const detailed = compileScoringModel(
      defineScoringModel({
        schemaVersion: 1,
        id: 'details',
        rules: [
          { kind: 'activity', id: 'click', label: 'E-mail click', activity: { type: 'email_clicked' }, points: 10, decay: { kind: 'halfLife', days: 10 } },
          { kind: 'activity', id: 'meeting', label: 'Meeting', activity: { type: 'meeting_held' }, points: 40 },
        ],
        groups: { engagement: { cap: 30, weight: 2 } },
      }),
    );
    const at = (days: number): Date => new Date(asOf.getTime() - days * 86_400_000);
    const result = detailed(
      {
        ...(leads[0] as Lead),
        activities: [
          { type: 'email_clicked', at: at(10) },
          { type: 'email_clicked', at: at(10) },
          { type: 'meeting_held', at: at(1) },
        ],
      },
      { asOf },
    );
    const lines = explainScore(result).split('\n');
    const click = lines.find((line) => line.includes('E-mail click')) as string;
    // Two clicks 10 days old, half-life 10 days: 20 raw points decayed to 10.
    expect(click).toMatch(/×2/);
    expect(click).toMatch(/decayed to 50% of \+20/);
    expect(click).toMatch(/by caps/);
    expect(click).toMatch(/weight 2/);
    expect(click).toContain('[engagement]');
    const meeting = lines.find((line) => line.includes('Meeting')) as string;
    expect(meeting).not.toMatch(/decayed/);
    expect(meeting).toMatch(/by caps/);
    // Group cap 30 then weight 2: the total is 60, and the lines are ordered by size (meeting first).
    expect(result.score).toBeCloseTo(60, 9);
    expect(lines.indexOf(meeting)).toBeLessThan(lines.indexOf(click));
  });
});
