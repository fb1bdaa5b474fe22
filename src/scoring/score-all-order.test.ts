import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compileScoringModel } from './compile.ts';
import { defineScoringModel } from './define-scoring-model.ts';
import { rankLeadIndices, scoreAll } from './score-all.ts';
import type { Scorer } from './types.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const make = (id: string, industry: string, source: Lead['source'] = 'referral'): Lead => ({
  id,
  contact: {},
  company: { name: id, industry },
  source,
  createdAt: new Date('2024-01-01T00:00:00Z'),
  activities: [],
});
// software 10, retail 5, anything else −3; an event source is disqualified.
const scorer = compileScoringModel(
  defineScoringModel({
    schemaVersion: 1,
    id: 'order',
    rules: [
      { kind: 'values', id: 'industry', label: 'Industry', field: 'company.industry', values: { software: 10, retail: 5 }, otherwise: -3 },
      { kind: 'disqualify', id: 'event', label: 'Event lead', when: { field: 'source', equals: 'event' } },
    ],
  }),
);

describe('scoreAll', () => {
  it('ranks disqualified leads last whatever their score, each part by score, ties in input order', () => {
    const leads = [
      make('q1', 'software', 'event'),
      make('a', 'retail'),
      make('b', 'mining'),
      make('q2', 'retail', 'event'),
      make('c', 'software'),
      make('d', 'retail'),
    ];
    const ranked = scoreAll(scorer, leads, { asOf });
    expect(ranked.map((entry) => entry.lead.id)).toEqual(['c', 'a', 'd', 'b', 'q1', 'q2']);
    expect(ranked.map((entry) => entry.rank)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(ranked.map((entry) => entry.result.score)).toEqual([10, 5, 5, -3, 10, 5]);
    expect(ranked[0]?.lead).toBe(leads[4]);
  });

  it('refuses an invalid asOf before scoring anything, even with no leads', () => {
    const message = 'asOf is not a valid instant (got Invalid Date): pass a Date or epoch milliseconds';
    let calls = 0;
    const counting: Scorer = () => {
      calls++;
      return { score: 0, contributions: [], disqualifications: [] };
    };
    expect(() => scoreAll(counting, [], { asOf: new Date(Number.NaN) })).toThrow(new RangeError(message));
    expect(() => scoreAll(counting, [make('a', 'x')], { asOf: new Date(Number.NaN) })).toThrow(new RangeError(message));
    expect(calls).toBe(0);
    expect(() => rankLeadIndices(scorer, [], { asOf: new Date(Number.NaN) })).toThrow(new RangeError(message));
  });
});

describe('rankLeadIndices', () => {
  it('orders indices by score, best first, ties by index, whether or not disqualified', () => {
    const leads = [make('a', 'retail'), make('b', 'mining'), make('c', 'software', 'event'), make('d', 'retail'), make('e', 'software')];
    expect([...rankLeadIndices(scorer, leads, { asOf })]).toEqual([2, 4, 0, 3, 1]);
    expect([...rankLeadIndices(scorer, leads, { asOf: asOf.getTime() })]).toEqual([2, 4, 0, 3, 1]);
    expect(rankLeadIndices(scorer, [], { asOf })).toEqual(new Uint32Array(0));
  });
});
