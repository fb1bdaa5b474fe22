import { describe, expect, it } from 'vitest';
import { funnelReport, type MetricsRecord } from './funnel-report.ts';
import { history, testFunnel } from './test-fixtures.ts';

const records = [
  {
    id: 'r1',
    createdAt: new Date('2024-01-01T00:00:00Z'),
    stage: 'customer',
    stageHistory: history(
      ['lead', '2024-01-01T00:00:00Z'],
      ['mql', '2024-01-03T00:00:00Z'],
      ['sql', '2024-01-05T00:00:00Z'],
      ['opportunity', '2024-01-10T00:00:00Z'],
      ['customer', '2024-01-20T00:00:00Z'],
    ),
  },
  {
    id: 'r2',
    createdAt: new Date('2024-01-02T00:00:00Z'),
    stage: 'lost',
    stageHistory: history(['lead', '2024-01-02T00:00:00Z'], ['sql', '2024-01-04T00:00:00Z'], ['lost', '2024-01-14T00:00:00Z']),
  },
  {
    id: 'r3',
    createdAt: new Date('2024-02-01T00:00:00Z'),
    stage: 'mql',
    stageHistory: history(['lead', '2024-02-01T00:00:00Z'], ['mql', '2024-02-11T00:00:00Z']),
  },
  {
    id: 'r4',
    createdAt: new Date('2024-02-05T00:00:00Z'),
    stage: 'disqualified',
    stageHistory: history(['lead', '2024-02-05T00:00:00Z'], ['disqualified', '2024-02-06T00:00:00Z']),
  },
];
const asOf = new Date('2024-03-01T00:00:00Z');

