import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { rocAuc } from './evaluate.ts';
import { compilePredictor } from './compile-predictor.ts';
import { trainLogistic } from './logistic.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';

const at = new Date('2024-03-01T00:00:00Z');
function lead(id: string, fields: Record<string, string | number>, status: 'won' | 'lost' | undefined): Lead {
  return {
    id,
    contact: {},
    source: 'website_form',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    activities: [],
    customFields: fields,
    ...(status === undefined ? {} : { outcome: { status, at } }),
  };
}
const groupSpec = defineFeatureSpec({ features: [{ kind: 'categorical', name: 'group', from: 'customFields.group' }] });
const xSpec = defineFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: 'customFields.x' }] });

describe('trainLogistic', () => {
  it('recovers the group win rates of a saturated model with a tiny penalty', () => {
    const leads = [
      ...['won', 'won', 'won', 'lost'].map((status, index) => lead(`a${index}`, { group: 'A' }, status as 'won' | 'lost')),
      ...['won', 'lost', 'lost', 'lost'].map((status, index) => lead(`b${index}`, { group: 'B' }, status as 'won' | 'lost')),
    ];
    const model = trainLogistic(groupSpec, leads, { l2: 1e-8 });
    const predictor = compilePredictor(model);
    expect(predictor.probability(lead('x', { group: 'A' }, undefined), at)).toBeCloseTo(0.75, 6);
    expect(predictor.probability(lead('x', { group: 'B' }, undefined), at)).toBeCloseTo(0.25, 6);
    // an unseen level takes the rare weight (0: never seen in training), a missing value the missing weight (also 0)
    // Levels are folded to lower case (the one text rule) and carry their training counts.
    expect(model.features[0]).toMatchObject({
      kind: 'categorical',
      levels: [
        ['a', expect.any(Number), 3, 1],
        ['b', expect.any(Number), 1, 3],
      ],
    });
    expect(predictor.probability(lead('x', { group: 'C' }, undefined), at)).toBeCloseTo(0.5, 6);
  });

  it('converges to finite weights on separable data and ranks it perfectly', () => {
    const xs = [-3, -2, -1, 1, 2, 3];
    const leads = xs.map((x, index) => lead(String(index), { x }, x > 0 ? 'won' : 'lost'));
    const model = trainLogistic(xSpec, leads, { l2: 1 });
    expect(model.iterations).toBeLessThan(50);
    const weights = model.features[0];
    expect(weights?.kind === 'numeric' && Number.isFinite(weights.weight) && weights.weight > 0).toBe(true);
    const predictor = compilePredictor(model);
    const probabilities = leads.map((item) => predictor.probability(item, at));
    expect(
      rocAuc(
        probabilities,
        leads.map((item) => item.outcome?.status === 'won'),
      ),
    ).toBe(1);
    expect(probabilities[0]).toBeLessThan(0.5);
    expect(probabilities[5]).toBeGreaterThan(0.5);
  });

  it('satisfies the optimality conditions on non-separable data', () => {
    const xs = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
    const won = [false, false, true, false, false, true, false, true, true, true];
    const leads = xs.map((x, index) => lead(String(index), { x }, won[index] ? 'won' : 'lost'));
    const l2 = 0.5;
    const model = trainLogistic(xSpec, leads, { l2 });
    const weights = model.features[0];
    if (weights?.kind !== 'numeric') throw new Error('expected a numeric feature');
    expect(weights.center).toBe(4.5);
    expect(weights.scale).toBeCloseTo(Math.sqrt(8.25), 12);
    const predictor = compilePredictor(model);
    let interceptGradient = 0;
    let weightGradient = l2 * weights.weight;
    leads.forEach((item, index) => {
      const residual = predictor.probability(item, at) - (won[index] ? 1 : 0);
      interceptGradient += residual;
      weightGradient += residual * (((xs[index] as number) - weights.center) / weights.scale);
    });
    expect(Math.abs(interceptGradient)).toBeLessThan(1e-9);
    expect(Math.abs(weightGradient)).toBeLessThan(1e-9);
  });

  it('imputes missing numbers and learns a missing indicator', () => {
    const leads = [lead('1', { x: 1 }, 'won'), lead('2', { x: 2 }, 'lost'), lead('3', {}, 'lost'), lead('4', {}, 'lost'), lead('5', { x: 3 }, 'won')];
    const model = trainLogistic(xSpec, leads, { l2: 0.1 });
    const weights = model.features[0];
    expect(weights?.kind === 'numeric' && weights.missingWeight !== undefined && weights.missingWeight < 0).toBe(true);
    expect(compilePredictor(model).predict(lead('x', {}, undefined), { asOf: at }).contributions[0]?.value).toBe('(missing)');
  });

  it('chooses the L2 strength by k-fold cross-validation, deterministically', () => {
    const leads = Array.from({ length: 80 }, (_, index) =>
      lead(String(index), { x: index % 10, group: index % 3 === 0 ? 'A' : 'B' }, (index * 7) % 10 < index % 10 ? 'won' : 'lost'),
    );
    const spec = defineFeatureSpec({ features: [...xSpec.features, ...groupSpec.features] });
    const options = { l2: { crossValidate: { candidates: [0.01, 1, 100], folds: 4 } }, seed: 3 } as const;
    const model = trainLogistic(spec, leads, options);
    expect(model.crossValidation?.map((result) => result.l2)).toEqual([0.01, 1, 100]);
    const best = Math.min(...(model.crossValidation ?? []).map((result) => result.logLoss));
    expect(model.crossValidation?.find((result) => result.l2 === model.l2)?.logLoss).toBe(best);
    expect(trainLogistic(spec, leads, options)).toEqual(model);
  });

  it('refuses a non-positive strength', () => {
    expect(() => trainLogistic(xSpec, [lead('1', { x: 1 }, 'won')], { l2: 0 })).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const leads = [lead('1', { x: 1 }, 'won'), lead('2', { x: 2 }, 'lost')];
    const copy = structuredClone(leads);
    trainLogistic(xSpec, leads);
    expect(leads).toEqual(copy);
  });
});

describe('extreme log-odds', () => {
  it('keeps probabilities strictly inside (0, 1)', () => {
    const leads = [-1000, -999, 999, 1000].map((x, index) => lead(String(index), { x }, x > 0 ? 'won' : 'lost'));
    const predictor = compilePredictor(trainLogistic(xSpec, leads, { l2: 1e-6 }));
    const high = predictor.probability(lead('x', { x: 1e9 }, undefined), at);
    const low = predictor.probability(lead('x', { x: -1e9 }, undefined), at);
    expect(high).toBeLessThan(1);
    expect(low).toBeGreaterThan(0);
  });
});
