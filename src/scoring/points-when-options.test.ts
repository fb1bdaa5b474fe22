import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { disqualifyWhen, type LeadTestOptions, pointsWhen } from './points-when.ts';

const asOf = new Date('2024-06-01T00:00:00Z');
const lead: Lead = { id: 'l', contact: {}, company: { name: 'Acme' }, source: 'referral', createdAt: new Date('2024-01-01T00:00:00Z'), activities: [] };
const invalid = 'asOf is not a valid instant (got NaN): pass a Date or epoch milliseconds';

describe('pointsWhen: the options its test sees', () => {
  it('gives the test asOf as a new Date (also from epoch milliseconds) and the other options as they are', () => {
    const seen: LeadTestOptions[] = [];
    const scorer = pointsWhen({ id: 'p', label: 'P', points: 1, when: (_lead, options) => seen.push(options) > 0 });
    scorer(lead, { asOf, previousBand: 'hot' });
    scorer(lead, { asOf: asOf.getTime() });
    expect(seen[0]?.asOf).toBeInstanceOf(Date);
    expect(seen[0]?.asOf).not.toBe(asOf);
    expect(seen[0]?.asOf.getTime()).toBe(asOf.getTime());
    expect(seen[0]?.previousBand).toBe('hot');
    expect(seen[1]?.asOf).toBeInstanceOf(Date);
    expect(seen[1]?.asOf.getTime()).toBe(asOf.getTime());
    expect(() => scorer(lead, { asOf: Number.NaN })).toThrow(new RangeError(invalid));
  });

  it('accepts exactly ±1,000,000,000 points and refuses more, naming the rule', () => {
    expect(pointsWhen({ id: 'top', label: 'Top', points: 1e9, when: () => true })(lead, { asOf }).score).toBe(1e9);
    expect(() => pointsWhen({ id: 'big', label: 'Big', points: 1e9 + 1, when: () => true })).toThrow(
      new RangeError('pointsWhen "big": points must be a number between -1,000,000,000 and 1,000,000,000, as in a scoring model'),
    );
    expect(() => pointsWhen({ id: 'low', label: 'Low', points: -1e9 - 1, when: () => true })).toThrow(RangeError);
  });

  it('returns frozen results, shared lead after lead, so no caller can change another one', () => {
    const scorer = pointsWhen({ id: 'p', label: 'P', points: 2, when: (candidate) => candidate.id === 'l' });
    const hit = scorer(lead, { asOf });
    expect(scorer(lead, { asOf })).toBe(hit);
    expect(Object.isFrozen(hit)).toBe(true);
    expect(Object.isFrozen(hit.contributions)).toBe(true);
    expect(Object.isFrozen(hit.contributions[0])).toBe(true);
    const miss = scorer({ ...lead, id: 'other' }, { asOf });
    expect(miss).toEqual({ score: 0, contributions: [], disqualifications: [] });
    expect(Object.isFrozen(miss)).toBe(true);
    expect(Object.isFrozen(miss.contributions)).toBe(true);
    expect(Object.isFrozen(miss.disqualifications)).toBe(true);
    const zero = pointsWhen({ id: 'z', label: 'Z', points: 0, when: () => true })(lead, { asOf });
    expect(Object.isFrozen(zero)).toBe(true);
  });
});

describe('disqualifyWhen: the options its test sees and its results', () => {
  it('gives the test asOf as a Date and refuses an invalid asOf', () => {
    const seen: LeadTestOptions[] = [];
    const gate = disqualifyWhen({ id: 'g', label: 'G', when: (_lead, options) => seen.push(options) > 1 });
    expect(gate(lead, { asOf: asOf.getTime(), previousBand: 'cold' })).toEqual({ score: 0, contributions: [], disqualifications: [] });
    expect(gate(lead, { asOf })).toEqual({ score: 0, contributions: [], disqualifications: [{ ruleId: 'g', label: 'G' }] });
    expect(seen[0]?.asOf).toEqual(asOf);
    expect(seen[0]?.previousBand).toBe('cold');
    expect(seen[1]?.asOf).not.toBe(asOf);
    expect(() => gate(lead, { asOf: Number.NaN })).toThrow(new RangeError(invalid));
  });

  it('returns frozen results', () => {
    const gated = disqualifyWhen({ id: 'g', label: 'G', when: () => true })(lead, { asOf });
    const passed = disqualifyWhen({ id: 'g', label: 'G', when: () => false })(lead, { asOf });
    for (const result of [gated, passed]) {
      expect(Object.isFrozen(result)).toBe(true);
      expect(Object.isFrozen(result.contributions)).toBe(true);
      expect(Object.isFrozen(result.disqualifications)).toBe(true);
    }
    expect(Object.isFrozen(gated.disqualifications[0])).toBe(true);
  });
});
