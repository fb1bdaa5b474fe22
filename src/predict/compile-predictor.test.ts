import { describe, expect, it } from 'vitest';
import { createRandom } from '../internal/random.ts';
import type { Lead } from '../models/lead.ts';
import { generateLeads } from '../testing/generate-leads.ts';
import { compilePredictor, predictLead, recalibrateTiers } from './compile-predictor.ts';
import { describeContribution, explainPrediction } from './describe-contribution.ts';
import { evaluateModel } from './evaluate-model.ts';
import { defineFeatureSpec } from './parse-feature-spec.ts';
import { parsePredictiveModel } from './parse-predictive-model.ts';
import { predictiveScorer } from './predictive-scorer.ts';
import { splitByTime, splitStratified } from './split.ts';
import { trainModel } from './train-model.ts';
import type { FeatureContribution, Prediction } from './types.ts';

const asOf = new Date('2025-06-30T00:00:00Z');
const leads = generateLeads({ seed: 7, count: 600, asOf });
const open = leads.filter((lead) => lead.outcome === undefined);
const spec = defineFeatureSpec({
  features: [
    { kind: 'categorical', name: 'industry', from: 'company.industry' },
    { kind: 'categorical', name: 'seniority', label: 'seniority', from: 'contact.seniority' },
    { kind: 'categorical', name: 'role', label: 'decision role', from: 'contact.decisionRole' },
    { kind: 'categorical', name: 'email', label: 'e-mail', from: 'contact.emailKind' },
    { kind: 'numeric', name: 'employees', from: 'company.employeeCount', transform: 'log1p', bins: [50, 200, 2000] },
    { kind: 'numeric', name: 'demos', label: 'demo requests', from: { activityCount: { type: ['demo_requested', 'meeting_held'] } }, bins: [1] },
    {
      kind: 'numeric',
      name: 'pricing',
      label: 'pricing page views (90 days)',
      from: { activityCount: { type: 'page_viewed', pageKind: 'pricing' }, withinDays: 90 },
      bins: [1, 3],
    },
    { kind: 'numeric', name: 'recency', label: 'days since last activity', from: { daysSinceLastActivity: {} } },
  ],
});

/**
 * An export where seniority drives winning and the channel only rides along with it: senior leads mostly come by
 * e-mail, and with seniority held equal the e-mail channel does slightly worse. 2% of the leads have no job title,
 * 95% share one country, time on site helps.
 */
function confounded(count: number, seed: number): Lead[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, (_, index) => {
    const senior = random.chance(0.4);
    const channel = random.chance(senior ? 0.85 : 0.2) ? 'Email' : 'phone';
    const minutes = random.int(0, 30) + (senior ? 5 : 0);
    const logit = -2 + 2.2 * (senior ? 1 : 0) - 0.6 * (channel === 'Email' ? 1 : 0) + minutes / 20;
    const won = random.chance(1 / (1 + Math.exp(-logit)));
    const title = random.chance(0.02) ? 'unknown' : senior ? 'Director' : 'assistant';
    return {
      id: `c${index}`,
      contact: {},
      source: 'other',
      createdAt: asOf,
      activities: [],
      customFields: { channel, title, minutes, country: random.chance(0.95) ? 'PT' : 'ES' },
      outcome: { status: won ? 'won' : 'lost', at: asOf },
    } satisfies Lead;
  });
}
const exportSpec = defineFeatureSpec({
  missingWhen: ['unknown'],
  features: [
    { kind: 'categorical', name: 'channel', from: 'customFields.channel' },
    { kind: 'categorical', name: 'title', label: 'job title', from: 'customFields.title' },
    { kind: 'numeric', name: 'minutes', label: 'time on site', unit: 'min', from: 'customFields.minutes' },
    { kind: 'categorical', name: 'country', from: 'customFields.country' },
  ],
});
const exportLeads = confounded(4000, 3);

function logOddsAddUp(prediction: Prediction): void {
  const sum = prediction.contributions.reduce((total, item) => total + item.effect, prediction.baseline);
  expect(sum).toBeCloseTo(prediction.logOdds, 9);
}

