import { describe, expect, it } from 'vitest';
import { bankFeatureSpec, evaluateBank, loadBankLeads } from '../examples/bank-marketing.ts';

// Real data: ../shared/data/uci-bank-marketing (read from there, never copied in). Reference figures were measured
// side by side with scikit-learn 1.2 (Debian's python3-sklearn; not a dependency): LogisticRegression(C=1) on
// one-hot categoricals and standardised numerics, without `duration`.
//   bank-full:       stratified 70/30, random_state=42: 0.770; mean of 10 stratified splits 0.768 (sd 0.008); time 70/30: 0.687
//                    on leadkit's seed-42 stratified split (the very same rows): 0.7547
//   bank-additional: stratified 70/30, random_state=42: 0.804; mean of 10 stratified splits 0.7925 (sd 0.006); time 70/30: 0.689
//                    on leadkit's seed-42 stratified split (the very same rows): 0.7909
const full = loadBankLeads('full');
const additional = loadBankLeads('additional');

function meanAuc(variant: 'full' | 'additional', model: 'logistic' | 'naive-bayes', leads: typeof full): number {
  const seeds = [1, 2, 3];
  let total = 0;
  for (const seed of seeds) total += evaluateBank(variant, 'stratified', model, leads, seed).evaluation.rocAuc;
  return total / seeds.length;
}

describe('UCI Bank Marketing', () => {
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
    expect(bankFeatureSpec('full').features.map((feature) => feature.name)).not.toContain('duration');
  });

  it('logistic regression gives the same AUC as scikit-learn on the same rows', () => {
    expect(evaluateBank('full', 'stratified', 'logistic', full, 42).evaluation.rocAuc).toBeCloseTo(0.7547, 3);
    expect(evaluateBank('additional', 'stratified', 'logistic', additional, 42).evaluation.rocAuc).toBeCloseTo(0.7909, 3);
  });

  it('logistic regression is within 0.01 AUC of scikit-learn on stratified splits', () => {
    expect(Math.abs(meanAuc('full', 'logistic', full) - 0.77)).toBeLessThan(0.01);
    expect(Math.abs(meanAuc('additional', 'logistic', additional) - 0.7925)).toBeLessThan(0.01);
  });

  it('logistic regression is within 0.01 AUC of scikit-learn on time-ordered splits', () => {
    const fullTime = evaluateBank('full', 'time', 'logistic', full);
    const additionalTime = evaluateBank('additional', 'time', 'logistic', additional);
    expect(Math.abs(fullTime.evaluation.rocAuc - 0.687)).toBeLessThan(0.01);
    expect(Math.abs(additionalTime.evaluation.rocAuc - 0.687)).toBeLessThan(0.01);
    // calibration and lift are reported on the held-out part
    expect(fullTime.evaluation.calibration).toHaveLength(10);
    expect(fullTime.evaluation.lift[0]?.lift).toBeGreaterThan(1.5);
  });

  it('naive Bayes reaches at least 0.75 AUC on stratified splits of bank-full', () => {
    expect(evaluateBank('full', 'stratified', 'naive-bayes', full, 42).evaluation.rocAuc).toBeGreaterThanOrEqual(0.75);
    expect(meanAuc('full', 'naive-bayes', full)).toBeGreaterThanOrEqual(0.75);
  });
});
