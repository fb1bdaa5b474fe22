import { fc, test } from '@fast-check/vitest';
import { describe, expect } from 'vitest';
import type { DistributionSummary } from './distribution.ts';
import { funnelReport, type MetricsRecord } from './funnel-report.ts';
import { testFunnel } from './test-fixtures.ts';

const stageIds = testFunnel.stages.map((stage) => stage.id);
const start = new Date('2024-01-01T00:00:00Z').getTime();
const asOf = new Date('2024-12-31T00:00:00Z');

/** Records with random (possibly backward, skipping or unknown) histories. */
const arbitraryRecord: fc.Arbitrary<MetricsRecord> = fc
  .record({
    createdOffsetHours: fc.integer({ min: 0, max: 24 * 400 }),
    steps: fc.array(fc.record({ stage: fc.constantFrom(...stageIds, 'unknown-stage'), gapHours: fc.integer({ min: -5, max: 24 * 60 }) }), {
      maxLength: 8,
    }),
  })
  .map(({ createdOffsetHours, steps }) => {
    let at = start + createdOffsetHours * 3_600_000;
    const createdAt = new Date(at);
    const stageHistory = steps.map((step) => {
      at += step.gapHours * 3_600_000;
      return { to: step.stage, at: new Date(at) };
    });
    return { createdAt, stageHistory };
  });

function isMonotone(summary: DistributionSummary): boolean {
  if (summary.count === 0) return summary.median === undefined;
  const values = [summary.min, summary.p25, summary.median, summary.p75, summary.p90, summary.max] as number[];
  return values.every((value, index) => index === 0 || (values[index - 1] as number) <= value);
}

describe('funnelReport properties', () => {
  test.prop([fc.array(arbitraryRecord, { maxLength: 60 })])('conserves counts, keeps rates within 0–1 and percentiles monotone', (records) => {
    const report = funnelReport(records, { funnel: testFunnel, asOf, cohortBy: 'month', conversionWindowDays: 30 });
    const overall = report.overall;
    expect(overall.open + overall.won + overall.lost + overall.disqualified).toBe(overall.records);
    expect(overall.records + report.dataIssues.recordsWithoutDate).toBeLessThanOrEqual(records.length);
    const rates = [overall.winRate, overall.stageSkipRate, overall.conversionWithinWindow?.rate];
    for (const stage of overall.stages) {
      rates.push(stage.conversionRate, stage.nextStageConversionRate, stage.skipRate);
      expect(stage.advanced).toBeLessThanOrEqual(stage.entered);
      expect(stage.enteredNext).toBeLessThanOrEqual(stage.advanced);
      expect(stage.current).toBeLessThanOrEqual(stage.entered);
      expect(stage.timeInStage.latest.count).toBe(stage.entered);
      expect(isMonotone(stage.timeInStage.latest)).toBe(true);
      expect(isMonotone(stage.timeInStage.cumulative)).toBe(true);
      if (stage.entered > 0) expect(stage.timeInStage.cumulative.max).toBeGreaterThanOrEqual(stage.timeInStage.latest.max as number);
    }
    for (const rate of rates) if (rate !== undefined) expect(rate >= 0 && rate <= 1).toBe(true);
    expect(isMonotone(overall.cycleLength)).toBe(true);
    // The sum of current counts is the number of records with a known current stage.
    expect(overall.stages.reduce((sum, stage) => sum + stage.current, 0)).toBeLessThanOrEqual(overall.records);
    // Cohorts partition the records.
    const cohortTotals = report.cohorts.reduce(
      (sum, cohort) => ({
        records: sum.records + cohort.metrics.records,
        won: sum.won + cohort.metrics.won,
        entered: sum.entered + (cohort.metrics.stages[0]?.entered ?? 0),
      }),
      { records: 0, won: 0, entered: 0 },
    );
    expect(cohortTotals).toEqual({ records: overall.records, won: overall.won, entered: overall.stages[0]?.entered });
  });

  test.prop([fc.array(arbitraryRecord, { maxLength: 40 })])('gives the same report over an array and a generator, without mutating', (records) => {
    const copy = structuredClone(records);
    const fromArray = funnelReport(records, { funnel: testFunnel, asOf });
    const fromGenerator = funnelReport(
      (function* () {
        yield* records;
      })(),
      { funnel: testFunnel, asOf },
    );
    expect(fromGenerator).toEqual(fromArray);
    expect(records).toEqual(copy);
  });

  test.prop([fc.array(arbitraryRecord, { maxLength: 40 }), fc.array(arbitraryRecord, { maxLength: 40 })])(
    'is additive: counts of a concatenation are the sums',
    (left, right) => {
      const a = funnelReport(left, { funnel: testFunnel, asOf }).overall;
      const b = funnelReport(right, { funnel: testFunnel, asOf }).overall;
      const both = funnelReport([...left, ...right], { funnel: testFunnel, asOf }).overall;
      expect(both.won).toBe(a.won + b.won);
      expect(both.stages.map((stage) => stage.entered)).toEqual(a.stages.map((stage, index) => stage.entered + (b.stages[index]?.entered ?? 0)));
      expect(both.stages.map((stage) => stage.skipped)).toEqual(a.stages.map((stage, index) => stage.skipped + (b.stages[index]?.skipped ?? 0)));
    },
  );
});
