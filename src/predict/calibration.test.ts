import { describe, expect, it } from 'vitest';
import { generateLeads } from '../testing/generate-leads.ts';
import { calibrateModel, calibratedProbability, fitIsotonic, fitPlatt } from './calibration.ts';
import { compilePredictor } from './compile-predictor.ts';
import { evaluateModel } from './evaluate-model.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';
import { splitStratified } from './split.ts';
import { trainModel } from './train-model.ts';

describe('fitPlatt', () => {
  it('recovers a known slope and intercept', () => {
    // Outcomes drawn exactly in proportion: at log-odds s, a share sigmoid(0.5 s − 1) won.
    const scores: number[] = [];
    const labels: boolean[] = [];
    for (let s = -6; s <= 6; s += 0.5) {
      const p = 1 / (1 + Math.exp(-(0.5 * s - 1)));
      for (let k = 0; k < 2000; k++) {
        scores.push(s);
        labels.push(k < Math.round(p * 2000));
      }
    }
    const { slope, intercept } = fitPlatt(scores, labels);
    expect(slope).toBeCloseTo(0.5, 2);
    expect(intercept).toBeCloseTo(-1, 2);
  });
  it('keeps the slope positive when the scores point the wrong way', () => {
    const { slope } = fitPlatt([1, 2, 3, 4], [true, true, false, false]);
    expect(slope).toBeGreaterThan(0);
  });
});

describe('fitIsotonic', () => {
  it('pools adjacent violators into non-decreasing steps', () => {
    // rates by score: 0, 1, 0 (violation: pooled to ⅓ … ), then 1
    expect(fitIsotonic([1, 2, 3, 4, 4], [false, true, false, true, true])).toEqual([
      [1, 1e-6],
      [2, 0.5],
      [3, 0.5],
      [4, 1 - 1e-6],
    ]);
  });
  it('interpolates between the ends of its steps and is flat beyond them', () => {
    const probability = calibratedProbability({
      method: 'isotonic',
      points: [
        [0, 0.1],
        [2, 0.3],
      ],
    });
    expect(probability(-5)).toBe(0.1);
    expect(probability(1)).toBeCloseTo(0.2, 12);
    expect(probability(9)).toBe(0.3);
  });
});

describe('calibrateModel', () => {
  const asOf = new Date('2025-06-30T00:00:00Z');
  const leads = generateLeads({ seed: 3, count: 1500, asOf });
  const spec = defineFeatureSpec({
    features: [
      { kind: 'categorical', name: 'industry', from: 'company.industry' },
      { kind: 'categorical', name: 'seniority', from: 'contact.seniority' },
      { kind: 'categorical', name: 'email', from: 'contact.emailKind' },
      { kind: 'numeric', name: 'employees', from: 'company.employeeCount' },
    ],
  });
  const { train, test } = splitStratified(leads, { testFraction: 0.3, seed: 1 });
  const { train: fit, test: validation } = splitStratified(train, { testFraction: 0.3, seed: 2 });

  it('fits a calibration on held-out leads, without mutating the model, and keeps the ranking (Platt)', () => {
    const raw = trainModel(spec, fit, { model: 'naive-bayes', calibration: 'none' });
    if (!raw.ok) throw raw.error;
    const copy = structuredClone(raw.value);
    const calibrated = calibrateModel(raw.value, validation);
    expect(raw.value).toEqual(copy);
    expect(calibrated.calibration).toMatchObject({ method: 'platt' });
    expect(calibrated.calibration && 'folds' in calibrated.calibration).toBe(false);
    const before = evaluateModel(raw.value, test);
    const after = evaluateModel(calibrated, test);
    expect(after.rocAuc).toBe(before.rocAuc);
    expect(after.beforeCalibration?.brierScore).toBe(before.brierScore);
    const isotonic = calibrateModel(raw.value, validation, { method: 'isotonic' });
    expect(compilePredictor(isotonic).predict(test[0] as (typeof test)[number], { asOf }).calibration).toBe('isotonic');
  });

  it('needs held-out leads with an outcome', () => {
    const raw = trainModel(spec, fit, { model: 'logistic' });
    if (!raw.ok) throw raw.error;
    expect(() => calibrateModel(raw.value, [])).toThrow(RangeError);
  });
});
