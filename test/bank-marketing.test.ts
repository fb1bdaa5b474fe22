import { describe, expect, it } from 'vitest';
import { bankFeatureSpec, evaluateBank, loadBankLeads, plainBankFeatureSpec } from '../examples/bank-marketing.ts';

// Real data: ../shared/data/uci-bank-marketing (read from there, never copied in). The reference figures
// (scikit-learn LogisticRegression(C=1), one-hot categoricals, standardised numerics, no `duration`): 0.770 on
// bank-full and 0.804 on bank-additional (stratified 70/30), 0.687 on a time-ordered 70/30 split of either file.
// Measured side by side with scikit-learn 1.2 (Debian's python3-sklearn; not a dependency):
//   plain mapping, on leadkit's seed-42 stratified split (the very same rows): 0.7547 (full), 0.7909 (additional),
//     which leadkit matches; scikit-learn's own mean over 10 stratified splits: 0.768 (full), 0.7925 (additional),
//     so 0.804 was a lucky split;
//   plain mapping, leadkit, mean of stratified seeds 1–5: 0.7685 (full), 0.7913 (additional); time 0.6869, 0.6892;
//   engineered mapping (bankFeatureSpec: pdays sentinel as missing, age bands, log1p campaign and balance,
//     previous capped; in bank-additional also emp.var.rate one-hot, month × day_of_week and contact × month),
//     seeds 1–5: 0.7748 (full), 0.7963 (additional); time 0.6952, 0.7078. Seeds 6–10 give 0.7941 on
//     bank-additional: its ten-seed mean is 0.7952, within 0.01 of 0.804 but not by much.
// "Within 0.01" is a quality bar: no worse than the reference by more than 0.01 (the time split of bank-additional
// is 0.02 better than it). An AUC far above the references would mean a leak (such as `duration`): capped at +0.05.
const full = loadBankLeads('full');
const additional = loadBankLeads('additional');
const seeds = [1, 2, 3, 4, 5];

function expectNear(auc: number, reference: number): void {
  expect(auc).toBeGreaterThan(reference - 0.01);
  expect(auc).toBeLessThan(reference + 0.05);
}

function meanAuc(variant: 'full' | 'additional', model: 'logistic' | 'naive-bayes', leads: typeof full): number {
  let total = 0;
  for (const seed of seeds) total += evaluateBank(variant, 'stratified', model, leads, seed).evaluation.rocAuc;
  return total / seeds.length;
}

describe('UCI Bank Marketing', { timeout: 60_000 }, () => {
  it('maps every row onto a lead with an outcome, without duration, in date order', () => {
    expect(full).toHaveLength(45_211);
    expect(full.filter((lead) => lead.outcome?.status === 'won')).toHaveLength(5_289);
    expect(additional).toHaveLength(41_188);
    expect(additional.filter((lead) => lead.outcome?.status === 'won')).toHaveLength(4_640);
    expect(full.some((lead) => lead.customFields !== undefined && 'duration' in lead.customFields)).toBe(false);
    expect(full[0]?.createdAt.toISOString()).toBe('2008-05-05T00:00:00.000Z');
    expect(full[full.length - 1]?.createdAt.toISOString()).toBe('2010-11-17T00:00:00.000Z');
    for (let index = 1; index < full.length; index++)
      expect((full[index] as (typeof full)[number]).createdAt >= (full[index - 1] as (typeof full)[number]).createdAt).toBe(true);
    for (const variant of ['full', 'additional'] as const)
      for (const spec of [bankFeatureSpec(variant), plainBankFeatureSpec(variant)])
        expect(JSON.stringify(spec)).not.toContain('duration');
  });

  it('logistic regression gives the same AUC as scikit-learn on the same rows with the plain mapping', () => {
    expect(evaluateBank('full', 'stratified', 'logistic', full, 42, plainBankFeatureSpec('full')).evaluation.rocAuc).toBeCloseTo(0.7547, 3);
    expect(evaluateBank('additional', 'stratified', 'logistic', additional, 42, plainBankFeatureSpec('additional')).evaluation.rocAuc).toBeCloseTo(
      0.7909,
      3,
    );
  });

  it('logistic regression is within 0.01 AUC of the reference on stratified splits (mean of five seeds)', () => {
    expectNear(meanAuc('full', 'logistic', full), 0.77);
    expectNear(meanAuc('additional', 'logistic', additional), 0.804);
  });

  it('logistic regression is within 0.01 AUC of the reference on time-ordered splits', () => {
    const fullTime = evaluateBank('full', 'time', 'logistic', full);
    const additionalTime = evaluateBank('additional', 'time', 'logistic', additional);
    expectNear(fullTime.evaluation.rocAuc, 0.687);
    expectNear(additionalTime.evaluation.rocAuc, 0.687);
    // calibration and lift are reported on the held-out part
    expect(fullTime.evaluation.calibration).toHaveLength(10);
    expect(fullTime.evaluation.lift[0]?.lift).toBeGreaterThan(1.5);
  });

  it('naive Bayes reaches at least 0.75 AUC on stratified splits of bank-full', () => {
    expect(evaluateBank('full', 'stratified', 'naive-bayes', full, 42).evaluation.rocAuc).toBeGreaterThanOrEqual(0.75);
    expect(meanAuc('full', 'naive-bayes', full)).toBeGreaterThanOrEqual(0.75);
  });
});
