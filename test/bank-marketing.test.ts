import { beforeAll, describe, expect, it } from 'vitest';
import {
  bankFeatureSpec,
  BANK_DATA_DIR,
  evaluateBank,
  hasBankData,
  loadBankLeads,
  plainBankFeatureSpec,
  undatedExportWalkthrough,
} from '../examples/bank-marketing.ts';
import type { Lead } from '../src/models/index.ts';
import { compilePredictor, splitStratified, trainModel } from '../src/predict/index.ts';

// Real data: ../shared/data/uci-bank-marketing (read from there, never copied in; a fresh clone has none, and then
// this file is skipped with the reason in its title). The reference figures (scikit-learn
// LogisticRegression(C=1), one-hot categoricals, standardised numerics, no `duration`): 0.770 on bank-full and 0.804
// on bank-additional (stratified 70/30), 0.687 on a time-ordered 70/30 split of either file.
// Measured side by side with scikit-learn 1.2 (Debian's python3-sklearn; not a dependency):
//   plain mapping, on leadkit's seed-42 stratified split (the very same rows): 0.7547 (full), 0.7909 (additional),
//     which leadkit matches; scikit-learn's own mean over 10 stratified splits: 0.768 (full), 0.7925 (additional),
//     so 0.804 was a lucky split;
//   plain mapping, leadkit, mean of stratified seeds 1–5: 0.7685 (full), 0.7913 (additional); time 0.6869, 0.6892;
//   engineered mapping (bankFeatureSpec: pdays sentinel as missing, age bands, log1p campaign and balance,
//     previous capped; in bank-additional also emp.var.rate one-hot, month × day_of_week and contact × month),
//     seeds 1–5: 0.7748 (full), 0.7963 (additional); time 0.6952, 0.7078. Seeds 6–10 give 0.7941 on
//     bank-additional: its ten-seed mean is 0.7952, within 0.01 of 0.804 but not by much.
// Naive Bayes, issue 14's reference: scikit-learn's CategoricalNB with the numeric columns cut at 5 value quantiles of
// the training rows scores 0.764 on a stratified 70/30 split (10 bins: 0.763); leadkit's naive Bayes with its default
// bins (5 quantiles of the training values) on the plain mapping: 0.7647 (mean of seeds 1–5), Brier 0.0931
// uncalibrated, 0.0869 with its default Platt calibration (isotonic: 0.0866, AUC 0.7640).
// "Within 0.01" is a quality bar: no worse than the reference by more than 0.01 (the time split of bank-additional
// is 0.02 better than it). An AUC far above the references would mean a leak (such as `duration`): capped at +0.05.
const present = hasBankData('full') && hasBankData('additional');
const seeds = [1, 2, 3, 4, 5];
let full: Lead[] = [];
let additional: Lead[] = [];

function expectNear(auc: number, reference: number): void {
  expect(auc).toBeGreaterThan(reference - 0.01);
  expect(auc).toBeLessThan(reference + 0.05);
}

