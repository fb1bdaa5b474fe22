import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateLeads } from '../testing/generate-leads.ts';
import { calibrateModel } from './calibration.ts';
import { trainLogistic } from './logistic.ts';
import { trainNaiveBayes } from './naive-bayes.ts';
import { defineFeatureSpec, parseFeatureSpec } from './parse-feature-spec.ts';
import { parsePredictiveModel } from './parse-predictive-model.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 4, count: 200, asOf });
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount' },
  ],
});
const models = [trainNaiveBayes(spec, leads, { segmentBy: 'ownerId' }), calibrateModel(trainLogistic(spec, leads), leads, { method: 'isotonic' })];

// Any JSON-like value, with the numbers JSON cannot hold (NaN, ±Infinity, -0) and big integers mixed in.
const wild = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.double(),
    fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, -0, 1e308),
    fc.bigInt(),
    fc.string(),
    fc.boolean(),
    fc.constant(null),
    fc.constant(undefined),
    fc.array(tie('value'), { maxLength: 5 }),
    fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'constructor', 'format', 'type', 'spec', 'global', 'features')), tie('value'), {
      maxKeys: 5,
    }),
  ),
})).value;

/** A valid model with one part replaced by a wild value, at a path chosen by the generator. */
const damaged = fc.tuple(fc.constantFrom(...models), fc.array(fc.nat(), { minLength: 1, maxLength: 6 }), wild).map(([model, steps, replacement]) => {
  const copy = structuredClone(model) as unknown as Record<string, unknown>;
  let node: unknown = copy;
  for (let index = 0; index < steps.length; index++) {
    if (typeof node !== 'object' || node === null) break;
    const keys = Object.keys(node);
    if (keys.length === 0) break;
    const key = keys[(steps[index] as number) % keys.length] as string;
    if (index === steps.length - 1 || typeof (node as Record<string, unknown>)[key] !== 'object') {
      (node as Record<string, unknown>)[key] = replacement;
      break;
    }
    node = (node as Record<string, unknown>)[key];
  }
  return copy;
});

describe('parsePredictiveModel and parseFeatureSpec never throw', () => {
  it('on any value', () => {
    fc.assert(
      fc.property(wild, (input) => {
        expect(parsePredictiveModel(input).ok).toBe(false);
        parseFeatureSpec(input);
      }),
      { numRuns: 300 },
    );
  });

  it('on a valid model with any part replaced', () => {
    fc.assert(
      fc.property(damaged, (input) => {
        const result = parsePredictiveModel(input);
        if (!result.ok) expect(result.error.issues.length).toBeGreaterThan(0);
      }),
      { numRuns: 300 },
    );
  });

  it('on huge arrays and deep nesting', () => {
    const [naiveBayes] = models;
    const huge = {
      ...naiveBayes,
      global: { won: 1, lost: 1, features: [{ name: 'industry', values: Array.from({ length: 200_000 }, (_, index) => [`v${index}`, 1, 1]) }] },
    };
    expect(parsePredictiveModel(huge).ok).toBe(false);
    expect(parsePredictiveModel({ ...naiveBayes, segments: Array.from({ length: 150_000 }, () => 0) }).ok).toBe(false);
    let deep: unknown = 1;
    for (let depth = 0; depth < 10_000; depth++) deep = [deep];
    expect(parsePredictiveModel({ ...naiveBayes, spec: deep }).ok).toBe(false);
    expect(parsePredictiveModel(deep).ok).toBe(false);
  });

  it('and accept every model the trainers make', () => {
    for (const model of models) expect(parsePredictiveModel(JSON.parse(JSON.stringify(model))).ok).toBe(true);
  });
});
