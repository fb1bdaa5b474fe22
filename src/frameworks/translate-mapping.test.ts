import { describe, expect, it } from 'vitest';
import type { CriterionRating } from './assessment.ts';
import { bantFramework } from './builtins/bant.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { defineFramework } from './define-framework.ts';
import { translateAssessment, translationMapping } from './translate-assessment.ts';
import { defineRatingScale, evidenceLevelScale, zeroToTwoScale } from './scales.ts';

const at = new Date(Date.UTC(2025, 5, 20, 10));
const rate = <V extends string | number>(rating: V): CriterionRating<V> => ({ rating, assessedAt: at });

// Two criteria about money (the first is asked first), one with no concept; the target has one of each.
const source = defineFramework({
  id: 'source',
  name: 'Source',
  scale: zeroToTwoScale,
  criteria: [
    { key: 'money', label: 'Money', concept: 'budget' },
    { key: 'funds', label: 'Funds', concept: 'budget' },
    { key: 'loose', label: 'Loose' },
  ],
});
const target = defineFramework({
  id: 'target',
  name: 'Target',
  scale: zeroToTwoScale,
  criteria: [
    { key: 'budget', label: 'Budget', concept: 'budget' },
    { key: 'other', label: 'Other' },
  ],
});

describe('translationMapping', () => {
  it('maps by concept only: two criteria without a concept are not the same concept', () => {
    expect(translationMapping(source, target)).toEqual([
      { from: 'money', to: 'budget', via: 'concept', concept: 'budget' },
      { from: 'funds', to: 'budget', via: 'concept', concept: 'budget' },
    ]);
  });

  it('takes an override only to a criterion of the source; null or undefined leaves the target unmapped', () => {
    expect(translationMapping(source, target, { mapping: { other: 'loose' } })).toContainEqual({ from: 'loose', to: 'other', via: 'override' });
    expect(translationMapping(source, target, { mapping: { other: 'nowhere' as 'loose' } })).toHaveLength(2);
    expect(translationMapping(source, target, { mapping: { budget: null } })).toEqual([]);
    expect(translationMapping(source, target, { mapping: { budget: undefined } as unknown as { budget: null } })).toEqual([]);
  });

  it('reads overrides from own keys only', () => {
    const mapping = Object.create({ budget: null }) as { budget?: 'money' | null };
    expect(translationMapping(source, target, { mapping })).toHaveLength(2);
  });
});

describe('translateAssessment', () => {
  it('fills a target once, from the first rated source in the source’s order', () => {
    const both = translateAssessment(source, target, { frameworkId: 'source', criteria: { money: rate(1), funds: rate(2) } });
    expect(both.carried.map((entry) => [entry.from, entry.toRating])).toEqual([['money', 1]]);
    expect(both.assessment.criteria.budget?.rating).toBe(1);
    const second = translateAssessment(source, target, { frameworkId: 'source', criteria: { funds: rate(2) } });
    expect(second.carried.map((entry) => entry.from)).toEqual(['funds']);
    expect(second.unfilled).toEqual(['other']);
  });

  it('skips a source rated off its scale or "unknown", leaving the target unfilled', () => {
    const offScale = translateAssessment(source, target, { frameworkId: 'source', criteria: { money: rate(7 as 2) } });
    expect([offScale.carried, offScale.unfilled, offScale.assessment.criteria]).toEqual([[], ['budget', 'other'], {}]);
    const evidence = defineFramework({
      id: 'evidence',
      name: 'Evidence',
      scale: evidenceLevelScale,
      criteria: [{ key: 'cash', label: 'Cash', concept: 'budget' }],
    });
    const unknown = translateAssessment(evidence, target, { frameworkId: 'evidence', criteria: { cash: rate('unknown') } });
    expect(unknown.carried).toEqual([]);
    const gap = translateAssessment(evidence, target, { frameworkId: 'evidence', criteria: { cash: rate('gap') } });
    expect(gap.carried.map((entry) => [entry.fromRating, entry.toRating])).toEqual([['gap', 0]]);
  });

  it('rounds down to the first of two target levels at the same position', () => {
    const twins = defineRatingScale({
      id: 'twins',
      name: 'Twins',
      levels: [
        { value: 'none', label: 'None', points: 0, status: 'not_met' },
        { value: 'nil', label: 'Nil', points: 0, status: 'not_met' },
        { value: 'half', label: 'Half', points: 1, status: 'partial' },
        { value: 'all', label: 'All', points: 2, status: 'met' },
      ],
    });
    const twinTarget = defineFramework({ id: 'twin', name: 'Twin', scale: twins, criteria: [{ key: 'budget', label: 'Budget', concept: 'budget' }] });
    const ratings = ([0, 1, 2] as const).map(
      (rating) => translateAssessment(source, twinTarget, { frameworkId: 'source', criteria: { money: rate(rating) } }).assessment.criteria.budget?.rating,
    );
    expect(ratings).toEqual(['none', 'half', 'all']);
  });

  it('never rounds up: 0.5 on 0–2 is the highest BANT level at or below 0.5', () => {
    const { assessment } = translateAssessment(meddicFramework, bantFramework, {
      frameworkId: 'meddic',
      criteria: { economicBuyer: rate(1), identifyPain: rate(0) },
    });
    expect([assessment.criteria.authority?.rating, assessment.criteria.need?.rating]).toEqual(['developing', 'weak']);
  });

  it('gives plain, writable ratings, and no lead id when the source has none', () => {
    const { assessment } = translateAssessment(source, target, { frameworkId: 'source', criteria: { money: rate(2) } });
    expect(assessment).toStrictEqual({
      frameworkId: 'target',
      criteria: { budget: { rating: 2, assessedAt: at, derivedFrom: { frameworkId: 'source', criterion: 'money', rating: 2 } } },
    });
    expect(Object.getOwnPropertyDescriptor(assessment.criteria, 'budget')).toMatchObject({ writable: true, enumerable: true, configurable: true });
  });
});
