import { describe, expect, it } from 'vitest';
import type { Assessment } from './assessment.ts';
import { bantFramework } from './builtins/bant.ts';
import { gpctbaCiFramework } from './builtins/gpctba-ci.ts';
import { meddicFramework } from './builtins/meddic.ts';
import { translateAssessment, translationMapping } from './translate-assessment.ts';

const at = new Date('2025-06-20T10:00:00Z');
const bant: Assessment<'budget' | 'authority' | 'need' | 'timeline', 'weak' | 'developing' | 'strong'> = {
  frameworkId: 'bant',
  leadId: 'lead-1',
  criteria: {
    budget: { rating: 'strong', evidence: 'Approved for Q3', assessedAt: at },
    authority: { rating: 'developing', quote: 'I decide with our CFO', source: 'call', assessedBy: 'rep-7', assessedAt: at },
    need: { rating: 'strong', evidence: 'Storage runs out monthly', confidence: 0.9, assessedAt: at },
  },
};

describe('translateAssessment', () => {
  it('shows the mapping by shared concept', () => {
    expect(translationMapping(bantFramework, meddicFramework)).toEqual([
      { from: 'authority', to: 'economicBuyer', via: 'concept', concept: 'authority' },
      { from: 'need', to: 'identifyPain', via: 'concept', concept: 'need' },
    ]);
  });

  it('pre-fills MEDDIC from BANT, rounding down across scales and recording the origin', () => {
    const { assessment, carried, unfilled } = translateAssessment(bantFramework, meddicFramework, bant);
    expect(assessment.frameworkId).toBe('meddic');
    expect(assessment.leadId).toBe('lead-1');
    expect(assessment.criteria.economicBuyer).toEqual({
      rating: 1,
      quote: 'I decide with our CFO',
      source: 'call',
      assessedBy: 'rep-7',
      assessedAt: at,
      derivedFrom: { frameworkId: 'bant', criterion: 'authority', rating: 'developing' },
    });
    expect(assessment.criteria.identifyPain?.rating).toBe(2);
    expect(carried.map((entry) => [entry.from, entry.to, entry.fromRating, entry.toRating])).toEqual([
      ['authority', 'economicBuyer', 'developing', 1],
      ['need', 'identifyPain', 'strong', 2],
    ]);
    expect(unfilled).toEqual(['metrics', 'decisionCriteria', 'decisionProcess', 'champion']);
  });

  it('never overstates: strong (1.0) on 1–3 is 5 on 1–5, developing (0.5) is 3', () => {
    const { assessment } = translateAssessment(bantFramework, gpctbaCiFramework, bant);
    expect([assessment.criteria.budget?.rating, assessment.criteria.authority?.rating, assessment.criteria.challenges?.rating]).toEqual([5, 3, 5]);
    expect(assessment.criteria.timeline).toBeUndefined();
  });

  it('lets the caller override the mapping, or leave a criterion unfilled', () => {
    const { assessment, carried } = translateAssessment(bantFramework, meddicFramework, bant, { mapping: { metrics: 'budget', identifyPain: null } });
    expect(carried.map((entry) => [entry.from, entry.to, entry.via])).toEqual([
      ['budget', 'metrics', 'override'],
      ['authority', 'economicBuyer', 'concept'],
    ]);
    expect(assessment.criteria.identifyPain).toBeUndefined();
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(bant);
    translateAssessment(bantFramework, meddicFramework, bant);
    expect(bant).toEqual(copy);
  });
});
