import { describe, expect, it } from 'vitest';
import { FREE_EMAIL_DOMAINS } from '../metrics/free-email-domains.ts';
import { generateLeads } from '../testing/generate-leads.ts';
import { defineFeatureSpec, extractFeatures, parseFeatureSpec } from './features.ts';
import { parsePredictiveModel } from './model.ts';
import { createPredictor, evaluateModel, predict, recalibrateTiers } from './predict.ts';
import { predictiveScorer } from './predictive-scorer.ts';
import { splitByTime, splitStratified } from './split.ts';
import { PredictiveTrainingError, train } from './train.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 7, count: 600, asOf });
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'seniority', label: 'seniority', from: 'contact.seniority' },
    { kind: 'categorical', name: 'role', label: 'decision role', from: 'contact.decisionRole' },
    { kind: 'categorical', name: 'email', label: 'e-mail', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 200, 2000] },
    { kind: 'numeric', name: 'demos', label: 'demo requests', from: { activityCount: { types: ['demo_requested', 'meeting_held'] } }, bins: [1] },
    { kind: 'numeric', name: 'pricing', label: 'pricing page views (90 days)', from: { activityCount: { types: ['page_viewed'], pageKinds: ['pricing'], windowDays: 90 } }, bins: [1, 3] },
    { kind: 'numeric', name: 'recency', label: 'days since last activity', from: { daysSinceLastActivity: {} } },
  ],
});
const open = leads.filter((lead) => lead.outcome === undefined);

