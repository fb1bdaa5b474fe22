// Imports may not say when a lead was created or closed: training and splits say what they left out for lack of a date.
import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/index.ts';
import { generateLeads } from '../testing/generate-leads.ts';
import { extractFeatures } from './extract-features.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';
import { splitByTime, splitStratified } from './split.ts';
import { trainModel } from './train-model.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const generated = generateLeads({ seed: 11, count: 400, asOf });
// Every third closed lead loses its outcome date and its creation date, as an export without dates would give them.
const leads: Lead[] = generated.map((lead, index) => {
  if (lead.outcome === undefined || index % 3 !== 0) return lead;
  const { createdAt: _created, ...rest } = lead;
  const { at: _at, ...outcome } = lead.outcome;
  return { ...rest, outcome };
});
const undatedCount = leads.filter((lead) => lead.outcome !== undefined && lead.outcome.at === undefined).length;
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'numeric', name: 'age', from: { daysSince: 'createdAt' } },
  ],
});

describe('predict on leads without dates', () => {
  it('training with features at the outcome leaves undated outcomes out and says how many', () => {
    expect(undatedCount).toBeGreaterThan(10);
    for (const model of ['naive-bayes', 'logistic'] as const) {
      const result = trainModel(spec, leads, { model });
      expect(result.ok && result.value.summary.undatedSkipped).toBe(undatedCount);
    }
  });

  it('training with a fixed featuresAt uses them, and a lead without createdAt has no age', () => {
    const result = trainModel(spec, leads, { model: 'naive-bayes', featuresAt: asOf });
    expect(result.ok && result.value.summary).toMatchObject({ examples: leads.filter((lead) => lead.outcome !== undefined).length });
    expect(result.ok && result.value.summary.undatedSkipped).toBeUndefined();
    const undated = leads.find((lead) => lead.createdAt === undefined) as Lead;
    expect(extractFeatures(spec, undated, { asOf })['age']).toBeUndefined();
  });

  it('splitByTime returns the leads it cannot place in time; splitStratified needs no date', () => {
    const byTime = splitByTime(leads, { testFraction: 0.3 });
    expect(byTime.undated).toHaveLength(undatedCount);
    expect([...byTime.train, ...byTime.test].every((lead) => lead.createdAt !== undefined)).toBe(true);
    const random = splitStratified(leads, { testFraction: 0.3, seed: 3 });
    expect(random.undated).toEqual([]);
    expect(random.train.length + random.test.length).toBe(leads.filter((lead) => lead.outcome !== undefined).length);
  });
});