describe('funnelReport', () => {
  const report = funnelReport(records, { funnel: testFunnel, asOf, cohortBy: 'month', conversionWindowDays: 30 });
  const stage = (id: string) => report.overall.stages.find((s) => s.id === id);

  it('counts outcomes and the win rate (won / (won + lost), disqualified left out)', () => {
    expect(report.overall).toMatchObject({ records: 4, won: 1, lost: 1, disqualified: 1, open: 1, winRate: 0.5 });
    const withDisqualified = funnelReport(records, { funnel: testFunnel, asOf, countDisqualifiedAsLost: true });
    expect(withDisqualified.overall.winRate).toBeCloseTo(1 / 3);
  });

  it('counts entered, advanced, next-stage and skipped records per stage', () => {
    expect(stage('lead')).toMatchObject({ entered: 4, advanced: 3, enteredNext: 2, skipped: 0, conversionRate: 0.75, nextStageConversionRate: 0.5 });
    expect(stage('mql')).toMatchObject({ entered: 2, advanced: 1, skipped: 1, conversionRate: 0.5, current: 1 });
    expect(stage('mql')?.skipRate).toBeCloseTo(1 / 3);
    expect(stage('sql')).toMatchObject({ entered: 2, advanced: 1, enteredNext: 1 });
    expect(stage('opportunity')).toMatchObject({ entered: 1, advanced: 1, conversionRate: 1 });
    expect(stage('customer')).toMatchObject({ entered: 1, current: 1, conversionRate: undefined, onPath: true });
    expect(stage('lost')).toMatchObject({ entered: 1, onPath: false, conversionRate: undefined, skipRate: undefined });
    expect(stage('nurture')).toMatchObject({ entered: 0, onPath: false });
    expect(report.overall.stageSkipRate).toBeCloseTo(1 / 3);
  });

  it('measures the cycle length and time in stage in days', () => {
    expect(report.overall.cycleLength).toMatchObject({ count: 1, median: 19, p90: 19 });
    expect(stage('lead')?.timeInStage.latest).toMatchObject({ count: 4, min: 1, median: 2, max: 10 });
    // r3 is still in mql: 2024-02-11 → 2024-03-01 is 19 days (2024 is a leap year).
    expect(stage('mql')?.timeInStage.latest).toMatchObject({ count: 2, min: 2, max: 19 });
  });

  it('counts cumulative time in stage over repeated stays', () => {
    const recycled = {
      createdAt: new Date('2024-01-01T00:00:00Z'),
      stageHistory: history(
        ['lead', '2024-01-01T00:00:00Z'],
        ['nurture', '2024-01-03T00:00:00Z'],
        ['lead', '2024-01-13T00:00:00Z'],
        ['mql', '2024-01-16T00:00:00Z'],
      ),
    };
    const lead = funnelReport([recycled], { funnel: testFunnel, asOf }).overall.stages[0];
    expect(lead?.timeInStage.latest.median).toBe(3);
    expect(lead?.timeInStage.cumulative.median).toBe(5);
  });

  it('groups cohorts by creation month and computes conversion within a window on mature records only', () => {
    expect(report.cohorts.map((cohort) => [cohort.key, cohort.metrics.records, cohort.metrics.won])).toEqual([
      ['2024-01', 2, 1],
      ['2024-02', 2, 0],
    ]);
    expect(report.overall.conversionWithinWindow).toEqual({ days: 30, mature: 2, converted: 1, rate: 0.5 });
  });

  it('keys month cohorts by the UTC month, before the epoch and across leap days too', () => {
    const dated = ['1969-12-31T23:59:59.999Z', '1970-01-01T00:00:00Z', '2024-02-29T23:59:59.999Z', '2024-03-01T00:00:00Z', '1900-02-28T12:00:00Z'].map(
      (iso) => ({
        createdAt: new Date(iso),
        stage: 'lead',
      }),
    );
    const monthly = funnelReport(dated, { funnel: testFunnel, asOf, cohortBy: 'month' });
    expect(monthly.cohorts.map((cohort) => [cohort.key, cohort.metrics.records])).toEqual([
      ['1900-02', 1],
      ['1969-12', 1],
      ['1970-01', 1],
      ['2024-02', 1],
      ['2024-03', 1],
    ]);
  });

  it('groups cohorts by Monday-start UTC week and by a key function', () => {
    const weekly = funnelReport(records, { funnel: testFunnel, asOf, cohortBy: 'week' });
    expect(weekly.cohorts.map((cohort) => cohort.key)).toEqual(['2024-01-01', '2024-01-29', '2024-02-05']);
    const byId = funnelReport(records, { funnel: testFunnel, asOf, cohortBy: (record) => (record.id === 'r4' ? undefined : record.id) });
    expect(byId.cohorts.map((cohort) => cohort.key)).toEqual(['r1', 'r2', 'r3']);
  });

  it('computes the funnel as of a past date, ignoring later entries and records', () => {
    const past = funnelReport(records, { funnel: testFunnel, asOf: new Date('2024-01-15T00:00:00Z') });
    expect(past.overall).toMatchObject({ records: 2, won: 0, lost: 1, open: 1 });
    expect(past.dataIssues.entriesAfterAsOf).toBe(1);
  });

  it('filters by creation date range', () => {
    const february = funnelReport(records, { funnel: testFunnel, asOf, from: new Date('2024-02-01T00:00:00Z'), to: new Date('2024-03-01T00:00:00Z') });
    expect(february.overall.records).toBe(2);
  });

  it('measures the cycle from a chosen stage', () => {
    const fromMql = funnelReport(records, { funnel: testFunnel, asOf, cycleStartStage: 'mql' });
    expect(fromMql.overall.cycleLength.median).toBe(17);
    expect(fromMql.dataIssues.wonWithoutCycleStart).toBe(0);
  });

  it('counts won records that never entered the cycle start stage instead of dropping them silently', () => {
    const withSkipper = [
      ...records,
      { id: 'r5', createdAt: new Date('2024-01-01T00:00:00Z'), stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['customer', '2024-01-20T00:00:00Z']) },
    ];
    const fromMql = funnelReport(withSkipper, { funnel: testFunnel, asOf, cycleStartStage: 'mql' });
    expect(fromMql.overall.won).toBe(2);
    expect(fromMql.overall.cycleLength.count).toBe(1);
    expect(fromMql.dataIssues).toMatchObject({ wonWithoutCycleStart: 1, negativeCycles: 0 });
    expect(funnelReport(withSkipper, { funnel: testFunnel, asOf }).dataIssues.wonWithoutCycleStart).toBe(0);
  });

  it('measures conversion within the window from creation, even with a cycle start stage', () => {
    // r1 is created on 01-01, enters mql on 01-03 and is won on 01-20: 19 days from creation, 17 from mql.
    for (const days of [17, 18, 19, 30]) {
      const fromCreation = funnelReport(records, { funnel: testFunnel, asOf, conversionWindowDays: days });
      const withStage = funnelReport(records, { funnel: testFunnel, asOf, conversionWindowDays: days, cycleStartStage: 'mql' });
      expect(withStage.overall.conversionWithinWindow).toEqual(fromCreation.overall.conversionWithinWindow);
      expect(withStage.overall.conversionWithinWindow?.converted).toBe(days >= 19 ? 1 : 0);
    }
  });

  it('works over any iterable, not only arrays', () => {
    function* generate(): Generator<MetricsRecord> {
      yield* records;
    }
    expect(funnelReport(generate(), { funnel: testFunnel, asOf })).toEqual(funnelReport(records, { funnel: testFunnel, asOf }));
  });

  it('reports data problems and goes on', () => {
    const odd = [
      { createdAt: new Date('2024-01-01T00:00:00Z'), stageHistory: history(['lead', '2024-01-01T00:00:00Z'], ['martian', '2024-01-02T00:00:00Z']) },
      { createdAt: new Date('2024-01-05T00:00:00Z'), stageHistory: history(['lead', '2024-01-05T00:00:00Z'], ['customer', '2024-01-03T00:00:00Z']) },
      { stage: 'lead' },
      { createdAt: new Date('2024-01-01T00:00:00Z'), stage: 'mql' },
    ];
    const result = funnelReport(odd, { funnel: testFunnel, asOf });
    expect(result.dataIssues).toEqual({
      unknownStageEntries: 1,
      outOfOrderEntries: 1,
      negativeCycles: 1,
      recordsWithoutDate: 1,
      entriesAfterAsOf: 0,
      invalidDates: 0,
      wonWithoutCycleStart: 0,
    });
    expect(result.overall).toMatchObject({ records: 3, won: 1, open: 2 });
    expect(result.overall.cycleLength.count).toBe(0);
    expect(result.overall.stages[1]).toMatchObject({ entered: 1, current: 1 });
  });

  it('can skip durations for a counts-only report', () => {
    const counts = funnelReport(records, { funnel: testFunnel, asOf, durations: false });
    expect(counts.overall.stages[0]?.entered).toBe(4);
    expect(counts.overall.cycleLength.count).toBe(0);
    expect(counts.overall.stages[0]?.timeInStage.latest.count).toBe(0);
  });

  it('refuses an impossible configuration', () => {
    expect(() => funnelReport(records, { funnel: testFunnel, asOf, path: ['lead', 'ghost'] })).toThrow(RangeError);
    expect(() => funnelReport(records, { funnel: testFunnel, asOf, cycleStartStage: 'ghost' })).toThrow(RangeError);
    expect(() => funnelReport(records, { funnel: { stages: [...testFunnel.stages, testFunnel.stages[0]] }, asOf })).toThrow(RangeError);
  });

  it('does not mutate its input', () => {
    const copy = structuredClone(records);
    funnelReport(records, { funnel: testFunnel, asOf, cohortBy: 'week' });
    expect(records).toEqual(copy);
  });
});
