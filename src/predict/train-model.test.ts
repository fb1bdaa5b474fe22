import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { ValidationError } from '../errors.ts';
import { createRandom } from '../internal/random.ts';
import { Lead } from '../models/lead.ts';
import { generateLeads } from '../testing/generate-leads.ts';
import { compilePredictor } from './compile-predictor.ts';
import { evaluateModel } from './evaluate-model.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';
import { splitByTime, splitStratified } from './split.ts';
import { PredictiveTrainingError, trainModel } from './train-model.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 7, count: 600, asOf });
const open = leads.filter((lead) => lead.outcome === undefined);
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'seniority', from: 'contact.seniority' },
    { kind: 'categorical', name: 'email', label: 'e-mail', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p' },
    { kind: 'numeric', name: 'pricing', label: 'pricing page views', from: { activityCount: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 90 } },
  ],
});

/** An undated export of 1,000 leads: every lead carries the export date, fields in mixed case with text placeholders. */
function undatedExport(): Lead[] {
  const random = createRandom(5);
  const exported = new Date('2024-01-31T00:00:00Z');
  const jobs = ['Manager', 'manager', 'TECHNICIAN', 'technician', 'Retired', 'student', 'unknown', 'Not chosen'];
  return Array.from({ length: 1000 }, (_, index) => {
    const job = random.pick(jobs);
    const minutes = random.int(0, 40);
    const lift = (job.toLowerCase() === 'retired' || job === 'student' ? 1.5 : 0) + minutes / 15;
    const won = random.chance(1 / (1 + Math.exp(2.5 - lift)));
    return {
      id: `row-${index}`,
      contact: {},
      source: 'other',
      createdAt: exported,
      activities: [],
      customFields: { job, minutes: String(minutes), ...(index % 50 === 0 ? { referrer: 'partner' } : {}) },
      outcome: { status: won ? 'won' : 'lost', at: exported },
    } satisfies Lead;
  });
}

