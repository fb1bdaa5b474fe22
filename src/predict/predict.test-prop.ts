import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLeads } from '../testing/generate-leads.ts';
import { defineFeatureSpec } from './features.ts';
import { parsePredictiveModel } from './model.ts';
import { trainLogistic } from './logistic.ts';
import { trainNaiveBayes, updateNaiveBayes } from './naive-bayes.ts';
import { createPredictor, recalibrateTiers } from './predict.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'source', from: 'source' },
    { kind: 'categorical', name: 'email', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 500] },
    { kind: 'numeric', name: 'activity', from: { activityCount: { windowDays: 60 } }, bins: [2, 5] },
  ],
});
const dataset = fc.record({ seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), count: fc.integer({ min: 2, max: 120 }) }).map(({ seed, count }) => generateLeads({ seed, count, asOf }));
const options = { numRuns: 40 };

describe('predictive model properties', () => {
  it('probabilities are strictly between 0 and 1, for any data and any lead', () => {
    fc.assert(
      fc.property(dataset, fc.integer({ min: 0, max: 2 ** 31 - 1 }), (leads, seed) => {
        const probe = generateLeads({ seed, count: 5, asOf, outcomes: false });
        for (const model of [trainNaiveBayes(spec, leads), trainLogistic(spec, leads)]) {
          const predictor = createPredictor(model);
          for (const lead of [...probe, ...leads.slice(0, 5)]) {
            const prediction = predictor.predict(lead, asOf);
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

  it('incremental naive Bayes updates give the same model as a full retrain', () => {
    fc.assert(
      fc.property(dataset, fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (leads, cut, segmented) => {
        const at = Math.floor(cut * leads.length);
        const segmentBy = segmented ? ({ segmentBy: 'ownerId', minSegmentExamples: 5 } as const) : {};
        const full = trainNaiveBayes(spec, leads, segmentBy);
        const updated = recalibrateTiers(updateNaiveBayes(trainNaiveBayes(spec, leads.slice(0, at), segmentBy), leads.slice(at)), leads);
        expect(updated).toEqual(full);
      }),
      options,
    );
  });

  it('a JSON round trip gives identical predictions', () => {
    fc.assert(
      fc.property(dataset, (leads) => {
        for (const model of [trainNaiveBayes(spec, leads), trainLogistic(spec, leads)]) {
          const loaded = parsePredictiveModel(JSON.parse(JSON.stringify(model)));
          if (!loaded.ok) throw loaded.error;
          const before = createPredictor(model);
          const after = createPredictor(loaded.value);
          for (const lead of leads.slice(0, 10)) expect(after.predict(lead, asOf)).toEqual(before.predict(lead, asOf));
        }
      }),
      options,
    );
  });
});
