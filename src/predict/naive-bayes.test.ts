import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { defineFeatureSpec } from './features.ts';
import { createPredictor } from './predict.ts';
import { trainNaiveBayes, updateNaiveBayes } from './naive-bayes.ts';

const at = new Date('2024-03-01T00:00:00Z');
function lead(id: string, industry: string | undefined, status: 'won' | 'lost' | undefined, ownerId = 'team-a'): Lead {
  return {
    id,
    contact: {},
    company: { name: id, ...(industry === undefined ? {} : { industry }) },
    source: 'website_form',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    activities: [],
    ownerId,
    ...(status === undefined ? {} : { outcome: { status, at } }),
  };
}
const spec = defineFeatureSpec({ features: [{ kind: 'categorical', name: 'industry', from: 'company.industry' }] });
// won: red ×2, blue; lost: red, blue ×2, green.
const leads = [
  lead('1', 'red', 'won'),
  lead('2', 'red', 'won'),
  lead('3', 'blue', 'won'),
  lead('4', 'red', 'lost'),
  lead('5', 'blue', 'lost'),
  lead('6', 'blue', 'lost'),
  lead('7', 'green', 'lost'),
  lead('8', 'red', undefined),
];

describe('trainNaiveBayes', () => {
  it('counts won and lost per value, skipping open leads', () => {
    const model = trainNaiveBayes(spec, leads, { minValueCount: 1 });
    expect(model.global).toEqual({
      won: 3,
      lost: 4,
      features: [{ name: 'industry', values: [['blue', 1, 2], ['green', 0, 1], ['red', 2, 1]] }],
    });
    expect(model.summary).toEqual({ examples: 7, won: 3, lost: 4, openSkipped: 1 });
  });

  it('gives the probabilities computed on paper (Laplace smoothing)', () => {
    const predictor = createPredictor(trainNaiveBayes(spec, leads, { minValueCount: 1 }));
    // prior odds (3+1)/(4+1) = 0.8; red: P(red|won) = 3/6, P(red|lost) = 2/7 → factor 1.75 → odds 1.4
    expect(predictor.probability(lead('x', 'red', undefined), at)).toBeCloseTo(1.4 / 2.4, 12);
    // green: (0+1)/6 ÷ (1+1)/7 = 7/12 → odds 0.8 · 7/12
    expect(predictor.probability(lead('x', 'green', undefined), at)).toBeCloseTo(0.8 * (7 / 12) / (1 + 0.8 * (7 / 12)), 12);
    // an unseen value is ignored: the prior
    expect(predictor.probability(lead('x', 'pink', undefined), at)).toBeCloseTo(0.8 / 1.8, 12);
    const explained = predictor.predict(lead('x', 'red', undefined), at);
    expect(explained.baseline).toBeCloseTo(Math.log(0.8), 12);
    expect(explained.contributions[0]).toMatchObject({ feature: 'industry', value: 'red' });
    expect(explained.contributions[0]?.factor).toBeCloseTo(1.75, 12);
    expect(explained.reasons).toEqual(['industry is "red": raises the odds of winning 1.75×']);
  });

  it('ignores values seen fewer than minValueCount times', () => {
    const predictor = createPredictor(trainNaiveBayes(spec, leads, { minValueCount: 2 }));
    expect(predictor.probability(lead('x', 'green', undefined), at)).toBeCloseTo(0.8 / 1.8, 12);
    expect(predictor.probability(lead('x', 'red', undefined), at)).toBeCloseTo(1.4 / 2.4, 12);
  });

  it('treats a missing value as its own category', () => {
    const model = trainNaiveBayes(spec, [...leads, lead('9', undefined, 'lost')], { minValueCount: 1 });
    expect(model.global.features[0]?.values[0]).toEqual(['(missing)', 0, 1]);
  });

  it('clamps probabilities away from 0 and 1', () => {
    const many = Array.from({ length: 200 }, (_, index) => lead(String(index), index < 100 ? 'red' : 'blue', index < 100 ? 'won' : 'lost'));
    const predictor = createPredictor(trainNaiveBayes(spec, many, { clamp: [0.05, 0.95] }));
    expect(predictor.probability(lead('x', 'red', undefined), at)).toBe(0.95);
    expect(predictor.probability(lead('x', 'blue', undefined), at)).toBe(0.05);
  });

  it('uses a segment table when the segment has enough data, and the global table otherwise', () => {
    const teamA = Array.from({ length: 60 }, (_, index) => lead(`a${index}`, index % 2 === 0 ? 'red' : 'blue', index % 3 === 0 ? 'won' : 'lost', 'team-a'));
    const teamB = [lead('b1', 'red', 'lost', 'team-b'), lead('b2', 'red', 'lost', 'team-b')];
    const model = trainNaiveBayes(spec, [...teamA, ...teamB], { segmentBy: 'ownerId', minSegmentExamples: 50, minValueCount: 1 });
    expect(model.segments.map(([segment]) => segment)).toEqual(['team-a', 'team-b']);
    const segmentOnly = createPredictor(trainNaiveBayes(spec, teamA, { minValueCount: 1 }));
    const globalOnly = createPredictor(trainNaiveBayes(spec, [...teamA, ...teamB], { minValueCount: 1 }));
    const predictor = createPredictor(model);
    expect(predictor.probability(lead('x', 'red', undefined, 'team-a'), at)).toBe(segmentOnly.probability(lead('x', 'red', undefined), at));
    expect(predictor.probability(lead('x', 'red', undefined, 'team-b'), at)).toBe(globalOnly.probability(lead('x', 'red', undefined), at));
  });

  it('bins numeric features and ignores numeric features without bins', () => {
    const binned = defineFeatureSpec({
      features: [
        { kind: 'numeric', name: 'employees', from: 'company.employeeCount', bins: [50, 200] },
        { kind: 'numeric', name: 'age', from: 'leadAgeDays' },
      ],
    });
    const withSize = (id: string, employeeCount: number, status: 'won' | 'lost'): Lead => ({ ...lead(id, 'red', status), company: { name: id, employeeCount } });
    const model = trainNaiveBayes(binned, [withSize('1', 10, 'lost'), withSize('2', 100, 'won'), withSize('3', 500, 'won')]);
    expect(model.global.features).toEqual([{ name: 'employees', values: [['50 to < 200', 1, 0], ['< 50', 0, 1], ['>= 200', 1, 0]] }]);
  });
});

describe('updateNaiveBayes', () => {
  it('gives the same counts and predictions as a full retrain, without mutating the model', () => {
    const first = trainNaiveBayes(spec, leads.slice(0, 4), { minValueCount: 1 });
    const snapshot = structuredClone(first);
    const updated = updateNaiveBayes(first, leads.slice(4));
    const full = trainNaiveBayes(spec, leads, { minValueCount: 1 });
    expect(first).toEqual(snapshot);
    expect(updated.global).toEqual(full.global);
    expect(updated.summary).toEqual(full.summary);
    expect(createPredictor(updated).probability(lead('x', 'red', undefined), at)).toBe(createPredictor(full).probability(lead('x', 'red', undefined), at));
  });
});
