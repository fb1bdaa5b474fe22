import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { compilePredictor } from './compile-predictor.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';
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
      features: [
        {
          name: 'industry',
          values: [
            ['blue', 1, 2],
            ['green', 0, 1],
            ['red', 2, 1],
          ],
        },
      ],
    });
    expect(model.summary).toEqual({ examples: 7, won: 3, lost: 4, openSkipped: 1, features: [{ name: 'industry', missing: 0 }], warnings: [] });
  });

  it('gives the probabilities computed on paper (Laplace smoothing)', () => {
    const predictor = compilePredictor(trainNaiveBayes(spec, leads, { minValueCount: 1 }));
    // prior odds (3+1)/(4+1) = 0.8; red: P(red|won) = 3/6, P(red|lost) = 2/7 → factor 1.75 → odds 1.4
    expect(predictor.probability(lead('x', 'red', undefined), at)).toBeCloseTo(1.4 / 2.4, 12);
    // green: (0+1)/6 ÷ (1+1)/7 = 7/12 → odds 0.8 · 7/12
    expect(predictor.probability(lead('x', 'green', undefined), at)).toBeCloseTo((0.8 * (7 / 12)) / (1 + 0.8 * (7 / 12)), 12);
    // an unseen value is ignored: the prior
    expect(predictor.probability(lead('x', 'pink', undefined), at)).toBeCloseTo(0.8 / 1.8, 12);
    const explained = predictor.predict(lead('x', 'red', undefined), { asOf: at });
    expect(explained.baseline).toBeCloseTo(Math.log(0.8), 12);
    expect(explained.contributions[0]).toMatchObject({ feature: 'industry', value: 'red', status: 'known', against: 'all leads', agrees: true, common: false });
    expect(explained.contributions[0]?.factor).toBeCloseTo(1.75, 12);
    // 2 of the 3 red leads won, against 3 of all 7.
    expect(explained.reasons).toEqual(['industry "red": 67% of such leads won, against 43% of all leads; raises the odds of winning 1.75×']);
    expect(explained.dataGaps).toEqual([]);
  });

  it('ignores values seen fewer than minValueCount times', () => {
    const predictor = compilePredictor(trainNaiveBayes(spec, leads, { minValueCount: 2 }));
    expect(predictor.probability(lead('x', 'green', undefined), at)).toBeCloseTo(0.8 / 1.8, 12);
    expect(predictor.probability(lead('x', 'red', undefined), at)).toBeCloseTo(1.4 / 2.4, 12);
  });

  it('treats a missing value as its own category, and counts it in the training report', () => {
    const model = trainNaiveBayes(spec, [...leads, lead('9', undefined, 'lost')], { minValueCount: 1 });
    expect(model.global.features[0]?.values[0]).toEqual(['(missing)', 0, 1]);
    expect(model.summary.features).toEqual([{ name: 'industry', missing: 1 }]);
  });

  it('folds case: "Red", "RED" and "red" are one category', () => {
    const mixed = leads.map((item, index) => {
      const industry = item.company?.industry;
      return {
        ...item,
        company: { name: item.id, ...(industry === undefined ? {} : { industry: industry === 'red' ? (index % 2 === 0 ? 'RED' : 'Red') : industry }) },
      };
    });
    const model = trainNaiveBayes(spec, mixed, { minValueCount: 1 });
    expect(model.global.features[0]?.values.map(([value]) => value)).toEqual(['blue', 'green', 'red']);
  });

  it('ranks without mass ties: strong evidence is not clamped to a bound, and probabilities stay finite and inside (0, 1)', () => {
    // Two features that each separate the classes: the log-odds go far beyond ±4.6 (a 1% / 99% clamp).
    const two = defineFeatureSpec({
      features: [
        { kind: 'categorical', name: 'industry', from: 'company.industry' },
        { kind: 'categorical', name: 'owner', from: 'ownerId' },
      ],
    });
    const many = Array.from({ length: 400 }, (_, index) =>
      lead(String(index), index % 2 === 0 ? 'red' : 'blue', index % 2 === 0 ? 'won' : 'lost', index % 4 < 2 ? 'a' : index % 2 === 0 ? 'b' : 'c'),
    );
    const predictor = compilePredictor(trainNaiveBayes(two, many));
    const probabilities = [
      lead('x', 'red', undefined, 'a'),
      lead('x', 'red', undefined, 'b'),
      lead('x', 'blue', undefined, 'a'),
      lead('x', 'blue', undefined, 'c'),
    ].map((item) => predictor.probability(item, at));
    expect(new Set(probabilities).size).toBe(4);
    expect(probabilities[1]).toBeGreaterThan(0.99);
    expect(probabilities[3]).toBeLessThan(0.01);
    for (const probability of probabilities) {
      expect(probability).toBeGreaterThan(0);
      expect(probability).toBeLessThan(1);
    }
  });

  it('uses a segment table when the segment has enough data, and the global table otherwise', () => {
    const teamA = Array.from({ length: 60 }, (_, index) => lead(`a${index}`, index % 2 === 0 ? 'red' : 'blue', index % 3 === 0 ? 'won' : 'lost', 'team-a'));
    const teamB = [lead('b1', 'red', 'lost', 'team-b'), lead('b2', 'red', 'lost', 'team-b')];
    const model = trainNaiveBayes(spec, [...teamA, ...teamB], { segmentBy: 'ownerId', minSegmentExamples: 50, minValueCount: 1 });
    expect(model.segments.map(([segment]) => segment)).toEqual(['team-a', 'team-b']);
    const segmentOnly = compilePredictor(trainNaiveBayes(spec, teamA, { minValueCount: 1 }));
    const globalOnly = compilePredictor(trainNaiveBayes(spec, [...teamA, ...teamB], { minValueCount: 1 }));
    const predictor = compilePredictor(model);
    expect(predictor.probability(lead('x', 'red', undefined, 'team-a'), at)).toBe(segmentOnly.probability(lead('x', 'red', undefined), at));
    expect(predictor.probability(lead('x', 'red', undefined, 'team-b'), at)).toBe(globalOnly.probability(lead('x', 'red', undefined), at));
  });

  it('bins numeric features by their cut points, and learns quantile bins for numbers without', () => {
    const binned = defineFeatureSpec({
      features: [
        { kind: 'numeric', name: 'employees', from: 'company.employeeCount', bins: [50, 200] },
        { kind: 'numeric', name: 'size', from: 'company.employeeCount' },
        { kind: 'numeric', name: 'size in 2', from: 'company.employeeCount', bins: { quantiles: 2 } },
      ],
    });
    const withSize = (id: string, employeeCount: number, status: 'won' | 'lost'): Lead => ({
      ...lead(id, 'red', status),
      company: { name: id, employeeCount },
    });
    const sizes = [10, 100, 500, 20, 30, 40, 60, 70, 80, 90];
    const model = trainNaiveBayes(
      binned,
      sizes.map((size, index) => withSize(String(index), size, index % 3 === 0 ? 'lost' : 'won')),
    );
    // Lost: 10, 20, 60 and 90 employees.
    expect(model.global.features[0]).toEqual({
      name: 'employees',
      values: [
        ['50 to < 200', 3, 2],
        ['< 50', 2, 2],
        ['>= 200', 1, 0],
      ],
    });
    // Default: 5 bins at quantiles of the training values.
    expect(model.bins).toEqual([
      ['employees', [50, 200]],
      ['size', [30, 60, 80, 100]],
      ['size in 2', [70]],
    ]);
    expect(model.global.features[1]?.values.map(([value]) => value).sort()).toEqual(['30 to < 60', '60 to < 80', '80 to < 100', '< 30', '>= 100']);
    const five = trainNaiveBayes(
      binned,
      sizes.map((size, index) => withSize(String(index), size, index % 3 === 0 ? 'lost' : 'won')),
      { numericBins: 2 },
    );
    expect(five.bins[1]).toEqual(['size', [70]]);
    expect(() => trainNaiveBayes(binned, [], { numericBins: 0 })).toThrow(RangeError);
  });

  it('keeps equal values in one bin, and reports a feature that cannot tell leads apart', () => {
    const sized = defineFeatureSpec({
      features: [
        { kind: 'numeric', name: 'size', from: 'company.employeeCount' },
        { kind: 'categorical', name: 'industry', from: 'company.industry' },
      ],
    });
    // 80% of the leads have 10 employees: the quantile cut points meet there.
    const many = Array.from(
      { length: 50 },
      (_, index): Lead => ({
        ...lead(String(index), 'red', index % 2 === 0 ? 'won' : 'lost'),
        company: { name: 'c', industry: 'red', employeeCount: index < 40 ? 10 : index },
      }),
    );
    const model = trainNaiveBayes(sized, many);
    const cuts = model.bins[0]?.[1] ?? [];
    expect(cuts.includes(10) || cuts.every((cut) => cut > 10)).toBe(true);
    const tens = model.global.features[0]?.values.filter(([value]) => value.includes('10') || value.startsWith('<'));
    expect(model.global.features[0]?.values.reduce((sum, [, won, lost]) => sum + won + lost, 0)).toBe(50);
    expect(tens?.some(([, won, lost]) => won + lost >= 40)).toBe(true);
    expect(model.summary.warnings).toEqual([
      { feature: 'industry', code: 'no_contribution', message: 'industry: every usable training value is "red", so it contributes nothing' },
    ]);
  });

  it('reports a number whose learned bins meet in one (one value held by most leads)', () => {
    const counts = defineFeatureSpec({ features: [{ kind: 'numeric', name: 'previous', from: 'customFields.previous' }] });
    const many = Array.from(
      { length: 100 },
      (_, index): Lead => ({ ...lead(String(index), 'red', index % 3 === 0 ? 'won' : 'lost'), customFields: { previous: index < 85 ? 0 : index - 84 } }),
    );
    const model = trainNaiveBayes(counts, many);
    expect(model.bins).toEqual([['previous', []]]);
    expect(model.summary.warnings).toEqual([
      {
        feature: 'previous',
        code: 'no_contribution',
        message:
          'previous: one value holds so many training leads that its quantile bins meet in one, so it contributes nothing: give it bins that set that value apart',
      },
    ]);
    expect(
      trainNaiveBayes(defineFeatureSpec({ features: [{ kind: 'numeric', name: 'previous', from: 'customFields.previous', bins: [1] }] }), many).summary
        .warnings,
    ).toEqual([]);
  });

  it('uses every feature of the spec, in spec order', () => {
    const mixed = defineFeatureSpec({
      features: [
        { kind: 'numeric', name: 'employees', from: 'company.employeeCount' },
        { kind: 'categorical', name: 'industry', from: 'company.industry' },
        { kind: 'numeric', name: 'age', from: { daysSince: 'createdAt' } },
      ],
    });
    const model = trainNaiveBayes(mixed, leads);
    expect(model.global.features.map((feature) => feature.name)).toEqual(['employees', 'industry', 'age']);
    expect(model.bins.map(([name]) => name)).toEqual(['employees', 'age']);
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
    expect(compilePredictor(updated).probability(lead('x', 'red', undefined), at)).toBe(compilePredictor(full).probability(lead('x', 'red', undefined), at));
  });
});
