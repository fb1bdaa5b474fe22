import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import type { Lead } from '../models/lead.ts';
import { dataDecayReport } from './data-decay.ts';
import type { DistributionSummary } from './distribution.ts';
import { funnelReport, type MetricsRecord } from './funnel-report.ts';
import { findStaleRecords, weightedPipeline } from './pipeline.ts';
import { compileSegment } from './compile-segment.ts';
import { defineSegment } from './segment-definition.ts';
import { speedToLead } from './speed-to-lead.ts';
import { testFunnel } from './test-fixtures.ts';

const at = (iso: string) => new Date(iso);
const invalid = () => new Date('not a date');
const asOf = at('2024-03-01T00:00:00Z');
const usd = { amountMinor: 100, currency: 'USD' };

function allFinite(summary: DistributionSummary): boolean {
  return [summary.min, summary.p25, summary.median, summary.p75, summary.p90, summary.max, summary.mean].every((value) =>
    summary.count === 0 ? value === undefined : Number.isFinite(value),
  );
}

describe('invalid dates are counted, never compared', () => {
  it('funnelReport: an invalid history entry is skipped and counted, and no NaN reaches a distribution', () => {
    const records: MetricsRecord[] = [];
    for (let day = 2; day <= 11; day++)
      records.push({
        createdAt: at('2024-01-01T00:00:00Z'),
        stageHistory: [
          { to: 'lead', at: at('2024-01-01T00:00:00Z') },
          { to: 'mql', at: new Date(Date.UTC(2024, 0, day)) },
        ],
      });
    records.push({
      createdAt: at('2024-01-01T00:00:00Z'),
      stageHistory: [
        { to: 'lead', at: at('2024-01-01T00:00:00Z') },
        { to: 'mql', at: invalid() },
      ],
    });
    const report = funnelReport(records, { funnel: testFunnel, asOf });
    const lead = report.overall.stages[0]?.timeInStage.latest as DistributionSummary;
    // Ten stays of 1–10 days, and the record whose mql entry is invalid is still in lead: 60 days on 03-01.
    expect(lead).toMatchObject({ count: 11, min: 1, median: 6, max: 60 });
    expect(lead.mean).toBeCloseTo(115 / 11, 12);
    expect(allFinite(lead)).toBe(true);
    expect(report.dataIssues.invalidDates).toBe(1);
    expect(report.overall.stages[1]).toMatchObject({ entered: 10, current: 10 });
  });

  it('funnelReport: an invalid createdAt gives way to the first valid history entry, else the record is left out with a reason', () => {
    const report = funnelReport(
      [
        { createdAt: invalid(), stage: 'lead' },
        {
          createdAt: invalid(),
          stageHistory: [
            { to: 'lead', at: invalid() },
            { to: 'mql', at: at('2024-01-10T00:00:00Z') },
          ],
        },
        { stageHistory: [{ to: 'lead', at: invalid() }] },
      ],
      { funnel: testFunnel, asOf, cohortBy: 'month' },
    );
    expect(report.overall.records).toBe(1);
    expect(report.cohorts.map((cohort) => cohort.key)).toEqual(['2024-01']);
    expect(report.overall.stages[1]).toMatchObject({ entered: 1, current: 1 });
    // Two invalid createdAt, two invalid history entries; two records left out for lack of a valid date.
    expect(report.dataIssues).toMatchObject({ recordsWithoutDate: 2, invalidDates: 4 });
  });

  it('funnelReport refuses an invalid from or to (a programmer error)', () => {
    expect(() => funnelReport([], { funnel: testFunnel, asOf, from: invalid() })).toThrow(RangeError);
    expect(() => funnelReport([], { funnel: testFunnel, asOf, to: invalid() })).toThrow(RangeError);
  });

  it('weightedPipeline and findStaleRecords skip invalid entries and count records without a valid date', () => {
    const records = [
      {
        createdAt: at('2024-01-01T00:00:00Z'),
        stageHistory: [
          { to: 'mql', at: at('2024-01-01T00:00:00Z') },
          { to: 'customer', at: invalid() },
        ],
      },
      { createdAt: invalid(), stage: 'sql' },
    ];
    const pipeline = weightedPipeline(records, { funnel: testFunnel, asOf, amountOf: () => usd });
    expect(pipeline).toMatchObject({ recordsWithoutDate: 1, invalidDates: 2 });
    expect(pipeline.byCurrency).toEqual([{ currency: 'USD', records: 1, total: usd, weighted: { amountMinor: 10, currency: 'USD' } }]);
    const stale = findStaleRecords(records, { funnel: testFunnel, asOf });
    expect(stale.map((entry) => [entry.stageId, entry.daysInStage])).toEqual([['mql', 60]]);
    for (const call of [
      () => weightedPipeline(records, { funnel: testFunnel, asOf: invalid(), amountOf: () => usd }),
      () => findStaleRecords(records, { funnel: testFunnel, asOf: invalid() }),
    ])
      expect(call).toThrow(RangeError);
  });

  it('speedToLead leaves out a lead with an invalid createdAt and ignores a touch with an invalid date', () => {
    const report = speedToLead(
      [
        { id: 'bad', createdAt: invalid(), activities: [{ type: 'call', at: at('2024-01-02T00:00:00Z') }] },
        {
          id: 'ok',
          createdAt: at('2024-01-01T00:00:00Z'),
          activities: [
            { type: 'call', at: invalid() },
            { type: 'call', at: at('2024-01-03T00:00:00Z') },
          ],
        },
      ],
      { asOf, slaHours: 24 },
    );
    expect(report).toMatchObject({ leads: 1, touched: 1, withSla: 1, breached: 1, invalidDates: 2, breachedLeadIds: ['ok'] });
    expect(report.responseTime).toMatchObject({ count: 1, median: 2 });
    expect(() => speedToLead([], { asOf: invalid() })).toThrow(RangeError);
  });

  it('dataDecayReport leaves out an invalid createdAt and reads an invalid lastVerifiedAt as never verified', () => {
    const report = dataDecayReport(
      [
        { id: 'bad-created', createdAt: invalid() },
        { id: 'bad-verified', createdAt: at('2023-01-01T00:00:00Z'), lastVerifiedAt: invalid() },
      ],
      { asOf, maxAgeDays: 180 },
    );
    expect(report).toMatchObject({ records: 1, neverVerified: 1, staleIds: ['bad-verified'], invalidDates: 2 });
    expect(report.expectedValid).toBeCloseTo(0.98 ** (425 / 30.4375), 12);
    expect(() => dataDecayReport([], { asOf: invalid() })).toThrow(RangeError);
  });

  it('a segment activity condition does not count an activity with an invalid date', () => {
    const segment = compileSegment(defineSegment({ id: 'calls', when: { activity: { type: 'call' }, withinDays: 30 } }));
    const lead = (callAt: Date): Lead => ({
      id: 'l',
      contact: {},
      source: 'website_form',
      createdAt: at('2024-01-01T00:00:00Z'),
      activities: [{ type: 'call', direction: 'outbound', at: callAt }],
    });
    expect(segment.matches(lead(invalid()), { asOf })).toBe(false);
    // The same call with a valid date in the window counts: the invalid date is what left it out.
    expect(segment.matches(lead(at('2024-02-20T00:00:00Z')), { asOf })).toBe(true);
    // Under not, the invalid date still never counts: the lead reads as having no recent activity.
    const dormant = compileSegment(defineSegment({ id: 'dormant', when: { not: { activity: {}, withinDays: 30 } } }));
    expect(dormant.matches(lead(invalid()), { asOf })).toBe(true);
    expect(dormant.matches(lead(at('2024-02-20T00:00:00Z')), { asOf })).toBe(false);
  });

  const start = at('2024-01-01T00:00:00Z').getTime();
  const maybeInvalid = (ms: number, broken: boolean) => (broken ? invalid() : new Date(ms));
  const arbitraryRecord: fc.Arbitrary<MetricsRecord> = fc
    .record({
      createdHours: fc.integer({ min: 0, max: 24 * 90 }),
      createdBroken: fc.boolean(),
      steps: fc.array(
        fc.record({
          stage: fc.constantFrom(...testFunnel.stages.map((stage) => stage.id)),
          gapHours: fc.integer({ min: -48, max: 24 * 20 }),
          broken: fc.boolean(),
        }),
        { maxLength: 6 },
      ),
    })
    .map(({ createdHours, createdBroken, steps }) => {
      let ms = start + createdHours * 3_600_000;
      const createdAt = maybeInvalid(ms, createdBroken);
      return { createdAt, stageHistory: steps.map((step) => ({ to: step.stage, at: maybeInvalid((ms += step.gapHours * 3_600_000), step.broken) })) };
    });

  test.prop([fc.array(arbitraryRecord, { maxLength: 30 })])(
    'no distribution of the funnel report ever holds a NaN, and every record is accounted for',
    (records) => {
      const report = funnelReport(records, { funnel: testFunnel, asOf: at('2024-12-01T00:00:00Z'), cycleStartStage: 'mql' });
      const overall = report.overall;
      expect(allFinite(overall.cycleLength)).toBe(true);
      for (const stage of overall.stages) expect(allFinite(stage.timeInStage.latest) && allFinite(stage.timeInStage.cumulative)).toBe(true);
      const withoutDate = records.filter(
        (record) => Number.isNaN(record.createdAt?.getTime()) && (record.stageHistory ?? []).every((entry) => Number.isNaN(entry.at.getTime())),
      );
      expect(report.dataIssues.recordsWithoutDate).toBe(withoutDate.length);
      expect(overall.records).toBe(records.length - withoutDate.length);
      // Every won record is in the cycle length or counted as a reason it is not.
      expect(overall.won).toBe(overall.cycleLength.count + report.dataIssues.negativeCycles + report.dataIssues.wonWithoutCycleStart);
    },
  );
});