describe('compilePredictor and predictLead', () => {
  const logistic = trainModel(spec, leads, { model: 'logistic' });
  const naiveBayes = trainModel(spec, leads, { model: 'naive-bayes' });
  if (!logistic.ok || !naiveBayes.ok) throw new Error('training failed');

  it('explains a logistic prediction: baseline plus contributions is the log-odds, and gives the probability', () => {
    for (const lead of open.slice(0, 20)) {
      const prediction = predictLead(logistic.value, lead, { asOf });
      logOddsAddUp(prediction);
      expect(1 / (1 + Math.exp(-prediction.logOdds))).toBeCloseTo(prediction.probability, 10);
      expect(prediction.calibration).toBe('none');
      expect(prediction.score).toBe(Math.min(99, Math.max(1, Math.round(prediction.probability * 100))));
      expect(prediction.contributions.map((item) => item.feature)).toEqual(spec.features.map((feature) => feature.name));
      expect(prediction.topPositive.every((item) => item.effect > 0.005 && item.status === 'known')).toBe(true);
      expect(prediction.topNegative.every((item) => item.effect < -0.005 && item.status === 'known')).toBe(true);
      expect(prediction.reasons).toHaveLength(prediction.topPositive.length + prediction.topNegative.length);
    }
  });

  it('explains a Platt-calibrated naive Bayes prediction: the contributions add up to the calibrated log-odds', () => {
    const predictor = compilePredictor(naiveBayes.value);
    for (const lead of open.slice(0, 20)) {
      const prediction = predictor.predict(lead, { asOf });
      expect(prediction.calibration).toBe('platt');
      logOddsAddUp(prediction);
      expect(1 / (1 + Math.exp(-prediction.logOdds))).toBeCloseTo(prediction.probability, 10);
      expect(prediction.probability).toBe(predictor.probability(lead, asOf));
    }
  });

  it('takes asOf as a Date or epoch milliseconds, and refuses an invalid one with the one RangeError', () => {
    const predictor = compilePredictor(logistic.value);
    const lead = open[0] as Lead;
    expect(predictor.probability(lead, asOf.getTime())).toBe(predictor.probability(lead, asOf));
    expect(predictor.predict(lead, { asOf: asOf.getTime() })).toEqual(predictor.predict(lead, { asOf }));
    expect(() => predictor.probability(lead, new Date(Number.NaN))).toThrow(
      'asOf is not a valid instant (got Invalid Date): pass a Date or epoch milliseconds',
    );
    expect(() => predictor.predict(lead, { asOf: Number.NaN })).toThrow(RangeError);
    expect(() => predictLead(logistic.value, lead, { asOf: 9e15 })).toThrow(RangeError);
  });

  it('assigns quartile tiers from the training predictions', () => {
    const closed = leads.filter((lead) => lead.outcome !== undefined);
    for (const model of [logistic.value, naiveBayes.value]) {
      const predictor = compilePredictor(model);
      const tiers = closed.map((lead) => predictor.predict(lead, { asOf: (lead.outcome as NonNullable<typeof lead.outcome>).at }).tier);
      for (const tier of ['very_high', 'high', 'medium', 'low'] as const) {
        const share = tiers.filter((value) => value === tier).length / tiers.length;
        expect(share).toBeGreaterThan(0.2);
        expect(share).toBeLessThan(0.3);
      }
      expect(recalibrateTiers(model, leads)).toEqual(model);
    }
  });

  it('loads back from JSON to give identical predictions', () => {
    for (const model of [logistic.value, naiveBayes.value]) {
      const loaded = parsePredictiveModel(JSON.parse(JSON.stringify(model)));
      expect(loaded.ok).toBe(true);
      if (!loaded.ok) continue;
      expect(loaded.value).toEqual(model);
      for (const lead of open.slice(0, 10)) expect(predictLead(loaded.value, lead, { asOf })).toEqual(predictLead(model, lead, { asOf }));
    }
  });

  it('refuses a malformed or mismatched model with every problem and its path', () => {
    const bad = parsePredictiveModel({ ...logistic.value, version: 2, intercept: 'x' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.issues.map((issue) => issue.pathText).sort()).toEqual(['intercept', 'version']);
    const mismatched = parsePredictiveModel({ ...logistic.value, features: logistic.value.features.slice(1) });
    expect(!mismatched.ok && mismatched.error.issues.map((issue) => issue.pathText)).toContain('features');
    const bins = parsePredictiveModel({ ...naiveBayes.value, bins: naiveBayes.value.bins.map(([name, cuts]) => [name, [...cuts].reverse()]) });
    expect(!bins.ok && bins.error.issues.map((issue) => issue.pathText)).toContain('bins[0][1]');
    const typo = parsePredictiveModel({
      ...logistic.value,
      spec: { features: [{ kind: 'categorical', name: 'industry', from: 'company.industy' }, ...logistic.value.spec.features.slice(1)] },
    });
    expect(!typo.ok && typo.error.issues.map((issue) => issue.pathText)).toEqual(['spec.features[0].from']);
    expect(parsePredictiveModel('nonsense').ok).toBe(false);
  });

  it('does not mutate the model or the leads (predict, score, evaluate, recalibrate, parse)', () => {
    const model = structuredClone(naiveBayes.value);
    const sample = structuredClone(leads.slice(0, 100));
    const lead = sample[0] as Lead;
    predictLead(model, lead, { asOf });
    compilePredictor(model).probability(lead, asOf);
    predictiveScorer(model)(lead, { asOf });
    evaluateModel(model, sample);
    recalibrateTiers(model, sample);
    parsePredictiveModel(model);
    expect(model).toEqual(naiveBayes.value);
    expect(sample).toEqual(leads.slice(0, 100));
  });
});

describe('reasons a salesperson can act on', () => {
  const { train, test } = splitStratified(exportLeads, { testFraction: 0.25, seed: 1 });
  const logistic = trainModel(exportSpec, train, { model: 'logistic' });
  const naiveBayes = trainModel(exportSpec, train, { model: 'naive-bayes' });
  if (!logistic.ok || !naiveBayes.ok) throw new Error('training failed');
  const lead = (fields: Record<string, string | number>): Lead => ({ ...(exportLeads[0] as Lead), outcome: undefined, customFields: fields }) as Lead;

  it('compares a category with the training leads, against a stated baseline', () => {
    const director = lead({ channel: 'phone', title: 'Director', minutes: 12, country: 'PT' });
    const fromNaiveBayes = predictLead(naiveBayes.value, director, { asOf });
    const title = fromNaiveBayes.contributions.find((item) => item.feature === 'title') as FeatureContribution;
    expect(title).toMatchObject({ value: 'director', status: 'known', against: 'all leads', agrees: true, common: false });
    expect(describeContribution(title)).toMatch(
      /^job title "director": \d+% of such leads won, against \d+% of all leads; raises the odds of winning [\d.]+×$/,
    );
    expect(fromNaiveBayes.reasons).toContain(describeContribution(title));
    const fromLogistic = predictLead(logistic.value, director, { asOf });
    expect(describeContribution(fromLogistic.contributions[1] as FeatureContribution)).toMatch(
      /^job title "director": \d+% of such leads won, against \d+% of all leads; raises the odds of winning [\d.]+× against the average lead, other features held equal$/,
    );
  });

  it('compares a number with the typical value of won leads, in its unit', () => {
    const quick = predictLead(logistic.value, lead({ channel: 'phone', title: 'assistant', minutes: 1, country: 'PT' }), { asOf });
    const minutes = quick.contributions[2] as FeatureContribution;
    expect(minutes.value).toBe('1 min');
    expect(describeContribution(minutes)).toMatch(
      /^time on site 1 min: below the typical [\d.]+ min of won leads; \d+% of leads in this range \(< [\d.]+\) won, against \d+% of all leads; lowers the odds of winning [\d.]+× against the average lead, other features held equal$/,
    );
    expect(minutes.agrees).toBe(true);
    const fromNaiveBayes = predictLead(naiveBayes.value, lead({ channel: 'phone', title: 'assistant', minutes: 1, country: 'PT' }), { asOf });
    expect(describeContribution(fromNaiveBayes.contributions[2] as FeatureContribution)).toMatch(
      /^time on site 1 min \(< [\d.]+\): \d+% of leads in this range won, against \d+% of all leads; lowers the odds of winning [\d.]+×$/,
    );
  });

  it('explains a prediction as text: chance, reasons either way, data gaps', () => {
    const prediction = predictLead(naiveBayes.value, lead({ channel: 'phone', title: 'unknown', minutes: 1, country: 'PT' }), { asOf });
    const lines = explainPrediction(prediction).split('\n');
    expect(lines[0]).toMatch(/^[\d.]+% chance to win \(score \d+, tier (very high|high|medium|low); calibrated by Platt scaling\)$/);
    expect(lines.slice(1)).toEqual([
      ...prediction.topPositive.map((item) => `  + ${describeContribution(item)}`),
      ...prediction.topNegative.map((item) => `  - ${describeContribution(item)}`),
      '  ? no job title on file',
    ]);
  });

  it('lists missing and unseen values apart as data gaps, never as reasons', () => {
    for (const model of [logistic.value, naiveBayes.value]) {
      const prediction = predictLead(model, lead({ channel: 'fax', title: 'unknown', minutes: 10, country: 'PT' }), { asOf });
      expect(prediction.dataGaps).toEqual(['channel "fax": too rare in the training data to weigh', 'no job title on file']);
      expect(prediction.contributions[1]?.status).toBe('missing');
      for (const reason of prediction.reasons) expect(reason).not.toMatch(/job title|channel/);
    }
  });

  it('never gives as a top reason a value nearly every lead shares', () => {
    for (const model of [logistic.value, naiveBayes.value])
      for (const item of test.slice(0, 200)) {
        const prediction = predictLead(model, item, { asOf });
        const country = prediction.contributions[3] as FeatureContribution;
        if (country.value === 'pt') expect(country.common).toBe(true);
        expect([...prediction.topPositive, ...prediction.topNegative].some((top) => top.common)).toBe(false);
      }
  });

  it('says why when logistic regression and naive Bayes point different ways for the same value', () => {
    const opposite = new Map<string, number>();
    for (const item of test) {
      const fromLogistic = predictLead(logistic.value, item, { asOf }).contributions;
      const fromNaiveBayes = predictLead(naiveBayes.value, item, { asOf }).contributions;
      fromLogistic.forEach((logisticItem, index) => {
        const naiveItem = fromNaiveBayes[index] as FeatureContribution;
        if (logisticItem.status !== 'known' || naiveItem.status !== 'known' || !naiveItem.agrees) return;
        if (logisticItem.effect === 0 || naiveItem.effect === 0 || Math.sign(logisticItem.effect) === Math.sign(naiveItem.effect)) return;
        opposite.set(logisticItem.feature, (opposite.get(logisticItem.feature) ?? 0) + 1);
        // Naive Bayes follows the plain comparison; logistic regression, against it, says so and why.
        expect(logisticItem.agrees).toBe(false);
        expect(describeContribution(logisticItem)).toMatch(
          /, but this lead's other features account for that: with them held equal, it (raises|lowers) the odds of winning [\d.]+× against the average lead$/,
        );
      });
    }
    // The data were built so that e-mail leads win more often, yet e-mail itself lowers the odds.
    expect(opposite.get('channel')).toBeGreaterThan(0);
  });

  it('calibrated naive Bayes is closer to the observed rates than uncalibrated, on held-out leads', () => {
    const evaluation = evaluateModel(naiveBayes.value, test);
    expect(evaluation.beforeCalibration).toBeDefined();
    expect(evaluation.brierScore).toBeLessThan(evaluation.beforeCalibration?.brierScore ?? 0);
    expect(evaluation.calibration.map((row) => row.group)).toEqual(evaluation.lift.map((row) => row.group));
  });
});

describe('evaluateModel', () => {
  it('evaluates on held-out leads of a time split and a stratified split', () => {
    for (const split of [splitByTime(leads, { testFraction: 0.3 }), splitStratified(leads, { testFraction: 0.3, seed: 5 })]) {
      const model = trainModel(spec, split.train, { model: 'logistic' });
      if (!model.ok) throw model.error;
      const evaluation = evaluateModel(model.value, split.test);
      expect(evaluation.count).toBe(split.test.length);
      expect(evaluation.rocAuc).toBeGreaterThan(0.6);
      expect(evaluation.beforeCalibration).toBeUndefined();
    }
  });
});

describe('predictiveScorer', () => {
  for (const calibration of ['platt', 'isotonic', 'none'] as const) {
    const model = trainModel(spec, leads, { model: 'naive-bayes', calibration });
    if (!model.ok) throw model.error;
    const scorer = predictiveScorer(model.value);
    it(`is a scorer whose contributions add up to the score, the probability in percent (${calibration})`, () => {
      for (const lead of open.slice(0, 30)) {
        const result = scorer(lead, { asOf });
        let sum = 0;
        for (const item of result.contributions) sum += item.points;
        expect(result.score).toBe(sum);
        expect(result.score).toBeCloseTo(100 * predictLead(model.value, lead, { asOf }).probability, 9);
        expect(result.contributions[0]?.ruleId).toBe('predict:@baseline');
        expect(result.disqualifications).toEqual([]);
      }
    });
  }
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
    for (const at of [cutoff, cutoff.getTime()]) {
      const byCutoff = splitByTime(leads, { cutoff: at });
      expect(byCutoff.train.every((lead) => lead.createdAt < cutoff) && byCutoff.test.every((lead) => lead.createdAt >= cutoff)).toBe(true);
    }
    expect(() => splitByTime(leads, { cutoff: new Date(Number.NaN) })).toThrow('cutoff is not a valid instant');
  });
  it('splitStratified keeps the win rate and is deterministic; neither split mutates its input', () => {
    const copy = structuredClone(leads);
    const first = splitStratified(leads, { testFraction: 0.3, seed: 9 });
    expect(splitStratified(leads, { testFraction: 0.3, seed: 9 })).toEqual(first);
    const rate = (list: typeof leads) => list.filter((lead) => lead.outcome?.status === 'won').length / list.length;
    expect(Math.abs(rate(first.train) - rate(first.test))).toBeLessThan(0.02);
    expect(() => splitStratified(leads, { testFraction: 2 })).toThrow(RangeError);
    splitByTime(leads);
    expect(leads).toEqual(copy);
  });
});
