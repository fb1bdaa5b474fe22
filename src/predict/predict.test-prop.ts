import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLeads } from '../testing/generate-leads.ts';
import { calibrateModel } from './calibration.ts';
import { compilePredictor, recalibrateTiers } from './compile-predictor.ts';
import { trainLogistic } from './logistic.ts';
import { trainNaiveBayes, updateNaiveBayes } from './naive-bayes.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';
import { parsePredictiveModel } from './parse-predictive-model.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'source', from: 'source' },
    { kind: 'categorical', name: 'email', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 500] },
    { kind: 'numeric', name: 'activity', from: { activityCount: {}, withinDays: 60 }, bins: [2, 5] },
    { kind: 'numeric', name: 'age', from: { daysSince: 'createdAt' } },
  ],
});
// The same features with bins learned from the data: what the update property cannot promise (the bins stay).
const givenBins = defineFeatureSpec({ features: spec.features.filter((feature) => feature.name !== 'age') });
const dataset = fc
  .record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), count: fc.integer({ min: 2, max: 120 }) })
  .map(({ seed, count }) => generateLeads({ seed, count, asOf }));
const calibration = fc.constantFrom('none', 'platt', 'isotonic');
const options = { numRuns: 40 };

function modelsOf(leads: ReturnType<typeof generateLeads>, method: 'none' | 'platt' | 'isotonic') {
  const models = [trainNaiveBayes(spec, leads), trainLogistic(spec, leads)];
  return method === 'none' || !leads.some((lead) => lead.outcome !== undefined) ? models : models.map((model) => calibrateModel(model, leads, { method }));
}

describe('predictive model properties', () => {
  it('probabilities are strictly between 0 and 1 and finite, for any data, calibration and lead', () => {
    fc.assert(
      fc.property(dataset, calibration, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (leads, method, seed) => {
        const probe = generateLeads({ seed, count: 5, asOf, outcomes: false });
        for (const model of modelsOf(leads, method)) {
          const predictor = compilePredictor(model);
          for (const lead of [...probe, ...leads.slice(0, 5)]) {
            const prediction = predictor.predict(lead, { asOf });
            expect(prediction.probability).toBeGreaterThan(0);
            expect(prediction.probability).toBeLessThan(1);
            expect(prediction.score).toBeGreaterThanOrEqual(1);
            expect(prediction.score).toBeLessThanOrEqual(99);
          }
        }
      }),
      options,
    );
  });

  it("explanations' contributions add up to the log-odds, which give the probability (through the calibration)", () => {
    fc.assert(
      fc.property(dataset, calibration, (leads, method) => {
        for (const model of modelsOf(leads, method)) {
          const predictor = compilePredictor(model);
          for (const lead of leads.slice(0, 8)) {
            const prediction = predictor.predict(lead, { asOf });
            let sum = prediction.baseline;
            for (const item of prediction.contributions) {
              sum += item.effect;
              expect(item.factor).toBeCloseTo(Math.exp(item.effect), 12);
            }
            expect(sum).toBeCloseTo(prediction.logOdds, 9);
            if (prediction.calibration !== 'isotonic') expect(1 / (1 + Math.exp(-Math.max(-30, Math.min(30, sum))))).toBeCloseTo(prediction.probability, 9);
            expect(prediction.dataGaps.length).toBe(prediction.contributions.filter((item) => item.status !== 'known').length);
          }
        }
      }),
      options,
    );
  });

  it('incremental naive Bayes updates give the same model as a full retrain (bins given)', () => {
    fc.assert(
      fc.property(dataset, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (leads, cut, segmented) => {
        const at = Math.floor(cut * leads.length);
        const segmentBy = segmented ? ({ segmentBy: 'ownerId', minSegmentExamples: 5 } as const) : {};
        const full = trainNaiveBayes(givenBins, leads, segmentBy);
        const updated = recalibrateTiers(updateNaiveBayes(trainNaiveBayes(givenBins, leads.slice(0, at), segmentBy), leads.slice(at)), leads);
        expect(updated).toEqual(full);
      }),
      options,
    );
  });

  it('a JSON round trip gives identical predictions', () => {
    fc.assert(
      fc.property(dataset, calibration, (leads, method) => {
        for (const model of modelsOf(leads, method)) {
          const loaded = parsePredictiveModel(JSON.parse(JSON.stringify(model)));
          if (!loaded.ok) throw loaded.error;
          const before = compilePredictor(model);
          const after = compilePredictor(loaded.value);
          for (const lead of leads.slice(0, 10)) expect(after.predict(lead, { asOf })).toEqual(before.predict(lead, { asOf }));
        }
      }),
      options,
    );
  });
});