describe('train', () => {
  it('trains both models and skips open leads', () => {
    for (const model of ['naive-bayes', 'logistic'] as const) {
      const result = train(spec, leads, { model });
      expect(result.ok).toBe(true);
      if (!result.ok) continue;
      expect(result.value.type).toBe(model);
      expect(result.value.summary.openSkipped).toBe(open.length);
      expect(result.value.summary.examples).toBe(leads.length - open.length);
    }
  });

  it('refuses too few won or lost examples with a clear error', () => {
    const result = train(spec, leads.slice(0, 30), { model: 'logistic', minWon: 20, minLost: 20 });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBeInstanceOf(PredictiveTrainingError);
    expect(result.error.message).toMatch(/^Not enough outcomes to train a predictive model: \d+ won \(at least 20 needed\)/);
  });

  it('refuses an invalid spec as a value', () => {
    const result = train({ features: [{ kind: 'categorical', name: 'a', from: 'source' }, { kind: 'categorical', name: 'a', from: 'source' }] }, leads, { model: 'naive-bayes' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('duplicate feature name "a"');
  });

  it('does not mutate its input', () => {
    const sample = leads.slice(0, 200);
    const copy = structuredClone(sample);
    train(spec, sample, { model: 'logistic', minWon: 1, minLost: 1 });
    train(spec, sample, { model: 'naive-bayes', minWon: 1, minLost: 1 });
    expect(sample).toEqual(copy);
  });
});

describe('predict', () => {
  const logistic = train(spec, leads, { model: 'logistic' });
  const naiveBayes = train(spec, leads, { model: 'naive-bayes' });
  if (!logistic.ok || !naiveBayes.ok) throw new Error('training failed');

  it('explains a logistic prediction: baseline plus contributions is the log-odds', () => {
    for (const lead of open.slice(0, 20)) {
      const prediction = predict(logistic.value, lead, { asOf });
      const logit = prediction.contributions.reduce((sum, item) => sum + item.effect, prediction.baseline);
      expect(1 / (1 + Math.exp(-logit))).toBeCloseTo(prediction.probability, 10);
      expect(prediction.score).toBe(Math.min(99, Math.max(1, Math.round(prediction.probability * 100))));
      expect(prediction.contributions.map((item) => item.feature)).toEqual(spec.features.map((feature) => feature.name));
      expect(prediction.topPositive.every((item) => item.effect > 0.005)).toBe(true);
      expect(prediction.topNegative.every((item) => item.effect < -0.005)).toBe(true);
      expect(prediction.reasons).toHaveLength(prediction.topPositive.length + prediction.topNegative.length);
    }
  });

  it('puts the top factors in words', () => {
    const prediction = predict(naiveBayes.value, open[0] as (typeof open)[number], { asOf });
    for (const reason of prediction.reasons) expect(reason).toMatch(/^.+ is ".+": (raises|lowers) the odds of winning [\d.]+×$/);
  });

  it('learns the signal of the synthetic data (free e-mail lowers the odds)', () => {
    const weights = logistic.value.features.find((feature) => feature.name === 'email');
    if (weights?.kind !== 'categorical') throw new Error('expected categorical');
    const weight = (level: string) => weights.levels.find(([value]) => value === level)?.[1] as number;
    expect(weight('free')).toBeLessThan(weight('business'));
  });

  it('assigns quartile tiers from the training predictions', () => {
    const closed = leads.filter((lead) => lead.outcome !== undefined);
    const predictor = createPredictor(logistic.value);
    const tiers = closed.map((lead) => predictor.predict(lead, (lead.outcome as NonNullable<typeof lead.outcome>).at).tier);
    for (const tier of ['very_high', 'high', 'medium', 'low'] as const) {
      const share = tiers.filter((value) => value === tier).length / tiers.length;
      expect(share).toBeGreaterThan(0.2);
      expect(share).toBeLessThan(0.3);
    }
    expect(recalibrateTiers(logistic.value, leads)).toEqual(logistic.value);
  });

  it('loads back from JSON to give identical predictions', () => {
    for (const model of [logistic.value, naiveBayes.value]) {
      const loaded = parsePredictiveModel(JSON.parse(JSON.stringify(model)));
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) continue;
      expect(loaded.value).toEqual(model);
      for (const lead of open.slice(0, 10)) expect(predict(loaded.value, lead, { asOf })).toEqual(predict(model, lead, { asOf }));
    }
  });

  it('refuses a malformed or mismatched model with every problem and its path', () => {
    const bad = parsePredictiveModel({ ...logistic.value, version: 2, intercept: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues.map((issue) => issue.pathText).sort()).toEqual(['intercept', 'version']);
    const mismatched = parsePredictiveModel({ ...logistic.value, features: logistic.value.features.slice(1) });
    expect(mismatched.ok).toBe(false);
    expect(parsePredictiveModel('nonsense').ok).toBe(false);
  });

  it('evaluates on held-out leads of a time split and a stratified split', () => {
    for (const split of [splitByTime(leads, { testFraction: 0.3 }), splitStratified(leads, { testFraction: 0.3, seed: 5 })]) {
      const model = train(spec, split.train, { model: 'logistic' });
      if (!model.ok) throw model.error;
      const evaluation = evaluateModel(model.value, split.test);
      expect(evaluation.count).toBe(split.test.length);
      expect(evaluation.rocAuc).toBeGreaterThan(0.6);
    }
  });
});

describe('predictiveScorer', () => {
  const model = train(spec, leads, { model: 'naive-bayes' });
  if (!model.ok) throw model.error;
  const scorer = predictiveScorer(model.value);
  it('is a scorer whose contributions add up to the score, which is the probability in percent', () => {
    for (const lead of open.slice(0, 30)) {
      const result = scorer(lead, { asOf });
      let sum = 0;
      for (const item of result.contributions) sum += item.points;
      expect(result.score).toBe(sum);
      expect(result.score).toBeCloseTo(100 * predict(model.value, lead, { asOf }).probability, 9);
      expect(result.contributions[0]?.ruleId).toBe('predict:@baseline');
      expect(result.disqualifications).toEqual([]);
    }
  });
});

describe('features', () => {
  it('reads every kind of source, at the time of prediction', () => {
    const lead = open[0] as (typeof open)[number];
    const values = extractFeatures(spec, lead, { asOf });
    expect(values['industry']).toBe(lead.company?.industry);
    expect(values['employees']).toBe(lead.company?.employeeCount);
    const demos = lead.activities.filter((activity) => activity.type === 'demo_requested' || activity.type === 'meeting_held').length;
    expect(values['demos']).toBe(demos);
    expect(extractFeatures(spec, lead, { asOf: new Date('2000-01-01T00:00:00Z') })['demos']).toBe(0);
    expect(extractFeatures(spec, lead, { asOf: new Date('2000-01-01T00:00:00Z') })['recency']).toBeUndefined();
  });
  it('calls an e-mail free by the same list as the hygiene metrics (FREE_EMAIL_DOMAINS)', () => {
    const lead = open[0] as (typeof open)[number];
    const kindOf = (email: string | undefined) => extractFeatures(spec, { ...lead, contact: { ...lead.contact, email } }, { asOf })['email'];
    for (const domain of FREE_EMAIL_DOMAINS) expect(kindOf(`ada@${domain}`)).toBe('free');
    expect(kindOf('Ada@HOTMAIL.FR')).toBe('free');
    expect(kindOf('ada@acme.com')).toBe('business');
    expect(kindOf(undefined)).toBeUndefined();
  });

  it('reads custom fields, treating blanks and non-numbers as missing', () => {
    const custom = defineFeatureSpec({
      features: [
        { kind: 'categorical', name: 'team', from: { customField: 'team' } },
        { kind: 'numeric', name: 'seats', from: { customField: 'seats' } },
      ],
    });
    const lead = { ...(open[0] as (typeof open)[number]), customFields: { team: '', seats: 'many' } };
    expect(extractFeatures(custom, lead, { asOf })).toEqual({ team: undefined, seats: undefined });
    const proto = { ...lead, customFields: { team: 'north', seats: '12' } };
    expect(extractFeatures(custom, proto, { asOf })).toEqual({ team: 'north', seats: 12 });
  });
  it('maps sentinels to missing, caps, bins numbers into categories and crosses categories', () => {
    const mapped = defineFeatureSpec({
      features: [
        { kind: 'numeric', name: 'pdays', from: { customField: 'pdays' }, missingWhen: [999, -1], transform: 'log1p' },
        { kind: 'numeric', name: 'previous', from: { customField: 'previous' }, clip: { min: 0, max: 3 } },
        { kind: 'categorical', name: 'age band', from: { binned: { customField: 'age' }, bins: [30, 60], missingWhen: [0] } },
        { kind: 'categorical', name: 'slot', from: { cross: [{ customField: 'month' }, { customField: 'day' }] } },
      ],
    });
    const lead = (fields: Record<string, string | number>): (typeof open)[number] => ({ ...(open[0] as (typeof open)[number]), customFields: fields });
    expect(extractFeatures(mapped, lead({ pdays: 999, previous: 7, age: 45, month: 'may', day: 'mon' }), { asOf })).toEqual({
      pdays: undefined,
      previous: 3,
      'age band': '30 to < 60',
      slot: 'may × mon',
    });
    expect(extractFeatures(mapped, lead({ pdays: 6, previous: -2, age: 0, month: 'may' }), { asOf })).toEqual({
      pdays: 6,
      previous: 0,
      'age band': undefined,
      slot: undefined,
    });
    // A sentinel is a missing value to the model: imputed, with its own "is missing" weight.
    const examples = Array.from({ length: 200 }, (_, index) => {
      const contacted = index % 4 === 0;
      const base = lead({ pdays: contacted ? 1 + (index % 20) : 999, previous: index % 6, age: 20 + (index % 50), month: index % 2 === 0 ? 'may' : 'jun', day: index % 3 === 0 ? 'mon' : 'fri' });
      return { ...base, id: `m${index}`, outcome: { status: contacted || index % 7 === 0 ? ('won' as const) : ('lost' as const), at: asOf } };
    });
    const trained = train(mapped, examples, { model: 'logistic' });
    expect(trained.ok).toBe(true);
    if (!trained.ok || trained.value.type !== 'logistic') return;
    const pdays = trained.value.features[0];
    expect(pdays?.kind === 'numeric' && pdays.missingWeight).toBeLessThan(0);
    const slot = trained.value.features[3];
    expect(slot?.kind === 'categorical' && slot.levels.map(([level]) => level)).toEqual(['jun × fri', 'jun × mon', 'may × fri', 'may × mon']);
    const loaded = parsePredictiveModel(JSON.parse(JSON.stringify(trained.value)));
    expect(loaded.ok && predict(loaded.value, examples[5] as (typeof examples)[number], { asOf }).probability).toBe(
      predict(trained.value, examples[5] as (typeof examples)[number], { asOf }).probability,
    );
    const naive = train(mapped, examples, { model: 'naive-bayes' });
    expect(naive.ok && naive.value.type === 'naive-bayes' && naive.value.global.features.map((feature) => feature.name)).toEqual(['age band', 'slot']);
  });
  it('validates specs: unique names, ascending bins, known fields', () => {
    const bins = parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: 'company.employeeCount', bins: [10, 5] }] });
    expect(!bins.ok && bins.error.issues.map((issue) => issue.pathText)).toEqual(['features[0].bins']);
    const field = parseFeatureSpec({ features: [{ kind: 'categorical', name: 'y', from: 'company.shoeSize' }] });
    expect(!field.ok && field.error.issues.map((issue) => issue.pathText)).toEqual(['features[0].from']);
    expect(() => defineFeatureSpec({ features: [] })).toThrow();
    const clip = parseFeatureSpec({ features: [{ kind: 'numeric', name: 'x', from: 'company.employeeCount', clip: { min: 5, max: 1 } }] });
    expect(!clip.ok && clip.error.issues.map((issue) => issue.pathText)).toEqual(['features[0].clip']);
    const binned = parseFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: { binned: 'company.employeeCount', bins: [10, 5] } }] });
    expect(binned.ok).toBe(false);
    const cross = parseFeatureSpec({ features: [{ kind: 'categorical', name: 'x', from: { cross: [{ customField: 'a' }] } }] });
    expect(cross.ok).toBe(false);
  });
});