function meanOf(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

if (!present) console.log(`bank-marketing: skipped, the UCI Bank Marketing files are not in ${BANK_DATA_DIR}`);

describe.skipIf(!present)(`UCI Bank Marketing (skipped when ${BANK_DATA_DIR} has no data)`, { timeout: 120_000 }, () => {
  beforeAll(() => {
    full = loadBankLeads('full');
    additional = loadBankLeads('additional');
  });

  it('maps every row onto a lead with an outcome, without duration, in date order', () => {
    expect(full).toHaveLength(45_211);
    expect(full.filter((lead) => lead.outcome?.status === 'won')).toHaveLength(5_289);
    expect(additional).toHaveLength(41_188);
    expect(additional.filter((lead) => lead.outcome?.status === 'won')).toHaveLength(4_640);
    expect(full.some((lead) => lead.customFields !== undefined && 'duration' in lead.customFields)).toBe(false);
    // The export's placeholders are kept as they are; the specs declare them missing.
    expect(full.some((lead) => lead.customFields?.['job'] === 'unknown')).toBe(true);
    expect(full[0]?.createdAt?.toISOString()).toBe('2008-05-05T00:00:00.000Z');
    expect(full[full.length - 1]?.createdAt?.toISOString()).toBe('2010-11-17T00:00:00.000Z');
    for (let index = 1; index < full.length; index++)
      expect(((full[index] as (typeof full)[number]).createdAt as Date) >= ((full[index - 1] as (typeof full)[number]).createdAt as Date)).toBe(true);
    for (const variant of ['full', 'additional'] as const)
      for (const spec of [bankFeatureSpec(variant), plainBankFeatureSpec(variant)]) {
        expect(JSON.stringify(spec)).not.toContain('duration');
        expect(spec.missingWhen).toEqual(['unknown']);
      }
  });

  it('logistic regression gives the same AUC as scikit-learn on the same rows with the plain mapping', () => {
    expect(evaluateBank('full', 'stratified', 'logistic', full, 42, plainBankFeatureSpec('full')).evaluation.rocAuc).toBeCloseTo(0.7547, 3);
    expect(evaluateBank('additional', 'stratified', 'logistic', additional, 42, plainBankFeatureSpec('additional')).evaluation.rocAuc).toBeCloseTo(0.7909, 3);
  });

  it('logistic regression is within 0.01 AUC of the reference on stratified splits (mean of five seeds), 0.770 or better on bank-full', () => {
    const fullAuc = meanOf(seeds.map((seed) => evaluateBank('full', 'stratified', 'logistic', full, seed).evaluation.rocAuc));
    expect(fullAuc).toBeGreaterThanOrEqual(0.77);
    expectNear(fullAuc, 0.77);
    expectNear(meanOf(seeds.map((seed) => evaluateBank('additional', 'stratified', 'logistic', additional, seed).evaluation.rocAuc)), 0.804);
  });

  it('logistic regression is within 0.01 AUC of the reference on time-ordered splits', () => {
    const fullTime = evaluateBank('full', 'time', 'logistic', full);
    const additionalTime = evaluateBank('additional', 'time', 'logistic', additional);
    expectNear(fullTime.evaluation.rocAuc, 0.687);
    expectNear(additionalTime.evaluation.rocAuc, 0.687);
    // calibration and lift are reported on the held-out part, group 1 the highest predictions in both
    expect(fullTime.evaluation.calibration).toHaveLength(10);
    expect(fullTime.evaluation.lift[0]?.lift).toBeGreaterThan(1.5);
    expect(fullTime.evaluation.calibration[0]?.meanPredicted).toBeGreaterThan(fullTime.evaluation.calibration[9]?.meanPredicted ?? 1);
    expect(fullTime.evaluation.calibration.map((row) => row.count)).toEqual(fullTime.evaluation.lift.map((row) => row.count));
  });

  it('naive Bayes with its default numeric bins reaches 0.759 AUC on stratified splits of bank-full (mean of five seeds)', () => {
    const results = seeds.map((seed) => evaluateBank('full', 'stratified', 'naive-bayes', full, seed, plainBankFeatureSpec('full')).evaluation);
    expect(meanOf(results.map((result) => result.rocAuc))).toBeGreaterThanOrEqual(0.759);
    // Platt calibration keeps the ranking: the AUC is that of the raw model.
    const raw = seeds.map(
      (seed) => evaluateBank('full', 'stratified', 'naive-bayes', full, seed, plainBankFeatureSpec('full'), { calibration: 'none' }).evaluation,
    );
    expect(results.map((result) => result.rocAuc)).toEqual(raw.map((result) => result.rocAuc));
  });

  it('calibrated naive Bayes has a lower Brier score than the uncalibrated one on bank-full', () => {
    for (const calibration of ['platt', 'isotonic'] as const)
      for (const seed of [1, 2]) {
        const { evaluation } = evaluateBank('full', 'stratified', 'naive-bayes', full, seed, plainBankFeatureSpec('full'), { calibration });
        const before = evaluation.beforeCalibration;
        expect(before).toBeDefined();
        expect(evaluation.brierScore).toBeLessThan(before?.brierScore ?? 0);
        expect(evaluation.logLoss).toBeLessThan(before?.logLoss ?? 0);
        // Uncalibrated, the lowest decile was predicted far below its observed rate; calibrated, within 0.02.
        const lowest = evaluation.calibration[9];
        expect(Math.abs((lowest?.meanPredicted ?? 0) - (lowest?.observedRate ?? 1))).toBeLessThan(0.02);
      }
  });

  it('naive Bayes ranks without mass ties', () => {
    const { train, test } = splitStratified(full, { testFraction: 0.3, seed: 1 });
    const model = trainModel(plainBankFeatureSpec('full'), train, { model: 'naive-bayes' });
    if (!model.ok) throw model.error;
    const predictor = compilePredictor(model.value);
    const probabilities = test.map((lead) => predictor.probability(lead, 0));
    const counts = new Map<number, number>();
    for (const probability of probabilities) counts.set(probability, (counts.get(probability) ?? 0) + 1);
    // No probability is shared by more than 1% of the test leads (the old [0.01, 0.99] clamp held 71% on one bound elsewhere).
    expect(Math.max(...counts.values())).toBeLessThan(probabilities.length / 100);
  });

  it('explains a lead with reasons against a stated baseline, and data gaps apart', () => {
    const { train, test } = splitStratified(full, { testFraction: 0.3, seed: 1 });
    for (const kind of ['naive-bayes', 'logistic'] as const) {
      const model = trainModel(plainBankFeatureSpec('full'), train, { model: kind });
      if (!model.ok) throw model.error;
      const predictor = compilePredictor(model.value);
      for (const lead of test.slice(0, 300)) {
        const prediction = predictor.predict(lead, { asOf: lead.createdAt as Date });
        for (const reason of prediction.reasons) {
          expect(reason).toMatch(/^(.+): (.+); (raises|lowers) the odds of winning [\d.]+×|, but this lead's other features account for that/);
          // `default` is "no" for 98% of the clients: never a top reason.
          expect(reason).not.toMatch(/^default "no"/);
        }
        const missingJob = lead.customFields?.['job'] === 'unknown';
        expect(prediction.dataGaps.includes('no job on file')).toBe(missingJob);
      }
    }
  });

  it('runs the worked example of docs/predict.md: an undated export with text placeholders, to calibrated, explained predictions', () => {
    const lines = undatedExportWalkthrough();
    expect(lines[0]).toMatch(/all share one creation date, so they have no time order/);
    expect(lines).toContain(
      'warning: previous: one value holds so many training leads that its quantile bins meet in one, so it contributes nothing: give it bins that set that value apart',
    );
    const measures = lines.find((line) => line.startsWith('ROC AUC')) ?? '';
    const [, auc, before, after] = /^ROC AUC ([\d.]+); Brier ([\d.]+) before calibration, ([\d.]+) after$/.exec(measures) ?? [];
    expect(Number(auc)).toBeGreaterThan(0.759);
    expect(Number(after)).toBeLessThan(Number(before));
    expect(lines.filter((line) => line.startsWith('  reason: ')).length).toBeGreaterThan(0);
    expect(lines).toContain('  data gap: no education on file');
  });
});