describe('trainModel', () => {
  it('trains both models, skips open leads and reports them', () => {
    for (const model of ['naive-bayes', 'logistic'] as const) {
      const result = trainModel(spec, leads, { model });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.value.type).toBe(model);
      expect(result.value.summary.openSkipped).toBe(open.length);
      expect(result.value.summary.examples).toBe(leads.length - open.length);
      expect(result.value.summary.features.map((feature) => feature.name)).toEqual(spec.features.map((feature) => feature.name));
    }
  });

  it('calibrates naive Bayes (Platt, out-of-fold) by default, and logistic regression only when asked', () => {
    const naiveBayes = trainModel(spec, leads, { model: 'naive-bayes' });
    const logistic = trainModel(spec, leads, { model: 'logistic' });
    expect(naiveBayes.ok && naiveBayes.value.calibration).toMatchObject({ method: 'platt', folds: 5 });
    expect(logistic.ok && logistic.value.calibration).toBeUndefined();
    const none = trainModel(spec, leads, { model: 'naive-bayes', calibration: 'none' });
    expect(none.ok && none.value.calibration).toBeUndefined();
    const isotonic = trainModel(spec, leads, { model: 'logistic', calibration: { method: 'isotonic', folds: 3 } });
    expect(isotonic.ok && isotonic.value.calibration).toMatchObject({ method: 'isotonic', folds: 3 });
    expect(() => trainModel(spec, leads, { model: 'logistic', calibration: { method: 'platt', folds: 1 } })).toThrow(RangeError);
  });

  it('is deterministic given the seed', () => {
    expect(trainModel(spec, leads, { model: 'naive-bayes', seed: 3 })).toEqual(trainModel(spec, leads, { model: 'naive-bayes', seed: 3 }));
    const a = trainModel(spec, leads, { model: 'naive-bayes', seed: 3 });
    const b = trainModel(spec, leads, { model: 'naive-bayes', seed: 4 });
    expect(a.ok && b.ok && a.value.calibration).not.toEqual(b.ok && b.value.calibration);
  });

  it('refuses too few won or lost examples with a clear error', () => {
    const result = trainModel(spec, leads.slice(0, 30), { model: 'logistic', minWon: 20, minLost: 20 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(PredictiveTrainingError);
    expect(result.error.message).toMatch(/^Not enough outcomes to train a predictive model: \d+ won \(at least 20 needed\)/);
  });

  it('refuses an invalid spec as a value', () => {
    const result = trainModel(
      {
        features: [
          { kind: 'categorical', name: 'a', from: 'source' },
          { kind: 'categorical', name: 'a', from: 'source' },
        ],
      },
      leads,
      { model: 'naive-bayes' },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('duplicate feature name "a"');
  });

  it('refuses a feature path that no training lead has, with its path and the closest path the data has', () => {
    const rows = undatedExport();
    const typo = defineFeatureSpec({
      features: [
        { kind: 'categorical', name: 'job', from: 'customFields.jbo' },
        { kind: 'numeric', name: 'minutes', from: 'customFields.minutes' },
      ],
    });
    const result = trainModel(typo, rows, { model: 'naive-bayes' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(ValidationError);
    const issues = (result.error as ValidationError).issues;
    expect(issues.map((issue) => [issue.pathText, issue.code])).toEqual([['features[0].from', 'absent_field']]);
    expect(issues[0]?.message).toBe(
      'no training lead has customFields.jbo, so the feature would be missing for every lead (a misspelled path?). Did you mean "customFields.job"?',
    );
    // A path inside a cross or a daysSince is checked too.
    const inner = trainModel(
      defineFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: { cross: ['customFields.job', 'customFields.minuts'] } }] }),
      rows,
      { model: 'logistic' },
    );
    expect(!inner.ok && (inner.error as ValidationError).issues[0]?.pathText).toBe('features[0].from.cross[1]');
  });

  it('warns about a feature that is almost always missing, and one that contributes nothing', () => {
    const rows = undatedExport();
    const sparse = defineFeatureSpec({
      missingWhen: ['unknown', 'not chosen'],
      features: [
        { kind: 'categorical', name: 'job', from: 'customFields.job' },
        { kind: 'categorical', name: 'referrer', from: 'customFields.referrer' },
        { kind: 'categorical', name: 'source', from: 'source' },
      ],
    });
    for (const model of ['naive-bayes', 'logistic'] as const) {
      const result = trainModel(sparse, rows, { model });
      if (!result.ok) throw result.error;
      expect(result.value.summary.warnings.map((warning) => [warning.feature, warning.code])).toEqual([
        ['referrer', 'mostly_missing'],
        ['source', 'no_contribution'],
      ]);
      expect(result.value.summary.warnings[0]?.message).toBe(
        'referrer: missing for 98% of the training leads (980 of 1000): check its path and what counts as missing',
      );
      expect(result.value.summary.features[0]?.missing).toBe(
        rows.filter((row) => ['unknown', 'Not chosen'].includes(String(row.customFields?.['job']))).length,
      );
    }
  });

  it('accepts undated data (every lead on one date): a stratified split works, a time split is refused', () => {
    const rows = undatedExport();
    expect(() => splitByTime(rows)).toThrow(/all share one creation date, so they have no time order/);
    const { train, test } = splitStratified(rows, { testFraction: 0.3, seed: 2 });
    const spec = defineFeatureSpec({
      missingWhen: ['unknown', 'not chosen'],
      features: [
        { kind: 'categorical', name: 'job', label: 'job title', from: 'customFields.job' },
        { kind: 'numeric', name: 'minutes', label: 'time on site', unit: 'min', from: 'customFields.minutes' },
      ],
    });
    const model = trainModel(spec, train, { model: 'naive-bayes' });
    if (!model.ok) throw model.error;
    expect(model.value.global.features[0]?.values.map(([value]) => value)).toEqual(['(missing)', 'manager', 'retired', 'student', 'technician']);
    const evaluation = evaluateModel(model.value, test);
    expect(evaluation.rocAuc).toBeGreaterThan(0.7);
    expect(evaluation.brierScore).toBeLessThan(evaluation.beforeCalibration?.brierScore ?? 0);
  });

  it('checks paths against the lead schema given as an option', () => {
    const CrmLead = Lead.extend({ accountTier: z.enum(['strategic', 'growth']) });
    const extended = leads.map((lead, index) => ({ ...lead, accountTier: index % 3 === 0 ? ('strategic' as const) : ('growth' as const) }));
    const tierSpec = defineFeatureSpec({ features: [{ kind: 'categorical', name: 'tier', from: 'accountTier' }] }, { lead: CrmLead });
    expect(trainModel(tierSpec, extended, { model: 'logistic' }).ok).toBe(false);
    const trained = trainModel(tierSpec, extended, { model: 'logistic', lead: CrmLead });
    expect(trained.ok).toBe(true);
    if (trained.ok)
      expect(compilePredictor(trained.value).predict(extended[0] as (typeof extended)[number], { asOf }).contributions[0]?.value).toBe('strategic');
  });

  it('refuses an invalid featuresAt with the one RangeError', () => {
    expect(() => trainModel(spec, leads, { model: 'logistic', featuresAt: new Date(Number.NaN) })).toThrow('featuresAt is not a valid instant');
  });

  it('does not mutate its input', () => {
    const sample = leads.slice(0, 200);
    const copy = structuredClone(sample);
    const specCopy = structuredClone(spec);
    trainModel(spec, sample, { model: 'logistic', minWon: 1, minLost: 1 });
    trainModel(spec, sample, { model: 'naive-bayes', minWon: 1, minLost: 1, calibration: 'isotonic' });
    expect(sample).toEqual(copy);
    expect(spec).toEqual(specCopy);
  });
});