describe('splits', () => {
  it('splitByTime trains on older leads and tests on newer ones', () => {
    const { train: older, test: newer } = splitByTime(leads, { testFraction: 0.25 });
    const closed = leads.filter((lead) => lead.outcome !== undefined).length;
    expect(older.length + newer.length).toBe(closed);
    expect(newer.length).toBe(Math.round(closed * 0.25));
    const lastOld = Math.max(...older.map((lead) => lead.createdAt.getTime()));
    expect(newer.every((lead) => lead.createdAt.getTime() >= lastOld)).toBe(true);
    const cutoff = new Date('2025-01-01T00:00:00Z');
    const byCutoff = splitByTime(leads, { cutoff });
    expect(byCutoff.train.every((lead) => lead.createdAt < cutoff) && byCutoff.test.every((lead) => lead.createdAt >= cutoff)).toBe(true);
  });
  it('splitStratified keeps the win rate and is deterministic', () => {
    const first = splitStratified(leads, { testFraction: 0.3, seed: 9 });
    expect(splitStratified(leads, { testFraction: 0.3, seed: 9 })).toEqual(first);
    const rate = (list: typeof leads) => list.filter((lead) => lead.outcome?.status === 'won').length / list.length;
    expect(Math.abs(rate(first.train) - rate(first.test))).toBeLessThan(0.02);
    expect(() => splitStratified(leads, { testFraction: 2 })).toThrow(RangeError);
  });
});
